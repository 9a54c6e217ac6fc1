/** Related stories for every article of the archive, computed once per build. */
import type { Article } from '../content/article.ts';
import { cleanName, compareCodePoints, foldKey } from '../collections/names.ts';
import { dayNumber } from './days.ts';
import { countTerms } from './terms.ts';

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

/** Whether a name or term on `df` of `count` articles can relate two of them. */
function telling(df: number, count: number): boolean {
  return df >= 2 && (df <= MAX_SHARE * count || (count <= SMALL_ARCHIVE && df < count));
}

/** Articles one name or term links an article to: the nearest in time when it is on more. */
export const POSTING_CAP = 32;

/** Terms kept per article for text similarity: its highest TF-IDF. */
export const TERMS_PER_ARTICLE = 10;

/** Characters of the body read for terms: the lead tells what a story is about. */
export const TEXT_CHARS = 1200;

/** What the cosine of two texts (0 to 1) is worth next to the names they share. */
export const TEXT_WEIGHT = 4;

/** The reason given when only the text links two stories. */
export const SIMILAR_TEXT = 'similar text';

/** Features in compressed rows: row r owns entries offsets[r] to offsets[r+1]. */
interface Rows {
  offsets: Int32Array;
  values: Int32Array;
}

/** Packs per-row lists into {@link Rows}. */
function toRows(lists: readonly number[][] | readonly Int32Array[], total: number): Rows {
  const offsets = new Int32Array(lists.length + 1);
  const values = new Int32Array(total);
  let at = 0;
  for (let row = 0; row < lists.length; row++) {
    offsets[row] = at;
    values.set(lists[row]!, at);
    at += lists[row]!.length;
  }
  offsets[lists.length] = at;
  return { offsets, values };
}

/** Inverts article → feature rows into feature → article rows; articles come out ascending. */
function invert(rows: Rows, features: number): Rows {
  const offsets = new Int32Array(features + 1);
  for (const feature of rows.values) offsets[feature + 1]!++;
  for (let feature = 0; feature < features; feature++) offsets[feature + 1]! += offsets[feature]!;
  const fill = offsets.slice(0, features);
  const values = new Int32Array(rows.values.length);
  for (let article = 0; article + 1 < rows.offsets.length; article++) {
    for (let entry = rows.offsets[article]!; entry < rows.offsets[article + 1]!; entry++) values[fill[rows.values[entry]!]!++] = article;
  }
  return { offsets, values };
}

