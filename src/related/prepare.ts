/**
 * The index half of related stories: numbers the articles, folds their names
 * to ids with weights, keeps each article's top terms, and resolves editors'
 * pins and excludes, all into the typed arrays `score.ts` reads.
 */
import { compareCodePoints } from '../collections/names.ts';
import { dayNumber } from './days.ts';
import { KIND_WEIGHTS, KINDS, TERMS_PER_ARTICLE, telling, type RelatedArticle } from './rule.ts';
import type { RelatedIndex, Rows } from './score.ts';
import type { TermTable } from './terms.ts';
import { cleanName, foldKey } from '../content/fold.ts';

/** Packs per-row lists into {@link Rows}. */
function toRows(lists: readonly (readonly number[])[], total: number): Rows {
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

/** The articles numbered by day, then URL, with their day numbers. */
export interface ArticleOrder {
  order: RelatedArticle[];
  days: Int32Array;
}

const byCodeUnits =
  (articles: readonly RelatedArticle[]) =>
  (a: number, b: number): number => {
    const left = articles[a]!.url;
    const right = articles[b]!.url;
    return left < right ? -1 : left > right ? 1 : 0;
  };

/**
 * Numbers the articles by day, then URL (in code units), the same for any
 * input order: a counting sort by day, then a sort by URL within each day,
 * so URLs are compared only between articles of one day.
 */
export function orderArticles(articles: readonly RelatedArticle[]): ArticleOrder {
  const count = articles.length;
  const inputDays = Int32Array.from(articles, (article) => dayNumber(article.date));
  let first = 0;
  let last = -1;
  for (let index = 0; index < count; index++) {
    if (index === 0 || inputDays[index]! < first) first = inputDays[index]!;
    if (index === 0 || inputDays[index]! > last) last = inputDays[index]!;
  }
  let sorted: number[];
  if (count > 0 && last - first <= 4 * count + 100_000) {
    const starts = new Int32Array(last - first + 2);
    for (let index = 0; index < count; index++) starts[inputDays[index]! - first + 1]!++;
    for (let day = 1; day < starts.length; day++) starts[day]! += starts[day - 1]!;
    const fill = starts.slice();
    sorted = new Array<number>(count);
    for (let index = 0; index < count; index++) sorted[fill[inputDays[index]! - first]!++] = index;
    const compare = byCodeUnits(articles);
    for (let day = 0; day + 1 < starts.length; day++) {
      if (starts[day + 1]! - starts[day]! < 2) continue;
      const sameDay = sorted.slice(starts[day]!, starts[day + 1]!).sort(compare);
      for (let k = 0; k < sameDay.length; k++) sorted[starts[day]! + k] = sameDay[k]!;
    }
  } else {
    // Days too spread for a counting sort (a year 0001 among 2020s, say): an ordinary sort.
    const byUrl = byCodeUnits(articles);
    sorted = Array.from(articles.keys()).sort((a, b) => inputDays[a]! - inputDays[b]! || byUrl(a, b));
  }
  return { order: sorted.map((index) => articles[index]!), days: Int32Array.from(sorted, (index) => inputDays[index]!) };
}

/** Each article's title and the part of its body terms are read from, in one reused pair: a pair per article would only feed the garbage collector. */
export function* termDocuments(order: readonly RelatedArticle[], from = 0, to = order.length): Generator<readonly string[]> {
  const pair = ['', ''];
  for (let index = from; index < to; index++) {
    pair[0] = order[index]!.title;
    pair[1] = order[index]!.body;
    yield pair;
  }
}

/** Name ids of every article, the articles naming each id, each id's weight, shown spelling and its rank. */
interface NameIndex {
  rows: Rows;
  postings: Rows;
  weight: Float64Array;
  names: string[];
  rank: Int32Array;
}

/**
 * Indexes the names of `order`; spellings fold to one id (per kind), shown
 * as its most used spelling. Each distinct spelling is folded once, and each
 * use costs one map lookup.
 */
function indexNames(order: readonly RelatedArticle[]): NameIndex {
  const count = order.length;
  const featureOf = new Map<string, number>();
  const spellingOf = KINDS.map(() => new Map<string, number>());
  // Per spelling id: its text, its name id (-1 when it folds to nothing) and the articles using it.
  const spellingText: string[] = [];
  const spellingFeature: number[] = [];
  let spellingUses = new Int32Array(1024);
  const featureKind: number[] = [];
  const offsets = new Int32Array(count + 1);
  let values = new Int32Array(Math.max(1024, count * 8));
  let size = 0;
  const features: number[] = [];
  for (let article = 0; article < count; article++) {
    features.length = 0;
    for (let kind = 0; kind < KINDS.length; kind++) {
      for (const name of order[article]![KINDS[kind]!]) {
        let spelling = spellingOf[kind]!.get(name);
        if (spelling === undefined) {
          spelling = spellingText.length;
          spellingOf[kind]!.set(name, spelling);
          spellingText.push(name);
          const key = foldKey(name);
          let feature = -1;
          if (key) {
            const foldedKey = `${kind}\u0000${key}`;
            feature = featureOf.get(foldedKey) ?? -1;
            if (feature === -1) {
              feature = featureKind.length;
              featureOf.set(foldedKey, feature);
              featureKind.push(kind);
            }
          }
          spellingFeature.push(feature);
          if (spelling >= spellingUses.length) {
            const bigger = new Int32Array(spellingUses.length * 2);
            bigger.set(spellingUses);
            spellingUses = bigger;
          }
        }
        const feature = spellingFeature[spelling]!;
        if (feature === -1 || features.includes(feature)) continue;
        features.push(feature);
        spellingUses[spelling]!++;
      }
    }
    features.sort((a, b) => a - b);
    if (size + features.length > values.length) {
      const bigger = new Int32Array(Math.max(values.length * 2, size + features.length));
      bigger.set(values);
      values = bigger;
    }
    for (const feature of features) values[size++] = feature;
    offsets[article + 1] = size;
  }
  // The shown spelling: the cleaned spelling used by the most articles, then the first in code-point order.
  const cleanedUses = featureKind.map(() => new Map<string, number>());
  for (let spelling = 0; spelling < spellingText.length; spelling++) {
    const feature = spellingFeature[spelling]!;
    if (feature === -1 || spellingUses[spelling] === 0) continue;
    const clean = cleanName(spellingText[spelling]!);
    const uses = cleanedUses[feature]!;
    uses.set(clean, (uses.get(clean) ?? 0) + spellingUses[spelling]!);
  }
  const names = cleanedUses.map((uses) => {
    let best = '';
    let most = -1;
    for (const [clean, used] of uses)
      if (used > most || (used === most && compareCodePoints(clean, best) < 0)) [best, most] = [clean, used];
    return best;
  });
  const rows: Rows = { offsets, values: values.subarray(0, size) };
  const postings = invert(rows, names.length);
  const weight = new Float64Array(names.length);
  for (let feature = 0; feature < names.length; feature++) {
    const df = postings.offsets[feature + 1]! - postings.offsets[feature]!;
    if (telling(df, count)) weight[feature] = KIND_WEIGHTS[KINDS[featureKind[feature]!]!] * Math.log(count / df);
  }
  // Equal spellings share a rank, so reasons of equal weight come out in one order.
  const byName = names.map((_, feature) => feature).sort((a, b) => compareCodePoints(names[a]!, names[b]!));
  const rank = new Int32Array(names.length);
  for (let at = 0, current = 0; at < byName.length; at++) {
    if (at > 0 && names[byName[at]!] !== names[byName[at - 1]!]) current = at;
    rank[byName[at]!] = current;
  }
  return { rows, postings, weight, names, rank };
}

/** Each article's top terms as ids with unit-vector weights, and the articles keeping each term with theirs. */
export type TermIndex = Pick<RelatedIndex, 'termRows' | 'termWeights' | 'termPostings' | 'postingWeights'>;

/** Indexes each article's TERMS_PER_ARTICLE highest terms by TF-IDF, as a unit vector. */
export function indexTerms(table: TermTable, count: number): TermIndex {
  const termOffsets = new Int32Array(count + 1);
  const termValues = new Int32Array(count * TERMS_PER_ARTICLE);
  const termWeights = new Float64Array(count * TERMS_PER_ARTICLE);
  let termEntries = 0;
  const topIds = new Int32Array(TERMS_PER_ARTICLE);
  const topWeights = new Float64Array(TERMS_PER_ARTICLE);
  const termRarity = new Float64Array(table.documentFrequency.length);
  for (let term = 0; term < termRarity.length; term++) {
    const df = table.documentFrequency[term]!;
    if (telling(df, count)) termRarity[term] = Math.log(count / df);
  }
  let article = 0;
  for (let document = 0; document + 1 < table.offsets.length; document++, article++) {
    let kept = 0;
    for (let entry = table.offsets[document]!; entry < table.offsets[document + 1]!; entry++) {
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
  if (article !== count) throw new Error(`related stories: terms were counted for ${article} articles, not ${count}`);
  const termRows: Rows = { offsets: termOffsets, values: termValues.subarray(0, termEntries) };
  const termPostings = invert(termRows, table.terms.length);
  const postingWeights = new Float64Array(termPostings.values.length);
  const fill = termPostings.offsets.slice(0, table.terms.length);
  for (article = 0; article < count; article++) {
    for (let entry = termRows.offsets[article]!, k = 0; entry < termRows.offsets[article + 1]!; entry++, k++) {
      postingWeights[fill[termRows.values[entry]!]!++] = termWeights[article * TERMS_PER_ARTICLE + k]!;
    }
  }
  return { termRows, termWeights, termPostings, postingWeights };
}

/** A reference as it is looked up: trimmed, without a last slash. */
const bare = (reference: string): string => {
  const trimmed = reference.trim();
  return trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed;
};

/**
 * Editors' pins and excludes as article numbers. A reference is a URL (with
 * or without its last slash) or a slug; the first article in order wins a
 * shared slug. Pins keep their order, at most `limit`, never an excluded
 * article or the article itself.
 */
function resolveReferences(order: readonly RelatedArticle[], limit: number): { pins: Rows; excludes: Rows } {
  const references = new Set<string>();
  for (const article of order) {
    for (const reference of article.related?.pin ?? []) references.add(bare(reference));
    for (const reference of article.related?.exclude ?? []) references.add(bare(reference));
  }
  const byReference = new Map<string, number>();
  const resolves = (reference: string, index: number): void => {
    if (references.has(reference) && !byReference.has(reference)) byReference.set(reference, index);
  };
  if (references.size > 0) {
    for (let index = 0; index < order.length; index++) {
      const { url, slug } = order[index]!;
      resolves(url.endsWith('/') ? url.slice(0, -1) : url, index);
      resolves(slug, index);
    }
  }
  const pins: number[][] = [];
  const excludes: number[][] = [];
  let pinCount = 0;
  let excludeCount = 0;
  for (let article = 0; article < order.length; article++) {
    const related = order[article]!.related;
    const excluded: number[] = [];
    const pinned: number[] = [];
    for (const reference of related?.exclude ?? []) {
      const index = byReference.get(bare(reference));
      if (index !== undefined && index !== article && !excluded.includes(index)) excluded.push(index);
    }
    for (const reference of related?.pin ?? []) {
      const index = byReference.get(bare(reference));
      if (index !== undefined && index !== article && !excluded.includes(index) && !pinned.includes(index) && pinned.length < limit)
        pinned.push(index);
    }
    pins.push(pinned);
    excludes.push(excluded);
    pinCount += pinned.length;
    excludeCount += excluded.length;
  }
  return { pins: toRows(pins, pinCount), excludes: toRows(excludes, excludeCount) };
}

/** The names and editors' references of a numbered archive: the part of the index that needs no terms. */
export interface PreparedNames extends ArticleOrder {
  limit: number;
  names: NameIndex;
  pins: Rows;
  excludes: Rows;
}

/** Indexes the names of `numbered` and resolves its editors' references. */
export function prepareNames(numbered: ArticleOrder, limit: number): PreparedNames {
  return { ...numbered, limit, names: indexNames(numbered.order), ...resolveReferences(numbered.order, limit) };
}

/** What scoring reads, and the names its reasons point to. */
export interface PreparedArchive {
  order: RelatedArticle[];
  index: RelatedIndex;
  /** Shown spelling of each name id. */
  names: string[];
}

/** The whole index, from the names and the terms' index (`indexTerms`) of the articles in their numbered order. */
export function prepareIndex(prepared: PreparedNames, terms: TermIndex): PreparedArchive {
  const { order, days, limit, names, pins, excludes } = prepared;
  const index: RelatedIndex = {
    count: order.length,
    limit,
    days,
    nameRows: names.rows,
    namePostings: names.postings,
    nameWeight: names.weight,
    nameRank: names.rank,
    ...terms,
    pins,
    excludes,
  };
  return { order, index, names: names.names };
}
