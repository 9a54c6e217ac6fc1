/**
 * The build cache of incremental builds (docs/incremental.md). Touches the
 * file system.
 *
 * Beside the output folder, `.archive-cache/<output folder's name>/manifest.json`
 * describes the site the last build published there: for every file, its
 * SHA-256, size, inode and modification time; for a page, the fingerprint
 * of what it was rendered from (src/archive/fingerprint.ts); for a raw file,
 * the key of what it is made from; for the search index, shard by shard, the
 * fingerprint of what Pagefind read. It is valid only for the same key: the
 * cache's format, the code, templates, assets and lockfile of the project
 * (`projectHash`), the site settings, the release records, the search shard
 * size and the output folder. A missing, unreadable or mismatched manifest is no cache: the
 * build renders everything.
 *
 * The manifest is a base and a delta of the base (manifest-file.mjs, which
 * reads them, says why): an incremental build writes only the records that
 * changed. The delta is deleted before a build publishes and written after,
 * so a build killed between the two leaves a base alone, which is no cache,
 * and the next build is a full one. Both are written as columns; in memory
 * the manifest is a record per file. What a build does with it is in
 * incremental.ts.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../archive/fingerprint.ts';
import { siteFiles } from './staging.ts';
import {
  CACHE_FORMAT,
  HASH_FIELDS,
  MANIFEST_DELTA,
  MANIFEST_FILE,
  NUMBER_FIELDS,
  splitColumn,
  type FileColumns,
  type StoredManifest,
} from './manifest-file.mjs';

export { CACHE_FORMAT };

/** The cache folder of the output folder `outDir`. */
export function cacheFolder(outDir: string): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), '.archive-cache', path.basename(out));
}

/** What the manifest knows of one file of the site (path relative to the site, forward slashes). */
export interface FileRecord {
  sha: string;
  size: number;
  ino: number;
  mtimeMs: number;
  /** For a page made one per item: its URL and the fingerprint it was rendered from. */
  url?: string;
  fingerprint?: string;
  /** For an article page: the SHA-256 of what Pagefind reads of it (src/search/view.mjs). */
  search?: string;
  /** For a raw file (a feed, a citation, an alias page...): the hash of what it is made from. */
  key?: string;
}

/** The search index a build wrote, shard by shard: what each indexed (a fingerprint of its pages) and its files. */
export interface SearchRecord {
  shards: { fingerprint: string; files: string[] }[];
}

export interface Manifest {
  format: number;
  key: string;
  outDir: string;
  files: Record<string, FileRecord>;
  search?: SearchRecord;
}

/** Every file under `dir` (a file or folder of the project) with its path relative to `root`, sorted. */
function projectFiles(root: string, entries: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(root, entry);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    if (stat.isFile()) out.push(entry);
    else if (stat.isDirectory())
      for (const name of fs.readdirSync(full, { recursive: true }) as string[]) {
        const rel = path.join(entry, name);
        if (fs.statSync(path.join(root, rel)).isFile()) out.push(rel.split(path.sep).join('/'));
      }
  }
  return out.sort();
}

/**
 * A hash of everything of the project that decides a page's bytes besides
 * its data: the code (`src/`), the templates and assets (`layouts/`),
 * Eleventy's configuration, and the package and lockfile (the project's
 * version and every dependency's). Read anew for every build, never
 * remembered: `archive serve` builds again in the same process after a
 * template is edited.
 */
export function projectHash(repoRoot: string): string {
  const hash = [];
  for (const file of projectFiles(repoRoot, ['package.json', 'package-lock.json', '.eleventy.js', 'src', 'layouts'])) {
    hash.push(`${file}\n${sha256(fs.readFileSync(path.join(repoRoot, file)))}`);
  }
  return sha256(hash.join('\n'));
}

/**
 * The key a manifest is valid for: the cache's format, the project
 * (`projectHash`, given), the site settings, the release records, the search
 * shard size and the output folder.
 */
export function cacheKey(
  project: string,
  outDir: string,
  content: { settings: unknown; releases?: unknown },
  searchShardPages: number | undefined,
): string {
  return sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      project,
      settings: content.settings,
      // The release records: the data page, the citation and the release pages show them (docs/incremental.md).
      releases: sha256(JSON.stringify(content.releases ?? [])),
      searchShardPages: searchShardPages ?? null,
      outDir,
    }),
  );
}

/** The manifest's base file of the output folder `outDir`. */
export function manifestFile(outDir: string): string {
  return path.join(cacheFolder(outDir), MANIFEST_FILE);
}

/** The manifest's delta file of the output folder `outDir`. */
export function manifestDeltaFile(outDir: string): string {
  return path.join(cacheFolder(outDir), MANIFEST_DELTA);
}

/**
 * What the previous manifest's delta holds, for the next build's: its base's
 * token, the paths whose records are the delta's, and the base's paths it
 * removes.
 */
export interface ManifestDelta {
  token: string;
  rels: ReadonlySet<string>;
  removed: readonly string[];
}

