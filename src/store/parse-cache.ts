/**
 * The parse cache of incremental builds (docs/incremental.md): for each
 * article file the last build read, the SHA-256 of its bytes, its validated
 * front matter, where its body starts, and what the build derives from its
 * text alone (its story print), so an unchanged file is neither parsed,
 * validated nor printed again; and the file's status when it was read, once
 * it had settled, so a file still of that status is not even read
 * (src/store/load.ts). It lives beside the build cache's manifest
 * and is valid for one key (the cache's format and the project's code and
 * dependencies): any other, or a file that cannot be read, is an empty
 * cache. Written with v8.serialize, which keeps what JSON would change
 * (keys whose value is undefined, typed arrays).
 *
 * The long texts derived from a file (its body's HTML: 52 of 64 MB at
 * 10,000 articles) are kept apart, after the serialized entries, and read
 * one by one when a build asks for one (a page it renders, a feed it
 * writes): deserializing them all, and the garbage collector copying them,
 * cost an incremental build about half a second at 10,000 articles. Each
 * is checked against its SHA-256 when read; one that cannot be read as it
 * was written (a damaged file, a file replaced since) is made anew.
 *
 * Two files: the base (PARSE_CACHE_FILE), written whole, and beside it the
 * entries changed since (PARSE_CACHE_DELTA), naming the base they extend
 * by its token: a build that changes a few files writes those few entries
 * (serializing and writing the whole 64 MB of 10,000 articles took 0.15 s,
 * on the way to publishing), and writes the base anew, dropping the delta,
 * once the delta would hold more than an eighth of the entries, or the base
 * as many entries of files no longer read. A delta of another base, or of
 * another key, is ignored. An entry depends on its file's path and text
 * alone, so one kept for a file no longer read is never wrong, only kept.
 * Touches the file system.
 */
import { hash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import type { FrontMatter } from '../content/schema.ts';

/** Where a text kept apart lies in its file's texts (after the serialized entries), and its SHA-256. */
interface TextAt {
  at: number;
  length: number;
  sha: string;
}

/** What the cache holds of one article file. */
export interface ParsedEntry {
  sha: string;
  data: FrontMatter;
  /** The body is the file's text from here on. */
  bodyStart: number;
  /** Values derived from the file's path and text alone (the entry is the path's), by name. */
  derived: Record<string, unknown>;
  /** Long texts derived so (its HTML), by name: made this build, or where its file holds them. */
  texts?: Record<string, string | TextAt>;
  /**
   * The file's status when its text was read (`fileStatus` in src/store/read.ts), if it had
   * settled by then: a file whose status is still this one has this text, and is not read.
   */
  stat?: string;
}

interface Stored {
  key: string;
  entries: Record<string, ParsedEntry>;
  /** A base's own token; a delta's `base` is the token of the base it extends. */
  token?: string;
  base?: string;
}

export const PARSE_CACHE_FILE = 'articles.v9';
export const PARSE_CACHE_DELTA = 'articles.delta.v9';

/**
 * A cache file: this header (the length of the serialized part, as a 32-bit
 * number, and four bytes kept at zero), the serialized entries, then the
 * texts kept apart, one after another.
 */
const HEADER = 8;

/** Where a file's texts start, for the entries read from it. */
interface TextSource {
  file: string;
  start: number;
}

const textSha = (bytes: string | Uint8Array): string => hash('sha256', bytes, 'base64url');

/** Writes all of `bytes` at the end of what `fd` has written (a write may take only part). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** Entries a delta may hold besides an eighth of the cache's before the base is written anew. */
const DELTA_MIN = 64;

/** The stored cache in `file` for `key` and where its texts start, or undefined: none, unreadable, of another key, or not a cache. */
function readStored(file: string, key: string): { stored: Stored; source: TextSource } | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(HEADER);
    if (fs.readSync(fd, header, 0, HEADER, 0) !== HEADER || header.readUInt32LE(4) !== 0) return undefined;
    const length = header.readUInt32LE(0);
    if (length > fs.fstatSync(fd).size - HEADER) return undefined;
    const part = Buffer.allocUnsafe(length);
    if (fs.readSync(fd, part, 0, length, HEADER) !== length) return undefined;
    const stored = v8.deserialize(part) as Stored;
    if (stored && stored.key === key && stored.entries && typeof stored.entries === 'object')
      return { stored, source: { file, start: HEADER + length } };
  } catch {
    // None, or unreadable.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return undefined;
}

