import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../support/build.ts';
import { checkLinks, type BrokenLink, type FoundLink } from '../../support/links.ts';
import { builtSite, readPage } from './site.ts';

const PREFIX = '/archive/';
let outDir: string;
let result: { pages: number; links: FoundLink[]; broken: BrokenLink[] };

beforeAll(async () => {
  const site = builtSite();
  outDir = path.join(site.root, '_site-prefixed');
  await buildSite({ contentDir: site.contentDir, outDir, pathPrefix: PREFIX });
  const canonical = (await readPage(outDir, '/')).querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  result = await checkLinks(outDir, { prefix: PREFIX, siteUrl: canonical && /^https?:/.test(canonical) ? canonical : undefined });
});

describe('the fixture archive built under the path prefix /archive/', () => {
  it('starts every internal link of every page with the prefix, and each resolves', () => {
    expect(result.pages).toBeGreaterThan(100);
    expect(result.broken.slice(0, 40).map((link) => `${link.page}: ${link.link} ${link.reason}`)).toEqual([]);
  });

  it('keeps the prefix in the sitemap and in the feeds', async () => {
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(locs.length).toBeGreaterThan(50);
    expect(locs.filter((loc) => !loc.startsWith(PREFIX))).toEqual([]);
    const feed = JSON.parse(await readFile(path.join(outDir, 'feed.json'), 'utf8')) as { items: { url: string }[] };
    expect(feed.items.map((item) => new URL(item.url).pathname).filter((url) => !url.startsWith(PREFIX))).toEqual([]);
    const atom = await readFile(path.join(outDir, 'feed.xml'), 'utf8');
    const hrefs = [...atom.matchAll(/<link[^>]*href="([^"]+)"/g)].map((match) => new URL(match[1]!, 'http://site.invalid/').pathname);
    expect(hrefs.filter((href) => !href.startsWith(PREFIX))).toEqual([]);
  });
});
