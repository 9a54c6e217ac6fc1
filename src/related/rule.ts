/**
 * The knobs of the related-stories rule and the shapes it returns. The rule
 * itself is documented on `computeRelated` in `related.ts`.
 */
import type { Article } from '../content/article.ts';

/** One related story as an article page shows it, and why. */
export interface RelatedLink {
  url: string;
  title: string;
  date: string;
  /** Rounded to 3 decimals, so the output is the same on every machine. */
  score: number;
  /** The shared names, strongest first, e.g. ["Jens Stoltenberg", "NATO"]; ["similar text"] when only the text links them. */
  reasons: string[];
  /** Chosen by an editor in the article's `related.pin`. */
  pinned?: boolean;
}

/**
 * What the rule reads of an article: its address and slug, day, title, text, names and
 * editors' choices. Of the body, only the first TEXT_CHARS characters (and the
 * one after, which tells whether the limit cuts a word) count.
 */
export type RelatedArticle = Pick<Article, 'url' | 'slug' | 'date' | 'title' | 'body' | (typeof KINDS)[number] | 'related'>;

/** Knobs of the rule; the defaults are the site's. */
export interface RelatedOptions {
  /** Related stories per article. */
  limit?: number;
}

/** The four kinds of name, in the order their ids are given. */
export const KINDS = ['people', 'organizations', 'tags', 'places'] as const;

/** Related stories per article unless the caller says otherwise. */
export const DEFAULT_LIMIT = 5;

/** How much a shared name of each kind tells, before its rarity. */
export const KIND_WEIGHTS: Record<(typeof KINDS)[number], number> = { people: 1.5, organizations: 1.25, tags: 1, places: 0.75 };

/** A name or term on more than this share of the articles counts for nothing. */
export const MAX_SHARE = 0.5;

/** Archives this small are judged by rarity alone: with three articles, a person on two of them still relates them. */
export const SMALL_ARCHIVE = 10;

/** Articles one name or term links an article to: the nearest in time when it is on more. */
export const POSTING_CAP = 32;

/** Terms kept per article for text similarity: its highest TF-IDF. */
export const TERMS_PER_ARTICLE = 10;

/** Characters of the body read for terms: the lead tells what a story is about. */
export const TEXT_CHARS = 1200;

/** The part of a body the rule reads: its first TEXT_CHARS characters and the one after (the whole of a shorter body). */
export function relatedBody(body: string): string {
  return body.length > TEXT_CHARS + 1 ? body.slice(0, TEXT_CHARS + 1) : body;
}

/** What the cosine of two texts (0 to 1) is worth next to the names they share. */
export const TEXT_WEIGHT = 4;

/** The reason given when only the text links two stories. */
export const SIMILAR_TEXT = 'similar text';

/** Whether a name or term on `df` of `count` articles can relate two of them. */
export function telling(df: number, count: number): boolean {
  return df >= 2 && (df <= MAX_SHARE * count || (count <= SMALL_ARCHIVE && df < count));
}
