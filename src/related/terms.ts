/**
 * Terms of article texts for text similarity: words of letters and digits,
 * lowercased, at least 3 characters, not all digits, not a stopword. One pass
 * over the characters with no substring per word, because tokenizing
 * 100,000 bodies is most of the cost of related stories. Words are told
 * apart by length and two 32-bit hashes (FNV-1a and the polynomial hash);
 * two words that matched on all three, odds of about one in 10^10 per
 * build, would share their counts, which only nudges a similarity.
 */
import { eng } from 'stopword';

/** Words too common in news to tell stories apart, on top of the English stopword list. */
export const NEWS_STOPWORDS = [
  'also', 'said', 'says', 'say', 'told', 'would', 'could', 'should', 'will', 'may', 'might', 'must', 'can',
  'one', 'two', 'three', 'new', 'year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days', 'time',
  'mr', 'mrs', 'ms', 'dr', 'including', 'according', 'however', 'since', 'like', 'just', 'many', 'much',
  'http', 'https', 'www', 'com', 'org', 'html', 'htm',
];

const STOPWORDS = new Set([...eng, ...NEWS_STOPWORDS].map((word) => word.toLowerCase()));

/** Characters of a term: a term is a run of these. */
const MIN_TERM = 3;
const MAX_TERM = 40;

let classes: { word: Uint8Array; lower: Uint16Array } | undefined;

/**
 * Per UTF-16 code unit: 1 for a letter, 2 for a digit, 0 otherwise, and its
 * lowercase. Built once, so the scan costs two array reads per character.
 */
function characterClasses(): { word: Uint8Array; lower: Uint16Array } {
  if (classes) return classes;
  const word = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const char = String.fromCharCode(code);
    const lowered = char.toLowerCase();
    lower[code] = lowered.length === 1 ? lowered.charCodeAt(0) : code;
    // Surrogates stay out: a lone half is no letter.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (/\p{L}|\p{M}/u.test(char)) word[code] = 1;
    else if (/\p{N}/u.test(char)) word[code] = 2;
  }
  classes = { word, lower };
  return classes;
}

/** Term counts of many documents, in compressed rows: document d owns entries offsets[d] to offsets[d+1]. */
export interface TermTable {
  /** Each term once; its index is its id. */
  terms: string[];
  offsets: Int32Array;
  /** Term id of each entry; ids within a document in order of first use. */
  ids: Int32Array;
  /** Occurrences of the entry's term in its document. */
  counts: Int32Array;
  /** Number of documents that use each term. */
  documentFrequency: Int32Array;
}

/**
 * Counts the terms of each document, a document being a list of texts (a
 * title and a body), each read up to `maxChars` characters.
 */
