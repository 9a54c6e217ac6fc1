/**
 * The `href` filter joins plain site paths to the path prefix itself
 * (src/site/href.ts): exactly what Eleventy's own `url` filter gives, held
 * here against that filter, taken from a real Eleventy configuration, for
 * the site's kinds of address and its edge cases, under several prefixes.
 */
import Eleventy from '@11ty/eleventy';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrefFilter, plainHref } from '../../src/site/href.ts';

const PREFIXES = ['/', '/archive/', '/a/b-c/', '/x.y~z/'];
const ADDRESSES = [
  '/',
  '/articles/2025/2025-12-31-cisa-warns/',
  '/tags/critical-infrastructure/page/2/',
  '/people/jen-easterly/',
  '/assets/site.css',
  '/feed.xml',
  '/data/articles.csv',
  '/pagefind/pagefind-ui.js',
  '/search/',
  '/articles/2025/x%C3%A9/',
  '/a_b~c/',
  '/.well-known/x',
  '/a/../b/',
  '/a/./b/',
  '//example.org/x',
  '//',
  '/a//b/',
  '/search/?q=cisa',
  '/page/#top',
  'https://example.org/x',
  'mailto:editor@example.org',
  'relative/path/',
  '',
  '/archive/',
  '/archive',
];

let dir: string;
let eleventyUrl: (url: string, prefix?: string) => string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'archive-href-'));
  let captured: unknown;
  const eleventy = new Eleventy(dir, path.join(dir, '_site'), {
    quietMode: true,
    // As the archive's plugin takes it: plugins run once Eleventy's own configuration is in place.
    config: (config: { addPlugin(plugin: (config: { getFilter(name: string): unknown }) => void): void }) =>
      config.addPlugin((pluginConfig) => {
        captured = pluginConfig.getFilter('url');
      }),
  });
  await eleventy.initializeConfig();
  if (typeof captured !== 'function') throw new Error("Eleventy's configuration gave no `url` filter");
  eleventyUrl = captured as typeof eleventyUrl;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('href', () => {
  it("joins plain site paths to the prefix exactly as Eleventy's url filter does, and leaves the rest to it", () => {
    let joined = 0;
    for (const prefix of PREFIXES)
      for (const address of ADDRESSES) {
        const mine = plainHref(address, prefix);
        if (mine === undefined) continue;
        joined++;
        expect(mine, `${address} under ${prefix}`).toBe(eleventyUrl(address, prefix));
      }
    // Only the plain paths are joined here: the first eleven addresses and the two prefix-like ones, under each prefix.
    expect(joined).toBe(13 * PREFIXES.length);
    for (const odd of ['/a/../b/', '/a/./b/', '//example.org/x', '/a//b/', '/search/?q=cisa', '/page/#top', 'https://example.org/x', ''])
      expect(plainHref(odd, '/archive/'), odd).toBeUndefined();
  });

  it("gives Eleventy's answer for every address, plain or not, and follows a change of prefix", () => {
    let prefix: string | undefined = '/archive/';
    const href = hrefFilter(
      (url) => eleventyUrl(url, prefix),
      () => prefix,
    );
    for (const address of ADDRESSES) expect(href(address), address).toBe(eleventyUrl(address, '/archive/'));
    prefix = undefined;
    expect(href('/tags/x/')).toBe('/tags/x/');
    prefix = '/other';
    expect(href('/tags/x/')).toBe('/other/tags/x/');
    expect(href('/tags/x/')).toBe(eleventyUrl('/tags/x/', '/other/'));
  });
});
