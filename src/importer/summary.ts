/**
 * A page's description as the article's summary, only when it is one: plain
 * text (markup and "Read More" links taken out), no interface words, and
 * about this article, so most of its words stand in the article (a site's
 * blurb, "Official site of ...", shares almost none with any one story).
 */
import { decodeLeftoverEntities } from './html/metadata.ts';

/** Of a summary's content words, at least this share must be the article's (a standfirst shares about half, a site blurb almost none). */
const MIN_SHARED = 0.3;

const INTERFACE = /\b(?:share this|click here|read more|subscribe|sign up|log in|download (?:the|our) app|follow us)\b/i;

/** The summary to keep, or undefined when the description is not the article's. */
export function articleSummary(description: string | undefined, article: { title?: string; body: string }): string | undefined {
  if (!description) return undefined;
  const text = decodeLeftoverEntities(description.replace(/<[^>]*>/g, ' '))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s*(?:\[(?:\.\.\.|…)\]|(?:\.\.\.|…)?\s*read more\s*(?:»|›|→)?)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || INTERFACE.test(text)) return undefined;
  const own = contentWords(text);
  if (own.length === 0) return undefined;
  const article_ = new Set(contentWords(`${article.title ?? ''} ${article.body}`));
  const shared = own.filter((w) => article_.has(w)).length / own.length;
  return shared >= MIN_SHARED ? text : undefined;
}

function contentWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/\p{L}{4,}|\p{N}+/gu) ?? []
  );
}
