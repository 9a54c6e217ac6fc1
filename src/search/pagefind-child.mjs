// @ts-check
// A Pagefind process, started by src/search/indexer.ts, that indexes shards one after the
// other as they come: each message { id, site, folder, pages, from } on its IPC channel is one
// shard, whose pages of the built site (each read from the first folder of `from` that has
// it, else from <site>, or given in `provisional` by position, and given to Pagefind as its
// search view, view.mjs) go into a fresh bundle at <site>/<folder>/; it answers { id, pages }
// (with `ahead` when its bundle was written before its release and kept) or { id, error }, then
// takes the next.
// { end: true } ends the process (Pagefind's service is closed after each shard). Plain
// JavaScript, so it starts at once (no TypeScript loader).
//
// Why a process of its own: when Pagefind's service (a binary) dies, for instance of a
// full disk, its Node wrapper never settles the call under way, and a process waiting on
// it ends with nothing said (exit 13). Here the service's own exit is watched, its stderr
// (a panic message) reaches the parent, and the parent turns all of it into one error.
// Why one process for many shards: the shards queue here, so the next starts as soon as one
// is written, without waiting for the build's thread (busy rendering) to start a process.
import child_process from 'node:child_process';
import { hash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { searchView } from './view.mjs';

// The wrapper spawns its service through child_process.spawn: keep hold of it to see it exit.
/** @typedef {(...args: unknown[]) => import('node:child_process').ChildProcess} AnySpawn */
const spawn = /** @type {AnySpawn} */ (child_process.spawn);
/** @type {import('node:child_process').ChildProcess | undefined} */
let service;
/** @type {AnySpawn} */
const watchedSpawn = (...args) => {
  const started = spawn(...args);
  started.on('exit', (code, signal) => fail(`the Pagefind service stopped (${signal ?? `exit code ${code}`})`));
  service = started;
  return started;
};
child_process.spawn = /** @type {typeof child_process.spawn} */ (watchedSpawn);
const pagefind = await import('pagefind');

/** @typedef {{ id: number, site: string, folder: string, pages: string[], from?: string[], holdAt?: number, provisional?: Record<number, string>, pauseAt?: number }} Shard */

/**
 * What the build said of a held shard (`holdAt`): go on or drop it, and, to go on, the SHA-256 of the search
 * view each page before the hold must have had (else the shard is indexed anew, from its first page).
 * @typedef {{ go: boolean, expect?: string[] }} Release
 */
/** @type {Map<number, Release>} */
const released = new Map();
/** @type {Map<number, (release: Release) => void>} */
const waitingFor = new Map();

/** Shards told to go on past their pause (`pauseAt`), by id, and those waiting to be. */
const resumed = new Set();
/** @type {Map<number, () => void>} */
const waitingToResume = new Map();

/**
 * Resolves once shard `id` may go on past its pause: told so, or released (a release ends every wait).
 * @param {number} id @returns {Promise<void>}
 */
function resumeOf(id) {
  if (resumed.has(id) || released.has(id)) return Promise.resolve();
  return new Promise((resolve) => waitingToResume.set(id, () => resolve(undefined)));
}

/** @param {number} id */
function resume(id) {
  resumed.add(id);
  waitingToResume.get(id)?.();
  waitingToResume.delete(id);
}

/** @param {number} id @returns {Promise<Release>} */
function releaseOf(id) {
  const said = released.get(id);
  if (said !== undefined) return Promise.resolve(said);
  return new Promise((resolve) => waitingFor.set(id, resolve));
}

let finished = false;
/** The shard under way, whose id a failure is reported under. */
let current = -1;
/** @param {string} message */
function fail(message) {
  if (finished) return;
  finished = true;
  process.send?.({ id: current, error: message }, () => process.exit(1));
}

// Told to stop, or the build that started this process is gone: stop the service first, so no
// file is written into the build's folder after this process has ended.
function stop() {
  finished = true;
  if (!service || service.exitCode !== null || service.signalCode !== null) process.exit(1);
  service.removeAllListeners('exit');
  service.on('exit', () => process.exit(1));
  service.kill('SIGKILL');
}
process.on('SIGTERM', stop);
process.on('disconnect', stop);

/**
 * The text of the page `sourcePath`, from the first of `folders` that has it.
 * @param {string[]} folders
 * @param {string} sourcePath
 */
async function readPage(folders, sourcePath) {
  for (const [at, folder] of folders.entries()) {
    try {
      return await readFile(path.join(folder, sourcePath), 'utf8');
    } catch (error) {
      if (at === folders.length - 1 || /** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`no folder to read ${sourcePath} from`);
}

/**
 * The next shard's index, its Pagefind service started ahead: at once when this process starts
 * (it may be started before the build has a shard for it: indexer.ts, startSearchEarly), and
 * again as each shard ends, so no shard waits for a service to start (about a tenth of a second).
 */
let ready = pagefind.createIndex({});
ready.catch(() => undefined);

/** Pages read ahead of the one Pagefind is given. */
const READ_AHEAD = 16;

/** Shards whose bundle was written before their release and kept (told to go on with the views indexed), by id. */
const keptAhead = new Set();

/**
 * Indexes one shard and writes its bundle; the pages indexed. A held shard
 * (`holdAt`) indexes its pages before that one (those given in `provisional`
 * as given), then waits to be released: told to drop, it closes its index
 * unwritten (0 pages); told to go on with other search views than it read
 * before the hold, it indexes the shard anew. A shard held after its last
 * page writes its bundle before it waits, and removes it again unless told
 * to go on with the very views it indexed.
 * @param {Shard} shard
 * @returns {Promise<number>}
 */
async function indexShard({ id, site, folder, pages, from, holdAt, provisional, pauseAt }) {
  // Dropped before it started: nothing to do.
  if (holdAt !== undefined && released.get(id)?.go === false) return 0;
  const { errors, index } = await ready;
  if (!index) throw new Error(`could not start: ${errors.join('; ') || 'no reason given'}`);
  // The pages are read READ_AHEAD ahead of the one Pagefind takes, so reading them overlaps its work
  // (read one by one, they cost a sixth of a 500-page shard's time), and few are held at once.
  /** @type {(Promise<string> | undefined)[]} */
  const reading = [];
  // Pages from `holdAt` on may not be written before the release: read only once it is given.
  let readable = holdAt ?? pages.length;
  const readAhead = (/** @type {number} */ at) => {
    if (at >= readable) return;
    const given = at < (holdAt ?? 0) ? provisional?.[at] : undefined;
    const read = given === undefined ? readPage(from ?? [site], /** @type {string} */ (pages[at])) : Promise.resolve(given);
    // Seen when its turn comes; a failure before then must not go unhandled meanwhile.
    read.catch(() => undefined);
    reading[at] = read;
  };
  for (let at = 0; at < READ_AHEAD; at++) readAhead(at);
  // The search views indexed before the hold, by their SHA-256: the build checks them at the release.
  /** @type {string[]} */
  const viewed = [];
  // A page before the hold that could not be read (a held shard starts before the build knows whether the previous
  // site has every page): not a failure, but the shard is indexed anew at the release, once every page is written.
  let unread = false;
  /**
   * Waits for the release of a held shard: 'go' on; or, after closing its index unwritten, 'drop' it (kept
   * after all) or index it 'anew' (a page before the hold was read before its new version was written).
   * @returns {Promise<'go' | 'drop' | 'anew'>}
   */
  const goesOn = async () => {
    const { go, expect } = await releaseOf(id);
    if (go && !unread && (!expect || (expect.length === viewed.length && expect.every((sha, at) => sha === viewed[at])))) return 'go';
    await closeService();
    ready = pagefind.createIndex({});
    ready.catch(() => undefined);
    return go ? 'anew' : 'drop';
  };
  /**
   * At the hold: undefined to go on, else the shard's answer (0 when dropped, or its pages indexed anew).
   * @returns {Promise<number | undefined>}
   */
  const atHold = async () => {
    const next = await goesOn();
    if (next === 'drop') return 0;
    if (next === 'anew') return indexShard({ id, site, folder, pages, from });
    return undefined;
  };
  for (const [at, sourcePath] of pages.entries()) {
    // Paused (a shard with pages given ahead): the build says when it has computed its archive, so
    // this process does not take the second core from it meanwhile.
    if (at === pauseAt) await resumeOf(id);
    if (at === readable && readable < pages.length) {
      const answer = await atHold();
      if (answer !== undefined) return answer;
      readable = pages.length;
      for (let next = at; next < at + READ_AHEAD; next++) readAhead(next);
    }
    /** @type {string} */
    let text;
    try {
      text = await /** @type {Promise<string>} */ (reading[at]);
    } catch (error) {
      if (holdAt === undefined || at >= holdAt) throw error;
      unread = true;
      const answer = await atHold();
      if (answer !== undefined) return answer;
      throw new Error('a page before the hold could not be read, yet the shard went on'); // goesOn never says 'go' then
    }
    reading[at] = undefined;
    readAhead(at + READ_AHEAD);
    // What Pagefind reads of the page, not the whole page: the same index, less to parse (view.mjs).
    const content = searchView(text);
    if (holdAt !== undefined && at < holdAt) viewed.push(hash('sha256', content, 'hex'));
    const added = await index.addHTMLFile({ sourcePath, content });
    if (added.errors.length) throw new Error(`could not read ${sourcePath}: ${added.errors.join('; ')}`);
  }
  const outputPath = path.join(site, folder);
  // Held after its last page: written ahead, in the build's staging folder (published only once the build
  // has every shard's answer), and removed again unless the release goes on with the views indexed.
  const ahead = holdAt !== undefined && holdAt >= pages.length;
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
  if (ahead) {
    const next = await goesOn();
    if (next !== 'go') {
      // Pagefind never deletes: a bundle written again into the same folder would keep this one's files beside it.
      await rm(outputPath, { recursive: true, force: true });
      return next === 'drop' ? 0 : indexShard({ id, site, folder, pages, from });
    }
    keptAhead.add(id);
  }
  // Pagefind's service keeps memory it has used: closed after each shard (the next starts a new
  // one, in about a tenth of a second), it holds one shard's pages at most, not more with each.
  await closeService();
  ready = pagefind.createIndex({});
  ready.catch(() => undefined);
  return pages.length;
}

/** Closes Pagefind's service (its exit then is no failure). */
async function closeService() {
  service?.removeAllListeners('exit');
  service = undefined;
  await pagefind.close();
}

/** @type {(Shard | { end: true })[]} */
const queue = [];
let working = false;

async function work() {
  if (working) return;
  working = true;
  while (queue.length && !finished) {
    const next = /** @type {Shard | { end: true }} */ (queue.shift());
    if ('end' in next) {
      finished = true;
      // The service started ahead for a shard that did not come.
      await closeService().catch(() => undefined);
      process.exit(0);
    }
    current = next.id;
    try {
      const indexed = await indexShard(next);
      // Sent before the next shard starts, so no answer is still unsent when the process ends.
      const ahead = keptAhead.delete(next.id);
      await new Promise((resolve) => process.send?.({ id: next.id, pages: indexed, ...(ahead ? { ahead } : {}) }, resolve));
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  working = false;
}

process.on('message', (/** @type {Shard | { end: true } | { id: number, resume: true } | ({ id: number } & Release)} */ message) => {
  if ('resume' in message) {
    resume(message.id);
    return;
  }
  if ('go' in message) {
    resume(message.id);
    const release = { go: message.go, ...(message.expect ? { expect: message.expect } : {}) };
    released.set(message.id, release);
    waitingFor.get(message.id)?.(release);
    waitingFor.delete(message.id);
    return;
  }
  queue.push(message);
  void work();
});
