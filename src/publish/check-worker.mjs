// @ts-check
// The check of the previous site against its manifest (src/publish/incremental.ts, checkPrevious),
// in a worker thread: a synchronous walk and lstat of every file, on the second core while the
// build computes the archive on the first. (On the main thread, as promises, the same check cost the
// build about 2 s at 10,000 articles: 55,000 files, each a promise and a trip through libuv's pool.)
// Plain JavaScript, so it runs as it is from the sources (tests) and from dist/.
//
// In: workerData { outDir, rels, sizes, inos, mtimes, shas }: the manifest's files as columns.
// Out: { trusted, inos, mtimes, strays }: for each manifest file 1 when the file is still the one
// described (same size, and the same inode and time or else the same SHA-256), with its current
// inode and time; and the files and links of the folder the manifest does not list.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ outDir: string, rels: string[], sizes: Float64Array, inos: Float64Array, mtimes: Float64Array, shas: string[] }} */
const { outDir, rels, sizes, inos, mtimes, shas } = workerData;
const at = new Map(rels.map((rel, index) => [rel, index]));
const trusted = new Uint8Array(rels.length);
const nowIno = new Float64Array(rels.length);
const nowMtime = new Float64Array(rels.length);
/** @type {string[]} */
const strays = [];
/** @type {fs.Dirent[]} */
let entries = [];
try {
  entries = fs.readdirSync(outDir, { recursive: true, withFileTypes: true });
} catch {
  // No folder: nothing is trusted.
}
for (const entry of entries) {
  if (entry.isDirectory()) continue;
  const full = path.join(entry.parentPath, entry.name);
  const rel = path.relative(outDir, full).split(path.sep).join('/');
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
parentPort?.postMessage({ trusted, inos: nowIno, mtimes: nowMtime, strays }, [trusted.buffer, nowIno.buffer, nowMtime.buffer]);
