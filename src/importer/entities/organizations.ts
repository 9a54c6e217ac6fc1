/**
 * Organisations an article names, told by the shape of their names and the
 * words around them, never by a list of particular bodies:
 * - a name built on a noun that names a body ("Canadian Wheat Board",
 *   "Bank of England", "Movement for a Democratic Slovakia", "Sangetsu Co Ltd");
 * - an acronym that the text spells out in parentheses after such a name
 *   ("Kurdistan Workers Party (PKK)"), or one that stands in running text and
 *   is neither a place, a word, a title nor a unit ("FBI", "USDA");
 * - a name the words around it make a body: "the Interfax news agency",
 *   "the daily Mlada Fronta Dnes", "medical equipment group Radiometer";
 * - a name compromise's lexicon knows as an organisation ("Microsoft").
 */
import { FIRST_NAME_TAGS, hasTag, isTitle, tagsOf } from '../people/lexicon.ts';
import type { Token } from '../people/tokens.ts';
import { lookupPlace } from '../../content/gazetteer.ts';
import { isCapitalised, opensSentence, type Span } from './spans.ts';
import { isEnglishWord } from '../../content/words.ts';
import { HEADS, LEADING_HEADS } from './heads.ts';

/** An organisation found in the text: its tokens and its spelling. */
export interface FoundOrganization {
  start: number;
  end: number;
  spelling: string;
  /** The acronym the text gave it in parentheses, if any. */
  acronym?: string;
}

/** Nouns of media and agencies that make the name beside them a body: "Interfax news agency", "the daily Mlada Fronta Dnes". */
const MEDIA_AFTER = /^(?:news agency|agency|newspaper|daily|weekly|magazine|radio|television|tv|news service|wire service)\b/;
const MEDIA_BEFORE = new Set(['daily', 'newspaper', 'weekly', 'magazine', 'agency', 'broadcaster', 'tabloid', 'journal']);

/** Lower-case nouns of business before a company's name: "equipment group Radiometer", "retailer John Lewis". */
const TRADE_NOUNS = new Set(
  `
  group company firm maker manufacturer producer retailer carrier airline bank insurer chain conglomerate giant major
  subsidiary operator supplier distributor exporter importer brewer miner shipbuilder lender broker brokerage automaker
  carmaker steelmaker chipmaker drugmaker publisher developer contractor utility refiner trader house unit
`
    .trim()
    .split(/\s+/),
);

/**
 * Abbreviations in capitals that are not bodies: units, zones, currencies,
 * economic and medical terms, media and ranks. Kinds of word, not names.
 */
const NOT_BODIES = new Set(
  `
  gmt utc bst cet est edt pst pdt cst mst am pm ad bc bce ce usd eur gbp jpy chf cny rub gdp gnp cpi ppi ipo vat ceo cfo coo cto
  chairman mp mep md phd mba tv dvd cd pc it ai id ok hiv aids dna rna sars covid km mph kg mw gw kwh bpd dwt fob cif ytd yoy qoq
  pct bps eps pe nav mln bln mn bn trn ft st nd rd th aaa aa baa usa uk uae us www http https faq pdf html url rip sos
  h1 h2 q1 q2 q3 q4 fy nb ps pto ii iii iv vi vii viii ix xi xii xiii xiv xv xx
`
    .trim()
    .split(/\s+/),
);

const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,6}$/u;

