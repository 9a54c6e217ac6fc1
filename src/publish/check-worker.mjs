// @ts-check
// The previous site's manifest read (manifest-file.mjs) and the site checked against it
// (src/publish/incremental.ts, openPrevious): a synchronous walk and lstat of every file. Run as a
// worker thread, on the second core while the build reads the content and computes the archive on
// the first (on the main thread, as promises, the same check cost the build about 2 s at 10,000
// articles: 55,000 files, each a promise and a trip through libuv's pool); `openAndCheck` is also
// exported, for the main thread to run itself if the worker fails.
// Plain JavaScript, so it runs as it is from the sources (tests) and from dist/.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { entryPaths } from './site-paths.mjs';
import { readManifest } from './manifest-file.mjs';

/**
 * @typedef {{ outDir: string, rels: string[], sizes: ArrayLike<number>, inos: ArrayLike<number>, mtimes: ArrayLike<number>, shas: string[] }} CheckInput
 * The manifest's files as columns.
 * @typedef {{ trusted: Uint8Array<ArrayBuffer>, inos: Float64Array<ArrayBuffer>, mtimes: Float64Array<ArrayBuffer>, strays: string[] }} CheckOutput
 * For each manifest file 1 when the file is still the one described (same size, and the same inode
 * and time or else the same SHA-256), with its current inode and time; and the files and links of
 * the folder that the manifest does not list.
 */

/**
 * @param {CheckInput} input
 * @returns {CheckOutput}
 */
function checkFiles({ outDir, rels, sizes, inos, mtimes, shas }) {
  const at = new Map(rels.map((rel, index) => [rel, index]));
  const trusted = new Uint8Array(rels.length);
  const nowIno = new Float64Array(rels.length);
  const nowMtime = new Float64Array(rels.length);
  /** @type {string[]} */
  const strays = [];
  const root = path.resolve(outDir);
  const pathsOf = entryPaths(root);
  /** @type {fs.Dirent[]} */
  let entries = [];
  try {
    entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    // No folder: nothing is trusted.
  }
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const { full, rel } = pathsOf(entry);
    const index = at.get(rel);
    if (index === undefined || !entry.isFile()) {
      strays.push(rel);
      continue;
    }
    try {
      const stat = fs.lstatSync(full);
      if (!stat.isFile() || stat.size !== sizes[index]) continue;
      const same =
        (stat.ino === inos[index] && stat.mtimeMs === mtimes[index]) ||
        createHash('sha256').update(fs.readFileSync(full)).digest('hex') === shas[index];
      if (!same) continue;
      trusted[index] = 1;
      nowIno[index] = stat.ino;
      nowMtime[index] = stat.mtimeMs;
    } catch {
      // Gone or unreadable: not trusted, so made anew.
    }
  }
  return { trusted, inos: nowIno, mtimes: nowMtime, strays };
}

/**
 * @typedef {import('./manifest-file.mjs').StoredManifest} StoredManifest
 * @typedef {Omit<import('./manifest-file.mjs').ReadManifest, 'hashes'> & { answer: CheckOutput } | { reason: string }} Opened
 * The manifest of the output folder (its base's token and what its delta holds too) and the check
 * of its files, or why there is no manifest to use.
 */

/**
 * Reads the manifest of `outDir` (resolved) from the cache folder `folder` and checks the folder's
 * files against it. Its number columns come back as Float64Arrays, which the worker moves to the
 * main thread uncopied.
 * @param {string} folder
 * @param {string} outDir
 * @returns {Opened}
 */
export function openAndCheck(folder, outDir) {
  const read = readManifest(folder, outDir);
  if ('reason' in read) return read;
  const { files } = read.stored;
  const size = Float64Array.from(files.size);
  const ino = Float64Array.from(files.ino);
  const mtimeMs = Float64Array.from(files.mtimeMs);
  const answer = checkFiles({
    outDir,
    rels: files.rels,
    sizes: size,
    inos: ino,
    mtimes: mtimeMs,
    shas: read.hashes.sha,
  });
  return { stored: { ...read.stored, files: { ...files, size, ino, mtimeMs } }, token: read.token, delta: read.delta, answer };
}

/**
 * Makes the calling thread 10 nicer than it is (at most 19), on Linux only, where a nice value is a
 * thread's own; elsewhere it is the whole process's, so nothing is done. The check's answer is
 * wanted only once the archive is computed, about three seconds later at 10,000 articles, while
 * the computation, the related stories' worker, V8's helpers and, for an edited article, Pagefind
 * share two cores: at nice 10 the check takes the time they leave (an added article at 10,000,
 * twelve pairs, order alternating: 6.64 s against 7.04 s, quicker in ten, one even). When the build
 * waits for the answer the check has a core to itself, nice or not.
 * @returns {boolean} whether the thread's priority was lowered
 */
export function yieldToBuild() {
  if (process.platform !== 'linux') return false;
  try {
    os.setPriority(Math.min(19, os.getPriority() + 10));
    return true;
  } catch {
    return false;
  }
}

if (!isMainThread && parentPort && workerData?.open) {
  yieldToBuild();
  const { folder, outDir } = workerData.open;
  const opened = openAndCheck(folder, outDir);
  if ('reason' in opened) parentPort.postMessage(opened);
  else {
    const { files } = opened.stored;
    const moved = [
      opened.answer.trusted,
      opened.answer.inos,
      opened.answer.mtimes,
      files.size,
      files.ino,
      files.mtimeMs,
      opened.delta.rows,
    ].map((array) => /** @type {ArrayBuffer} */ (/** @type {Float64Array | Uint8Array} */ (array).buffer));
    parentPort.postMessage(opened, moved);
  }
}
