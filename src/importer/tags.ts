/**
 * What a page's Tags line or keywords hold besides topics: CMS plumbing
 * ("pfi", "Premium Content"), slugs, sentences stuffed into keywords,
 * copyright and address lines, ticker symbols and character references
 * ("&quot"). None of those is a topic; the rest are handed on to be sorted into
 * people, organisations, places and tags.
 */
import { decodeLeftoverEntities } from './html/metadata.ts';
import { isEnglishWord } from '../content/words.ts';

/** Labels a CMS files stories under that say nothing about the story (kinds of label, not any one site's). */
const CMS_LABEL =
  /\b(?:premium|subscribers?|members?(?: only| articles)?|sponsored|paid (?:post|content)|front ?page|home ?page|top stories|featured|must reads?|trending|editor'?s? picks?|breaking news|latest news|news ?feed|uncategori[sz]ed|insider)\b/i;

/** A street address, a floor, a postcode: a publisher's imprint line. */
const ADDRESS =
  /\b\d+(?:st|nd|rd|th)\s+floor\b|\b\d+\s+[\p{L} ]+\s(?:street|st\.|avenue|ave\.|road|rd\.|boulevard|blvd\.?|lane|suite)\b|\b[A-Z]{2}\s+\d{5}\b|\bp\.?\s?o\.?\s+box\b/iu;

/**
 * The topics among a page's tag items: each decoded, trimmed, and kept only
 * when it can be a topic; the title and the authors' names are not topics.
 */
export function tidyTags(items: readonly string[], exclude: { title?: string; authors?: readonly string[] } = {}): string[] {
  const excluded = new Set([exclude.title ?? '', ...(exclude.authors ?? [])].map((s) => s.trim().toLowerCase()).filter(Boolean));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const tag = decodeLeftoverEntities(raw)
      .replace(/&[a-z]{2,8}(?![a-z;])/gi, '')
      .replace(/\s+/g, ' ')
      .trim();
    const key = tag.toLowerCase();
    if (!isTopic(tag) || excluded.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Whether one item can be a topic. */
export function isTopic(tag: string): boolean {
  const letters = tag.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2 || tag.length > 60) return false;
  if (/©|\bcopyright\b|\ball rights reserved\b/i.test(tag) || ADDRESS.test(tag) || CMS_LABEL.test(tag)) return false;
  // "terms:", "star-wars-jedi-fallen-order", "tc", "pfi": labels, slugs and CMS codes.
  if (/[:=@_{}<>|]|^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/u.test(tag.replace(/[.)!?'’"”]$/u, ''))) return false;
  if (/^[\p{Ll}\d]+(?:-[\p{Ll}\d]+){2,}$/u.test(tag)) return false;
  if (/^\p{Ll}{1,3}$/u.test(tag) && !isEnglishWord(tag)) return false;
  // Ticker symbols: "HD", "LOW" (capitals that are no acronym of a body but an English word, or two letters).
  if (/^\p{Lu}{1,2}$/u.test(tag) || (/^\p{Lu}{2,5}$/u.test(tag) && isEnglishWord(tag))) return false;
  // Sentences stuffed into keywords: "Russian and Syrian claims are false", "a senior military analyst at Stratfor".
  const words = tag.split(' ');
  if (
    words.length > 6 ||
    /^(?:a|an|the)\s/.test(tag) ||
    /\s(?:is|are|was|were|has|have|had|will|would|can|could|said|says)\s/i.test(` ${tag} `)
  )
    return false;
  return true;
}
