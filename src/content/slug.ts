/**
 * Slugs: the title in lowercase ASCII (transliterated), words joined by
 * hyphens, cut on a word boundary at 60 characters. Always a safe, non-empty
 * path segment: no dots, slashes, NUL or reserved device names can survive.
 */
import { createRequire } from 'node:module';

export const SLUG_MAX = 60;

/**
 * transliteration's tables take about a tenth of a second to load, so they are
 * read on the first slug made of a text beyond ASCII, not on import: `archive
 * check` of well-named files makes none (the same module either way: the
 * package has one entry).
 */
let transliterate: typeof import('transliteration').transliterate | undefined;
const transliterator = (): typeof import('transliteration').transliterate =>
  (transliterate ??= (createRequire(import.meta.url)('transliteration') as typeof import('transliteration')).transliterate);

/**
 * Text transliteration leaves as it is (test/content/slug.test.ts holds it to
 * that): titles and names in plain ASCII, most of an English-language
 * archive, never load its tables (a tenth of a second of every build that
 * slugs the archive's names).
 */
const ASCII = /^[\x00-\x7f]*$/;

/** The slug of a title, e.g. "‘Not Limited’ to Cyberspace" → "not-limited-to-cyberspace". */
export function slugify(title: string, max = SLUG_MAX, fallback = 'untitled'): string {
  const text = title.normalize('NFKC').replace(/['’‘`´]/g, '');
  const ascii = ASCII.test(text) ? text : transliterator()(text, { unknown: ' ' });
  const words = ascii
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  if (!slug) return fallback;
  if (isDeviceName(slug)) slug = `${slug}-1`;
  return slug;
}

/** True for a Windows device name (con, nul, com1, ...): unsafe as a file or folder name even with an extension. */
export function isDeviceName(segment: string): boolean {
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(segment);
}
