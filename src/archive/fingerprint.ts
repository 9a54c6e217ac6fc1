/**
 * Fingerprints of the pages of a computed archive, for incremental builds
 * (src/publish/cache.ts, docs/incremental.md). Pure.
 *
 * A page made one per item (an article page, an entity page, an index of
 * entities, a year of the timeline, an incident, a storyline) is rendered from its item and from what
 * every page shares (the site settings, the templates, the assets, the code):
 * its fingerprint is a hash of its item, whole, and what it shares goes into
 * the cache's key instead, so a change there starts a full build. Nothing is
 * left out of an item because a template does not read it today: a page is
 * re-rendered whenever anything it could read changed, so the fingerprint
 * can only over-approximate.
 *
 * Articles appear inside many items (related stories, entity listings, a
 * year's months): each Article object is hashed once, whole (its body too),
 * and stands in the items as its hash; in a build with the cache, a hash of
 * its file's path and text stands for it (rememberArticleHashes). So do other objects many items hold
 * (an entity's chart periods, list controls and about-data on each of its
 * pages, the archive's citation on every entity page): each is hashed once.
 *
 * The fields a page derives (src/archive/derived-fields.ts: an article
 * page's citations, Highwire tags and JSON-LD, an entity page's JSON-LD and
 * chart) are left out of
 * its fingerprint and made only for the pages rendered: each is made from
 * the page's other fields and from what the cache's key holds (the site
 * settings, the code), so it changes only when they do.
 */
import { hash as digest } from 'node:crypto';
import { articleJson, articleToJson, type Article } from '../content/article.ts';
import type { ArchiveData } from './archive-data.ts';
import { lazyFieldsOf } from './derived-fields.ts';

/** The kinds of pages made one per item, with the list of the archive each comes from. */
export const PAGED_KINDS = ['article', 'entity', 'entity-index', 'timeline-year', 'incident', 'storyline'] as const;
export type PagedKind = (typeof PAGED_KINDS)[number];

/** One page of a paginated list: its URL and the hash of what it is made from. */
export interface PageFingerprint {
  kind: PagedKind;
  url: string;
  fingerprint: string;
}

/** The SHA-256 of `data` in hex, by the one-shot `crypto.hash` (no Hash object: a third quicker for a page's few kilobytes). */
export const sha256 = (data: string | Uint8Array): string => digest('sha256', data, 'hex');

/** The same in base64url, two thirds as long: the hashes that stand in items for articles and shared objects, which fill most of their JSON. */
const sha256Short = (data: string): string => digest('sha256', data, 'base64url');

const articleHashes = new WeakMap<object, string>();

/** The SHA-256 of an Article's JSON, its body included: made once per Article object. */
export function articleHash(article: Article): string {
  let hash = articleHashes.get(article);
  if (hash === undefined) {
    hash = sha256Short(JSON.stringify(article, plain));
    articleHashes.set(article, hash);
  }
  return hash;
}

/**
 * Gives each article whose file's text hash `textHash` knows (the parse
 * cache's SHA-256 of the text read, or that the last build read, for a file
 * taken by its status) a hash made from that and its file's path: an Article
 * is made from its file's path and text alone (src/content/article.ts) by
 * the code of the cache's key, so the two stand for it whole. Hashing each
 * article's JSON took 0.4 s of a clean build at 10,000 articles; this takes
 * a few milliseconds. An article without one keeps the hash of its JSON.
 */
export function rememberArticleHashes(articles: Iterable<Article>, textHash: (article: Article) => string | undefined): void {
  for (const article of articles) {
    if (articleHashes.has(article)) continue;
    const text = textHash(article);
    if (text !== undefined) articleHashes.set(article, sha256Short(`file ${article.file}\ntext ${text}`));
  }
}

