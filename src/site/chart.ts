/**
 * Charts of articles per year (the home page, entities over years) or per
 * month (entities over a short span): an SVG drawn at build time, with
 * presentation attributes only (no inline style, so the CSP needs no
 * 'unsafe-inline'). The page puts a list of the same figures beside it.
 */
import { formatMonth, monthName } from '../content/dates.ts';
import { escapeXml } from './escape.ts';

/** Every year from the first to the last, with zero for years without articles. */
export function fillYears(counts: readonly { year: number; count: number }[]): { year: number; count: number }[] {
  if (!counts.length) return [];
  const byYear = new Map(counts.map((c) => [c.year, c.count]));
  const years = counts.map((c) => c.year);
  const out = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) out.push({ year, count: byYear.get(year) ?? 0 });
  return out;
}

/** One bar of a chart: a year or a month, with its articles and the timeline page that lists them. */
export interface ChartBar {
  /** `2019` or `2019-05`. */
  key: string;
  /** `2019` or `May 2019`. */
  label: string;
  /** Short label under the bar: `2019`, or `May` (`May 2019` for January and the first bar). */
  tick: string;
  count: number;
  /** Site-relative timeline URL: `/timeline/2019/`, or the month on its year page, `/timeline/2019/#m-2019-05`. */
  url: string;
}

/** Articles of an entity (or any list) per year, or per month when its span is short. */
export interface ChartPeriods {
  unit: 'year' | 'month';
  /** Every period from the first article's to the last's, empty ones included, oldest first. */
  bars: ChartBar[];
}

/** A span of at most this many months is charted per month: per year it would be one or two bars. */
export const MONTHLY_SPAN = 24;

/**
 * The periods to chart `articles` by: months when the first and the last
 * article are at most MONTHLY_SPAN months apart (counting both), else years.
 * Read from each article's stated year and month, never through a Date.
 */
export function chartPeriods(articles: readonly { year: number; month: number }[]): ChartPeriods {
  if (articles.length === 0) return { unit: 'year', bars: [] };
  const index = (article: { year: number; month: number }): number => article.year * 12 + article.month - 1;
  let first = Infinity;
  let last = -Infinity;
  for (const article of articles) {
    first = Math.min(first, index(article));
    last = Math.max(last, index(article));
  }
  if (last - first + 1 <= MONTHLY_SPAN) {
    const counts = new Array<number>(last - first + 1).fill(0);
    for (const article of articles) counts[index(article) - first]!++;
    const bars = counts.map((count, offset) => {
      const year = Math.floor((first + offset) / 12);
      const month = ((first + offset) % 12) + 1;
      const key = `${year}-${String(month).padStart(2, '0')}`;
      const label = formatMonth(year, month);
      return {
        key,
        label,
        tick: offset === 0 || month === 1 ? label : monthName(month).slice(0, 3),
        count,
        url: `/timeline/${year}/#m-${key}`,
      };
    });
    return { unit: 'month', bars };
  }
  const perYear = new Map<number, number>();
  for (const article of articles) perYear.set(article.year, (perYear.get(article.year) ?? 0) + 1);
  return { unit: 'year', bars: yearBars([...perYear].map(([year, count]) => ({ year, count }))) };
}

/** One bar per year from the first to the last of `counts`, empty years included. */
function yearBars(counts: readonly { year: number; count: number }[]): ChartBar[] {
  return fillYears(counts).map(({ year, count }) => ({
    key: String(year),
    label: String(year),
    tick: String(year),
    count,
    url: `/timeline/${year}/`,
  }));
}

/** A bar chart of articles per year as an SVG string; `titleId` labels it for assistive technology. */
export function yearChart(counts: readonly { year: number; count: number }[], titleId = 'chart-title'): string {
  return barChart({ unit: 'year', bars: yearBars(counts) }, titleId);
}

/** A bar chart of articles per period as an SVG string; `titleId` labels it for assistive technology. */
export function barChart(periods: ChartPeriods, titleId = 'chart-title'): string {
  const data = periods.bars;
  const width = 640;
  const height = 220;
  const top = 24;
  const bottom = 28;
  const left = 8;
  const plot = height - top - bottom;
  const max = Math.max(1, ...data.map((d) => d.count));
  const slot = data.length ? (width - left * 2) / data.length : 0;
  const bar = Math.max(2, Math.min(48, slot * 0.7));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const title = `Articles per ${periods.unit}: ${total} article${total === 1 ? '' : 's'}${data.length ? ` from ${data[0]!.label} to ${data[data.length - 1]!.label}` : ''}`;
  // Month ticks are wider than years ("May 2019"): fewer of them fit.
  const labelEvery = Math.max(1, Math.ceil(data.length / (periods.unit === 'month' ? 8 : 12)));
  const parts = data.map((d, i) => {
    const h = Math.round((d.count / max) * plot);
    const x = Math.round(left + i * slot + (slot - bar) / 2);
    const y = top + plot - h;
    const cx = Math.round(left + i * slot + slot / 2);
    const label = i % labelEvery === 0 ? `<text x="${cx}" y="${height - 8}" text-anchor="middle">${escapeXml(d.tick)}</text>` : '';
    const value = d.count ? `<text x="${cx}" y="${y - 6}" text-anchor="middle">${d.count}</text>` : '';
    return `<g><title>${escapeXml(d.label)}: ${d.count}</title><rect x="${x}" y="${y}" width="${Math.round(bar)}" height="${h}" fill="#1d4f91"></rect>${value}${label}</g>`;
  });
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeXml(titleId)}" xmlns="http://www.w3.org/2000/svg" font-size="13" fill="#1a1a1a">` +
    `<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>` +
    `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#595959"></line>` +
    parts.join('') +
    `</svg>`
  );
}