/** The organisations among the proper-noun phrases, in order; tokens in `taken` belong to people. */
export function findOrganizations(tokens: readonly Token[], spans: readonly Span[], taken: ReadonlySet<number>): FoundOrganization[] {
  const found: FoundOrganization[] = [];
  const counts = new Map<string, number>();
  for (const t of tokens) if (t.kind === 'word') counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  for (const span of spans) {
    if (span.shouted) continue;
    for (const [start, end] of unclaimed(tokens, span, taken)) {
      const org = bodyName(tokens, start, end) ?? byContext(tokens, start, end);
      if (org) {
        found.push({ ...org, spelling: spell(tokens, org.start, org.end) });
        continue;
      }
      for (let k = start; k < end; k++)
        if (isBodyAcronym(tokens, k, counts)) found.push({ start: k, end: k + 1, spelling: tokens[k]!.text });
    }
  }
  // An acronym in parentheses right after a body's name is that body's: "Kurdistan Workers Party (PKK)".
  for (const org of found) {
    const open = tokens[org.end];
    const inner = tokens[org.end + 1];
    if (open?.text === '(' && inner && ACRONYM.test(inner.text) && tokens[org.end + 2]?.text === ')') org.acronym = inner.text;
  }
  const defined = new Set(found.map((org) => org.acronym).filter(Boolean));
  // ... and that acronym elsewhere is the body too, even where it would not count on its own.
  for (let k = 0; k < tokens.length; k++) {
    if (defined.has(tokens[k]!.text) && !found.some((org) => org.start === k))
      found.push({ start: k, end: k + 1, spelling: tokens[k]!.text });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The parts of a span not claimed by a person, without the small words left dangling at their ends ("Bank of England and"). */
function unclaimed(tokens: readonly Token[], span: Span, taken: ReadonlySet<number>): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = span.start;
  for (let k = span.start; k <= span.end; k++) {
    if (k === span.end || taken.has(k)) {
      let end = k;
      while (end > from && !isCapitalised(tokens[end - 1])) end--;
      if (end > from) parts.push([from, end]);
      from = k + 1;
    }
  }
  return parts;
}

/** "The Canadian Wheat Board": a span less the function words that open it. */
function trimStart(tokens: readonly Token[], start: number, end: number): number {
  let s = start;
  while (s < end - 1 && isFunctionWord(tokens[s]!.lower)) s++;
  return s;
}

function isFunctionWord(word: string): boolean {
  return tagsOf(word).some(
    (t) =>
      t === 'Determiner' ||
      t === 'Preposition' ||
      t === 'Conjunction' ||
      t === 'Pronoun' ||
      t === 'Adverb' ||
      t === 'QuestionWord' ||
      t === 'Negative',
  );
}

const TAIL = /^(of|for)$/;

/**
 * A name built on a body noun. The name runs to its last head noun
 * ("State Street Bank and Trust Company"), or on through an "of"/"for" tail
 * ("Information Technology Association of America"), and no further
 * ("European Union" in "European Union and Poland").
 */
function bodyName(tokens: readonly Token[], start: number, end: number): { start: number; end: number } | undefined {
  const s = trimStart(tokens, start, end);
  if (end - s < 2 || lookupPlace(spell(tokens, s, end))) return undefined;
  // "Eric Church", "Antoine Court": a first name before a head noun makes a person's name.
  if (end - s === 2 && hasTag(tokens[s]!.lower, FIRST_NAME_TAGS)) return undefined;
  // A head with an "of"/"for" tail qualifies all that follows: "Center for International Security and Cooperation".
  for (let k = s; k < end - 1; k++) {
    if (LEADING_HEADS.has(tokens[k]!.lower) && TAIL.test(tokens[k + 1]!.lower)) return { start: s, end };
  }
  for (let k = end - 1; k > s; k--) {
    if (!HEADS.has(tokens[k]!.lower.replace(/\.$/, ''))) continue;
    return lookupPlace(spell(tokens, s, k + 1)) ? undefined : { start: s, end: k + 1 };
  }
  return undefined;
}

/** A name made a body by its neighbours: a news agency, a newspaper, a company after its trade or in apposition to it. */
export function byContext(tokens: readonly Token[], start: number, end: number): { start: number; end: number } | undefined {
  const s = trimStart(tokens, start, end);
  const line = tokens[s]!.line;
  const after = tokens
    .slice(end, end + 3)
    .filter((t) => t.line === line)
    .map((t) => t.lower)
    .join(' ');
  const prev = tokens[s - 1]?.line === line ? tokens[s - 1]!.lower : '';
  const phrase = tokens.slice(s, end);
  // A place or a person's title is never a body here, nor one English word ("On Tuesday, the inspector general's office").
  if (lookupPlace(spell(tokens, s, end)) || phrase.every((t) => isTitle(t.lower))) return undefined;
  const lexicon = phrase.length === 1 ? tagsOf(phrase[0]!.lower) : tagsOf(phrase.map((t) => t.lower).join(' '));
  const oneWord =
    phrase.length === 1 &&
    !lexicon.includes('Organization') &&
    (isEnglishWord(phrase[0]!.lower) ||
      isFunctionWord(phrase[0]!.lower) ||
      /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(phrase[0]!.text));
  if (TRADE_NOUNS.has(prev) && !opensSentence(tokens, s - 1) && !isCapitalised(tokens[s - 1]) && !isFunctionWord(phrase[0]!.lower))
    return { start: s, end };
  if (oneWord) return undefined;
  if (MEDIA_AFTER.test(after) || MEDIA_BEFORE.has(prev)) return { start: s, end };
  if (inApposition(tokens, end, line)) return { start: s, end };
  // "Radical Democrats (FDP)": a name the text gives an acronym in parentheses is a body's ("Jim Courier (U.S.)" gives a place).
  const inBrackets = tokens[end + 1];
  if (
    tokens[end]?.text === '(' &&
    inBrackets &&
    tokens[end + 2]?.text === ')' &&
    ACRONYM.test(inBrackets.text) &&
    !lookupPlace(inBrackets.text) &&
    !isEnglishWord(inBrackets.lower) &&
    !hasTag(phrase[0]!.lower, FIRST_NAME_TAGS)
  ) {
    return { start: s, end };
  }
  // "told Reuters": one who is told something and is neither a person (those are taken) nor a word is a body.
  if (prev === 'told' && phrase.length === 1 && !isEnglishWord(phrase[0]!.lower)) return { start: s, end };
  if (lexicon.includes('Organization')) return { start: s, end };
  return undefined;
}

/** A name in apposition to a body's noun ("Tallinna Pank, one of the largest banks"): evidence strong enough to overrule a person's shape. */
export function byApposition(tokens: readonly Token[], start: number, end: number): { start: number; end: number } | undefined {
  const s = trimStart(tokens, start, end);
  const phrase = tokens.slice(s, end);
  if (phrase.length === 1 && (isEnglishWord(phrase[0]!.lower) || isFunctionWord(phrase[0]!.lower))) return undefined;
  return !lookupPlace(spell(tokens, s, end)) && inApposition(tokens, end, tokens[s]!.line) ? { start: s, end } : undefined;
}

/**
 * A last look at a name found: not heads or company suffixes alone ("Co",
 * "Inc"), not a nationality ("Asian").
 */
export function plausibleBody(name: string): boolean {
  const words = name.split(/\s+/).map((w) => w.toLowerCase().replace(/\.$/, ''));
  if (words.every((w) => HEADS.has(w) || /^(?:llc|inc|ltd|co|corp|plc|sa|ag|gmbh)$/.test(w))) return false;
  if (words.length === 1 && hasTag(words[0]!, new Set(['Demonym']))) return false;
  return true;
}

/** ", one of the largest banks in Estonia", ", a medical equipment group": the name is a body's. */
function inApposition(tokens: readonly Token[], end: number, line: number): boolean {
  if (tokens[end]?.text !== ',') return false;
  for (let k = end + 1; k < end + 9 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.line !== line || (t.kind === 'punct' && t.text !== '-')) return false;
    if (k === end + 1 && !/^(a|an|the|one)$/.test(t.lower)) return false;
    const singular = t.lower.replace(/s$/, '');
    if (t.kind === 'word' && /^\p{Ll}/u.test(t.text) && (TRADE_NOUNS.has(t.lower) || TRADE_NOUNS.has(singular) || HEADS.has(singular)))
      return true;
  }
  return false;
}

