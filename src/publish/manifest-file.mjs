// @ts-check
// The manifest's files (src/publish/cache.ts says what it records), as columns: the paths of the
// site's files in one array, each number field in one array, and each hash field in one string,
// the values joined by newlines ('' for a file without one). Read as objects, one record a file,
// the manifest of 10,000 articles (55,000 files, 16.7 MB) took its build 0.3 s to read and parse,
// 0.2 s to write, and 0.17 s more to turn into the check's columns; as columns it is parsed with
// few strings made (a hash column is split into slices of one string), and it is read and parsed
// on the check's worker thread (check-worker.mjs) while the build reads the content.
//
// Two files, as the parse cache has (src/store/parse-cache.ts): the base (MANIFEST_FILE), written
// whole with a token of its own, and beside it the delta (MANIFEST_DELTA), naming the base by its
// token: the records changed or added since the base, the paths removed since, and the search
// index's record. An incremental build writes the delta alone (writing the whole 14.6 MB at 10,000
// articles, after making a record of each of its 55,000 files, took 0.5 s of every build); the
// base is written anew once the delta would hold more than an eighth of its files. A base is used
// only with a delta of its token: a build deletes the delta before it publishes, so one killed then
// leaves a base alone, which is no cache.
// Plain JavaScript, so the worker runs it as it is from the sources and from dist/.
import fs from 'node:fs';
import path from 'node:path';

/** Bumped whenever what the manifest means, or how it is written, changes. */
export const CACHE_FORMAT = 5;

/** The base's file and the delta's, in the cache folder. */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_DELTA = 'manifest.delta.json';

/** Why a base without its delta is not used: a build stopped while it published, or the delta was deleted. */
export const INCOMPLETE = 'the cache is incomplete (a build stopped while publishing?)';

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
 * The JSON in `file`: its value, or 'missing' when there is no such file, or 'corrupt' when it is not JSON.
 * @param {string} file
 * @returns {{ value: unknown } | 'missing' | 'corrupt'}
 */
function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return 'corrupt';
  }
}

/**
 * Each column's values (`hashes` for the hash columns, split) at the rows `rows`, in that order.
 * @param {FileColumns} columns
 * @param {Record<(typeof HASH_FIELDS)[number], string[]>} hashes
 * @param {number[]} rows
 */
function pick(columns, hashes, rows) {
  return {
    rels: rows.map((row) => columns.rels[row] ?? ''),
    url: rows.map((row) => columns.url[row] ?? ''),
    size: rows.map((row) => columns.size[row] ?? 0),
    ino: rows.map((row) => columns.ino[row] ?? 0),
    mtimeMs: rows.map((row) => columns.mtimeMs[row] ?? 0),
    hashes: Object.fromEntries(HASH_FIELDS.map((field) => [field, rows.map((row) => hashes[field][row] ?? '')])),
  };
}

/**
 * @typedef {{ stored: StoredManifest, hashes: Record<(typeof HASH_FIELDS)[number], string[]>, token: string,
 *   delta: { rows: Uint8Array<ArrayBuffer>, removed: string[] } }} ReadManifest
 * The manifest as the base and its delta make it (the base's rows that the delta neither removes nor
 * changes, then the delta's), its hash columns split; the base's token; and what the delta holds:
 * 1 for each row that is the delta's, and the base's paths it removes.
 */

/**
 * The manifest of the output folder `outDir` (resolved) read from the cache folder `folder` (its
 * base and the delta of that base), with every column whole, or why there is none to use. Its key
 * is the caller's to check.
 * @param {string} folder
 * @param {string} outDir
 * @returns {ReadManifest | { reason: string }}
 */
export function readManifest(folder, outDir) {
  const read = readJson(path.join(folder, MANIFEST_FILE));
  if (read === 'missing') return { reason: 'no cache' };
  if (read === 'corrupt') return { reason: 'the cache is corrupt' };
  const stored = read.value;
  if (typeof stored !== 'object' || stored === null || /** @type {{ format?: unknown }} */ (stored).format !== CACHE_FORMAT)
    return { reason: 'the cache is of another format' };
  const manifest = /** @type {Record<string, unknown>} */ (stored);
  const hashes = wholeColumns(manifest.files);
  if (typeof manifest.key !== 'string' || typeof manifest.outDir !== 'string' || typeof manifest.token !== 'string' || !hashes)
    return { reason: 'the cache is corrupt' };
  if (manifest.outDir !== outDir) return { reason: 'the cache is of another output folder' };
  const readDelta = readJson(path.join(folder, MANIFEST_DELTA));
  if (readDelta === 'missing') return { reason: INCOMPLETE };
  if (readDelta === 'corrupt') return { reason: 'the cache is corrupt' };
  const delta = /** @type {Record<string, unknown>} */ (readDelta.value);
  const deltaHashes = typeof delta === 'object' && delta !== null ? wholeColumns(delta.files) : undefined;
  if (
    !deltaHashes ||
    delta.base !== manifest.token ||
    !Array.isArray(delta.removed) ||
    !delta.removed.every((rel) => typeof rel === 'string')
  )
    return { reason: 'the cache is corrupt' };
  if (!fs.existsSync(path.join(outDir, 'index.html'))) return { reason: 'the output folder holds no site' };
  const base = /** @type {StoredManifest} */ (stored);
  const changes = /** @type {FileColumns} */ (delta.files);
  const removed = /** @type {string[]} */ (delta.removed);
  const search = 'search' in delta ? delta.search : base.search;
  const { token } = /** @type {{ token: string }} */ (manifest);
  const { search: _search, token: _token, ...rest } = /** @type {StoredManifest & { token: string }} */ (base);
  const merged = { ...rest, ...(search === undefined ? {} : { search }) };
  if (changes.rels.length === 0 && removed.length === 0)
    return { stored: merged, hashes, token, delta: { rows: new Uint8Array(base.files.rels.length), removed } };
  // The base's rows the delta neither removes nor changes, then the delta's rows.
  const gone = new Set([...removed, ...changes.rels]);
  const kept = [];
  for (let row = 0; row < base.files.rels.length; row++) if (!gone.has(/** @type {string} */ (base.files.rels[row]))) kept.push(row);
  const left = pick(base.files, hashes, kept);
  const right = {
    rels: changes.rels,
    url: changes.url,
    size: Array.from(changes.size),
    ino: Array.from(changes.ino),
    mtimeMs: Array.from(changes.mtimeMs),
    hashes: deltaHashes,
  };
  const rows = new Uint8Array(kept.length + changes.rels.length);
  rows.fill(1, kept.length);
  /** @type {Record<(typeof HASH_FIELDS)[number], string[]>} */
  const joined = /** @type {never} */ (
    Object.fromEntries(HASH_FIELDS.map((field) => [field, [...left.hashes[field], ...right.hashes[field]]]))
  );
  const files = /** @type {FileColumns} */ (
    /** @type {unknown} */ ({
      rels: [...left.rels, ...right.rels],
      url: [...left.url, ...right.url],
      size: [...left.size, ...right.size],
      ino: [...left.ino, ...right.ino],
      mtimeMs: [...left.mtimeMs, ...right.mtimeMs],
      ...Object.fromEntries(HASH_FIELDS.map((field) => [field, joined[field].join('\n')])),
    })
  );
  return { stored: { ...merged, files }, hashes: joined, token, delta: { rows, removed } };
}
