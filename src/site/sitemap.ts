/** `sitemap.xml` and `robots.txt`. */
import { escapeXml } from './escape.ts';

/** One page in the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** `YYYY-MM-DD`, where the page has a date. */
  lastmod?: string;
}

/** A sitemaps.org document listing `entries` in the order given. */
export function sitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `  <url><loc>${escapeXml(e.url)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** A robots.txt that allows everything and names the sitemap. */
export function robots(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