/** The `length` bytes at `position` of `file`, or undefined when they cannot be read. */
function readBytes(file: string, position: number, length: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const bytes = Buffer.allocUnsafe(length);
    return fs.readSync(fd, bytes, 0, length, position) === length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A deep copy of front matter as validated: plain objects, arrays and
 * primitives, copied here (structuredClone, which serializes and reads back,
 * took 0.1 s for 10,000 articles' front matter); anything else, should a
 * schema ever give one, by structuredClone.
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyData((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** The parse results of one build: those of the last build to look up, and this build's to save. */
export class ParseCache {
  readonly #folder: string;
  readonly #key: string;
  readonly #before: Map<string, ParsedEntry>;
  /** The base's entries as it holds them, and its token (none without a base). */
  readonly #base: Map<string, ParsedEntry>;
  readonly #token: string | undefined;
  readonly #now = new Map<string, ParsedEntry>();
  /** Files looked up and not found as they are now. */
  readonly #missed = new Set<string>();
  /** Entries given a derived value this build. */
  readonly #grown = new Set<ParsedEntry>();
  /** The file each entry read from a file keeps its texts in. */
  readonly #sources = new WeakMap<ParsedEntry, TextSource>();

  readonly #deltaMin: number;

  private constructor(
    folder: string,
    key: string,
    base: { stored: Stored; source: TextSource } | undefined,
    delta: { stored: Stored; source: TextSource } | undefined,
    deltaMin: number,
  ) {
    this.#folder = folder;
    this.#deltaMin = deltaMin;
    this.#key = key;
    this.#base = new Map(base ? Object.entries(base.stored.entries) : []);
    for (const entry of this.#base.values()) this.#sources.set(entry, base!.source);
    this.#token = base?.stored.token;
    this.#before = new Map(this.#base);
    for (const [file, entry] of Object.entries(delta?.stored.entries ?? {})) {
      this.#before.set(file, entry);
      this.#sources.set(entry, delta!.source);
    }
  }

  /**
   * The cache in `folder` for `key` (its base and the delta of that base);
   * empty when there is none, it is unreadable, of another key, or `fresh`
   * is asked for. `deltaMin` is for tests (DELTA_MIN).
   */
  static open(folder: string, key: string, fresh = false, deltaMin = DELTA_MIN): ParseCache {
    const base = fresh ? undefined : readStored(path.join(folder, PARSE_CACHE_FILE), key);
    const delta = base?.stored.token ? readStored(path.join(folder, PARSE_CACHE_DELTA), key) : undefined;
    return new ParseCache(folder, key, base, delta?.stored.base === base?.stored.token ? delta : undefined, deltaMin);
  }

  /**
   * The front matter and body start of the article file `file` (relative to
   * the content folder) if its text still hashes to `sha`, kept for this
   * build; a copy, so the build cannot change what is saved.
   */
  lookup(file: string, sha: string, stat?: string): { data: FrontMatter; bodyStart: number } | undefined {
    const entry = this.#before.get(file);
    if (!entry || entry.sha !== sha) {
      this.#missed.add(file);
      return undefined;
    }
    // The same text under another status (a file restored or touched): the next build trusts the new one.
    if (entry.stat !== stat) {
      if (stat === undefined) delete entry.stat;
      else entry.stat = stat;
      this.#grown.add(entry);
    }
    this.#now.set(file, entry);
    return { data: copyData(entry.data), bodyStart: entry.bodyStart };
  }

  /**
   * The same as `lookup` for a file not read: when the last build read it
   * with this very status `stat` (never an unsettled one, which is not
   * recorded), its text is the one it read then, whose hash this gives.
   * Undefined otherwise, and nothing is noted: the caller reads the file and
   * looks it up by its hash.
   */
  lookupStat(file: string, stat: string): { data: FrontMatter; bodyStart: number; sha: string } | undefined {
    const entry = this.#before.get(file);
    if (entry?.stat !== stat) return undefined;
    this.#now.set(file, entry);
    return { data: copyData(entry.data), bodyStart: entry.bodyStart, sha: entry.sha };
  }

  /** The SHA-256 of the text of `file` this build parsed or took from the cache, if it did. */
  textHash(file: string): string | undefined {
    return this.#now.get(file)?.sha;
  }

  /** Whether `file` was looked up and the last build had not read it as it is now: a new or changed file. */
  changed(file: string): boolean {
    return this.#missed.has(file);
  }

  /**
   * Whether `file` changed since the last build read it (`changed`) in its
   * body alone: its front matter, as parsed this build (`store`), equals the
   * one parsed then. False for a new file, or one not parsed this build.
   */
  bodyOnlyChanged(file: string): boolean {
    const before = this.#before.get(file);
    const now = this.#now.get(file);
    return (
      this.#missed.has(file) && before !== undefined && now !== undefined && now !== before && isDeepStrictEqual(before.data, now.data)
    );
  }

  /** Records what parsing the file `file`, whose text hashes to `sha`, made (a copy of `data`), values `derived` from it already, and its settled status when read, if any. */
  store(file: string, sha: string, data: FrontMatter, bodyStart: number, derived: Record<string, unknown> = {}, stat?: string): void {
    this.#now.set(file, { sha, data: copyData(data), bodyStart, derived: { ...derived }, ...(stat === undefined ? {} : { stat }) });
  }

  /** The value `name` derived from the text of `file`: remembered, or made by `make` and remembered. */
  derived<T>(file: string, name: string, make: () => T): T {
    const entry = this.#now.get(file);
    if (!entry) return make();
    if (name in entry.derived) return entry.derived[name] as T;
    const value = make();
    entry.derived[name] = value;
    this.#grown.add(entry);
    return value;
  }

  /**
   * The long text `name` derived from the text of `file` (its HTML), as a
   * function that gives it when first called: read from the cache file that
   * holds it, or made by `make` (and remembered) when none does or it cannot
   * be read as it was written.
   */
  text(file: string, name: string, make: () => string): () => string {
    let value: string | undefined;
    const entry = this.#now.get(file);
    if (!entry) return () => (value ??= make());
    return () => {
      if (value !== undefined) return value;
      const held = entry.texts?.[name];
      value = typeof held === 'string' ? held : held ? this.#bytes(entry, held)?.toString('utf8') : undefined;
      if (value === undefined) {
        value = make();
        entry.texts = { ...entry.texts, [name]: value };
        this.#grown.add(entry);
      }
      return value;
    };
  }

  /** The bytes of a text kept apart, if they are still those written. */
  #bytes(entry: ParsedEntry, at: TextAt): Buffer | undefined {
    const source = this.#sources.get(entry);
    const bytes = source && readBytes(source.file, source.start + at.at, at.length);
    return bytes && textSha(bytes) === at.sha ? bytes : undefined;
  }

  /**
   * Writes this build's entries to a temporary file beside the cache (an
   * incremental build does it while Pagefind works), which `commit` puts in
   * place and `discard` removes: those changed since the base, as its delta,
   * when they are few; else every entry (those of files no longer read are
   * dropped) as a new base, whose commit removes the old delta.
   */
  write(): { commit(): void; discard(): void } {
    fs.mkdirSync(this.#folder, { recursive: true });
    const changed = [...this.#now].filter(([file, entry]) => this.#base.get(file) !== entry || this.#grown.has(entry));
    let unread = 0;
    for (const file of this.#base.keys()) if (!this.#now.has(file)) unread++;
    const limit = this.#deltaMin + this.#now.size / 8;
    const asDelta = this.#token !== undefined && changed.length <= limit && unread <= limit;
    const target = path.join(this.#folder, asDelta ? PARSE_CACHE_DELTA : PARSE_CACHE_FILE);
    // Each entry's texts move after the serialized entries: those made this build, and those its old file holds that can still be read.
    const texts: (string | Buffer)[] = [];
    let end = 0;
    const apart = ([file, entry]: [string, ParsedEntry]): [string, ParsedEntry] => {
      if (!entry.texts) return [file, entry];
      const placed: Record<string, TextAt> = {};
      for (const [name, held] of Object.entries(entry.texts)) {
        // A string is written as it is (no copy of every page's HTML at once: 160 MB at 30,000 articles).
        const bytes = typeof held === 'string' ? held : this.#bytes(entry, held);
        if (bytes === undefined) continue;
        const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
        placed[name] = { at: end, length, sha: typeof held === 'string' ? textSha(held) : held.sha };
        texts.push(bytes);
        end += length;
      }
      return [file, { ...entry, texts: placed }];
    };
    const stored: Stored = asDelta
      ? { key: this.#key, base: this.#token, entries: Object.fromEntries(changed.map(apart)) }
      : { key: this.#key, token: randomUUID(), entries: Object.fromEntries([...this.#now].map(apart)) };
    const temporary = `${target}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      const part = v8.serialize(stored);
      const header = Buffer.alloc(HEADER);
      header.writeUInt32LE(part.length, 0);
      fd = fs.openSync(temporary, 'w');
      for (const bytes of [header, part, ...texts]) writeAll(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      fs.closeSync(fd);
      fd = undefined;
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    return {
      commit: () => {
        fs.renameSync(temporary, target);
        // A new base: the old delta names the old base's token, so a build killed before this removal ignores it.
        if (!asDelta) fs.rmSync(path.join(this.#folder, PARSE_CACHE_DELTA), { force: true });
      },
      discard: () => fs.rmSync(temporary, { force: true }),
    };
  }
}
