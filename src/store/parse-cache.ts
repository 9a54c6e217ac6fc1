/**
 * The parse cache of incremental builds (docs/incremental.md): for each
 * article file the last build read, the SHA-256 of its bytes, its validated
 * front matter, where its body starts, and what the build derives from its
 * text alone (its story print), so an unchanged file is neither parsed,
 * validated nor printed again. It lives beside the build cache's manifest
 * and is valid for one key (the cache's format and the project's code and
 * dependencies): any other, or a file that cannot be read, is an empty
 * cache. Written with v8.serialize, which keeps what JSON would change
 * (keys whose value is undefined, typed arrays).
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
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FrontMatter } from '../content/schema.ts';

/** What the cache holds of one article file. */
export interface ParsedEntry {
  sha: string;
  data: FrontMatter;
  /** The body is the file's text from here on. */
  bodyStart: number;
  /** Values derived from the file's path and text alone (the entry is the path's), by name. */
  derived: Record<string, unknown>;
}

interface Stored {
  key: string;
  entries: Record<string, ParsedEntry>;
  /** A base's own token; a delta's `base` is the token of the base it extends. */
  token?: string;
  base?: string;
}

export const PARSE_CACHE_FILE = 'articles.v8';
export const PARSE_CACHE_DELTA = 'articles.delta.v8';

/** Entries a delta may hold besides an eighth of the cache's before the base is written anew. */
const DELTA_MIN = 64;

/** The stored cache in `file` for `key`, or undefined: none, unreadable, of another key, or not a cache. */
function readStored(file: string, key: string): Stored | undefined {
  try {
    const stored = v8.deserialize(fs.readFileSync(file)) as Stored;
    if (stored && stored.key === key && stored.entries && typeof stored.entries === 'object') return stored;
  } catch {
    // None, or unreadable.
  }
  return undefined;
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

  readonly #deltaMin: number;

  private constructor(folder: string, key: string, base: Stored | undefined, delta: Stored | undefined, deltaMin: number) {
    this.#folder = folder;
    this.#deltaMin = deltaMin;
    this.#key = key;
    this.#base = new Map(base ? Object.entries(base.entries) : []);
    this.#token = base?.token;
    this.#before = new Map(this.#base);
    for (const [file, entry] of Object.entries(delta?.entries ?? {})) this.#before.set(file, entry);
  }

  /**
   * The cache in `folder` for `key` (its base and the delta of that base);
   * empty when there is none, it is unreadable, of another key, or `fresh`
   * is asked for. `deltaMin` is for tests (DELTA_MIN).
   */
  static open(folder: string, key: string, fresh = false, deltaMin = DELTA_MIN): ParseCache {
    const base = fresh ? undefined : readStored(path.join(folder, PARSE_CACHE_FILE), key);
    const delta = base?.token ? readStored(path.join(folder, PARSE_CACHE_DELTA), key) : undefined;
    return new ParseCache(folder, key, base, delta?.base === base?.token ? delta : undefined, deltaMin);
  }

  /**
   * The front matter and body start of the article file `file` (relative to
   * the content folder) if its text still hashes to `sha`, kept for this
   * build; a copy, so the build cannot change what is saved.
   */
  lookup(file: string, sha: string): { data: FrontMatter; bodyStart: number } | undefined {
    const entry = this.#before.get(file);
    if (!entry || entry.sha !== sha) {
      this.#missed.add(file);
      return undefined;
    }
    this.#now.set(file, entry);
    return { data: structuredClone(entry.data), bodyStart: entry.bodyStart };
  }

  /** Whether `file` was looked up and the last build had not read it as it is now: a new or changed file. */
  changed(file: string): boolean {
    return this.#missed.has(file);
  }

  /** Records what parsing the file `file`, whose text hashes to `sha`, made (a copy of `data`). */
  store(file: string, sha: string, data: FrontMatter, bodyStart: number): void {
    this.#now.set(file, { sha, data: structuredClone(data), bodyStart, derived: {} });
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
    const stored: Stored = asDelta
      ? { key: this.#key, base: this.#token, entries: Object.fromEntries(changed) }
      : { key: this.#key, token: randomUUID(), entries: Object.fromEntries(this.#now) };
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, v8.serialize(stored));
    } catch (error) {
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
