/**
 * Places an article names: phrases the gazetteer knows, judged by what kind
 * of place they are and by the words around them. A country or a region is
 * a place wherever it is written; a city or a province whose name is also an
 * English word or a person's name ("Split", "Reading", "Victoria"), or a
 * small town, needs a place-like context: "in", "near", "the town of", a
 * dateline, or a country after a comma ("Galanta, Slovakia").
 */
import { CALENDAR_TAGS, hasTag, isCommonWord, PERSON_TAGS } from '../people/lexicon.ts';
import type { Token } from '../people/tokens.ts';
import { lookupPlace, type Place } from '../../content/gazetteer.ts';
import { isCapitalised as isCapitalisedWord, opensSentence, type Span } from './spans.ts';
import { isEnglishWord } from '../../content/words.ts';

/** A place found in the text: the gazetteer's name, the text's spelling, where it first stood. */
export interface FoundPlace {
  place: Place;
  spelling: string;
  at: number;
}

/** Words before a name that say it is a place. */
const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'outside',
  'into',
  'across',
  'throughout',
  'around',
  'via',
  'toward',
  'towards',
  'inside',
  'within',
  'visit',
  'visited',
  'visiting',
  'reached',
  'left',
  'leave',
  'entered',
  'across',
]);
const STRONG_LOCATIVE = new Set(['in', 'near', 'outside', 'inside']);
/** Nouns before "of" that make what follows a place: "the town of Galanta". */
const PLACE_NOUNS = new Set([
  'town',
  'city',
  'village',
  'capital',
  'port',
  'province',
  'region',
  'state',
  'island',
  'islands',
  'district',
  'county',
  'suburb',
  'outskirts',
  'streets',
  'centre',
  'center',
  'north',
  'south',
  'east',
  'west',
  'part',
  'parts',
  'heart',
  'area',
  'republic',
  'kingdom',
]);

const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|sept|october|november|december)$/;
/** compromise's lexicon tags for words it knows as places ("Wales", though "wales" is also a word). */
const PLACE_WORD_TAGS = new Set(['Country', 'City', 'Region', 'Place']);

/** Cities this large are known without context (if their name is not a common word). */
const WELL_KNOWN = 100_000;

/** The places among the proper-noun phrases, in order of first mention; tokens in `taken` belong to people or organisations. */
export function findPlaces(tokens: readonly Token[], spans: readonly Span[], taken: ReadonlySet<number>): FoundPlace[] {
  const found: FoundPlace[] = [];
  for (const span of spans) {
    let k = span.start;
    while (k < span.end) {
      if (taken.has(k)) {
        k++;
        continue;
      }
      let matched = 0;
      for (let len = Math.min(5, span.end - k); len >= 1; len--) {
        const range = tokens.slice(k, k + len);
        if (
          range.some((_, j) => taken.has(k + j)) ||
          range[len - 1]!.kind !== 'word' ||
          /^(of|and|the|for|in)$/.test(range[len - 1]!.lower)
        )
          continue;
        const spelling = range
          .map((t) => t.text)
          .join(' ')
          .replace(/ & /g, '&');
        const place = lookupPlace(spelling);
        if (!place) continue;
        if (!accepted(tokens, k, k + len, place, span.shouted)) continue;
        // "South Taranaki", "Northern Italy", "Van Gogh": an English word that a longer name goes on from only qualifies it.
        if (len === 1 && k + 1 < span.end && isCapitalisedWord(tokens[k + 1]) && isEnglishWord(range[0]!.lower) && place.kind !== 'country')
          continue;
        // "Ala." and "Conn.": an abbreviation keeps its full stop.
        found.push({ place, spelling: place.abbreviation && tokens[k + len]?.text === '.' ? `${spelling}.` : spelling, at: k });
        matched = len;
        break;
      }
      k += matched || 1;
    }
  }
  return found;
}

function accepted(tokens: readonly Token[], start: number, end: number, place: Place, shouted: boolean): boolean {
  const words = tokens.slice(start, end);
  const single = words.length === 1;
  const lower = words[0]!.lower.replace(/\.$/, '');
  // Months and days are never places ("In March 1982" is not the town of March).
  if (single && (hasTag(lower, CALENDAR_TAGS) || MONTHS.test(lower))) return false;
  // "Mediterranean oil products": a region's name used as an adjective is no place.
  if (single && /(an|ic)$/.test(lower) && place.kind === 'region' && /^\p{Ll}/u.test(tokens[end]?.text ?? '')) return false;
  // An ambiguous single word: an English word ("Split", "Police"), or a name ("Victoria", "Chad"), or a two-letter code in a headline ("US" in "GIVE US").
  const wordLike =
    single &&
    !hasTag(lower, PLACE_WORD_TAGS) &&
    (isCommonWord(lower) || isEnglishWord(lower) || (hasTag(lower, PERSON_TAGS) && place.kind !== 'country'));
  if (place.abbreviation) return tokens[start - 1]?.text === ',' && isPlaceBefore(tokens, start - 1);
  // A country's code is written in capitals or with dots: "US", "U.S.", never "Us" ("Contact Us").
  if (single && place.kind === 'country' && lower.replace(/\./g, '').length <= 3 && words[0]!.text !== words[0]!.text.toUpperCase())
    return false;
  if (shouted) {
    if (single && (isCommonWord(lower) || isEnglishWord(lower) || lower.length <= 2)) return false;
    return place.kind === 'country' || place.kind === 'region' || place.kind === 'state' || (place.population ?? 0) >= WELL_KNOWN;
  }
  if (place.kind === 'country' || place.kind === 'region' || place.kind === 'state') {
    // "Chad Smith": a country's name that a capitalised word follows is a person's first name.
    if (single && hasTag(lower, PERSON_TAGS) && /^\p{Lu}/u.test(tokens[end]?.text ?? '') && tokens[end]?.line === words[0]!.line)
      return false;
    // Mid-sentence, a capital makes "Turkey" the country; opening a sentence it may be the word.
    return !wordLike || !opensSentence(tokens, start) || placeContext(tokens, start, end);
  }
  const small = place.kind === 'city' && (place.population ?? 0) < WELL_KNOWN;
  if (wordLike || small) return placeContext(tokens, start, end, wordLike);
  // A known city or province that opens a sentence and is also an English word is too likely the word.
  return !(opensSentence(tokens, start) && (isCommonWord(lower) || isEnglishWord(lower)));
}

/** "in Prague", "the town of Galanta", "Galanta, Slovakia", "Hartford, Conn.": words around the name that say it is a place. */
function placeContext(tokens: readonly Token[], start: number, end: number, wordLike = false): boolean {
  const line = tokens[start]!.line;
  const prev = tokens[start - 1];
  // "to Date", "from Reading": a word after a weak preposition is as likely the word; "in", "near" and "outside" say place.
  if (prev && prev.line === line && (wordLike ? STRONG_LOCATIVE : LOCATIVE).has(prev.lower)) return true;
  if (prev?.lower === 'of' && PLACE_NOUNS.has(tokens[start - 2]?.lower ?? '')) return true;
  const next = tokens[end];
  if (next?.text === ',' && next.line === line) {
    const after = tokens[end + 1];
    if (after && after.line === line && lookupPlace(after.text)?.kind !== undefined && lookupPlace(after.text)!.kind !== 'city')
      return true;
  }
  return false;
}

/** A capitalised place-like word just before `comma` ("Hartford" in "Hartford, Conn."). */
function isPlaceBefore(tokens: readonly Token[], comma: number): boolean {
  const before = tokens[comma - 1];
  return before !== undefined && before.kind === 'word' && /^\p{Lu}/u.test(before.text);
}
