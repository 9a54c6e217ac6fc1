/**
 * The one family of name folding. Each key decides which spellings count as
 * one name for one job, from the loosest change to the strongest; pure.
 *
 * - `cleanName`: the name as shown, white space and Unicode form cleaned.
 * - `foldKey`: case, spacing and Unicode form folded: what the build merges
 *   into one tag, person, organization or place page ("NATO", "nato").
 * - `personKey`: also accents, punctuation and possessives: how a registry
 *   finds a name or alias ("Jens Stoltenberg's", "JENS STOLTENBERG").
 * - `tagKey`: `foldKey` without spaces, hyphens or a plural "s": the tag
 *   spellings `check` reports as near duplicates ("cyber-attacks", "Cyber attack").
 * - `placeKey`: also dots, "&" and slashes: how the gazetteer looks up a
 *   place ("U.S." and "US", "AL-AIN" and "Al Ain").
 */

/**
 * Remembered results of the two folds every build runs on every name of every
 * article (about 1 s at 10,000 articles without): the same few thousand
 * names recur across the archive. Bounded; pure, so remembering changes
 * nothing but time.
 */
const REMEMBERED = 1 << 16;
const cleaned = new Map<string, string>();
const folded = new Map<string, string>();

function remember(memo: Map<string, string>, name: string, value: string): string {
  if (memo.size >= REMEMBERED) memo.clear();
  memo.set(name, value);
  return value;
}

/** A name as written, cleaned of surrounding and repeated white space, in NFC. */
export function cleanName(name: string): string {
  return cleaned.get(name) ?? remember(cleaned, name, name.normalize('NFC').replace(/\s+/gu, ' ').trim());
}

/** The folding key: names with the same key are the same tag, person, organization or place. */
export function foldKey(name: string): string {
  return folded.get(name) ?? remember(folded, name, cleanName(name.normalize('NFKC')).toLowerCase().normalize('NFC'));
}

/** Folds case, accents, punctuation and spacing: "Jens  Stoltenberg", "jens stoltenberg" and "JENS STOLTENBERG" meet. */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[-‐‑_]/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The near-duplicate key of a tag: case folded, spaces and hyphens removed, a plural "s" dropped. */
export function tagKey(tag: string): string {
  const key = foldKey(tag).replace(/[\s\-‐‑‒–—_]+/gu, '');
  // "ss" is not a plural ("access"), and very short words are often acronyms ("ios").
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

/** Folds a name for lookup: accents, case, dots and apostrophes, hyphens and spaces. "U.S." and "US" meet; so do "AL-AIN" and "Al Ain". */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[-‐‑–_/]/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
