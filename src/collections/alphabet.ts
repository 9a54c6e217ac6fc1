/**
 * The A–Z of an index page (`/people/`, `/tags/`, ...): names grouped by
 * their first letter, accents folded ("Čapek" under C), everything that does
 * not start with a Latin letter under "#", listed first. Pure.
 */

/** One letter of an index and the names under it, in the order given. */
export interface LetterGroup<T> {
  /** `A` ... `Z`, or `#`. */
  letter: string;
  /** The id of its heading: `letter-a`, or `letter-other` for `#`. */
  id: string;
  items: T[];
}

/** Latin letters that no Unicode decomposition takes to A–Z. */
const LATIN: Record<string, string> = { Æ: 'A', Œ: 'O', Ø: 'O', Ł: 'L', Đ: 'D', Ð: 'D', Þ: 'T', ẞ: 'S', Ħ: 'H', Ŀ: 'L' };

/** The letter a name is filed under: its first letter without accents, upper case, or `#`. */
export function initialOf(name: string): string {
  const letter = name
    .trim()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .charAt(0)
    .toUpperCase();
  const first = LATIN[letter] ?? letter;
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Groups named items by initial: `#` first, then A to Z, each keeping the items' order; letters with no item are left out. */
export function byInitial<T extends { name: string }>(items: readonly T[]): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = initialOf(item.name);
    const list = groups.get(letter) ?? [];
    list.push(item);
    groups.set(letter, list);
  }
  return [...groups]
    .sort((a, b) => (a[0] === '#' ? -1 : b[0] === '#' ? 1 : a[0].localeCompare(b[0])))
    .map(([letter, list]) => ({ letter, id: letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`, items: list }));
}
