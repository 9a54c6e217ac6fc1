import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSite, type ExpectedSite } from '../support/expected-site.ts';
import { FIXTURE_INCIDENTS, FIXTURE_RELEASES, FIXTURE_STORY, loadArchive } from '../support/fixture-archive.ts';
import { incidentPageUrl } from '../../src/content/incidents.ts';
import { CHROMIUM_ARGS, requireChromium } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { builtSite } from '../e2e/site/site.ts';

const ARTICLE = /^\/articles\/\d{4}\/\d{2}\/[^/]+\/$/;
const TAG = /^\/tags\/[^/]+\/$/;
const PERSON = /^\/people\/[^/]+\/$/;
const TIMELINE = /^\/timeline\/$/;
const YEAR = /^\/timeline\/\d{4}\/$/;

let server: StaticServer;
/** The tag with the most articles, and those articles. */
const busiestTag = () => [...expected.groups.tags].sort((a, b) => b[1].length - a[1].length)[0]!;
let expected: ExpectedSite;
const opened: { context: BrowserContext; profile: string }[] = [];
/** Everything that went wrong in a page: dialogs, script errors, console errors, failed requests. */
const problems: string[] = [];

/** A fresh Chromium profile in a temporary folder, with every page watched for problems. */
async function openBrowser(javaScriptEnabled: boolean): Promise<Page> {
  const executablePath = requireChromium();
  const profile = await mkdtemp(path.join(tmpdir(), 'archive-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled,
    baseURL: server.url,
  });
  opened.push({ context, profile });
  context.on('page', watch);
  context.pages().forEach(watch);
  return context.pages()[0] ?? (await context.newPage());
}

