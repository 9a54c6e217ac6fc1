/**
 * The proper-noun phrases of a text, for places and organisations: runs of
 * capitalised words on one line, joined by the small words that names of
 * places and bodies hold ("Bank of England", "Bosnia and Herzegovina",
 * "Rio de Janeiro", "S&P"). Person names come from the people extractor; the
 * phrases here are what is left to sort into places and organisations.
 */
import type { Token } from '../people/tokens.ts';
import { lookupPlace } from '../../content/gazetteer.ts';
import { HEADS, LEADING_HEADS } from './heads.ts';

/** Small words inside a name, between two capitalised words. */
const CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'de',
  'du',
  'des',
  'la',
  'le',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'von',
  'van',
  'der',
  'al',
  'el',
]);
/** What may follow a connector before the next capital: "Movement for a Democratic Slovakia", "Bank of the Philippine Islands". */
const SECOND_CONNECTORS = new Set(['a', 'the']);

/** A phrase: the half-open token range [start, end) and whether its line is written in capitals (a headline, a dateline). */
export interface Span {
  start: number;
  end: number;
  shouted: boolean;
  /** The next phrase follows after a bare "and" or "&" ("Bosnia and Herzegovina", "State Street Bank and Trust Company"). */
  andNext?: boolean;
}

/** A capitalised word: "Prague", "PRAGUE", "U.S.", "Itar-Tass", "McDonald". */
export function isCapitalised(token: Token | undefined): boolean {
  if (token?.kind !== 'word' || /\d/.test(token.text)) return false;
  const first = token.text[0]!;
  return first !== first.toLowerCase();
}

/** Whether a line's letters are all capitals (a wire headline, a dateline, a table heading). */
export function shoutedLines(tokens: readonly Token[]): Set<number> {
  const lower = new Map<number, number>();
  const upper = new Map<number, number>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const letters = t.text.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2) continue;
    const map = letters === letters.toUpperCase() ? upper : lower;
    map.set(t.line, (map.get(t.line) ?? 0) + 1);
  }
  const out = new Set<number>();
  for (const [line, n] of upper) if (n >= 2 && (lower.get(line) ?? 0) === 0) out.add(line);
  return out;
}

/** The proper-noun phrases of the tokens, in order. */
export function properSpans(tokens: readonly Token[]): Span[] {
  const shouted = shoutedLines(tokens);
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    const line = tokens[i]!.line;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.line === line && !tokens[j - 1]!.possessive) {
      const t = tokens[j]!;
      if (isCapitalised(t)) {
        j++;
        continue;
      }
      // "S&P": an ampersand inside one word; "Bank of England": a small word between capitals.
      // "and" and a spaced "&" end the phrase: two names are as often joined by them as one name holds them.
      const glued = t.text === '&' && tokens[j - 1]!.text.length === 1;
      const connects = glued || (t.kind === 'word' && CONNECTORS.has(t.lower));
      const gap = connects && tokens[j + 1]?.kind === 'word' && SECOND_CONNECTORS.has(tokens[j + 1]!.lower) ? 2 : 1;
      const joins = connects && isCapitalised(tokens[j + gap]) && tokens[j + gap]!.line === line;
      if (joins) {
        j += gap + 1;
        continue;
      }
      break;
    }
    const and = tokens[j];
    const andNext =
      and !== undefined &&
      and.line === line &&
      (and.lower === 'and' || and.text === '&') &&
      isCapitalised(tokens[j + 1]) &&
      tokens[j + 1]!.line === line;
    spans.push({ start: i, end: j, shouted: shouted.has(line), andNext });
    i = j;
  }
  return joinAnd(tokens, spans);
}

/**
 * Two phrases joined by a bare "and" are one name when together they are a
 * known place ("Bosnia and Herzegovina") or a body whose head noun ends the
 * second phrase ("State Law and Order Restoration Council", "State Street
 * Bank and Trust Company") or whose "of"/"for" tail the second continues
 * ("Center for International Security and Cooperation"); otherwise two names
 * ("European Union and Poland").
 */
function joinAnd(tokens: readonly Token[], spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const next = spans[k + 1];
    if (span.andNext && next && next.start === span.end + 1 && !span.shouted) {
      const joined = { start: span.start, end: next.end, shouted: false, andNext: next.andNext };
      const text = tokens
        .slice(joined.start, joined.end)
        .map((t) => t.text)
        .join(' ');
      if (lookupPlace(text) || HEADS.has(tokens[next.end - 1]!.lower.replace(/\.$/, '')) || hasOfTail(tokens, span)) {
        out.push(joined);
        k++;
        continue;
      }
    }
    out.push(span);
  }
  return out;
}

/** A head noun followed by "of" or "for" inside the phrase: "Department of Health". */
function hasOfTail(tokens: readonly Token[], span: Span): boolean {
  for (let k = span.start; k < span.end - 1; k++) {
    if (LEADING_HEADS.has(tokens[k]!.lower) && /^(of|for)$/.test(tokens[k + 1]!.lower)) return true;
  }
  return false;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '-', '—', '–']);

/** Whether token i opens a sentence (or a line), where any word is capitalised. */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.line !== tokens[i]!.line || (prev.kind === 'punct' && SENTENCE_END.has(prev.text));
}
