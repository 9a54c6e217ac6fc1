import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/collections/order.ts';
import { searchBundles, searchShards } from '../../src/search/plan.ts';
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

/** The search page's own box (the header has another, named "Search"). */
function searchBox() {
  return page.getByRole('searchbox', { name: 'Words to find' });
}

/** The results shown: each one's link and day. */
async function shownResults(): Promise<{ href: string; date: string }[]> {
  return page.locator('#search-results li').evaluateAll((items) =>
    items.map((item) => ({
      href: item.querySelector('a')!.getAttribute('href')!,
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
}

/** Waits until the status line has settled on a count of articles and returns it. */
async function resultCount(): Promise<number> {
  await settle(async () => /^\d+ articles?\b/.test((await page.locator('#search-status').textContent()) ?? '')).toBe(true);
  return Number.parseInt((await page.locator('#search-status').textContent())!, 10);
}

/** Ticks a value of a filter in the search form (the filters stand open beside the results at this width). */
async function tick(filter: string, value: string): Promise<void> {
  await page.locator(`#facet-${filter} input[value="${value}"]`).check();
}

/**
 * On a search page showing results: ticks the year filter, waits until every result is of that
 * year, checks the first has an excerpt, opens it and checks its page heads with the result's
 * title; returns it.
 */
async function filterByYearAndOpenFirst(year: string): Promise<string> {
  await tick('year', year);
  await expect
    .poll(async () => {
      const results = await shownResults();
      return results.length > 0 && results.every((result) => result.date.startsWith(`${year}-`));
    })
    .toBe(true);
  const first = page.locator('#search-results li').first();
  const link = first.locator('a.article-link');
  const title = (await link.textContent())!.trim();
  expect((await first.locator('.summary').textContent())!.trim()).not.toBe('');
  await Promise.all([page.waitForURL((url) => ARTICLE.test(url.pathname)), link.click()]);
  expect((await page.locator('h1').textContent())!.trim()).toBe(title);
  return title;
}

/** Polls until `check` passes: a search on 2 busy cores can take several seconds to load its index. */
function settle<T>(check: () => T | Promise<T>, options: { timeout: number } = { timeout: 15_000 }) {
  return expect.poll(check, options);
}

/** Whether days are in order, oldest first (`asc`) or newest first (`desc`). */
function isSorted(days: string[], order: 'asc' | 'desc'): boolean {
  return days.every((day, i) => i === 0 || (order === 'asc' ? days[i - 1]! <= day : days[i - 1]! >= day));
}
/** The days of the results shown are newest first. */
const shownNewestFirst = async (): Promise<boolean> =>
  isSorted(
    (await shownResults()).map((result) => result.date),
    'desc',
  );

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
  it('is written to /pagefind/ with the API the search page loads', () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) {
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

  it('offers the filters tag, person, organization, year, outlet and month', async () => {
    await page.goto('/search/');
    const filters = await inPagefind<string[]>('return Object.keys(await pagefind.filters());');
    // `month` is not shown: the date range asks for the months it holds (src/search/url-state.mjs).
    expect(filters.sort()).toEqual(['month', 'organization', 'outlet', 'person', 'tag', 'year']);
  });

  it('files every article under its outlet: the outlet filter finds exactly the articles of each outlet page', async () => {
    await page.goto('/search/');
    const outlets = await inPagefind<Record<string, number>>('return (await pagefind.filters()).outlet;');
    expect(Object.keys(outlets).length).toBe(expected.outlets.size);
    for (const [slug, articles] of expected.outlets) {
      const name = (await readPage(outDir, `/outlets/${slug}/`)).querySelector('h1')!.textContent!.trim();
      const urls = await inPagefind<string[]>(`
        const search = await pagefind.search(null, { filters: { outlet: ${JSON.stringify(name)} } });
        return (await Promise.all(search.results.map((result) => result.data()))).map((data) => data.url);`);
      expect(new Set(urls), name).toEqual(new Set(articles.map((article) => article.url)));
    }
  });
});

describe('the search page in Chromium', () => {
  it('finds a person, narrows to a year and opens a result on its article page', async () => {
    const { name, years } = await personAcrossYears();
    const year = String(years[0]);
    await page.goto('/search/');
    await searchBox().fill(name);
    expect(await resultCount()).toBeGreaterThan(0);

    const title = await filterByYearAndOpenFirst(year);
    expect(title).not.toBe('');
    expect(await page.locator('time').first().getAttribute('datetime')).toMatch(new RegExp(`^${year}-`));
    expect(await page.locator('main').textContent()).toContain(name.split(' ').at(-1));
    expect(problems.splice(0)).toEqual([]);
  });

  it('restores a search typed and shared by its address: the same words, sort, filter and results', async () => {
    const { name, years } = await personAcrossYears();
    await page.goto('/search/');
    await searchBox().fill(name);
    await resultCount();
    await page.getByLabel('Sort by').selectOption('oldest');
    await tick('year', String(years[0]));
    await settle(() => new URL(page.url()).searchParams.getAll('year')).toEqual([String(years[0])]);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('q')).toBe(name);
    expect(new URL(shared).searchParams.get('sort')).toBe('oldest');
    const count = await resultCount();
    const results = await shownResults();
    expect(results.length).toBe(count);
    expect(results.every((result) => result.date.startsWith(`${years[0]}-`))).toBe(true);

    // Opened afresh (as a reader given the link would), the page shows the very same.
    const other = await context.newPage();
    try {
      await other.goto(shared);
      await settle(() => other.locator('#search-results li').count()).toBe(count);
      const again = await other
        .locator('#search-results a.article-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(again).toEqual(results.map((result) => result.href));
      expect(await other.getByRole('searchbox', { name: 'Words to find' }).inputValue()).toBe(name);
      expect(await other.getByLabel('Sort by').inputValue()).toBe('oldest');
      expect(await other.locator(`#facet-year input[value="${years[0]}"]`).isChecked()).toBe(true);
      expect(await other.locator('#search-active').textContent()).toBe('(1 active)');
    } finally {
      await other.close();
    }
    expect(problems.splice(0)).toEqual([]);
  });

  it('replaces the address as the reader types, and back and forward restore the earlier sort and results', async () => {
    const { name } = await personAcrossYears();
    await page.goto('/search/');
    await searchBox().waitFor();
    const before = await page.evaluate(() => history.length);
    await searchBox().pressSequentially(name, { delay: 20 });
    await settle(() => new URL(page.url()).searchParams.get('q')).toBe(name);
    // Typing replaced the entry rather than adding one per keystroke.
    expect(await page.evaluate(() => history.length)).toBe(before);
    await resultCount();
    const relevance = (await shownResults()).map((result) => result.href);

    await page.getByLabel('Sort by').selectOption('newest');
    await settle(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await settle(shownNewestFirst).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);

    await page.goBack();
    await settle(() => new URL(page.url()).searchParams.get('sort')).toBe(null);
    await settle(() => page.getByLabel('Sort by').inputValue()).toBe('relevance');
    await settle(async () => (await shownResults()).map((result) => result.href)).toEqual(relevance);
    await page.goForward();
    await settle(() => page.getByLabel('Sort by').inputValue()).toBe('newest');
    await settle(shownNewestFirst).toBe(true);
    expect(problems.splice(0)).toEqual([]);
  });

  it('sorts newest and oldest first and narrows to a date range, with the count to match', async () => {
    const all = expected.articles.map((article) => article.date).sort();
    // The range: the months of the middle half of the archive.
    const from = all[Math.floor(all.length / 4)]!.slice(0, 7);
    const to = all[Math.floor((all.length * 3) / 4)]!.slice(0, 7);
    const inRange = all.filter((day) => day.slice(0, 7) >= from && day.slice(0, 7) <= to).length;
    await page.goto(`/search/?sort=oldest&from=${from}&to=${to}`);
    expect(await resultCount()).toBe(inRange);
    while (await page.locator('#search-more').isVisible()) {
      const shown = (await shownResults()).length;
      await page.locator('#search-more').click();
      await settle(async () => (await shownResults()).length).toBeGreaterThan(shown);
    }
    const dates = (await shownResults()).map((result) => result.date);
    expect(dates).toHaveLength(inRange);
    expect(isSorted(dates, 'asc')).toBe(true);
    expect(dates.every((day) => day.slice(0, 7) >= from && day.slice(0, 7) <= to)).toBe(true);
    expect(await page.getByLabel('From month').inputValue()).toBe(from);

    await page.getByLabel('Sort by').selectOption('newest');
    await settle(async () => (await shownResults())[0]?.date).toBe(dates.at(-1));
    // A range with no article finds none.
    await page.goto('/search/?from=1990-01&to=1990-12');
    expect(await resultCount()).toBe(0);
    expect(problems.splice(0)).toEqual([]);
  });

  it('on a phone shows the results first, the filters behind one button that counts those on; beside the results on a wide screen', async () => {
    const { name, years } = await personAcrossYears();
    const address = `/search/?q=${encodeURIComponent(name)}&year=${years[0]}`;
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(address);
      await phone.locator('#search.search-ready').waitFor({ timeout: 15_000 });
      const button = phone.locator('#search-filters > summary');
      expect((await button.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Filters (1 active)');
      expect(await phone.locator('#search-filters').getAttribute('open')).toBeNull();
      expect(await phone.locator('#facet-year').isVisible()).toBe(false);
      const first = await phone.locator('#search-results li').first().boundingBox();
      expect(first!.y + first!.height).toBeLessThan(844);
      await button.click();
      expect(await phone.locator('#facet-year').isVisible()).toBe(true);
      const { violations } = await new AxeBuilder({ page: phone }).setLegacyMode(true).analyze();
      expect(violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
    } finally {
      await phone.close();
    }
    await page.goto(address);
    await page.locator('#search.search-ready').waitFor({ timeout: 15_000 });
    expect(await page.locator('#search-filters').getAttribute('open')).not.toBeNull();
    const results = (await page.locator('.search-results-column').boundingBox())!;
    const filters = (await page.locator('#search-filters').boundingBox())!;
    expect(filters.x).toBeGreaterThanOrEqual(results.x + results.width);
    expect(problems.splice(0)).toEqual([]);
  });

  it('takes a search from the box in the header of any page', async () => {
    const { name } = await personAcrossYears();
    await page.goto('/timeline/');
    const header = page.getByRole('search', { name: 'Search the archive' });
    await header.getByRole('searchbox', { name: 'Search' }).fill(name);
    await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), header.getByRole('searchbox').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(name);
    await settle(() => searchBox().inputValue()).toBe(name);
    expect(await resultCount()).toBeGreaterThan(0);
    expect(problems.splice(0)).toEqual([]);
  });

  it('shows titles and excerpts from scraped text as text, never as markup', async () => {
    await page.goto('/search/?q=script');
    await resultCount();
    const titles = await page.locator('#search-results a.article-link').allTextContents();
    expect(titles.some((title) => title.includes('<script>'))).toBe(true);
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __fixturePwned?: boolean }).__fixturePwned)).toBeUndefined();
    expect(problems.splice(0)).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows its results with no axe violation in the ${colorScheme} colour scheme`, async () => {
      const { name } = await personAcrossYears();
      await page.emulateMedia({ colorScheme });
      try {
        await page.goto(`/search/?q=${encodeURIComponent(name)}`);
        await page.locator('#search-results li').first().waitFor();
        const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
        expect(violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
      } finally {
        await page.emulateMedia({ colorScheme: null });
      }
      expect(problems.splice(0)).toEqual([]);
    });
  }
});

describe('the search page of the fixture archive built under the path prefix /archive/', () => {
  it('loads Pagefind from /archive/pagefind/ and links its results under /archive/', async () => {
    const served = path.join(builtSite().root, '_site-search-prefixed');
    await buildSite({ contentDir: builtSite().contentDir, outDir: path.join(served, 'archive'), pathPrefix: '/archive/' });
    const prefixed = await serveStatic(served);
    try {
      const { name } = await personAcrossYears();
      await page.goto(new URL('archive/search/', prefixed.url).href);
      await searchBox().fill(name);
      const links = page.locator('#search-results a.article-link');
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
      // The search never starts: its form stays hidden, and the page says why (the header's plain box stays).
      expect(await plain.getByRole('searchbox', { name: 'Words to find' }).count()).toBe(0);
      expect(await plain.getByRole('searchbox', { name: 'Search' }).isVisible()).toBe(true);
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
        ['Outlets', '/outlets/'],
        ['Timeline', '/timeline/'],
      ]);
      await Promise.all([
        plain.waitForURL((url) => url.pathname === '/people/'),
        plain.getByRole('link', { name: 'People', exact: true }).last().click(),
      ]);
      expect((await plain.locator('h1').textContent())!.trim()).toBe('People');
      // Every person's page, A to Z (the index's other order is a link of its own).
      expect(await plain.locator('main .letter-group a[href^="/people/"]').count()).toBe(expected.groups.people.size);
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
    // 57 articles, 20 a shard: two full shards and the newest 17 in small ones (src/search/plan.ts), which the search page names.
    const bundles = (await readPage(served, '/search/')).querySelector('#search')!.getAttribute('data-bundles');
    const folders = searchBundles(expected.articles.length, 20);
    expect(folders.length).toBeGreaterThan(3);
    expect(bundles).toBe(folders.slice(1).join(' '));
    for (const folder of folders) expect(existsSync(path.join(served, folder, 'pagefind-entry.json')), folder).toBe(true);
    const sharded = await serveStatic(served);
    try {
      const { name, years, articles: theirs } = await personAcrossYears();
      await page.goto(new URL('search/', sharded.url).href);
      // The person's articles lie in more than one shard (src/search/plan.ts, searchShards).
      const shards = searchShards(
        newestFirst(expected.articles).map((article) => article.url),
        20,
      );
      expect(new Set(theirs.map((article) => shards.findIndex((urls) => urls.includes(article.url)))).size).toBeGreaterThan(1);
      await searchBox().fill(name);
      await page.locator('#search-results li').first().waitFor();
      // Every article naming the person is found, whichever shard holds it ("Show more" until all are shown).
      const wanted = new Set(theirs.map((article) => article.url));
      const found = async (): Promise<number> => {
        const more = page.locator('#search-more');
        if (await more.isVisible()) await more.click();
        return new Set((await shownResults()).map((result) => result.href).filter((href) => wanted.has(href))).size;
      };
      await settle(found, { timeout: 20_000 }).toBe(wanted.size);

      await filterByYearAndOpenFirst(String(years[0]));
      expect(problems.splice(0)).toEqual([]);
    } finally {
      await sharded.close();
    }
  });
});