/**
 * A hasher of page items: JSON of the item, each Article object in it (known
 * by identity) replaced by the hash of its own JSON, computed once. Maps and
 * Sets are written as their entries, so no content hides in them.
 *
 * For speed the item is written by JSON.stringify without a replacer (a
 * replacer is a call per value: it took 2.9 s of 4.3 s at 10,000 articles):
 * for the length of `run` only, each known Article's `toJSON` writes
 * `a:<hash>` (an Article's own, src/content/article.ts, asks
 * `articleJson.standIn`, set here; so every article must be made by
 * toArticle), Map and Set have one that writes their entries, and
 * functions one that writes their code; all are undone before `run` returns
 * or throws (`run` must be synchronous). What JSON still cannot
 * tell apart: an undefined property from a missing one (no template can
 * either) and an undefined array element from null (no page item holds
 * one); an object's own toJSON is taken as its value, as JSON does.
 *
 * Each of `shared` (objects, arrays) is hashed once too, after the
 * articles, and stands in the items as `s:<hash>`; one shared object
 * inside another is hashed first when listed first. The same objects in the
 * same order give the same hashes, in a clean build as in an incremental one.
 */
export function withItemHasher<T>(
  articles: Iterable<Article>,
  run: (hash: (kind: string, item: unknown) => string) => T,
  shared: Iterable<object> = [],
): T {
  const known = new Set(articles);
  // Each article's own hash first, of its whole JSON, before any stands in.
  for (const article of known) articleHash(article);
  if (articleJson.standIn) throw new Error('withItemHasher: already running');
  const prototypes = [Map.prototype, Set.prototype, Function.prototype];
  const saved = prototypes.map((proto) => Object.getOwnPropertyDescriptor(proto, 'toJSON'));
  const marked: object[] = [];
  try {
    Object.defineProperty(Map.prototype, 'toJSON', { value: mapJson, configurable: true, writable: true });
    Object.defineProperty(Set.prototype, 'toJSON', { value: setJson, configurable: true, writable: true });
    Object.defineProperty(Function.prototype, 'toJSON', { value: functionJson, configurable: true, writable: true });
    // An Article's own toJSON (src/content/article.ts) asks this.
    for (const article of known)
      if (Object.getOwnPropertyDescriptor(article, 'toJSON')?.value !== articleToJson)
        throw new Error(`withItemHasher: an article not made by toArticle (a copy?): ${article.file}`);
    // Each article's stand-in made once: an article page's item holds the article, its neighbours and its related stories.
    const standIns = new Map<Article, string>();
    for (const article of known) standIns.set(article, `a:${articleHash(article)}`);
    articleJson.standIn = (article) => standIns.get(article);
    for (const object of new Set(shared)) {
      if (Object.hasOwn(object, 'toJSON')) continue; // An article, or listed twice: it stands in as its hash already.
      const json = `s:${sha256Short(JSON.stringify(object))}`;
      Object.defineProperty(object, 'toJSON', { value: () => json, configurable: true, writable: true });
      marked.push(object);
    }
    const result = run((kind, item) => sha256(`${kind}\n${JSON.stringify(dataProperties(item))}`));
    if (typeof (result as { then?: unknown } | undefined)?.then === 'function')
      throw new Error('withItemHasher: run must be synchronous (the toJSON methods are gone once it returns)');
    return result;
  } finally {
    articleJson.standIn = undefined;
    for (const object of marked) delete (object as { toJSON?: unknown }).toJSON;
    prototypes.forEach((proto, index) => {
      const before = saved[index];
      if (before) Object.defineProperty(proto, 'toJSON', before);
      else delete (proto as { toJSON?: unknown }).toJSON;
    });
  }
}

/**
 * An item's data: its own properties, each field of `instead` given by its
 * function rather than read (a lazy field, which is no own property, as
 * well). The fields a page derives are its prototype's getters
 * (withDerivedFields), which neither Object.keys nor JSON.stringify reads:
 * left out, unmade. A lazy field without a rule in `instead` is an error,
 * never a field left out.
 */
function dataProperties(item: unknown, instead?: Record<string, () => unknown>): unknown {
  const lazy = typeof item === 'object' && item !== null ? lazyFieldsOf(item) : undefined;
  for (const key of lazy ?? [])
    if (!instead || !Object.hasOwn(instead, key)) throw new Error(`fingerprint: the lazy field ${key} has no rule`);
  if (!instead) return item;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item as object))
    out[key] = Object.hasOwn(instead, key) ? instead[key]!() : (item as Record<string, unknown>)[key];
  for (const key of Object.keys(instead)) if (!Object.hasOwn(out, key)) out[key] = instead[key]!();
  return out;
}

function mapJson(this: Map<unknown, unknown>): unknown {
  return { map: [...this.entries()] };
}