/** "FBI", "USDA", "U.N.": an acronym in running text that is not a place, a word, a title or a unit. */
function isBodyAcronym(tokens: readonly Token[], k: number, counts: ReadonlyMap<string, number>): boolean {
  const t = tokens[k]!;
  if (!ACRONYM.test(t.text) || !/^[A-Z&.]+$/.test(t.text)) return false;
  // "LOS ANGELES (AP)": words in capitals side by side are a phrase shouted, not acronyms.
  const shouted = (u: Token | undefined): boolean =>
    u !== undefined &&
    u.line === t.line &&
    u.kind === 'word' &&
    u.text.length > 1 &&
    u.text === u.text.toUpperCase() &&
    /\p{Lu}{2}/u.test(u.text);
  if (shouted(tokens[k - 1]) || shouted(tokens[k + 1])) return false;
  const bare = t.lower.replace(/\./g, '');
  const place = lookupPlace(t.text);
  if (NOT_BODIES.has(bare) || (place && place.kind !== 'city' && place.kind !== 'subdivision') || isTitle(bare)) return false;
  // "NOTE", "DATE": a word written in capitals.
  if (bare.length >= 3 && isEnglishWord(bare)) return false;
  if (tagsOf(t.lower).some((tag) => tag !== 'Organization' && tag !== 'Acronym' && tag !== 'Noun' && tag !== 'Singular')) return false;
  // Ratings and codes stand between slashes ("Aaa / A1", "AAA / AA-").
  if (tokens[k - 1]?.text === '/' || tokens[k + 1]?.text === '/') return false;
  if (hasTag(bare, new Set(['Currency', 'Unit']))) return false;
  // Tickers follow an exchange's colon ("SIX Swiss Exchange: ASCN", "(NYSE: HD)").
  if (tokens[k - 1]?.text === ':') return false;
  // Capitals alone say little ("CT", "GPS", "IG"): a body is known as one, is "the" one, speaks, or recurs.
  if (tagsOf(t.lower).includes('Organization') || tagsOf(bare).includes('Organization')) return true;
  if (bare.length < 3 && !t.text.includes('.')) return false;
  const next = tokens[k + 1]?.line === t.line ? tokens[k + 1]!.lower : '';
  return tokens[k - 1]?.lower === 'the' || ACTS.has(next) || (counts.get(t.text) ?? 0) >= 2;
}

/** What a body does or has right after its name: "FBI said", "USDA spokesman". */
const ACTS = new Set([
  'said',
  'says',
  'announced',
  'reported',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'chief',
  'director',
  'statement',
  'report',
  'data',
  'figures',
  'agency',
  'forces',
  'fighters',
  'members',
  'leader',
  'leaders',
  'flight',
  'chairman',
  'president',
  'airliner',
  'jet',
  'plane',
  'shares',
  'stock',
]);

function spell(tokens: readonly Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ')
    .replace(/ & /g, '&');
}
