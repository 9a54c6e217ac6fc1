/** The archive in time: years, and the months of each year, each listing its articles. */
import type { Article } from '../content/article.ts';
import { compareOldestFirst } from './order.ts';

/** One month of one year. */
export interface TimelineMonth {
  year: number;
  month: number;
  /** `2019-05`; the month's heading on the year page has the id `m-2019-05`. */
  key: string;
  count: number;
  /** Oldest first, as a chronicle reads. */
  articles: Article[];
}

/** One year, with its months in calendar order. */
export interface TimelineYear {
  year: number;
  /** `/timeline/2019/` */
  url: string;
  count: number;
  months: TimelineMonth[];
}

/** Groups articles by year and month, newest year first. */
export function timeline(articles: readonly Article[]): TimelineYear[] {
  const years = new Map<number, Map<number, Article[]>>();
  for (const article of articles) {
    const months = years.get(article.year) ?? new Map<number, Article[]>();
    const list = months.get(article.month) ?? [];
    list.push(article);
    months.set(article.month, list);
    years.set(article.year, months);
  }
  return [...years]
    .sort((a, b) => b[0] - a[0])
    .map(([year, months]) => {
      const monthList = [...months]
        .sort((a, b) => a[0] - b[0])
        .map(([month, list]) => ({
          year,
          month,
          key: `${year}-${String(month).padStart(2, '0')}`,
          count: list.length,
          articles: [...list].sort(compareOldestFirst),
        }));
      return { year, url: `/timeline/${year}/`, count: monthList.reduce((sum, m) => sum + m.count, 0), months: monthList };
    });
}
