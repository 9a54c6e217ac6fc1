/** Previous and next article in time, for the links at the foot of an article. */
import type { Article } from '../content/article.ts';
import { compareOldestFirst } from './order.ts';

/** The articles either side of one article. */
export interface Neighbours {
  /** The next older article. */
  previous?: Article;
  /** The next newer article. */
  next?: Article;
}

/** Neighbours of every article, keyed by article URL. */
export function neighbours(articles: readonly Article[]): Map<string, Neighbours> {
  const sorted = [...articles].sort(compareOldestFirst);
  const out = new Map<string, Neighbours>();
  sorted.forEach((article, i) => {
    out.set(article.url, { previous: sorted[i - 1], next: sorted[i + 1] });
  });
  return out;
}
