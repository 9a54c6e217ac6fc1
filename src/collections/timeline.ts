/** The archive in time: years, and the months of each year, each listing its articles. */
import type { Article } from '../content/article.ts';
import { compareNewestFirst } from './order.ts';

/** One month of one year. */
export interface TimelineMonth {
  year: number;
  month: number;
  /** `2019-05`; the month's heading on the year page has the id `m-2019-05`. */
  key: string;
  count: number;
  /** Newest first, as every list of the site. */
  articles: Article[];
}

/** A year's link to the year before or after it that has articles. */
export interface YearLink {
  year: number;
  url: string;
}

/** One year, with its months newest first. */
export interface TimelineYear {
  year: number;
  /** `/timeline/2019/` */
  url: string;
  count: number;
  months: TimelineMonth[];
  /** The nearest earlier year with articles. */
  previous?: YearLink;
  /** The nearest later year with articles. */
  next?: YearLink;
}

/** Groups articles by year and month, newest year, month and article first; each year links to the years around it. */
export function timeline(articles: readonly Article[]): TimelineYear[] {
  const years = new Map<number, Map<number, Article[]>>();
  for (const article of articles) {
    const months = years.get(article.year) ?? new Map<number, Article[]>();
    const list = months.get(article.month) ?? [];
    list.push(article);
    months.set(article.month, list);
    years.set(article.year, months);
  }
  const list: TimelineYear[] = [...years]
    .sort((a, b) => b[0] - a[0])
    .map(([year, months]) => {
      const monthList = [...months]
        .sort((a, b) => b[0] - a[0])
        .map(([month, list]) => ({
          year,
          month,
          key: `${year}-${String(month).padStart(2, '0')}`,
          count: list.length,
          articles: [...list].sort(compareNewestFirst),
        }));
      return { year, url: `/timeline/${year}/`, count: monthList.reduce((sum, m) => sum + m.count, 0), months: monthList };
    });
  const link = (entry: TimelineYear | undefined): YearLink | undefined => (entry ? { year: entry.year, url: entry.url } : undefined);
  return list.map((entry, i) => ({ ...entry, previous: link(list[i + 1]), next: link(list[i - 1]) }));
}
