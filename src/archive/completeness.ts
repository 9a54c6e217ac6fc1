/**
 * Nothing lost: after Eleventy writes, every published article must have
 * exactly one page at its own URL. An article with no page (or two) is a
 * silent loss in an archive people cite, so the build names it and fails.
 */

/** What the check needs of an article: its file and its page URL. */
export interface PlannedPage {
  file: string;
  url: string;
}

/** What the check needs of one written result: the page URL and where it went. */
export interface WrittenPage {
  url?: string;
  outputPath?: string | false;
}

/**
 * The files of the articles that did not produce exactly one written HTML
 * page at their URL, in the order given; empty when every article did.
 */
export function articlesWithoutOnePage(articles: readonly PlannedPage[], written: readonly WrittenPage[]): string[] {
  const pagesAt = new Map<string, number>();
  for (const result of written) {
    if (!result.url || !result.outputPath || !String(result.outputPath).endsWith('.html')) continue;
    pagesAt.set(result.url, (pagesAt.get(result.url) ?? 0) + 1);
  }
  const claims = new Map<string, number>();
  for (const article of articles) claims.set(article.url, (claims.get(article.url) ?? 0) + 1);
  // Two articles claiming one URL share one page: neither has a page of its own.
  return articles.filter((article) => pagesAt.get(article.url) !== 1 || claims.get(article.url) !== 1).map((article) => article.file);
}
