/**
 * The scoring half of related stories: plain typed arrays in, plain typed
 * arrays out, no strings and no objects per article, so a worker thread can
 * score one range of the archive while the main thread scores another.
 * `prepare.ts` builds the index; `related.ts` turns the picks into links.
 */
import { POSTING_CAP, TERMS_PER_ARTICLE, TEXT_WEIGHT } from './rule.ts';

/** Compressed rows: row r owns entries values[offsets[r]] to values[offsets[r+1] - 1]. */
export interface Rows {
  offsets: Int32Array;
  values: Int32Array;
}

/** Everything scoring reads; articles are numbered by day, then URL. */
export interface RelatedIndex {
  count: number;
  /** Related stories per article, pins included. */
  limit: number;
  /** Day number of each article. */
  days: Int32Array;
  /** Name ids of each article, ascending. */
  nameRows: Rows;
  /** Articles naming each name id, ascending. */
  namePostings: Rows;
  /** Weight of each name id; 0 when it cannot relate two articles. */
  nameWeight: Float64Array;
  /** Rank of each name id's shown spelling in code-point order, for reasons of equal weight. */
  nameRank: Int32Array;
  /** Top term ids of each article, ascending. */
  termRows: Rows;
  /** Unit-vector weight of row entry k of article a at a × TERMS_PER_ARTICLE + k. */
  termWeights: Float64Array;
  /** Articles keeping each term, ascending. */
  termPostings: Rows;
  /** The weight of each posting, so scoring reads it without a search. */
  postingWeights: Float64Array;
  /** Articles each article's editors pinned, resolved, in their order, at most `limit`, never excluded ones. */
  pins: Rows;
  /** Articles each article's editors excluded, resolved. */
  excludes: Rows;
}

/** The related stories of articles from..to-1: `limit` slots each, unused slots -1. */
export interface ScoredRange {
  from: number;
  to: number;
  /** Article in each slot: pins first, then the best scored, best first. */
  picks: Int32Array;
  /** 1 where the slot holds an editor's pin. */
  pinned: Uint8Array;
  /** Score of each slot before rounding. */
  scores: Float64Array;
  /** 1 where the text added to the slot's score. */
  text: Uint8Array;
  /** Name ids of each slot's reasons, strongest first: slot s owns entries offsets[s] to offsets[s+1]. */
  reasons: Rows;
}

