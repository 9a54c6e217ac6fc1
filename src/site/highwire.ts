/**
 * Highwire Press `citation_*` meta tags for an article page, the tags Google
 * Scholar documents and Zotero's "Embedded Metadata" translator reads
 * (title, date, journal title, authors, abstract, URL, language, keywords),
 * so a reference manager saves the archived story with the right fields.
 * Plain name/content pairs: the template writes them with autoescape on, so
 * scraped text never leaves its attribute.
 */
import type { Article } from '../content/article.ts';
import { EMPTY_OUTLETS, outletOf } from '../content/outlets.ts';

/** One `<meta name=... content=...>`. */
export type MetaTag = [name: string, content: string];

/** The day as Highwire writes it: `YYYY/MM/DD`. */
export function highwireDate(day: string): string {
  return day.replaceAll('-', '/');
}

/**
 * The tags for one article: the outlet as `citation_journal_title` (Zotero's
 * "Publication", which citation styles print for a news story) and as
 * `citation_publisher`; the archived copy's URL as `citation_public_url` and
 * `citation_abstract_html_url`; one `citation_author` per byline name and one
 * `citation_keywords` per tag (a ";" in a tag, which Zotero splits on, becomes ",").
 * The outlet is the site's (the outlets registry's name), else as the source names it.
 */
export function highwireTags(
  article: Article,
  url: string,
  language: string,
  tags: readonly string[],
  outlet = outletOf(article.source, EMPTY_OUTLETS)?.name,
): MetaTag[] {
  return [
    ['citation_title', article.title],
    ...article.authors.map((name): MetaTag => ['citation_author', name]),
    ['citation_publication_date', highwireDate(article.date)],
    ...(outlet
      ? ([
          ['citation_journal_title', outlet],
          ['citation_publisher', outlet],
        ] as MetaTag[])
      : []),
    ...(article.summary ? ([['citation_abstract', article.summary]] as MetaTag[]) : []),
    ['citation_public_url', url],
    ['citation_abstract_html_url', url],
    ['citation_language', language],
    ...tags.map((tag): MetaTag => ['citation_keywords', tag.replaceAll(';', ',')]),
  ];
}