/** Index of `article` in the ascending slice values[from, to), or -1. */
function find(values: Int32Array, from: number, to: number, article: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = values[middle]!;
    if (value === article) return middle;
    if (value < article) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Where the window of a posting list an article reads starts: all of it, or the POSTING_CAP entries around the article itself. */
function windowStart(from: number, to: number, position: number): number {
  if (to - from <= POSTING_CAP) return from;
  return Math.min(Math.max(from, position - (POSTING_CAP >> 1)), to - POSTING_CAP);
}

/** Names of every article as ids, the articles naming each id (ascending), each id's weight and its shown spelling. */
interface NameIndex {
  rows: Rows;
  postings: Rows;
  weight: Float64Array;
  names: string[];
}

/** Indexes the names of `order`; spellings fold to one id, shown as the most used spelling. */
function indexNames(order: readonly Article[]): NameIndex {
  const count = order.length;
  const featureOf = new Map<string, number>();
  const spellingOf = KINDS.map(() => new Map<string, number>());
  const featureKind: number[] = [];
  const spellings: Map<string, number>[] = [];
  const articleFeatures: number[][] = [];
  let featureEntries = 0;
  for (const article of order) {
    const features: number[] = [];
    for (let kind = 0; kind < KINDS.length; kind++) {
      for (const name of article[KINDS[kind]!]) {
        let feature = spellingOf[kind]!.get(name);
        if (feature === undefined) {
          const key = foldKey(name);
          if (!key) continue;
          const foldedKey = `${kind}\u0000${key}`;
          feature = featureOf.get(foldedKey);
          if (feature === undefined) {
            feature = featureKind.length;
            featureOf.set(foldedKey, feature);
            featureKind.push(kind);
            spellings.push(new Map());
          }
          spellingOf[kind]!.set(name, feature);
        }
        if (features.includes(feature)) continue;
        features.push(feature);
        const shown = spellings[feature]!;
        shown.set(name, (shown.get(name) ?? 0) + 1);
      }
    }
    features.sort((a, b) => a - b);
    articleFeatures.push(features);
    featureEntries += features.length;
  }
  const names = spellings.map((counts) => {
    const cleaned = new Map<string, number>();
    for (const [spelling, uses] of counts) cleaned.set(cleanName(spelling), (cleaned.get(cleanName(spelling)) ?? 0) + uses);
    let best = '';
    let most = -1;
    for (const [clean, uses] of cleaned) if (uses > most || (uses === most && compareCodePoints(clean, best) < 0)) [best, most] = [clean, uses];
    return best;
  });
  const nameRows = toRows(articleFeatures, featureEntries);
  articleFeatures.length = 0;
  const namePostings = invert(nameRows, names.length);
  const nameWeight = new Float64Array(names.length);
  for (let feature = 0; feature < names.length; feature++) {
    const df = namePostings.offsets[feature + 1]! - namePostings.offsets[feature]!;
    if (telling(df, count)) nameWeight[feature] = KIND_WEIGHTS[KINDS[featureKind[feature]!]!] * Math.log(count / df);
  }

  return { rows: nameRows, postings: namePostings, weight: nameWeight, names };
}

/** Each article's top terms as ids with unit-vector weights, and the articles keeping each term (ascending) with theirs. */
interface TermIndex {
  rows: Rows;
  /** Weight of row entry k of article a at a × TERMS_PER_ARTICLE + k. */
  rowWeights: Float64Array;
  postings: Rows;
  postingWeights: Float64Array;
}

/** Each article's title and body, in one reused pair: a pair per article would only feed the garbage collector. */
function* titlesAndBodies(order: readonly Article[]): Generator<readonly string[]> {
  const pair = ['', ''];
  for (const article of order) {
    pair[0] = article.title;
    pair[1] = article.body;
    yield pair;
  }
}

/** Indexes each article's TERMS_PER_ARTICLE highest terms by TF-IDF, as a unit vector. */
function indexTerms(order: readonly Article[]): TermIndex {
  const count = order.length;
  const table = countTerms(titlesAndBodies(order), TEXT_CHARS);
  const termOffsets = new Int32Array(count + 1);
  const termValues = new Int32Array(count * TERMS_PER_ARTICLE);
  const termWeights = new Float64Array(count * TERMS_PER_ARTICLE);
  let termEntries = 0;
  const topIds = new Int32Array(TERMS_PER_ARTICLE);
  const topWeights = new Float64Array(TERMS_PER_ARTICLE);
  const termRarity = Float64Array.from(table.documentFrequency, (df) => (telling(df, count) ? Math.log(count / df) : 0));
  for (let article = 0; article < count; article++) {
    let kept = 0;
    for (let entry = table.offsets[article]!; entry < table.offsets[article + 1]!; entry++) {
      const term = table.ids[entry]!;
      const rarity = termRarity[term]!;
      if (rarity === 0) continue;
      const tf = table.counts[entry]!;
      const weight = tf === 1 ? rarity : (1 + Math.log(tf)) * rarity;
      // Insertion into a short list, highest first; equal weights keep the earlier term.
      let at = kept;
      while (at > 0 && topWeights[at - 1]! < weight) at--;
      if (at >= TERMS_PER_ARTICLE) continue;
      for (let move = Math.min(kept, TERMS_PER_ARTICLE - 1); move > at; move--) {
        topIds[move] = topIds[move - 1]!;
        topWeights[move] = topWeights[move - 1]!;
      }
      topIds[at] = term;
      topWeights[at] = weight;
      if (kept < TERMS_PER_ARTICLE) kept++;
    }
    let norm = 0;
    for (let k = 0; k < kept; k++) norm += topWeights[k]! * topWeights[k]!;
    norm = Math.sqrt(norm);
    // Terms ascending by id (an insertion sort of at most TERMS_PER_ARTICLE), so scores add up in one order.
    const base = article * TERMS_PER_ARTICLE;
    for (let k = 0; k < kept; k++) {
      const id = topIds[k]!;
      const weight = topWeights[k]! / norm;
      let at = k;
      while (at > 0 && termValues[termEntries + at - 1]! > id) {
        termValues[termEntries + at] = termValues[termEntries + at - 1]!;
        termWeights[base + at] = termWeights[base + at - 1]!;
        at--;
      }
      termValues[termEntries + at] = id;
      termWeights[base + at] = weight;
    }
    termEntries += kept;
    termOffsets[article + 1] = termEntries;
  }
  const termRows: Rows = { offsets: termOffsets, values: termValues.subarray(0, termEntries) };
  const termPostings = invert(termRows, table.terms.length);
  // The weight of each posting, so scoring reads it without a search.
  const postingWeights = new Float64Array(termPostings.values.length);
  {
    const fill = termPostings.offsets.slice(0, table.terms.length);
    for (let article = 0; article < count; article++) {
      for (let entry = termRows.offsets[article]!, k = 0; entry < termRows.offsets[article + 1]!; entry++, k++) {
        postingWeights[fill[termRows.values[entry]!]!++] = termWeights[article * TERMS_PER_ARTICLE + k]!;
      }
    }
  }

  return { rows: termRows, rowWeights: termWeights, postings: termPostings, postingWeights };
}

/**
 * The article index an editor's reference names: a URL (with or without its
 * last slash) or a slug; the first article in order wins a shared slug.
 */
function referenceResolver(order: readonly Article[]): (reference: string) => number | undefined {
  const references = new Set<string>();
  for (const article of order) {
    for (const reference of [...(article.related?.pin ?? []), ...(article.related?.exclude ?? [])]) references.add(reference.trim().replace(/\/$/, ''));
  }
  const byReference = new Map<string, number>();
  if (references.size > 0) {
    order.forEach((article, index) => {
      const bare = article.url.endsWith('/') ? article.url.slice(0, -1) : article.url;
      for (const reference of [bare, article.slug]) if (references.has(reference) && !byReference.has(reference)) byReference.set(reference, index);
    });
  }
  return (reference) => byReference.get(reference.trim().replace(/\/$/, ''));

}

const byUrl = (a: Article, b: Article): number => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * The rule. For each article, up to `limit` (5) related articles:
 *
 * - Names: each person, organization, tag and place an article shares with
 *   another adds KIND_WEIGHTS[kind] × ln(N / df), N being the number of
 *   articles and df the number naming it (spellings folded: "NATO" = "nato"),
 *   so a rare name says more than a common one, and a person more than a tag.
 *   A name on more than MAX_SHARE (half) of the articles counts for nothing,
 *   as with Hugo's related-content threshold, except in an archive of at most
 *   SMALL_ARCHIVE articles, where only a name on all of them does; a name on
 *   one article links none.
 * - Text: the cosine of the two articles' vectors of their TERMS_PER_ARTICLE
 *   highest terms by (1 + ln tf) × ln(N / df), over the title and the first
 *   TEXT_CHARS characters of the body, stopwords left out, times TEXT_WEIGHT.
 * - Cost: one inverted index, name or term → articles ordered by day. A name
 *   or term on more than POSTING_CAP articles links each article only to the
 *   POSTING_CAP nearest to it in that order, so the work grows linearly with
 *   the archive and no pair of articles is ever compared outright.
 * - Order: higher score (to 6 decimals) first, then nearer in time, then URL
 *   order; articles are numbered by day and URL first, so the output is the
 *   same, byte for byte, for the same articles in any order.
 * - Editors: stories in `related.pin` (URL or slug) come first, in the order
 *   given, then the scored ones; stories in `related.exclude` never appear.
 *   An article never relates to itself.
 * - Reasons: the shared names that scored, strongest first, or "similar
 *   text" when only the text links the two.
 */
export function computeRelated(articles: readonly Article[], options: RelatedOptions = {}): Map<string, RelatedLink[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  // Numbered by day, then URL: day numbers first, so most comparisons never read a string.
  const inputDays = articles.map((article) => dayNumber(article.date));
  const sorted = articles.map((_, index) => index).sort((a, b) => inputDays[a]! - inputDays[b]! || byUrl(articles[a]!, articles[b]!));
  const order = sorted.map((index) => articles[index]!);
  const days = Int32Array.from(sorted, (index) => inputDays[index]!);
  const count = order.length;

  const { rows: nameRows, postings: namePostings, weight: nameWeight, names } = indexNames(order);
  const { rows: termRows, rowWeights: termWeights, postings: termPostings, postingWeights } = indexTerms(order);
  const resolve = referenceResolver(order);

  const scores = new Float64Array(count);
  const touched = new Int32Array(count);
  // 1: reached by a name or term; 2: the text added to its score.
  const seen = new Uint8Array(count);
  // Where each of the current article's name windows starts, by its entry in the article's row.
  let windowLow = new Int32Array(64);
  const out = new Map<string, RelatedLink[]>();
  for (let article = 0; article < count; article++) {
    let touchedCount = 0;
    const nameCount = nameRows.offsets[article + 1]! - nameRows.offsets[article]!;
    if (nameCount > windowLow.length) windowLow = new Int32Array(nameCount);
    for (let entry = nameRows.offsets[article]!; entry < nameRows.offsets[article + 1]!; entry++) {
      const feature = nameRows.values[entry]!;
      const weight = nameWeight[feature]!;
      if (weight === 0) continue;
      const from = namePostings.offsets[feature]!;
      const to = namePostings.offsets[feature + 1]!;
      const low = windowStart(from, to, to - from > POSTING_CAP ? find(namePostings.values, from, to, article) : from);
      const high = Math.min(to, low + POSTING_CAP);
      windowLow[entry - nameRows.offsets[article]!] = low;
      for (let at = low; at < high; at++) {
        const other = namePostings.values[at]!;
        if (seen[other] === 0) {
          seen[other] = 1;
          touched[touchedCount++] = other;
        }
        scores[other]! += weight;
      }
    }
    for (let entry = termRows.offsets[article]!, k = 0; entry < termRows.offsets[article + 1]!; entry++, k++) {
      const term = termRows.values[entry]!;
      const weight = termWeights[article * TERMS_PER_ARTICLE + k]! * TEXT_WEIGHT;
      const from = termPostings.offsets[term]!;
      const to = termPostings.offsets[term + 1]!;
      const low = windowStart(from, to, to - from > POSTING_CAP ? find(termPostings.values, from, to, article) : from);
      const high = Math.min(to, low + POSTING_CAP);
      for (let at = low; at < high; at++) {
        const other = termPostings.values[at]!;
        if (seen[other] === 0) touched[touchedCount++] = other;
        seen[other] = 3;
        scores[other]! += weight * postingWeights[at]!;
      }
    }

    const source = order[article]!;
    const excluded: number[] = [article];
    const pinned: number[] = [];
    if (source.related) {
      for (const reference of source.related.exclude ?? []) {
        const index = resolve(reference);
        if (index !== undefined) excluded.push(index);
      }
      for (const reference of source.related.pin ?? []) {
        const index = resolve(reference);
        if (index !== undefined && !excluded.includes(index) && !pinned.includes(index) && pinned.length < limit) pinned.push(index);
      }
    }
    // The best `wanted` candidates, best first; `bar` is the score the last of them holds.
    const wanted = limit - pinned.length;
    const best: number[] = [];
    const bestScores: number[] = [];
    let bar = 0;
    for (let i = 0; i < touchedCount && wanted > 0; i++) {
      const other = touched[i]!;
      if (other === article) continue;
      const raw = scores[other]!;
      // Most candidates fall well short of the last kept one: skip them before rounding.
      if (best.length === wanted && raw < bar) continue;
      const score = Math.round(raw * 1e6);
      if (score <= 0 || (best.length === wanted && score < bestScores[wanted - 1]!)) continue;
      if (excluded.includes(other) || pinned.includes(other)) continue;
      const beats = (at: number): boolean => {
        if (score !== bestScores[at]) return score > bestScores[at]!;
        const distance = Math.abs(days[other]! - days[article]!);
        const theirs = Math.abs(days[best[at]!]! - days[article]!);
        if (distance !== theirs) return distance < theirs;
        // On one day, article order is URL order: no need to read the URLs.
        if (days[other] === days[best[at]!]) return other < best[at]!;
        return order[other]!.url < order[best[at]!]!.url;
      };
      if (best.length === wanted && !beats(wanted - 1)) continue;
      let at = Math.min(best.length, wanted - 1);
      if (best.length < wanted) {
        best.push(other);
        bestScores.push(score);
      }
      while (at > 0 && beats(at - 1)) {
        best[at] = best[at - 1]!;
        bestScores[at] = bestScores[at - 1]!;
        at--;
      }
      best[at] = other;
      bestScores[at] = score;
      if (best.length === wanted) bar = (bestScores[wanted - 1]! - 1) / 1e6;
    }

    const link = (other: number, isPinned: boolean): RelatedLink => {
      const target = order[other]!;
      const shared: { name: string; weight: number }[] = [];
      const otherFrom = nameRows.offsets[other]!;
      const otherTo = nameRows.offsets[other + 1]!;
      for (let entry = nameRows.offsets[article]!; entry < nameRows.offsets[article + 1]!; entry++) {
        const feature = nameRows.values[entry]!;
        const weight = nameWeight[feature]!;
        if (weight === 0 || find(nameRows.values, otherFrom, otherTo, feature) < 0) continue;
        // A name scored only if `other` was inside the window this article read for it.
        const low = windowLow[entry - nameRows.offsets[article]!]!;
        const high = Math.min(namePostings.offsets[feature + 1]!, low + POSTING_CAP);
        if (find(namePostings.values, low, high, other) < 0) continue;
        shared.push({ name: names[feature]!, weight });
      }
      shared.sort((a, b) => b.weight - a.weight || compareCodePoints(a.name, b.name));
      const reasons: string[] = [];
      for (const entry of shared) if (!reasons.includes(entry.name)) reasons.push(entry.name);
      if (reasons.length === 0 && seen[other] === 3) reasons.push(SIMILAR_TEXT);
      const score = Math.round(scores[other]! * 1000) / 1000;
      const result: RelatedLink = { url: target.url, title: target.title, date: target.date, score, reasons };
      if (isPinned) result.pinned = true;
      return result;
    };
    const links: RelatedLink[] = [];
    for (const other of pinned) links.push(link(other, true));
    for (const other of best) links.push(link(other, false));
    out.set(source.url, links);
    for (let i = 0; i < touchedCount; i++) {
      scores[touched[i]!] = 0;
      seen[touched[i]!] = 0;
    }
  }
  return out;
}