/** Index of `article` in the ascending slice values[from, to), or -1. */
export function find(values: Int32Array, from: number, to: number, article: number): number {
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
function windowStart(postings: Rows, from: number, to: number, article: number): number {
  if (to - from <= POSTING_CAP) return from;
  const position = find(postings.values, from, to, article);
  return Math.min(Math.max(from, position - (POSTING_CAP >> 1)), to - POSTING_CAP);
}

/** Whether candidate `other` with `score` ranks above `current` with `currentScore` as a related story of `article`. */
function beats(index: RelatedIndex, article: number, other: number, score: number, current: number, currentScore: number): boolean {
  if (score !== currentScore) return score > currentScore;
  const { days } = index;
  const distance = Math.abs(days[other]! - days[article]!);
  const theirs = Math.abs(days[current]! - days[article]!);
  if (distance !== theirs) return distance < theirs;
  // The earlier in archive order (by day, then URL): one before and one after the article, the one before.
  return other < current;
}

/** Whether `value` is in values[from, to). */
function within(values: Int32Array, from: number, to: number, value: number): boolean {
  for (let at = from; at < to; at++) if (values[at] === value) return true;
  return false;
}

/** A growable Int32Array. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
}

/** Scores articles from..to-1 against the whole archive: the rule of `computeRelated`, on ids. */
export function scoreArticles(index: RelatedIndex, from: number, to: number): ScoredRange {
  const {
    count,
    limit,
    nameRows,
    namePostings,
    nameWeight,
    nameRank,
    termRows,
    termWeights,
    termPostings,
    postingWeights,
    pins,
    excludes,
  } = index;
  const slots = (to - from) * limit;
  const picks = new Int32Array(slots).fill(-1);
  const pinned = new Uint8Array(slots);
  const pickScores = new Float64Array(slots);
  const text = new Uint8Array(slots);
  const reasonOffsets = new Int32Array(slots + 1);
  const reasonValues = new IntList();

  const scores = new Float64Array(count);
  const touched = new Int32Array(count);
  // 1: reached by a name or term; 3: the text added to its score.
  const seen = new Uint8Array(count);
  // Where each of the current article's name windows starts, by its entry in the article's row.
  let windowLow = new Int32Array(64);
  const best = new Int32Array(limit);
  const bestScores = new Float64Array(limit);
  // Reasons of one link: name ids and weights, sorted in place.
  let shared = new Int32Array(64);

  for (let article = from; article < to; article++) {
    let touchedCount = 0;
    const nameFrom = nameRows.offsets[article]!;
    const nameTo = nameRows.offsets[article + 1]!;
    if (nameTo - nameFrom > windowLow.length) {
      windowLow = new Int32Array(nameTo - nameFrom);
      shared = new Int32Array(nameTo - nameFrom);
    }
    for (let entry = nameFrom; entry < nameTo; entry++) {
      const feature = nameRows.values[entry]!;
      const weight = nameWeight[feature]!;
      if (weight === 0) continue;
      const postingFrom = namePostings.offsets[feature]!;
      const postingTo = namePostings.offsets[feature + 1]!;
      const low = windowStart(namePostings, postingFrom, postingTo, article);
      const high = Math.min(postingTo, low + POSTING_CAP);
      windowLow[entry - nameFrom] = low;
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
      const postingFrom = termPostings.offsets[term]!;
      const postingTo = termPostings.offsets[term + 1]!;
      const low = windowStart(termPostings, postingFrom, postingTo, article);
      const high = Math.min(postingTo, low + POSTING_CAP);
      for (let at = low; at < high; at++) {
        const other = termPostings.values[at]!;
        if (seen[other] === 0) touched[touchedCount++] = other;
        seen[other] = 3;
        scores[other]! += weight * postingWeights[at]!;
      }
    }

    const pinFrom = pins.offsets[article]!;
    const pinTo = pins.offsets[article + 1]!;
    const excludeFrom = excludes.offsets[article]!;
    const excludeTo = excludes.offsets[article + 1]!;
    // The best `wanted` candidates, best first; `bar` is the score the last of them holds.
    const wanted = limit - (pinTo - pinFrom);
    let kept = 0;
    let bar = 0;
    for (let i = 0; i < touchedCount && wanted > 0; i++) {
      const other = touched[i]!;
      if (other === article) continue;
      const raw = scores[other]!;
      // Most candidates fall well short of the last kept one: skip them before rounding.
      if (kept === wanted && raw < bar) continue;
      const score = Math.round(raw * 1e6);
      if (score <= 0 || (kept === wanted && score < bestScores[wanted - 1]!)) continue;
      if (within(excludes.values, excludeFrom, excludeTo, other) || within(pins.values, pinFrom, pinTo, other)) continue;
      if (kept === wanted && !beats(index, article, other, score, best[wanted - 1]!, bestScores[wanted - 1]!)) continue;
      let at = Math.min(kept, wanted - 1);
      if (kept < wanted) kept++;
      while (at > 0 && beats(index, article, other, score, best[at - 1]!, bestScores[at - 1]!)) {
        best[at] = best[at - 1]!;
        bestScores[at] = bestScores[at - 1]!;
        at--;
      }
      best[at] = other;
      bestScores[at] = score;
      if (kept === wanted) bar = (bestScores[wanted - 1]! - 1) / 1e6;
    }

    // The slots: pins, then the scored; each with the shared names that scored, strongest first.
    let slot = (article - from) * limit;
    for (let k = 0; k < pinTo - pinFrom + kept; k++, slot++) {
      const isPin = k < pinTo - pinFrom;
      const other = isPin ? pins.values[pinFrom + k]! : best[k - (pinTo - pinFrom)]!;
      picks[slot] = other;
      pinned[slot] = isPin ? 1 : 0;
      pickScores[slot] = scores[other]!;
      text[slot] = seen[other] === 3 ? 1 : 0;
      let names = 0;
      const otherFrom = nameRows.offsets[other]!;
      const otherTo = nameRows.offsets[other + 1]!;
      for (let entry = nameFrom; entry < nameTo; entry++) {
        const feature = nameRows.values[entry]!;
        if (nameWeight[feature] === 0 || find(nameRows.values, otherFrom, otherTo, feature) < 0) continue;
        // A name scored only if `other` was inside the window this article read for it.
        const low = windowLow[entry - nameFrom]!;
        const high = Math.min(namePostings.offsets[feature + 1]!, low + POSTING_CAP);
        if (find(namePostings.values, low, high, other) < 0) continue;
        // Insertion by weight, highest first, then by the shown spelling.
        let at = names++;
        while (at > 0) {
          const before = shared[at - 1]!;
          const stronger =
            nameWeight[feature]! > nameWeight[before]! ||
            (nameWeight[feature] === nameWeight[before] && nameRank[feature]! < nameRank[before]!);
          if (!stronger) break;
          shared[at] = before;
          at--;
        }
        shared[at] = feature;
      }
      for (let k2 = 0; k2 < names; k2++) reasonValues.push(shared[k2]!);
      reasonOffsets[slot + 1] = reasonValues.length;
    }
    // Unused slots own no reasons.
    for (const end = (article - from + 1) * limit; slot < end; slot++) reasonOffsets[slot + 1] = reasonValues.length;

    for (let i = 0; i < touchedCount; i++) {
      scores[touched[i]!] = 0;
      seen[touched[i]!] = 0;
    }
  }
  return {
    from,
    to,
    picks,
    pinned,
    scores: pickScores,
    text,
    reasons: { offsets: reasonOffsets, values: reasonValues.values.slice(0, reasonValues.length) },
  };
}