function setJson(this: Set<unknown>): unknown {
  return { set: [...this] };
}

function functionJson(this: (...args: unknown[]) => unknown): string {
  return `function:${Function.prototype.toString.call(this)}`;
}

/** Maps and Sets as their entries; functions and undefined as markers, so a difference in them is seen too. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return mapJson.call(value);
  if (value instanceof Set) return setJson.call(value);
  if (typeof value === 'function') return functionJson.call(value as (...args: unknown[]) => unknown);
  if (value === undefined) return 'undefined';
  return value;
}

/** Which of the pages made one per item: the article pages, or all the others. */
export type FingerprintPart = 'articles' | 'others';

/**
 * The fingerprint of every page the archive makes one per item, keyed by
 * URL: of the article pages (`part` 'articles'), of the others ('others'),
 * or of both, the article pages' made first. An incremental build takes the
 * article pages' first and renders those that changed, so their search
 * shards are indexed while the others' are made. The parts are made apart
 * in every build, so a page's fingerprint never depends on which were asked.
 */
export function pageFingerprints(
  data: Pick<ArchiveData, 'articles' | 'entityPages' | 'indexes' | 'yearPages' | 'incidentPages' | 'storylinePages'>,
  part?: FingerprintPart,
): Map<string, PageFingerprint> {
  if (part === undefined) return joinFingerprints(pageFingerprints(data, 'articles'), pageFingerprints(data, 'others'));
  const articles = new Set<Article>();
  for (const page of data.articles) articles.add(page.article);
  // What an entity's pages (its views, their pages) share, and what every entity page does: hashed once each.
  const shared: object[] = [];
  if (part === 'others')
    for (const page of data.entityPages)
      for (const object of [page.entity, page.periods, page.controls, page.archive])
        if (typeof object === 'object' && object) shared.push(object);
  return withItemHasher(
    articles,
    (hash) => {
      const out = new Map<string, PageFingerprint>();
      const add = (kind: PagedKind, url: string, item: unknown) => {
        if (out.has(url)) throw new Error(`two pages at ${url}`);
        out.set(url, { kind, url, fingerprint: hash(kind, item) });
      };
      if (part === 'articles') {
        // An article page's HTML (half of its data): stood for by the article's hash when made from its text alone
        // (htmlFromText; then not even read: it is made, or read from the parse cache, only for a page rendered),
        // else hashed as it is, not escaped into JSON first.
        for (const page of data.articles)
          add('article', page.article.url, dataProperties(page, { html: () => (page.htmlFromText ? 'from text' : sha256(page.html)) }));
        return out;
      }
      for (const page of data.entityPages) add('entity', page.url, page);
      for (const page of data.indexes) add('entity-index', page.url, page);
      for (const page of data.yearPages) add('timeline-year', page.url, page);
      for (const page of data.incidentPages) add('incident', page.url, page);
      for (const page of data.storylinePages) add('storyline', page.url, page);
      return out;
    },
    shared,
  );
}

/** The fingerprints of `first` and then `second` in one map; a URL in both is an error, as within one. */
export function joinFingerprints(first: Map<string, PageFingerprint>, second: Map<string, PageFingerprint>): Map<string, PageFingerprint> {
  const out = new Map(first);
  for (const [url, page] of second) {
    if (out.has(url)) throw new Error(`two pages at ${url}`);
    out.set(url, page);
  }
  return out;
}

/**
 * The part of `data` whose pages are to be rendered: the pages made one per
 * item whose URL `render` holds; everything pages read besides their own
 * lists stays whole; the pages of their own (home, timeline, search, 404) are
 * always rendered, and the raw files are left to the caller.
 */
export function restrictTo(data: ArchiveData, render: ReadonlySet<string>): ArchiveData {
  return {
    ...data,
    articles: data.articles.filter((page) => render.has(page.article.url)),
    entityPages: data.entityPages.filter((page) => render.has(page.url)),
    indexes: data.indexes.filter((page) => render.has(page.url)),
    yearPages: data.yearPages.filter((page) => render.has(page.url)),
    incidentPages: data.incidentPages.filter((page) => render.has(page.url)),
    storylinePages: data.storylinePages.filter((page) => render.has(page.url)),
    files: [],
  };
}
