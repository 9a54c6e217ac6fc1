/**
 * The orders and years an entity's list can be read in, each as static pages
 * (no script): newest first at `/tags/SLUG/`, oldest first at
 * `/tags/SLUG/oldest/`, one year at `/tags/SLUG/2019/`, each paginated as
 * `.../2/`, `.../3/`. Pure. The rule of which views exist is in
 * docs/pages.md ("Sorting and filtering lists").
 */
import type { Article } from '../content/article.ts';

/** The order of a list. */
export type ListSort = 'newest' | 'oldest';

/** The URL segment of the oldest-first view. */
export const OLDEST = 'oldest';

/** A list of articles under one entity: all of them in one order, or one year's, newest first. */
export interface ListView {
  sort: ListSort;
  /** Only the articles of this year. */
  year?: number;
  /** The first page's URL. */
  url: string;
  articles: Article[];
}

/** Where each view of a list starts, for the links above the list. */
export interface ListControls {
  /** The oldest-first view, when the list has one. */
  oldest?: string;
  /** The year views, oldest year first; none when the list has none. */
  years: { year: number; count: number; url: string }[];
}

/** How many articles a list needs for each kind of view. */
export interface ViewRule {
  /** Articles a page shows: a list on one page has no other view, every article of it is in sight. */
  pageSize: number;
  /** Fewest articles for year views (the site setting `yearPagesMin`). */
  yearPagesMin: number;
}

/**
 * The views of a list whose first page is `url` and whose `articles` are
 * newest first: newest first always; oldest first when the list takes more
 * than one page (on one page every article is in sight); one view per year
 * when it also has at least `rule.yearPagesMin` articles over more than one
 * year (each year page costs a page per entity and year: docs/speed.md). A
 * year whose number is also a page of the newest-first list (a list of more
 * than 40,000 articles at 20 a page) gets no view, so no two pages share a URL.
 */
export function listViews(url: string, articles: readonly Article[], rule: ViewRule): { views: ListView[]; controls: ListControls } {
  const views: ListView[] = [{ sort: 'newest', url, articles: [...articles] }];
  const controls: ListControls = { years: [] };
  const pages = Math.ceil(articles.length / rule.pageSize);
  if (pages > 1) {
    controls.oldest = `${url}${OLDEST}/`;
    views.push({ sort: 'oldest', url: controls.oldest, articles: [...articles].reverse() });
  }
  const byYear = new Map<number, Article[]>();
  for (const article of articles) {
    const list = byYear.get(article.year);
    if (list) list.push(article);
    else byYear.set(article.year, [article]);
  }
  if (pages > 1 && articles.length >= rule.yearPagesMin && byYear.size > 1) {
    for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
      if (year <= pages) continue;
      const yearUrl = `${url}${year}/`;
      controls.years.push({ year, count: list.length, url: yearUrl });
      views.push({ sort: 'newest', year, url: yearUrl, articles: list });
    }
  }
  return { views, controls };
}
