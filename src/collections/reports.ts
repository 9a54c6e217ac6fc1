/**
 * Report timelines: who (which outlet) reported what, and when, as an
 * incident's and a storyline's pages show them. Pure.
 */
import type { Article } from '../content/article.ts';
import { sourceOutlet } from '../content/outlets.ts';

/** An outlet as a timeline names it: its name as the site gives it, and its page when it has one. */
export interface OutletRef {
  name: string;
  url?: string;
}

/** The outlet of an article as the site names it (src/collections/indexes.ts), or none. */
export type OutletOf = (article: Article) => OutletRef | undefined;

/** The outlet as the article's source names it, without a page: for callers without the outlets' index. */
export const sourceOutletRef: OutletOf = (article) => {
  const name = sourceOutlet(article);
  return name ? { name } : undefined;
};

/** One row of a timeline. */
export interface ReportRow {
  article: Article;
  outlet?: OutletRef;
}

/** The rows of `articles` (already in order) and the outlets among them, in the order of their first report. */
export function reportRows(articles: readonly Article[], outletOf: OutletOf): { rows: ReportRow[]; outlets: string[] } {
  const rows = articles.map((article) => {
    const outlet = outletOf(article);
    return outlet ? { article, outlet } : { article };
  });
  return { rows, outlets: [...new Set(rows.flatMap((row) => row.outlet?.name ?? []))] };
}
