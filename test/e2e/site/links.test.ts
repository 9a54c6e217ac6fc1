import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, type BrokenLink, type FoundLink } from '../../support/links.ts';
import { builtSite, readPage } from './site.ts';

let result: { pages: number; links: FoundLink[]; broken: BrokenLink[] };

beforeAll(async () => {
  const { outDir } = builtSite();
  const canonical = (await readPage(outDir, '/')).querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  result = await checkLinks(outDir, { siteUrl: canonical && /^https?:/.test(canonical) ? canonical : undefined });
});

const describeBroken = (broken: BrokenLink[]) => broken.slice(0, 40).map((link) => `${link.page}: ${link.link} ${link.reason}`);

describe('links in the built fixture archive', () => {
  it('were found on every page', () => {
    expect(result.pages).toBeGreaterThan(100);
    expect(result.links.filter((link) => link.target !== undefined).length).toBeGreaterThan(result.pages);
  });

  it('all resolve to a file of the site, and every #fragment to an element', () => {
    expect(describeBroken(result.broken)).toEqual([]);
  });
});
