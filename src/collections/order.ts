/**
 * The one order of articles in time. Days are compared as `YYYY-MM-DD`
 * strings, so no time zone can move an article to another day.
 */
import type { Article } from '../content/article.ts';

/** Older first: by day, then stated time, then URL, so equal days still sort the same way every build. */
export function compareOldestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const timeA = a.time ?? '';
  const timeB = b.time ?? '';
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/** Newest first: the exact reverse of {@link compareOldestFirst}. */
export function compareNewestFirst(a: Article, b: Article): number {
  return compareOldestFirst(b, a);
}

/** A sorted copy, newest first. */
export function newestFirst(articles: readonly Article[]): Article[] {
  return [...articles].sort(compareNewestFirst);
}

/** Number of articles per year, oldest year first. */
export function countByYear(articles: readonly Article[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const article of articles) counts.set(article.year, (counts.get(article.year) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}
