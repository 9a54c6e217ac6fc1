/**
 * One build's use of the build cache (docs/incremental.md): which files of
 * the previous site are still what the manifest says, which pages and search
 * shards are made anew, and how the new site reaches the output folder.
 * Touches the file system; `archive build` (src/eleventy/run.ts) drives it.
 *
 * Without a usable cache (`previous` undefined) the whole site is written to
 * the staging folder and swapped in whole (src/publish/staging.ts). With one,
 * only the files that change are written to the staging folder; once every
 * one of them is written and the checks have passed, each is renamed into
 * the output folder over its old version, and the files the new site no
 * longer has are deleted. Unchanged files are never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
// `await turn()`: what has arrived meanwhile (a Pagefind process's answer) is handled.
import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { sha256 } from '../archive/fingerprint.ts';
import type { RawFile } from '../archive/archive-data.ts';
import { searchView } from '../search/view.mjs';
import { bundleFolder, isBundleFolder, searchShards, type HeldShard } from '../search/plan.ts';
import {
  CACHE_FORMAT,
  cacheFolder,
  KEY_CHANGED,
  manifestOf,
  recordFiles,
  removeManifest,
  sitePath,
  writeManifest,
  writeManifestDelta,
  type FileRecord,
  type Manifest,
  type ManifestDelta,
} from './cache.ts';
import { publishStaging } from './staging.ts';
import { openAndCheck, type Opened } from './check-worker.mjs';

/** What the new manifest records of a file besides its size, inode and time. */
export type FileFacts = Omit<FileRecord, 'size' | 'ino' | 'mtimeMs'>;

/** Adds `rel` to its search bundle's files in `folders`, when it is in a bundle's folder. */
function inBundle(folders: Map<string, string[]>, rel: string): void {
  const slash = rel.indexOf('/');
  if (slash < 0) return;
  const folder = rel.slice(0, slash);
  if (!isBundleFolder(folder)) return;
  const list = folders.get(folder);
  if (list) list.push(rel);
  else folders.set(folder, [rel]);
}

/** The site-relative file of a page at `url` (`/a/` → `a/index.html`). */
export const pageFile = (url: string): string => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));

/** The files of the previous site that are still the ones its manifest describes, and those it does not list. */
export interface CheckedSite {
  /** Site-relative path → its record, with the file's current inode and time. */
  trusted: Map<string, FileRecord>;
  /** Files and links in the output folder that the manifest does not list: a clean build would not have them. */
  strays: string[];
  /** The trusted files found with another inode or time than recorded (same size and bytes: restored in CI), whose records say so. */
  moved?: ReadonlySet<string>;
}

const relative = (root: string, full: string): string => path.relative(root, full).split(path.sep).join('/');

/** The previous site: its manifest, which of its files are still the ones the manifest describes, and what the manifest's delta holds. */
export interface PreviousSite {
  manifest: Manifest;
  checked: CheckedSite;
  delta: ManifestDelta;
}

/**
 * Reads the manifest of `outDir` and checks every file of the output folder
 * against it: the same inode, size and time, or else the same size and
 * SHA-256 (files restored in CI have new inodes). In a worker thread
 * (check-worker.mjs), so the manifest is parsed and the file system walked on
 * the second core while the build reads the content and computes the
 * archive; should the worker fail, the same is done here. Resolves to the
 * previous site, or to why there is none to use; the manifest's key is the
 * caller's to check (`usablePrevious`), once the content is read. Aborting
 * `signal` (the build failed before it asked) ends the worker.
 */
