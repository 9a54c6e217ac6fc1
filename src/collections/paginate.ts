/** Splitting a list into numbered pages at stable URLs: `/base/`, `/base/2/`, ... */

/** One page of a paginated list. */
export interface PageSlice<T> {
  /** 1-based page number. */
  number: number;
  /** Total pages (at least 1, so an empty list still has its first page). */
  total: number;
  url: string;
  /** 1-based position of the first item in the whole list, for `<ol start>`. */
  start: number;
  items: T[];
  previousUrl?: string;
  nextUrl?: string;
}

/** The URL of page `number` under `baseUrl` (which ends in `/`). */
export function pageUrl(baseUrl: string, number: number): string {
  return number <= 1 ? baseUrl : `${baseUrl}${number}/`;
}

/** Cuts `items` into pages of `size`. */
export function paginate<T>(items: readonly T[], baseUrl: string, size = 20): PageSlice<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages: PageSlice<T>[] = [];
  for (let number = 1; number <= total; number++) {
    pages.push({
      number,
      total,
      url: pageUrl(baseUrl, number),
      start: (number - 1) * size + 1,
      items: items.slice((number - 1) * size, number * size),
      previousUrl: number > 1 ? pageUrl(baseUrl, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(baseUrl, number + 1) : undefined,
    });
  }
  return pages;
}
