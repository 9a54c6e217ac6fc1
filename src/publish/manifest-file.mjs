// @ts-check
// The manifest's file (src/publish/cache.ts says what it records), as columns: the paths of the
// site's files in one array, each number field in one array, and each hash field in one string,
// the values joined by newlines ('' for a file without one). Read as objects, one record a file,
// the manifest of 10,000 articles (55,000 files, 16.7 MB) took its build 0.3 s to read and parse,
// 0.2 s to write, and 0.17 s more to turn into the check's columns; as columns it is parsed with
// few strings made (a hash column is split into slices of one string), and it is read and parsed
// on the check's worker thread (check-worker.mjs) while the build reads the content.
// Plain JavaScript, so the worker runs it as it is from the sources and from dist/.
import fs from 'node:fs';
import path from 'node:path';

/** Bumped whenever what the manifest means, or how it is written, changes. */
export const CACHE_FORMAT = 4;

/** The fields of a file's record held as one string each: hashes, never holding a newline. */
export const HASH_FIELDS = /** @type {const} */ (['sha', 'fingerprint', 'search', 'key']);

/** The fields of a file's record held as an array of numbers each. */
export const NUMBER_FIELDS = /** @type {const} */ (['size', 'ino', 'mtimeMs']);

/**
 * @typedef {{ rels: string[], url: string[], size: ArrayLike<number>, ino: ArrayLike<number>, mtimeMs: ArrayLike<number>,
 *   sha: string, fingerprint: string, search: string, key: string }} FileColumns
 * Every file of the site, in the same order in each column: its path (relative to the site, forward
 * slashes), its page's URL or '', its size, inode and modification time, and the hash columns.
 * @typedef {{ format: number, key: string, outDir: string, files: FileColumns, search?: unknown }} StoredManifest
 * The manifest as written; `search` is checked where it is used (src/publish/incremental.ts).
 */

/**
 * The `count` values of a hash column, or undefined when it does not hold that many.
 * @param {unknown} column
 * @param {number} count
 * @returns {string[] | undefined}
 */
export function splitColumn(column, count) {
  if (typeof column !== 'string') return undefined;
  if (count === 0) return column === '' ? [] : undefined;
  const values = column.split('\n');
  return values.length === count ? values : undefined;
}

/**
 * The hash columns of `files`, each split into its values, when `files` is whole: as many values in
 * every column, of the right types, no path twice; else undefined.
 * @param {unknown} files
 * @returns {Record<(typeof HASH_FIELDS)[number], string[]> | undefined}
 */
function wholeColumns(files) {
  if (typeof files !== 'object' || files === null) return undefined;
  const columns = /** @type {Record<string, unknown>} */ (files);
  const { rels, url } = columns;
  if (!Array.isArray(rels) || !rels.every((rel) => typeof rel === 'string') || new Set(rels).size !== rels.length) return undefined;
  if (!Array.isArray(url) || url.length !== rels.length || !url.every((value) => typeof value === 'string')) return undefined;
  for (const field of NUMBER_FIELDS) {
    const values = columns[field];
    if (!Array.isArray(values) || values.length !== rels.length || !values.every((value) => typeof value === 'number')) return undefined;
  }
  const hashes = /** @type {Record<(typeof HASH_FIELDS)[number], string[]>} */ ({});
  for (const field of HASH_FIELDS) {
    const values = splitColumn(columns[field], rels.length);
    if (!values) return undefined;
    hashes[field] = values;
  }
  return hashes;
}

/**
 * The manifest of the output folder `outDir` (resolved) read from `file`, with every column whole
 * and its hash columns split, or why there is none to use. Its key is the caller's to check.
 * @param {string} file
 * @param {string} outDir
 * @returns {{ stored: StoredManifest, hashes: Record<(typeof HASH_FIELDS)[number], string[]> } | { reason: string }}
 */
export function readManifestFile(file, outDir) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { reason: 'no cache' };
  }
  /** @type {unknown} */
  let stored;
  try {
    stored = JSON.parse(text);
  } catch {
    return { reason: 'the cache is corrupt' };
  }
  if (typeof stored !== 'object' || stored === null || /** @type {{ format?: unknown }} */ (stored).format !== CACHE_FORMAT)
    return { reason: 'the cache is of another format' };
  const manifest = /** @type {Record<string, unknown>} */ (stored);
  const hashes = wholeColumns(manifest.files);
  if (typeof manifest.key !== 'string' || typeof manifest.outDir !== 'string' || !hashes) return { reason: 'the cache is corrupt' };
  if (manifest.outDir !== outDir) return { reason: 'the cache is of another output folder' };
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return { reason: 'the output folder holds no site' };
  return { stored: /** @type {StoredManifest} */ (stored), hashes };
}
