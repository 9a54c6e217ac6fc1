import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/collections/order.ts';
import { buildSite } from '../support/build.ts';
import { CHROMIUM_ARGS, requireChromium } from '../support/chromium.ts';
import { expectedSite, type ExpectedSite } from '../support/expected-site.ts';
import { loadArchive } from '../support/fixture-archive.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { builtSite, readPage } from '../e2e/site/site.ts';

const ARTICLE = /^\/articles\/\d{4}\/\d{2}\/[^/]+\/$/;

let outDir: string;
let expected: ExpectedSite;
let server: StaticServer;
let context: BrowserContext;
let profile: string;
let page: Page;
/** Script errors, console errors and failed requests, which would break search without failing a click. */
const problems: string[] = [];

/** The person with the most articles among those named in more than one year, the years they appear in, and their articles. */
async function personAcrossYears(): Promise<{ name: string; years: number[]; articles: ExpectedSite['articles'] }> {
  const [slug, articles] = [...expected.groups.people]
    .filter(([, list]) => new Set(list.map((article) => article.year)).size > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
  const name = (await readPage(outDir, `/people/${slug}/`)).querySelector('h1')!.textContent!.trim();
  return { name, years: [...new Set(articles.map((article) => article.year))].sort(), articles };
}

/**
 * Runs `body` in the search page with Pagefind's own search API as `pagefind`.
 * The code goes in as a string: the test runner would rewrite a dynamic import() in a function.
 */
async function inPagefind<T>(body: string): Promise<T> {
  return (await page.evaluate(`(async () => {
    const pagefind = await import(new URL('../pagefind/pagefind.js', location.href).href);
    ${body}
  })()`)) as T;
}

/**
 * On a search page showing results: ticks the year filter (open from the start, openFilters in
 * search.js; its labels read "2016 (3)"), waits until every result is of that year, checks the
 * first has an excerpt, opens it and checks its page heads with the result's title; returns it.
 */
async function filterByYearAndOpenFirst(year: string): Promise<string> {
  const results = page.locator('.pagefind-ui__result');
  await page.locator(`label[for="year-${year}"]`).click();
  await expect
    .poll(async () => {
      const dates = await page.locator('.pagefind-ui__result-tag[data-pagefind-ui-meta="date"]').allTextContents();
      return (
        dates.length > 0 && dates.length === (await results.count()) && dates.every((text) => text.trim().startsWith(`Date: ${year}-`))
      );
    })
    .toBe(true);
  const first = results.first().locator('.pagefind-ui__result-link');
  const title = (await first.textContent())!.trim();
  expect((await results.first().locator('.pagefind-ui__result-excerpt').textContent())!.trim()).not.toBe('');
  await Promise.all([page.waitForURL((url) => ARTICLE.test(url.pathname)), first.click()]);
  expect((await page.locator('h1').textContent())!.trim()).toBe(title);
  return title;
}

beforeAll(async () => {
  outDir = builtSite().outDir;
  expected = expectedSite(await loadArchive(builtSite().contentDir));
  server = await serveStatic(outDir);
  profile = await mkdtemp(path.join(tmpdir(), 'archive-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: requireChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: server.url,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`a script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`a console error on ${page.url()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`a failed request: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await server?.close();
});

describe('the search index of the built fixture archive', () => {
  it('is written to /pagefind/ with the UI the search page loads', () => {
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json', 'wasm.en.pagefind']) {
      expect(existsSync(path.join(outDir, 'pagefind', file)), file).toBe(true);
    }
  });

  it('holds every article page and nothing else', async () => {
    const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const counted = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(counted).toBe(expected.articles.length);

    // Every page Pagefind can return, through its own API: all pages of all years.
    await page.goto('/search/');
    const urls = await inPagefind<string[]>(`
      const search = await pagefind.search(null, { filters: { year: { any: ${JSON.stringify([...expected.years.keys()].map(String))} } } });
      return (await Promise.all(search.results.map((result) => result.data()))).map((data) => data.url);`);
    expect(urls.filter((url) => !ARTICLE.test(url))).toEqual([]);
    expect(new Set(urls)).toEqual(new Set(expected.articles.map((article) => article.url)));
  });

  it('offers the filters tag, person, organization, year and outlet', async () => {
    await page.goto('/search/');
    const filters = await inPagefind<string[]>('return Object.keys(await pagefind.filters());');
    expect(filters.sort()).toEqual(['organization', 'outlet', 'person', 'tag', 'year']);
  });
});

describe('the search page in Chromium', () => {
  it('finds a person, narrows to a year and opens a result on its article page', async () => {
    const { name, years } = await personAcrossYears();
    const year = String(years[0]);
    await page.goto('/search/');
    await page.getByRole('textbox', { name: 'Search' }).fill(name);
    const results = page.locator('.pagefind-ui__result');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);

    const title = await filterByYearAndOpenFirst(year);
    expect(title).not.toBe('');
    expect(await page.locator('time').first().getAttribute('datetime')).toMatch(new RegExp(`^${year}-`));
    expect(await page.locator('main').textContent()).toContain(name.split(' ').at(-1));
    expect(problems.splice(0)).toEqual([]);
  });

  it('shows its results with no axe violation', async () => {
    const { name } = await personAcrossYears();
    await page.goto('/search/');
    await page.getByRole('textbox', { name: 'Search' }).fill(name);
    await page.locator('.pagefind-ui__result').first().waitFor();
    const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
    expect(problems.splice(0)).toEqual([]);
  });
});

describe('the search page of the fixture archive built under the path prefix /archive/', () => {
  it('loads Pagefind from /archive/pagefind/ and links its results under /archive/', async () => {
    const served = path.join(builtSite().root, '_site-search-prefixed');
    await buildSite({ contentDir: builtSite().contentDir, outDir: path.join(served, 'archive'), pathPrefix: '/archive/' });
    const prefixed = await serveStatic(served);
    try {
      const { name } = await personAcrossYears();
      await page.goto(new URL('archive/search/', prefixed.url).href);
      await page.getByRole('textbox', { name: 'Search' }).fill(name);
      const links = page.locator('.pagefind-ui__result-link');
      await links.first().waitFor();
      const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
      expect(hrefs.filter((href) => !/^\/archive\/articles\/\d{4}\/\d{2}\/[^/]+\/$/.test(href))).toEqual([]);
      await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/archive/articles/')), links.first().click()]);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      expect(problems.splice(0)).toEqual([]);
    } finally {
      await prefixed.close();
    }
  });
});

describe('the search page in Chromium with JavaScript off', () => {
  it('says search needs JavaScript and leads to the index pages instead', async () => {
    const noScriptProfile = await mkdtemp(path.join(tmpdir(), 'archive-chromium-nojs-'));
    const noScript = await chromium.launchPersistentContext(noScriptProfile, {
      executablePath: requireChromium(),
      headless: true,
      // Blink's own setting, as a reader's "block JavaScript" does: <noscript> then renders, which
      // Playwright's javaScriptEnabled (script execution disabled through DevTools) does not do.
      args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'],
      baseURL: server.url,
    });
    try {
      const plain = noScript.pages()[0] ?? (await noScript.newPage());
      await plain.goto('/search/');
      // Pagefind never starts: no search box, and the page says why.
      expect(await plain.getByRole('textbox', { name: 'Search' }).count()).toBe(0);
      // (Playwright's text search skips <noscript>, so the paragraph is found by CSS.)
      const notice = plain.locator('noscript p');
      expect(await notice.isVisible()).toBe(true);
      expect((await notice.textContent())!.trim()).toBe('Full-text search needs JavaScript. Browse the archive instead:');
      const links = await plain
        .locator('main ul a')
        .evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent!.trim(), anchor.getAttribute('href')]));
      expect(links).toEqual([
        ['Tags', '/tags/'],
        ['People', '/people/'],
        ['Organizations', '/organizations/'],
        ['Places', '/places/'],
        ['Timeline', '/timeline/'],
      ]);
      await Promise.all([
        plain.waitForURL((url) => url.pathname === '/people/'),
        plain.getByRole('link', { name: 'People', exact: true }).last().click(),
      ]);
      expect((await plain.locator('h1').textContent())!.trim()).toBe('People');
      expect(await plain.locator('main a[href^="/people/"]').count()).toBe(expected.groups.people.size);
    } finally {
      await noScript.close();
      await rm(noScriptProfile, { recursive: true, force: true });
    }
  });
});

