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
 * and stands in the items as its hash.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../content/article.ts';
import type { ArchiveData } from './archive-data.ts';

/** The kinds of pages made one per item, with the list of the archive each comes from. */
export const PAGED_KINDS = ['article', 'entity', 'entity-index', 'timeline-year', 'incident', 'storyline'] as const;
export type PagedKind = (typeof PAGED_KINDS)[number];

/** One page of a paginated list: its URL and the hash of what it is made from. */
export interface PageFingerprint {
  kind: PagedKind;
  url: string;
  fingerprint: string;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const articleHashes = new WeakMap<object, string>();

/** The SHA-256 of an Article's JSON, its body included: made once per Article object. */
export function articleHash(article: Article): string {
  let hash = articleHashes.get(article);
  if (hash === undefined) {
    hash = sha256(JSON.stringify(article, plain));
    articleHashes.set(article, hash);
  }
  return hash;
}

/**
 * A hasher of page items: JSON of the item, each Article object in it (known
 * by identity) replaced by the hash of its own JSON, computed once. Maps and
 * Sets are written as their entries, so no content hides in them.
 */
export function itemHasher(articles: Iterable<Article>): (kind: string, item: unknown) => string {
  const known = new Set<object>(articles);
  const replacer = function (this: unknown, _key: string, value: unknown): unknown {
    if (value && typeof value === 'object') {
      if (known.has(value)) return `article:${articleHash(value as Article)}`;
      return plain(_key, value);
    }
    return plain(_key, value);
  };
  return (kind, item) => sha256(`${kind}\n${JSON.stringify(item, replacer)}`);
}

/** Maps and Sets as their entries; functions and undefined as markers, so a difference in them is seen too. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value.entries()] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === 'function') return `function:${String(value)}`;
  if (value === undefined) return 'undefined';
  return value;
}

/** The fingerprint of every page the archive makes one per item, keyed by URL. */
export function pageFingerprints(
  data: Pick<ArchiveData, 'articles' | 'entityPages' | 'indexes' | 'yearPages' | 'incidentPages' | 'storylinePages'>,
): Map<string, PageFingerprint> {
  const articles = new Set<Article>();
  for (const page of data.articles) articles.add(page.article);
  const hash = itemHasher(articles);
  const out = new Map<string, PageFingerprint>();
  const add = (kind: PagedKind, url: string, item: unknown) => {
    if (out.has(url)) throw new Error(`two pages at ${url}`);
    out.set(url, { kind, url, fingerprint: hash(kind, item) });
  };
  for (const page of data.articles) add('article', page.article.url, page);
  for (const page of data.entityPages) add('entity', page.url, page);
  for (const page of data.indexes) add('entity-index', page.url, page);
  for (const page of data.yearPages) add('timeline-year', page.url, page);
  for (const page of data.incidentPages) add('incident', page.url, page);
  for (const page of data.storylinePages) add('storyline', page.url, page);
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