export function openPrevious(outDir: string, signal?: AbortSignal): Promise<PreviousSite | { reason: string }> {
  const out = path.resolve(outDir);
  const folder = cacheFolder(out);
  const answered = (opened: Opened): PreviousSite | { reason: string } => {
    if ('reason' in opened) return opened;
    const manifest = manifestOf(opened.stored);
    const { answer } = opened;
    const trusted = new Map<string, FileRecord>();
    const moved = new Set<string>();
    opened.stored.files.rels.forEach((rel, index) => {
      if (!answer.trusted[index]) return;
      const record = manifest.files[rel]!;
      const ino = answer.inos[index]!;
      const mtimeMs = answer.mtimes[index]!;
      // The manifest's own record when the file is still the one it describes (55,000 copies took 0.17 s at 10,000 articles).
      if (record.ino === ino && record.mtimeMs === mtimeMs) trusted.set(rel, record);
      else {
        trusted.set(rel, { ...record, ino, mtimeMs });
        moved.add(rel);
      }
    });
    const rels = new Set<string>();
    opened.delta.rows.forEach((row, index) => {
      if (row) rels.add(opened.stored.files.rels[index]!);
    });
    return {
      manifest,
      checked: { trusted, strays: answer.strays, moved },
      delta: { token: opened.token, rels, removed: opened.delta.removed },
    };
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      try {
        resolve(answered(openAndCheck(folder, out)));
      } catch (error) {
        reject(error as Error);
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(CHECK_WORKER, { workerData: { open: { folder, outDir: out } } });
    } catch {
      here();
      return;
    }
    const stop = () => {
      if (settled) return;
      settled = true;
      resolve({ reason: 'the build stopped' });
      void worker.terminate();
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (opened: Opened) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      resolve(answered(opened));
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

/** `opened` (openPrevious) when its manifest is of the build's `key`, else why not. */
export function usablePrevious(opened: PreviousSite | { reason: string }, key: string): PreviousSite | { reason: string } {
  return 'reason' in opened || opened.manifest.key === key ? opened : { reason: KEY_CHANGED };
}

const CHECK_WORKER = new URL('./check-worker.mjs', import.meta.url);

/** How many raw files SiteUpdate.rawFiles makes between two turns to the thread's events (about 30 ms of work). */
const RAW_FILES_PER_TURN = 200;

/** One page of the site made one per item: its URL and fingerprint (src/archive/fingerprint.ts). */
interface Page {
  url: string;
  fingerprint: string;
}

/**
 * The files of one build: what is taken from the previous site, what is
 * written anew, which search shards are indexed, and the new manifest.
 */
export class SiteUpdate {
  readonly #outDir: string;
  readonly #staging: string;
  readonly #previous: Manifest | undefined;
  readonly #checked: CheckedSite;
  readonly #key: string;
  /** Every file of the new site known so far → what the manifest records of it. */
  readonly #known = new Map<string, FileFacts>();
  /** A full build's records taken before publishing (recordAhead), and which top-level entries they cover. */
  #ahead?: { files: Record<string, FileRecord>; within: (top: string) => boolean };
  /** Files of the new site taken from the previous one as they are. */
  readonly #kept = new Set<string>();
  /** Of those, the files whose records are not the previous manifest's: found moved (CheckedSite.moved), or kept with new facts. */
  readonly #keptChanged = new Set<string>();
  /** What the previous manifest's delta holds (undefined: the next manifest is written whole). */
  readonly #delta: ManifestDelta | undefined;
  readonly #made = new Set<string>();
  readonly #shards: string[][];
  readonly #shardPages: number;
  readonly #shardOf = new Map<string, number>();
  readonly #waiting: Set<string>[];
  readonly #shardState: ('waiting' | 'kept' | 'indexed')[];
  readonly #searchOf = new Map<string, string>();
  readonly #index: (shard: number, pages: string[]) => Promise<unknown> | undefined;
  /** The shards whose bundles this build indexed and Pagefind has written whole, not yet recorded. */
  readonly #bundlesDone: number[] = [];
  /** A full build's records of its bundles' files, made once each bundle is written (recordAhead), by bundle folder. */
  readonly #bundleRecords = new Map<string, Record<string, FileRecord>>();
  #published = false;
  readonly #release: ((shard: number, index: boolean, expect?: readonly string[]) => void) | undefined;
  /** The shard whose indexing was started ahead (`held`), waiting to be told whether to finish, with the page it is held at. */
  readonly #held = new Map<number, number>();

  /**
   * `previous` and `checked` are the cache and its check (undefined for a
   * full build); `articleUrls` the article pages newest first, which the
   * search shards hold (`searchShards`); `index` starts indexing a shard
   * (a promise it returns settles once the bundle is written whole);
   * `held` is the shard the caller started ahead (`shardToHold`), before it
   * knew whether the build is incremental, and `release` tells it to go on
   * (true) or to drop what it did (false), and the search views the pages
   * before the hold must have. Once the shard's pages are all written it
   * goes on if the shard is to be indexed and every page before the hold has
   * the search view it was indexed with (a page re-rendered for its related
   * stories or neighbours keeps it: they lie outside what Pagefind reads),
   * else it is indexed anew, whole; or it drops what it did if the shard is
   * kept after all. It is dropped at once when the build is not
   * incremental, or the shard is not the one this site has at its index.
   */
  constructor(options: {
    outDir: string;
    staging: string;
    key: string;
    previous?: { manifest: Manifest; checked: CheckedSite; delta?: ManifestDelta };
    articleUrls: readonly string[];
    shardPages: number;
    index: (shard: number, pages: string[]) => Promise<unknown> | undefined;
    held?: HeldShard;
    release?: (shard: number, index: boolean, expect?: readonly string[]) => void;
  }) {
    this.#outDir = options.outDir;
    this.#staging = options.staging;
    this.#key = options.key;
    this.#previous = options.previous?.manifest;
    this.#delta = options.previous?.delta;
    this.#checked = options.previous?.checked ?? { trusted: new Map(), strays: [] };
    this.#shardPages = options.shardPages;
    this.#shards = searchShards(options.articleUrls, options.shardPages);
    this.#shards.forEach((urls, index) => {
      for (const url of urls) this.#shardOf.set(url, index);
    });
    this.#waiting = this.#shards.map((urls) => new Set(urls));
    this.#shardState = this.#shards.map(() => 'waiting');
    this.#index = options.index;
    this.#release = options.release;
    const { held } = options;
    if (held && this.#release) {
      const urls = this.#shards[held.index];
      const same = urls !== undefined && urls.length === held.urls.length && urls.every((url, at) => url === held.urls[at]);
      if (this.#previous && same && held.at > 0 && held.at <= urls.length) this.#held.set(held.index, held.at);
      else this.#release(held.index, false);
    }
  }

  /** Whether the previous site's file `rel` may be kept: checked, and recorded as `match` says. */
  #trusted(rel: string, match: (record: FileRecord) => boolean): boolean {
    const record = this.#checked.trusted.get(rel);
    return record !== undefined && match(record);
  }

  /** Keeps the previous site's file `rel`, its record as it was, or with `facts` changed. */
  #keep(rel: string, facts?: Partial<FileFacts>): void {
    const record = this.#checked.trusted.get(rel)!;
    this.#kept.add(rel);
    const { moved } = this.#checked;
    if (facts || (moved ? moved.has(rel) : record !== this.#previous?.files[rel])) this.#keptChanged.add(rel);
    // The record itself when nothing changes (publish then writes it as it is: 55,000 copies took 0.25 s at 10,000 articles).
    this.#known.set(rel, facts ? { ...factsOf(record), ...facts } : record);
  }

  /** Whether this build is incremental (a checked cache) rather than full. */
  get incremental(): boolean {
    return this.#previous !== undefined;
  }

  /**
   * Keeps each page whose fingerprint is the one its file was rendered from;
   * returns the URLs of the pages to render.
   */
  keepPages(pages: Iterable<Page>): Set<string> {
    const render = new Set<string>();
    for (const page of pages) {
      const rel = pageFile(page.url);
      if (this.#trusted(rel, (record) => record.url === page.url && record.fingerprint === page.fingerprint)) {
        this.#keep(rel);
        this.arrived(page.url);
      } else render.add(page.url);
    }
    return render;
  }

  /**
   * A full build's records of the files under the staging folder's top-level
   * entries `within` takes, made now (publish() records the rest): for the
   * files outside the search bundles, once every page and raw file is
   * written, while Pagefind indexes the last shards and the build's thread
   * would only wait (listing and stating 55,000 files took 0.45 s at 10,000
   * articles). An incremental build records its files as it publishes them
   * (undefined). The records made, by file.
   */
  recordAhead(within: (top: string) => boolean): Readonly<Record<string, FileRecord>> | undefined {
    if (this.#previous) return undefined;
    this.#ahead = { files: recordFiles(this.#staging, this.#known, within), within };
    for (const index of this.#bundlesDone.splice(0)) this.#recordBundle(index);
    return this.#ahead.files;
  }

  /** A bundle this build indexed is written: a full build records its files once it records ahead (recordAhead), now if it has. */
  #bundleWritten(index: number): void {
    if (this.#previous || this.#published) return;
    if (this.#ahead) this.#recordBundle(index);
    else this.#bundlesDone.push(index);
  }

  /**
   * Records the files of bundle `index`, written whole into the staging
   * folder, while Pagefind indexes the last shards and the build's thread
   * would only wait: publish() records only the bundles not done so (after
   * the last shard, reading and hashing 11,000 files took 0.8 s at 10,000
   * articles). Renaming the staging folder into place keeps what is
   * recorded. A bundle that cannot be recorded now is recorded then.
   */
  #recordBundle(index: number): void {
    const folder = bundleFolder(index);
    try {
      this.#bundleRecords.set(
        folder,
        recordFiles(this.#staging, this.#known, (top) => top === folder),
      );
    } catch {
      this.#bundleRecords.delete(folder);
    }
  }

  /** Starts, before any page is rendered, the shards that are complete already (and the empty one of an empty archive). */
  start(): void {
    this.#shards.forEach((urls, index) => {
      if (urls.length === 0) this.#shardReady(index);
    });
  }

  /** Records a file Eleventy wrote into the staging folder (`content` its text, when Eleventy gives it). */
  written(outputPath: string, url: string | undefined, content: unknown, fingerprint: string | undefined): void {
    const rel = relative(this.#staging, outputPath);
    if (typeof content === 'string') {
      const facts: FileFacts = { sha: sha256(content), ...(url && fingerprint ? { url, fingerprint } : {}) };
      if (url && this.#shardOf.has(url)) facts.search = sha256(searchView(content));
      this.#known.set(rel, facts);
    }
    if (url) this.arrived(url);
  }

  /**
   * Feeds, the sitemap, robots.txt, alias pages, citations and the data
   * export: each kept when its key (a hash of what it is made from) is the
   * recorded one, else made, and written unless the previous site has it as
   * it is. It turns to the thread's events every `RAW_FILES_PER_TURN` files
   * made, so the answers of Pagefind's processes are heard and they are
   * handed their next shards meanwhile: written in one go (a clean build at
   * 10,000 articles writes 20,000 citations and more here, about 3 s), the
   * one process that indexes while the build renders ran out of shards and
   * stood idle for a second and a half.
   */
  async rawFiles(files: readonly RawFile[]): Promise<void> {
    let rendered = 0;
    for (const file of files) {
      const rel = pageFile(file.url);
      const made = file.key?.();
      if (made !== undefined && this.#trusted(rel, (record) => record.key === made)) {
        this.#keep(rel);
        continue;
      }
      if (++rendered % RAW_FILES_PER_TURN === 0) await turn();
      const text = file.render();
      const sha = sha256(text);
      const key = made === undefined ? {} : { key: made };
      if (this.#trusted(rel, (record) => record.sha === sha)) this.#keep(rel, key);
      else {
        const target = sitePath(this.#staging, rel);
        const folder = path.dirname(target);
        if (!this.#made.has(folder)) {
          fs.mkdirSync(folder, { recursive: true });
          this.#made.add(folder);
        }
        fs.writeFileSync(target, text);
        this.#known.set(rel, { sha, ...key });
      }
    }
  }

  /** Marks the page at `url` as written (a build without the cache records nothing else): its shard starts once it has all its pages. */
  arrived(url: string): void {
    const index = this.#shardOf.get(url);
    if (index === undefined) return;
    this.#waiting[index]!.delete(url);
    if (this.#waiting[index]!.size === 0) this.#shardReady(index);
  }

  /** What decides shard `index`'s bundle: its place, its pages and what Pagefind reads of each. */
  #shardFingerprint(index: number): string {
    return sha256(
      JSON.stringify([this.#shardPages, index, this.#shards[index]!.map((url) => [url, this.#known.get(pageFile(url))?.search ?? null])]),
    );
  }

  /** A shard whose pages are all known: kept when it indexed the very same, else indexed anew. */
  #shardReady(index: number): void {
    if (this.#shardState[index] !== 'waiting') return;
    const fingerprint = this.#shardFingerprint(index);
    this.#searchOf.set(String(index), fingerprint);
    const before = this.#previous?.search?.shards?.[index];
    if (
      before &&
      before.fingerprint === fingerprint &&
      before.files.length > 0 &&
      before.files.every((rel) => rel.startsWith(`${bundleFolder(index)}/`) && this.#trusted(rel, () => true))
    ) {
      for (const rel of before.files) this.#keep(rel);
      this.#shardState[index] = 'kept';
      if (this.#held.delete(index)) this.#release!(index, false);
      return;
    }
    this.#shardState[index] = 'indexed';
    const heldAt = this.#held.get(index);
    if (heldAt !== undefined) {
      this.#held.delete(index);
      const before = this.#shards[index]!.slice(0, heldAt);
      this.#release!(
        index,
        true,
        before.map((url) => this.#known.get(pageFile(url))?.search ?? ''),
      );
      return;
    }
    const indexed = this.#index(
      index,
      this.#shards[index]!.map((url) => pageFile(url)),
    );
    // A failed shard fails the build (the indexer says so); only a written bundle is recorded.
    if (indexed instanceof Promise)
      indexed.then(
        () => this.#bundleWritten(index),
        () => undefined,
      );
  }

  /** Starts every shard not started yet: for after the last page is written (a missing page is refused before). */
  finishShards(): void {
    this.#shards.forEach((_, index) => {
      this.#shardReady(index);
    });
  }

  /** The folder of each bundle, the first first, where it is now: the staging folder's if indexed anew, else the output folder's. */
  bundleFolders(): string[] {
    return this.#shards.map((_, index) =>
      path.join(this.#shardState[index] === 'kept' ? this.#outDir : this.#staging, bundleFolder(index)),
    );
  }

  /** Where Pagefind reads the pages of a shard: a page rendered by this build is in the staging folder, any other in the output folder. */
  get pageFolders(): string[] {
    return this.incremental ? [this.#staging, this.#outDir] : [this.#staging];
  }

  /**
   * Publishes the new site and writes its manifest; how many of its files
   * were written and how many kept. A full build swaps the staging folder in
   * whole and writes the manifest whole. An incremental one moves each new
   * file into place (skipping one whose bytes the kept file has already) and
   * deletes the files the new site no longer has; the manifest's delta is
   * deleted first, so a build killed meanwhile leaves no cache and the next
   * build is full. It then writes the records that changed, as the delta of
   * the manifest's base, unless the delta would hold more than an eighth of
   * the site's files (the base is then written anew, whole).
   */
  publish(): { written: number; kept: number } {
    removeManifest(this.#outDir);
    if (!this.#previous) {
      this.#published = true;
      publishStaging(this.#staging, this.#outDir);
      // Renaming the staging folder into place keeps each file's inode, size and time: what recordAhead took stands.
      const ahead = this.#ahead;
      const recorded = this.#bundleRecords;
      const files = Object.assign(
        {},
        ahead?.files,
        ...recorded.values(),
        recordFiles(this.#outDir, this.#known, (top) => !ahead?.within(top) && !recorded.has(top)),
      ) as Record<string, FileRecord>;
      // Each bundle's files, gathered as the files are recorded (a pass per bundle cost 0.5 s at 10,000 articles).
      const inFolder = new Map<string, string[]>();
      for (const rel of Object.keys(files)) inBundle(inFolder, rel);
      writeManifest(this.#outDir, {
        format: CACHE_FORMAT,
        key: this.#key,
        outDir: this.#outDir,
        files,
        search: this.#searchRecord(inFolder),
      });
      return { written: Object.keys(files).length, kept: 0 };
    }
    const previous = this.#previous;
    // The records that differ from the previous manifest's: of the files written, and of kept files found with a new
    // inode or time, or kept with a new key.
    const changes: Record<string, FileRecord> = {};
    const change = (rel: string, record: FileRecord): void => {
      if (!sameRecord(record, previous.files[rel])) changes[rel] = record;
    };
    for (const rel of this.#keptChanged) {
      const known = this.#known.get(rel)!;
      const trusted = this.#checked.trusted.get(rel)!;
      change(rel, known === trusted ? trusted : { ...known, ...statsOf(trusted) });
    }
    // The files of the new search bundles, all in the staging folder.
    const inFolder = new Map<string, string[]>();
    const staged = new Set<string>();
    let written = 0;
    const made = new Set<string>();
    for (const entry of fs.readdirSync(this.#staging, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const from = path.join(entry.parentPath, entry.name);
      const rel = relative(this.#staging, from);
      staged.add(rel);
      inBundle(inFolder, rel);
      const facts = this.#known.get(rel) ?? { sha: sha256(fs.readFileSync(from)) };
      const before = this.#checked.trusted.get(rel);
      if (before && before.sha === facts.sha) {
        // The previous file has these bytes already: it stays, untouched.
        change(rel, { ...facts, ...statsOf(before) });
        this.#kept.add(rel);
        continue;
      }
      const to = sitePath(this.#outDir, rel);
      const folder = path.dirname(to);
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (fs.lstatSync(to, { throwIfNoEntry: false })?.isDirectory()) fs.rmSync(to, { recursive: true, force: true });
      fs.renameSync(from, to);
      const stat = fs.lstatSync(to);
      change(rel, { ...facts, size: stat.size, ino: stat.ino, mtimeMs: stat.mtimeMs });
      written++;
    }
    const inSite = (rel: string): boolean => this.#kept.has(rel) || staged.has(rel);
    // The previous site's files the new site does not have (the manifest's, and strays), and folders left empty.
    const gone = [...Object.keys(previous.files), ...this.#checked.strays].filter((rel) => !inSite(rel));
    const folders = new Set<string>();
    for (const rel of gone) {
      const target = sitePath(this.#outDir, rel);
      try {
        if (!fs.lstatSync(target).isDirectory()) fs.rmSync(target, { force: true });
      } catch {
        // Gone already.
      }
      for (let folder = path.dirname(target); folder.startsWith(this.#outDir + path.sep); folder = path.dirname(folder))
        folders.add(folder);
    }
    // Folders left empty, deepest first.
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
      try {
        fs.rmdirSync(folder);
      } catch {
        // Not empty, or gone.
      }
    }
    fs.rmSync(this.#staging, { recursive: true, force: true });
    const siteFiles = this.#kept.size + written;
    const search = this.#searchRecord(inFolder);
    // The new delta: the previous delta's records still in the site, this build's changes, and the base's paths removed.
    // The delta extends the base of the key it was made for: a build of another key writes the manifest whole.
    const delta = previous.key === this.#key ? this.#delta : undefined;
    if (delta) {
      const records: Record<string, FileRecord> = {};
      for (const rel of delta.rels) if (inSite(rel) && !(rel in changes)) records[rel] = previous.files[rel]!;
      Object.assign(records, changes);
      const removed = [...new Set([...delta.removed, ...gone.filter((rel) => rel in previous.files)])].filter((rel) => !(rel in records));
      if (Object.keys(records).length + removed.length <= DELTA_MIN + siteFiles / 8) {
        writeManifestDelta(this.#outDir, delta.token, records, removed, search);
        return { written, kept: siteFiles - written };
      }
    }
    // The manifest written whole: every file of the new site.
    const files: Record<string, FileRecord> = {};
    for (const rel of Object.keys(previous.files)) if (inSite(rel)) files[rel] = changes[rel] ?? previous.files[rel]!;
    for (const rel of Object.keys(changes)) files[rel] ??= changes[rel]!;
    writeManifest(this.#outDir, { format: CACHE_FORMAT, key: this.#key, outDir: this.#outDir, files, search });
    return { written, kept: siteFiles - written };
  }

  /** The search index's record: each shard's fingerprint, and its files (`inFolder`, when indexed anew, else the previous manifest's). */
  #searchRecord(inFolder: ReadonlyMap<string, string[]>): NonNullable<Manifest['search']> {
    return {
      shards: this.#shards.map((_, index) => ({
        fingerprint: this.#searchOf.get(String(index)) ?? this.#shardFingerprint(index),
        files:
          this.#shardState[index] === 'kept'
            ? (this.#previous?.search?.shards?.[index]?.files ?? [])
            : (inFolder.get(bundleFolder(index)) ?? []),
      })),
    };
  }
}

/** Records of a manifest's delta, besides an eighth of the site's files, before the manifest is written whole. */
const DELTA_MIN = 64;

/** Whether two records say the same of a file. */
function sameRecord(a: FileRecord, b: FileRecord | undefined): boolean {
  return (
    b !== undefined &&
    a.sha === b.sha &&
    a.size === b.size &&
    a.ino === b.ino &&
    a.mtimeMs === b.mtimeMs &&
    a.url === b.url &&
    a.fingerprint === b.fingerprint &&
    a.search === b.search &&
    a.key === b.key
  );
}

function factsOf(record: FileRecord): FileFacts {
  const { size: _size, ino: _ino, mtimeMs: _mtime, ...facts } = record;
  return facts;
}

function statsOf(record: FileRecord): Pick<FileRecord, 'size' | 'ino' | 'mtimeMs'> {
  return { size: record.size, ino: record.ino, mtimeMs: record.mtimeMs };
}
