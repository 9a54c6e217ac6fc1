/**
 * The parse cache of incremental builds (docs/incremental.md): for each
 * article file the last build read, the SHA-256 of its bytes, its validated
 * front matter, where its body starts, and what the build derives from its
 * text alone (its story print), so an unchanged file is neither parsed,
 * validated nor printed again. It lives beside the build cache's manifest
 * and is valid for one key (the cache's format and the project's code and
 * dependencies): any other, or a file that cannot be read, is an empty
 * cache. Written with v8.serialize, which keeps what JSON would change
 * (keys whose value is undefined, typed arrays). Touches the file system.
 */
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
}

export const PARSE_CACHE_FILE = 'articles.v8';

/** The parse results of one build: those of the last build to look up, and this build's to save. */
export class ParseCache {
  readonly #file: string;
  readonly #key: string;
  readonly #before: Map<string, ParsedEntry>;
  readonly #now = new Map<string, ParsedEntry>();
  /** Files looked up and not found as they are now. */
  readonly #missed = new Set<string>();

  private constructor(file: string, key: string, before: Map<string, ParsedEntry>) {
    this.#file = file;
    this.#key = key;
    this.#before = before;
  }

  /** The cache in `folder` for `key`; empty when there is none, it is unreadable, of another key, or `fresh` is asked for. */
  static open(folder: string, key: string, fresh = false): ParseCache {
    const file = path.join(folder, PARSE_CACHE_FILE);
    let before = new Map<string, ParsedEntry>();
    if (!fresh) {
      try {
        const stored = v8.deserialize(fs.readFileSync(file)) as Stored;
        if (stored && stored.key === key && stored.entries && typeof stored.entries === 'object')
          before = new Map(Object.entries(stored.entries));
      } catch {
        // None, or unreadable: an empty cache.
      }
    }
    return new ParseCache(file, key, before);
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
    return value;
  }

  /**
   * Writes this build's entries (those of files no longer read are dropped)
   * to a temporary file beside the cache (an incremental build does it while
   * Pagefind works), which `commit` puts in place and `discard` removes.
   */
  write(): { commit(): void; discard(): void } {
    fs.mkdirSync(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    const stored: Stored = { key: this.#key, entries: Object.fromEntries(this.#now) };
    try {
      fs.writeFileSync(temporary, v8.serialize(stored));
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    return {
      commit: () => fs.renameSync(temporary, this.#file),
      discard: () => fs.rmSync(temporary, { force: true }),
    };
  }
}