/** The manifest as stored, its columns whole (manifest-file.mjs, readManifestFile), as a record per file. */
export function manifestOf(stored: StoredManifest): Manifest {
  const { files: columns } = stored;
  const count = columns.rels.length;
  // Each value a slice of its column's one string, not a string of its own.
  const [sha, fingerprint, search, key] = HASH_FIELDS.map((field) => splitColumn(columns[field], count)!) as [
    string[],
    string[],
    string[],
    string[],
  ];
  const files: Record<string, FileRecord> = {};
  columns.rels.forEach((rel, at) => {
    const record: FileRecord = { sha: sha[at]!, size: columns.size[at]!, ino: columns.ino[at]!, mtimeMs: columns.mtimeMs[at]! };
    if (columns.url[at]) record.url = columns.url[at];
    if (fingerprint[at]) record.fingerprint = fingerprint[at];
    if (search[at]) record.search = search[at];
    if (key[at]) record.key = key[at];
    files[rel] = record;
  });
  return {
    format: stored.format,
    key: stored.key,
    outDir: stored.outDir,
    files,
    ...(stored.search ? { search: stored.search as SearchRecord } : {}),
  };
}

/** Why a manifest of another key is not used. */
export const KEY_CHANGED = 'the code, templates, settings, releases or dependencies changed';

/** Deletes the manifest's delta of `outDir`, without which its base is not used: done before a build publishes, so a build killed then leaves no cache. */
export function removeManifest(outDir: string): void {
  fs.rmSync(manifestDeltaFile(outDir), { force: true });
}

/** `records` (by path) as the manifest's columns (manifest-file.mjs). */
function columnsOf(records: Readonly<Record<string, FileRecord>>): FileColumns {
  const rels = Object.keys(records);
  const list = rels.map((rel) => records[rel]!);
  const hashes = (field: (typeof HASH_FIELDS)[number]): string =>
    list
      .map((record) => {
        const value = record[field] ?? '';
        if (value.includes('\n')) throw new Error(`writeManifest: a ${field} with a newline, of ${record.url ?? 'a file'}`);
        return value;
      })
      .join('\n');
  return {
    rels,
    url: list.map((record) => record.url ?? ''),
    ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, list.map((record) => record[field])])),
    ...Object.fromEntries(HASH_FIELDS.map((field) => [field, hashes(field)])),
  } as FileColumns;
}

/** Writes `value` as JSON to `file` whole: a temporary file renamed into place. */
function writeJson(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, JSON.stringify(value));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes the manifest of `outDir` whole, as a new base with a token of its
 * own, then an empty delta of it (the old delta is deleted first: it names
 * the old base, and a build killed meanwhile leaves a base alone, no cache).
 */
export function writeManifest(outDir: string, manifest: Manifest): void {
  const folder = cacheFolder(outDir);
  fs.mkdirSync(folder, { recursive: true });
  removeManifest(outDir);
  const token = randomUUID();
  const stored: StoredManifest & { token: string } = {
    format: manifest.format,
    key: manifest.key,
    outDir: manifest.outDir,
    token,
    files: columnsOf(manifest.files),
    ...(manifest.search ? { search: manifest.search } : {}),
  };
  writeJson(manifestFile(outDir), stored);
  writeJson(manifestDeltaFile(outDir), { base: token, files: columnsOf({}), removed: [] });
}

/**
 * Writes the manifest's delta of `outDir` for the base of `token`: the
 * records changed or added since the base, the base's paths removed since,
 * and the search index's record.
 */
export function writeManifestDelta(
  outDir: string,
  token: string,
  changes: Readonly<Record<string, FileRecord>>,
  removed: readonly string[],
  search: SearchRecord | undefined,
): void {
  fs.mkdirSync(cacheFolder(outDir), { recursive: true });
  writeJson(manifestDeltaFile(outDir), { base: token, files: columnsOf(changes), removed, ...(search ? { search } : {}) });
}

/** The file `rel` of a site as a path under `root`, refusing one that would leave it. */
export function sitePath(root: string, rel: string): string {
  const target = path.join(root, ...rel.split('/'));
  if (!target.startsWith(root + path.sep)) throw new Error(`archive: a file of the site leaves its folder: ${rel}`);
  return target;
}

/**
 * The records of every file under `site` (under the top-level entries
 * `within` takes), with the SHA-256 of those in `known` taken from there
 * (with the page they are) and of the others read.
 */
export function recordFiles(
  site: string,
  known: ReadonlyMap<string, Omit<FileRecord, 'size' | 'ino' | 'mtimeMs'>>,
  within?: (top: string) => boolean,
): Record<string, FileRecord> {
  const files: Record<string, FileRecord> = {};
  for (const rel of siteFiles(site, within)) {
    const full = path.join(site, rel);
    const stat = fs.lstatSync(full);
    const record = known.get(rel);
    files[rel] = {
      ...(record ?? { sha: sha256(fs.readFileSync(full)) }),
      size: stat.size,
      ino: stat.ino,
      mtimeMs: stat.mtimeMs,
    };
  }
  return files;
}