describe('the search page of the fixture archive indexed in shards (as an archive of more than 1,500 articles is)', () => {
  it('searches every shard as one: a person’s articles from all of them, the year filter, and a result that opens', async () => {
    const served = path.join(builtSite().root, '_site-search-sharded');
    await buildSite({ contentDir: builtSite().contentDir, outDir: served, searchShardPages: 20 });
    // 57 articles, 20 a shard: /pagefind/ and two more, which the search page names.
    const bundles = (await readPage(served, '/search/')).querySelector('#search')!.getAttribute('data-bundles');
    expect(bundles).toBe('pagefind-2/ pagefind-3/');
    for (const folder of ['pagefind', 'pagefind-2', 'pagefind-3'])
      expect(existsSync(path.join(served, folder, 'pagefind-entry.json')), folder).toBe(true);
    const sharded = await serveStatic(served);
    try {
      const { name, years, articles: theirs } = await personAcrossYears();
      await page.goto(new URL('search/', sharded.url).href);
      // The person's articles lie in more than one shard (shards take the article pages newest first, as the build writes them).
      const order = newestFirst(expected.articles).map((article) => article.url);
      expect(new Set(theirs.map((article) => Math.floor(order.indexOf(article.url) / 20))).size).toBeGreaterThan(1);
      await page.getByRole('textbox', { name: 'Search' }).fill(name);
      const results = page.locator('.pagefind-ui__result');
      await results.first().waitFor();
      // Every article naming the person is found, whichever shard holds it ("Load more" until all are shown).
      const wanted = new Set(theirs.map((article) => article.url));
      const found = async (): Promise<number> => {
        const more = page.locator('button.pagefind-ui__button');
        if (await more.isVisible()) await more.click();
        const hrefs = await page
          .locator('.pagefind-ui__result-link')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        return new Set(hrefs.filter((href) => wanted.has(href!))).size;
      };
      await expect.poll(found, { timeout: 20_000 }).toBe(wanted.size);

      await filterByYearAndOpenFirst(String(years[0]));
      expect(problems.splice(0)).toEqual([]);
    } finally {
      await sharded.close();
    }
  });
});
