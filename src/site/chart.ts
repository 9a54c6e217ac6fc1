/**
 * The home page's chart of articles per year: an SVG drawn at build time, with
 * presentation attributes only (no inline style, so the CSP needs no
 * 'unsafe-inline'). The page puts a table of the same figures beside it.
 */
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

/** A bar chart of articles per year as an SVG string; `titleId` labels it for assistive technology. */
export function yearChart(counts: readonly { year: number; count: number }[], titleId = 'chart-title'): string {
  const data = fillYears(counts);
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
  const title = `Articles per year: ${total} article${total === 1 ? '' : 's'}${data.length ? ` from ${data[0]!.year} to ${data[data.length - 1]!.year}` : ''}`;
  const labelEvery = Math.max(1, Math.ceil(data.length / 12));
  const parts = data.map((d, i) => {
    const h = Math.round((d.count / max) * plot);
    const x = Math.round(left + i * slot + (slot - bar) / 2);
    const y = top + plot - h;
    const cx = Math.round(left + i * slot + slot / 2);
    const label = i % labelEvery === 0 ? `<text x="${cx}" y="${height - 8}" text-anchor="middle">${d.year}</text>` : '';
    const value = d.count ? `<text x="${cx}" y="${y - 6}" text-anchor="middle">${d.count}</text>` : '';
    return `<g><title>${d.year}: ${d.count}</title><rect x="${x}" y="${y}" width="${Math.round(bar)}" height="${h}" fill="#1d4f91"></rect>${value}${label}</g>`;
  });
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${escapeXml(titleId)}" xmlns="http://www.w3.org/2000/svg" font-size="13" fill="#1a1a1a">` +
    `<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>` +
    `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#595959"></line>` +
    parts.join('') +
    `</svg>`
  );
}