function watch(page: Page): void {
  page.on('dialog', (dialog) => {
    problems.push(`a ${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`a script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // The location names the resource for "Failed to load resource", including requests Playwright does not report, such as /favicon.ico.
    if (message.type() === 'error') problems.push(`a console error on ${page.url()}: ${message.text()} ${message.location().url}`.trim());
  });
  page.on('requestfailed', (request) =>
    problems.push(`a failed request on ${page.url()}: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(server.url))
      problems.push(`HTTP ${response.status()} for ${response.url()} on ${page.url()}`);
  });
}

/** The problems seen since the last call. */
function takeProblems(): string[] {
  return problems.splice(0, problems.length);
}

/** Clicks the first visible link (in `main` if it has one) whose path matches `target`, and waits for the page. */
async function clickLink(page: Page, target: RegExp, what: string): Promise<string> {
  const from = new URL(page.url()).pathname;
  for (const scope of ['main a[href]', 'a[href]']) {
    const links = await page.$$eval(scope, (anchors) =>
      anchors.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, visible: anchor.getClientRects().length > 0 })),
    );
    const index = links.findIndex(
      (link) =>
        link.visible &&
        link.href.startsWith(server.url) &&
        target.test(new URL(link.href).pathname) &&
        new URL(link.href).pathname !== from,
    );
    if (index < 0) continue;
    await Promise.all([page.waitForURL((url) => target.test(url.pathname)), page.locator(scope).nth(index).click()]);
    return new URL(page.url()).pathname;
  }
  throw new Error(`The page ${from} has no visible link to ${what} (a path like ${target})`);
}

/** Goes home → article → tag → article → person → timeline → year, by clicking; returns the paths seen. */
async function walk(page: Page): Promise<string[]> {
  await page.goto('/');
  const seen = [new URL(page.url()).pathname];
  seen.push(await clickLink(page, ARTICLE, 'an article'));
  seen.push(await clickLink(page, TAG, 'a tag'));
  seen.push(await clickLink(page, ARTICLE, 'an article of the tag'));
  seen.push(await clickLink(page, PERSON, 'a person'));
  seen.push(await clickLink(page, TIMELINE, 'the timeline'));
  seen.push(await clickLink(page, YEAR, 'a year of the timeline'));
  return seen;
}

beforeAll(async () => {
  const site = builtSite();
  expected = expectedSite(await loadArchive(site.contentDir));
  server = await serveStatic(site.outDir);
});

afterAll(async () => {
  for (const { context, profile } of opened) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  await server?.close();
});

/** Opens `target` and describes each axe violation on it, in the page's colour scheme as emulated. */
async function axeViolations(page: Page, target: string): Promise<string[]> {
  // Until the network is idle: the search page goes on loading Pagefind's filters, which the next visit would abort (a failed request).
  await page.goto(target, { waitUntil: 'networkidle' });
  // Legacy mode runs axe inside the page instead of opening a helper page per run: half the time, and the site has no frames.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}) on ${target}: ${violation.help}; at ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
}

/** One page of each kind, for axe in both colour schemes. */
const pageTypes: [name: string, url: (site: ExpectedSite) => string][] = [
  ['home page', () => '/'],
  [
    'article page',
    (site) =>
      (site.articles.find((article) => article.image && article.source?.url && article.related_headlines.length) ?? site.articles[0]!).url,
  ],
  ['tag index', () => '/tags/'],
  ['people index by number of articles', () => '/people/by-count/'],
  ['people of one year', (site) => `/timeline/${[...site.years.keys()][0]}/people/`],
  ['tag page', () => `/tags/${busiestTag()[0]}/`],
  ['tag page, oldest first, page 2', () => `/tags/${busiestTag()[0]}/oldest/2/`],
  ['tag page of one year', () => `/tags/${busiestTag()[0]}/${busiestTag()[1][0]!.year}/`],
  ['person index', () => '/people/'],
  ['person page', (site) => `/people/${[...site.groups.people.keys()][0]}/`],
  ['organization page', (site) => `/organizations/${[...site.groups.organizations.keys()][0]}/`],
  ['place page', (site) => `/places/${[...site.groups.places.keys()][0]}/`],
  ['outlet index', () => '/outlets/'],
  ['outlet page with labels', () => '/outlets/sputnik-international/'],
  ['timeline', () => '/timeline/'],
  ['timeline year', (site) => `/timeline/${[...site.years.keys()][0]}/`],
  ['search page', () => '/search/'],
  ['404 page', () => '/404.html'],
  ['data page', () => '/data/'],
  ['release page', () => `/data/releases/${FIXTURE_RELEASES.newer.version}/`],
  ['incident index', () => '/incidents/'],
  ['incident page', () => incidentPageUrl(FIXTURE_INCIDENTS[1]![0]!)],
  [
    'article page with incidents and a storyline',
    (site) => site.articles.find((article) => article.incidents.length && article.story === undefined)!.url,
  ],
  ['storyline index', () => '/storylines/'],
  ['storyline page', () => `/storylines/${FIXTURE_STORY.key}/`],
];

describe('the built site in Chromium', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openBrowser(true);
  });

  it('can be walked home → article → tag → article → person → timeline → year by clicking links', async () => {
    const seen = await walk(page);
    expect(seen).toHaveLength(7);
    expect(takeProblems()).toEqual([]);
  });

  for (const [name, url] of pageTypes) {
    it(`finds no axe violation on the ${name}`, async () => {
      expect(await axeViolations(page, url(expected))).toEqual([]);
      expect(takeProblems()).toEqual([]);
    });
  }

  for (const [name, url] of [
    ['an entity’s facets beside its list', () => `/tags/${busiestTag()[0]}/`],
    ['an article’s facets beside the article', (site: ExpectedSite) => site.articles[0]!.url],
  ] as const) {
    it(`puts ${name} on a wide screen and below it on a phone`, async () => {
      await page.goto(url(expected));
      const list = (await page.locator('.with-facets > :first-child').boundingBox())!;
      const facets = (await page.locator('.with-facets > .facets').boundingBox())!;
      expect(facets.x).toBeGreaterThanOrEqual(list.x + list.width);
      expect(facets.y).toBeLessThan(list.y + list.height);
      expect(await page.locator('.with-facets > .facets a').count()).toBeGreaterThan(1);
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        const narrowList = (await page.locator('.with-facets > :first-child').boundingBox())!;
        const narrowFacets = (await page.locator('.with-facets > .facets').boundingBox())!;
        expect(narrowFacets.y).toBeGreaterThanOrEqual(narrowList.y + narrowList.height);
        expect(narrowFacets.x).toBe(narrowList.x);
      } finally {
        await page.setViewportSize({ width: 1280, height: 720 });
      }
      expect(takeProblems()).toEqual([]);
    });
  }

  it('never runs script from scraped text', async () => {
    const hostile = expected.articles.find((article) => article.body.includes('<script>'))!;
    await page.goto(hostile.url);
    expect(await page.evaluate(() => (window as unknown as { __fixturePwned?: boolean }).__fixturePwned)).toBeUndefined();
    expect(takeProblems()).toEqual([]);
  });
});

describe('the built site in Chromium with a dark colour scheme', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openBrowser(true);
    await page.emulateMedia({ colorScheme: 'dark' });
  });

  it('is dark: the page and its header take the dark colours', async () => {
    await page.goto('/', { waitUntil: 'networkidle' });
    const colours = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      header: getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
    }));
    expect(colours).toEqual({ body: 'rgb(18, 20, 23)', text: 'rgb(232, 232, 232)', header: 'rgb(30, 33, 38)' });
    expect(takeProblems()).toEqual([]);
  });

  for (const [name, url] of pageTypes) {
    it(`finds no axe violation on the ${name}`, async () => {
      expect(await axeViolations(page, url(expected))).toEqual([]);
      expect(takeProblems()).toEqual([]);
    });
  }
});

describe('the built site in Chromium with JavaScript turned off', () => {
  it('sorts a tag oldest first and narrows it to one year by following links', async () => {
    const page = await openBrowser(false);
    const [slug, articles] = busiestTag();
    const days = articles.map((article) => article.date).sort();
    const listed = () => page.$$eval('main .article-list time', (times) => times.map((time) => time.getAttribute('datetime')));
    const views = page.getByRole('navigation', { name: 'Order and years of the articles' });
    await page.goto(`/tags/${slug}/`);
    expect(await listed()).toEqual([...days].reverse().slice(0, 20));
    await views.getByRole('link', { name: 'Oldest first' }).click();
    await page.waitForURL(`**/tags/${slug}/oldest/`);
    expect(await listed()).toEqual(days.slice(0, 20));
    const year = articles[0]!.year;
    await views.getByRole('link', { name: String(year), exact: true }).click();
    await page.waitForURL(`**/tags/${slug}/${year}/`);
    const ofYear = days.filter((day) => day.startsWith(`${year}-`)).reverse();
    expect(await listed()).toEqual(ofYear.slice(0, 20));
    expect(await page.locator('h1').textContent()).toMatch(new RegExp(` in ${year}$`));
    expect(await views.locator('[aria-current]').allTextContents()).toEqual([String(year)]);
    expect(takeProblems()).toEqual([]);
  });

  it('can still be walked home → article → tag → article → person → timeline → year', async () => {
    const page = await openBrowser(false);
    expect(await walk(page)).toHaveLength(7);
    expect(takeProblems()).toEqual([]);
  });
});
