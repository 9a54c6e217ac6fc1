/**
 * What an extractor finds on one page, before the importer turns it into
 * front matter. Every extractor (text dump, HTML, Markdown) returns this.
 */
export interface Extracted {
  kind: 'text' | 'html' | 'markdown';
  title?: string;
  /** The publication day as the page states it, `YYYY-MM-DD`. */
  date?: string;
  /** The publication time, only when the page states one (`14:05`, `14:05+03:00`). */
  time?: string;
  section?: string;
  /** The byline: who wrote the story. */
  authors?: string[];
  /** The page's own tag line or keywords, in page order, as written. */
  tags: string[];
  /** Names the page itself lists as people (rare: Markdown input, structured data). */
  people?: string[];
  organizations?: string[];
  places?: string[];
  summary?: string;
  source: {
    /** The outlet. */
    name?: string;
    /** Canonical link or og:url. */
    url?: string;
    /** When the page was served, if the page says (a site header clock), ISO 8601. */
    retrieved?: string;
  };
  image?: { caption?: string; credit?: string };
  /** The outlet's own related links, as text. */
  related_headlines: string[];
  /** The article body as Markdown: paragraphs separated by one blank line. */
  body: string;
  /**
   * Text that stood on the page but is not the article (captions, credits,
   * teaser headlines, related links): people named only here are not the article's.
   */
  outside: string[];
}

export function emptyExtracted(kind: Extracted['kind']): Extracted {
  return { kind, tags: [], source: {}, related_headlines: [], body: '', outside: [] };
}
