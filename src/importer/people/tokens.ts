/**
 * Splitting text into word tokens with their line, and grouping runs of
 * capitalised words into candidate name phrases. Names never cross a line
 * break or punctuation, so a list line "Bogdan Stelea, Florin Prunea" gives
 * two phrases.
 */
import { ABBREVIATIONS, PARTICLES } from './data.ts';

export interface Token {
  text: string;
  lower: string;
  kind: 'word' | 'num' | 'punct';
  /** Line number within the text (0-based): phrases never cross lines. */
  line: number;
  /** The word carried a possessive ending ("Stoltenberg's"), which was removed. */
  possessive: boolean;
}

const TOKEN =
  /(\p{Lu}\.(?:-?\p{Lu}\.)+|\p{Lu}\.(?=\s*\p{Lu}))|([\p{L}\p{M}][\p{L}\p{M}\d'’]*(?:[-‐‑][\p{L}\p{M}\d][\p{L}\p{M}\d'’]*)*\.?)|(\d+(?:[.,:/-]\d+)*)|(\S)/gu;

/** Cuts text into tokens; a trailing period stays on initials and known abbreviations only. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const src = lines[line]!.replace(/\u00a0/g, ' ');
    for (const m of src.matchAll(TOKEN)) {
      if (m[1]) {
        out.push({ text: m[1], lower: m[1].toLowerCase(), kind: 'word', line, possessive: false });
      } else if (m[2]) {
        let w = m[2];
        let tail = '';
        if (w.endsWith('.')) {
          const bare = w.slice(0, -1);
          if (!(ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare))) {
            w = bare;
            tail = '.';
          }
        }
        let possessive = false;
        const pos = /['’]s$/u.exec(w) ?? (/\p{L}s['’]$/u.test(w) ? /['’]$/u.exec(w) : null);
        if (pos && w.length > pos[0].length) {
          w = w.slice(0, w.length - pos[0].length);
          possessive = true;
        }
        w = w.replace(/^['’]+|['’]+$/gu, '');
        if (w) out.push({ text: w, lower: w.toLowerCase(), kind: 'word', line, possessive });
        if (tail) out.push({ text: '.', lower: '.', kind: 'punct', line, possessive: false });
      } else if (m[3]) {
        out.push({ text: m[3], lower: m[3], kind: 'num', line, possessive: false });
      } else {
        out.push({ text: m[4]!, lower: m[4]!, kind: 'punct', line, possessive: false });
      }
    }
  }
  return out;
}

/** A capitalised word that can be part of a name: not all capitals (headlines, acronyms) unless an initial. */
export function isNameWord(t: Token): boolean {
  // "H1", "S-400", "G7" are codes, not names.
  if (t.kind !== 'word' || /\d/.test(t.text)) return false;
  const first = t.text[0]!;
  if (first.toLowerCase() === first) return false;
  if (/^(\p{Lu}\.)+$/u.test(t.text)) return true;
  const letters = t.text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) {
    // "McCOIST" style and single-letter words aside, all capitals is a headline or an acronym.
    return false;
  }
  return true;
}

/** An initial such as "S." or "K.J.". */
export function isInitial(t: Token): boolean {
  return t.kind === 'word' && /^(\p{Lu}\.)+$/u.test(t.text) && !/^(U\.S\.|U\.K\.|U\.N\.|E\.U\.)$/.test(t.text);
}

/** Half-open token ranges of capitalised runs, particles allowed inside ("Peter van Vossen"). */
export function capitalRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.line === tokens[i]!.line && !tokens[j - 1]!.possessive) {
      const t = tokens[j]!;
      if (isNameWord(t)) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (t.kind === 'word' && PARTICLES.has(t.lower) && next && next.line === t.line && isNameWord(next)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