export function countTerms(documents: Iterable<readonly string[]>, maxChars = Infinity): TermTable {
  const { word, lower } = characterClasses();
  const limit = Number.isFinite(maxChars) ? Math.max(0, Math.floor(maxChars)) : 0x7fffffff;
  let mask = (1 << 16) - 1;
  let wide = (mask << 2) | 3;
  let slots = new Int32Array((mask + 1) * 4).fill(-1);
  const terms: string[] = [];
  let stop = new Uint8Array(1024);
  let frequency = new Int32Array(1024);
  let scratch = new Int32Array(1024);
  const offsets: number[] = [0];
  let ids = new Int32Array(1 << 16);
  let counts = new Int32Array(1 << 16);
  let size = 0;
  const used: number[] = [];
  for (const texts of documents) {
    for (const text of texts) {
      const end = Math.min(text.length, limit);
      // A word the limit cuts in two is left out rather than counted as a stub.
      const cut = end < text.length && word[text.charCodeAt(end)] !== 0;
      let start = -1;
      let hash = 0;
      let second = 0;
      let letters = false;
      for (let i = 0; i <= end; i++) {
        const code = i < end ? text.charCodeAt(i) : 32;
        const kind = word[code]!;
        if (kind !== 0) {
          if (start < 0) {
            start = i;
            hash = -2128831035;
            second = 0;
            letters = false;
          }
          if (kind === 1) letters = true;
          hash = Math.imul(hash ^ lower[code]!, 16777619);
          second = (Math.imul(second, 31) + lower[code]!) | 0;
          continue;
        }
        if (start < 0) {
          if (code === 93) i = linkTargetEnd(text, i, end);
          continue;
        }
        const length = i - start;
        if (letters && length >= MIN_TERM && length <= MAX_TERM && !(cut && i === end)) {
          // Open addressing on two running hashes and the length, all in one slot so a lookup
          // reads one cache line; the word is never cut out of the text unless it is new.
          let slot = (hash & mask) << 2;
          let id = -1;
          for (;;) {
            const entry = slots[slot + 2]!;
            if (entry === -1) break;
            if (slots[slot] === hash && slots[slot + 1] === second && slots[slot + 3] === length) {
              id = entry;
              break;
            }
            slot = (slot + 4) & wide;
          }
          if (id === -1) {
            id = terms.length;
            const codes: number[] = [];
            for (let k = start; k < i; k++) codes.push(lower[text.charCodeAt(k)]!);
            const term = String.fromCharCode(...codes);
            terms.push(term);
            if (id >= stop.length) {
              const capacity = stop.length * 2;
              frequency = grow(frequency, capacity);
              scratch = grow(scratch, capacity);
              const biggerStop = new Uint8Array(capacity);
              biggerStop.set(stop);
              stop = biggerStop;
            }
            stop[id] = STOPWORDS.has(term) ? 1 : 0;
            slots[slot] = hash;
            slots[slot + 1] = second;
            slots[slot + 2] = id;
            slots[slot + 3] = length;
            if (terms.length * 2 > mask) {
              const old = slots;
              mask = mask * 2 + 1;
              wide = (mask << 2) | 3;
              slots = new Int32Array((mask + 1) * 4).fill(-1);
              for (let from = 0; from < old.length; from += 4) {
                if (old[from + 2] === -1) continue;
                let free = (old[from]! & mask) << 2;
                while (slots[free + 2] !== -1) free = (free + 4) & wide;
                slots.set(old.subarray(from, from + 4), free);
              }
            }
          }
          if (stop[id] === 0) {
            if (scratch[id] === 0) used.push(id);
            scratch[id]!++;
          }
        }
        start = -1;
        if (code === 93) i = linkTargetEnd(text, i, end);
      }
    }
    if (size + used.length > ids.length) {
      const capacity = Math.max(ids.length * 2, size + used.length);
      ids = grow(ids, capacity);
      counts = grow(counts, capacity);
    }
    for (const id of used) {
      ids[size] = id;
      counts[size] = scratch[id]!;
      size++;
      frequency[id]!++;
      scratch[id] = 0;
    }
    used.length = 0;
    offsets.push(size);
  }
  return {
    terms,
    offsets: Int32Array.from(offsets),
    ids: ids.slice(0, size),
    counts: counts.slice(0, size),
    documentFrequency: frequency.slice(0, terms.length),
  };
}

/**
 * Where the scan goes on after the `]` at `at`: past the `(target)` of a
 * Markdown link or image, whose URL words say nothing about the story.
 */
function linkTargetEnd(text: string, at: number, end: number): number {
  if (at + 1 >= end || text.charCodeAt(at + 1) !== 40) return at;
  const close = text.indexOf(')', at + 2);
  return close !== -1 && close < end ? close : at;
}

/** A copy of `array` with room for `capacity` entries. */
function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** The terms of one text with their counts, in order of first use: what {@link countTerms} sees in it. */
export function termsOf(text: string): Map<string, number> {
  const table = countTerms([[text]]);
  const out = new Map<string, number>();
  for (let entry = 0; entry < table.ids.length; entry++) out.set(table.terms[table.ids[entry]!]!, table.counts[entry]!);
  return out;
}
