import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import { expectedFeedUrls, expectedListViews, expectedPageUrls, TAXONOMIES, type ExpectedSite } from '../../support/expected-site.ts';
import { BUSY_TAG, FILE_LINKING, fixtureArticleFiles, GENERATED_COUNT, HOSTILE_MARKERS } from '../../support/fixture-archive.ts';
import { builtAndExpected, builtSite, hasUrl, linkPaths, readPage } from './site.ts';
import { parseOutlets } from '../../../src/content/outlets.ts';

let outDir: string;
let expected: ExpectedSite;

beforeAll(async () => {
  ({ outDir, expected } = await builtAndExpected());
});

/** Every JSON-LD object of a page, parsed. */
const structuredData = (page: Document): Record<string, unknown>[] =>
  [...page.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
const missing = (urls: string[]) => urls.filter((url) => !hasUrl(outDir, url));
const byUrl = (articles: Article[]) => articles.map((article) => article.url).sort();

/** Article links found on every page of a listing: `/tags/x/` and the pages under it. */
async function listedArticles(baseUrl: string): Promise<string[]> {
  const dir = path.join(outDir, ...baseUrl.split('/').filter(Boolean));
  const pages = (await readdir(dir, { recursive: true }))
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('index.html'));
  const found = new Set<string>();
  for (const page of pages) {
    const url = `${baseUrl}${page.replace(/index\.html$/, '')}`;
    const document = await readPage(outDir, url);
    for (const link of linkPaths(document.querySelector('main') ?? document, url))
      if (/^\/articles\/\d{4}\/\d{2}\/[^/]+\/$/.test(link)) found.add(link);
  }
  return [...found].sort();
}

/** The days of the articles a list shows, page after page as its "next" links lead: `/tags/x/`, `/tags/x/2/`, ... */
async function listedDays(firstUrl: string): Promise<string[]> {
  const days: string[] = [];
  for (let url: string | undefined = firstUrl; url; ) {
    const page = await readPage(outDir, url);
    days.push(...[...page.querySelectorAll('main .article-list time')].map((time) => time.getAttribute('datetime')!));
    url = page.querySelector('.pager a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return days;
}

describe('the built fixture archive', () => {
  it('holds the seed article and every generated one', () => {
    expect(expected.articles.length).toBe(GENERATED_COUNT + 1);
    expect(expected.years.size).toBeGreaterThanOrEqual(5);
  });

  it('has a page for every article, tag, person, organization, place, year and index', () => {
    const urls = expectedPageUrls(expected);
    expect(urls.length).toBeGreaterThan(100);
    expect(missing(urls)).toEqual([]);
  });

  it('has an Atom and a JSON feed for the archive and for every tag and person with 5 articles or more, and none for the others', async () => {
    expect(missing(expectedFeedUrls(expected))).toEqual([]);
    const rare = [...expected.groups.tags, ...expected.groups.people].filter(([, articles]) => articles.length < 5);
    expect(rare.length).toBeGreaterThan(0);
    const feeds = (await readdir(outDir, { recursive: true }))
      .map((name) => `/${name.split(path.sep).join('/')}`)
      .filter((name) => /\/feed\.(xml|json)$/.test(name));
    expect(feeds.sort()).toEqual(expectedFeedUrls(expected));
    const rarePerson = [...expected.groups.people].find(([, articles]) => articles.length < 5);
    if (rarePerson) expect((await readPage(outDir, `/people/${rarePerson[0]}/`)).querySelector('.feeds')).toBeNull();
  });

  it('has a sitemap, robots.txt and a 404 page', () => {
    expect(missing(['/sitemap.xml', '/robots.txt', '/404.html'])).toEqual([]);
  });

  it('heads each article page with its title, printed as written', async () => {
    const wrong: string[] = [];
    for (const article of expected.articles) {
      const headings = [...(await readPage(outDir, article.url)).querySelectorAll('h1')].map((h1) =>
        h1.textContent!.replace(/\s+/g, ' ').trim(),
      );
      if (!headings.includes(article.title.replace(/\s+/g, ' '))) wrong.push(`${article.url}: ${JSON.stringify(headings)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives every page a canonical URL that names the page itself', async () => {
    const wrong: string[] = [];
    for (const url of expectedPageUrls(expected)) {
      const canonical = (await readPage(outDir, url)).querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (!canonical || !/^https?:\/\//.test(canonical) || new URL(canonical).pathname !== url) wrong.push(`${url}: ${canonical}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the day each article states in its time element, even when a stated time would shift it in UTC', async () => {
    const wrong: string[] = [];
    for (const article of expected.articles) {
      const document = await readPage(outDir, article.url);
      const days = [...document.querySelectorAll('time[datetime]')].map((time) => time.getAttribute('datetime')!.slice(0, 10));
      if (!days.includes(article.date)) wrong.push(`${article.url}: states ${article.date}, time elements say ${JSON.stringify(days)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists every article of a tag, person, organization, place or outlet on its pages, across pagination', async () => {
    const wrong: string[] = [];
    for (const taxonomy of [...TAXONOMIES, 'outlets'] as const) {
      for (const [slug, articles] of taxonomy === 'outlets' ? expected.outlets : expected.groups[taxonomy]) {
        const listed = await listedArticles(`/${taxonomy}/${slug}/`);
        const absent = byUrl(articles).filter((url) => !listed.includes(url));
        if (absent.length) wrong.push(`/${taxonomy}/${slug}/ does not list ${absent.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts at most 20 articles on a tag page and the rest on further pages', async () => {
    const busy = expected.groups.tags.get(BUSY_TAG)!;
    expect(busy.length).toBeGreaterThan(20);
    const first = await readPage(outDir, `/tags/${BUSY_TAG}/`);
    const onFirst = new Set(
      linkPaths(first.querySelector('main') ?? first, `/tags/${BUSY_TAG}/`).filter((url) => busy.some((article) => article.url === url)),
    );
    expect(onFirst.size).toBeGreaterThan(0);
    expect(onFirst.size).toBeLessThanOrEqual(20);
  });

  it('lists every entity newest first and oldest first across its pages, and a long list year by year, each year alone', async () => {
    let oldest = 0;
    let years = 0;
    for (const taxonomy of TAXONOMIES) {
      for (const [slug, articles] of expected.groups[taxonomy]) {
        const base = `/${taxonomy}/${slug}/`;
        const days = articles.map((article) => article.date).sort();
        expect(await listedDays(base), base).toEqual([...days].reverse());
        const views = expectedListViews(base, articles);
        if (views.oldest) {
          oldest++;
          expect(await listedDays(views.oldest), views.oldest).toEqual(days);
        } else expect(hasUrl(outDir, `${base}oldest/`), base).toBe(false);
        for (const [year, url] of views.years) {
          years++;
          expect(await listedDays(url), url).toEqual(days.filter((day) => day.startsWith(`${year}-`)).reverse());
        }
        const controls = (await readPage(outDir, base)).querySelector('nav.list-views');
        expect(controls ? linkPaths(controls, base) : [], base).toEqual([...(views.oldest ? [views.oldest] : []), ...views.years.values()]);
      }
    }
    expect(oldest).toBeGreaterThan(0);
    expect(years).toBeGreaterThan(2);
  });

  it('lists each index by number of articles too, most first, every name once with its count', async () => {
    for (const kind of TAXONOMIES) {
      const page = await readPage(outDir, `/${kind}/by-count/`);
      const rows = [...page.querySelectorAll('main ol.ranking li')].map(
        (li) => [li.querySelector('a')!.getAttribute('href')!.split('/').at(-2)!, Number(li.querySelector('.count')!.textContent)] as const,
      );
      expect(rows.map(([slug]) => slug).sort(), kind).toEqual([...expected.groups[kind].keys()].sort());
      for (const [slug, count] of rows) expect(count, `${kind} ${slug}`).toBe(expected.groups[kind].get(slug)!.length);
      const counts = rows.map(([, count]) => count);
      expect(counts, kind).toEqual([...counts].sort((a, b) => b - a));
      const years = [...expected.years.keys()].sort().map((year) => `/timeline/${year}/${kind}/`);
      expect(linkPaths((await readPage(outDir, `/${kind}/`)).querySelector('nav.list-views')!), kind).toEqual([
        `/${kind}/by-count/`,
        ...years,
      ]);
      expect(linkPaths(page.querySelector('nav.list-views')!), kind).toEqual([`/${kind}/`, ...years]);
    }
  });

  it('lists the names of each kind in each year, with their counts of that year, most first, each leading to its page of that year if any', async () => {
    for (const kind of TAXONOMIES) {
      for (const [year, ofYear] of expected.years) {
        const url = `/timeline/${year}/${kind}/`;
        const counts = new Map<string, number>();
        for (const [slug, articles] of expected.groups[kind]) {
          const count = articles.filter((article) => article.year === year).length;
          if (count) counts.set(slug, count);
        }
        const page = await readPage(outDir, url);
        const rows = [...page.querySelectorAll('main ol.ranking li')].map((li) => {
          const href = li.querySelector('a')!.getAttribute('href')!;
          return { href, slug: href.split('/')[2]!, count: Number(li.querySelector('.count')!.textContent) };
        });
        expect(rows.map((row) => row.slug).sort(), url).toEqual([...counts.keys()].sort());
        for (const row of rows) {
          expect(row.count, `${url} ${row.slug}`).toBe(counts.get(row.slug));
          const base = `/${kind}/${row.slug}/`;
          expect(row.href, url).toBe(expectedListViews(base, expected.groups[kind].get(row.slug)!).years.get(year) ?? base);
        }
        expect(
          rows.map((row) => row.count),
          url,
        ).toEqual(rows.map((row) => row.count).sort((a, b) => b - a));
        expect(ofYear.length).toBeGreaterThan(0);
      }
      expect(linkPaths((await readPage(outDir, `/timeline/${[...expected.years.keys()][0]}/`)).querySelector('main .year-names')!)).toEqual(
        [...TAXONOMIES, 'outlets'].map((other) => `/timeline/${[...expected.years.keys()][0]}/${other}/`),
      );
    }
  });

  it('gives an entity page facets for the people, organizations, places and tags named with it and the outlets that reported it', async () => {
    const page = await readPage(outDir, `/tags/${BUSY_TAG}/`);
    const facets = page.querySelector('.facets section[aria-labelledby="named-with-heading"]')!;
    expect([...facets.querySelectorAll('h3')].map((h3) => h3.textContent)).toEqual([
      'People',
      'Organizations',
      'Places',
      'Tags',
      'Outlets',
    ]);
    expect(linkPaths(facets)).not.toContain(`/tags/${BUSY_TAG}/`);
  });

  it('gives every article page facets: its year, its names in that year, and names often named with its own but not its own', async () => {
    const kinds = new Set<string>();
    let yearsOfNames = 0;
    for (const article of expected.articles) {
      const page = await readPage(outDir, article.url);
      const own = linkPaths(page.querySelector('.filed-under')!, article.url);
      const outlet = linkPaths(page.querySelector('.article-header')!, article.url).filter((url) => url.startsWith('/outlets/'));
      const [year, ...ofNames] = linkPaths(page.querySelector('.facets section[aria-labelledby="in-time-heading"]')!, article.url);
      expect(year, article.url).toBe(`/timeline/${article.year}/`);
      for (const url of ofNames) expect(own, `${article.url}: ${url}`).toContain(url.replace(/\d{4}\/$/, ''));
      for (const url of ofNames) expect(url, article.url).toMatch(new RegExp(`/${article.year}/$`));
      yearsOfNames += ofNames.length;
      const named = page.querySelector('.facets section[aria-labelledby="named-with-heading"]');
      for (const h3 of named?.querySelectorAll('h3') ?? []) kinds.add(h3.textContent!);
      for (const url of named ? linkPaths(named, article.url) : []) {
        expect(url, article.url).toMatch(/^\/(tags|people|organizations|places|outlets)\/[^/]+\/$/);
        expect([...own, ...outlet], article.url).not.toContain(url);
      }
    }
    expect([...kinds].sort()).toEqual(['Organizations', 'Outlets', 'People', 'Places', 'Tags']);
    expect(yearsOfNames).toBeGreaterThan(0);
  });

  it('gives tags that differ only in case one page', async () => {
    const tagPages = (await readdir(path.join(outDir, 'tags'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(tagPages.filter((name) => /cybersecurity|ransomware|^5g$|cyber-norms/i.test(name)).sort()).toEqual([
      '5g',
      'cyber-norms',
      'cybersecurity',
      'ransomware',
    ]);
  });

  it('charts an entity per month when its articles span at most two years, and per year beyond, each with its figures as a list', async () => {
    const monthIndex = (article: Article): number => article.year * 12 + article.month - 1;
    const spans: { url: string; months: number; periods: number }[] = [];
    for (const taxonomy of TAXONOMIES) {
      for (const [slug, articles] of expected.groups[taxonomy]) {
        const months = Math.max(...articles.map(monthIndex)) - Math.min(...articles.map(monthIndex)) + 1;
        const periods = new Set(articles.map((article) => (months <= 24 ? monthIndex(article) : article.year))).size;
        spans.push({ url: `/${taxonomy}/${slug}/`, months, periods });
      }
    }
    const short = spans.find((span) => span.months <= 24 && span.periods >= 2);
    const long = spans.find((span) => span.months > 24);
    expect(short, 'the fixture has an entity over a short span').toBeDefined();
    expect(long, 'the fixture has an entity over a long span').toBeDefined();

    const shortPage = await readPage(outDir, short!.url);
    expect(shortPage.querySelector('#per-period-heading')?.textContent).toBe('Articles per month');
    expect(shortPage.querySelector('svg.chart title')?.textContent).toMatch(
      /^Articles per month: \d+ articles? from [A-Z][a-z]+ \d{4} to [A-Z][a-z]+ \d{4}$/,
    );
    const monthLinks = [...shortPage.querySelectorAll('.year-counts a')].map((link) => link.getAttribute('href'));
    expect(monthLinks).toHaveLength(short!.periods);
    for (const href of monthLinks) expect(href).toMatch(/^\/timeline\/\d{4}\/#m-\d{4}-\d{2}$/);

    const longPage = await readPage(outDir, long!.url);
    expect(longPage.querySelector('#per-period-heading')?.textContent).toBe('Articles per year');
    expect(longPage.querySelector('svg.chart title')?.textContent).toMatch(/^Articles per year: \d+ articles? from \d{4} to \d{4}$/);
    for (const link of longPage.querySelectorAll('.year-counts a')) expect(link.getAttribute('href')).toMatch(/^\/timeline\/\d{4}\/$/);
  });

  it('lists every article of a year on its timeline page', async () => {
    const wrong: string[] = [];
    for (const [year, articles] of expected.years) {
      const listed = await listedArticles(`/timeline/${year}/`);
      const absent = byUrl(articles).filter((url) => !listed.includes(url));
      if (absent.length) wrong.push(`/timeline/${year}/ does not list ${absent.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists a year newest first and links it to the years before and after it', async () => {
    const years = [...expected.years.keys()].sort((a, b) => a - b);
    for (const [i, year] of years.entries()) {
      const page = await readPage(outDir, `/timeline/${year}/`);
      const days = [...page.querySelectorAll('main .article-list time')].map((time) => time.getAttribute('datetime')!);
      expect(days.length, String(year)).toBe(expected.years.get(year)!.length);
      expect(days, String(year)).toEqual([...days].sort().reverse());
      const around = page.querySelector('nav[aria-label="Previous and next years"]');
      const prev = around?.querySelector('a[rel="prev"]')?.getAttribute('href');
      const next = around?.querySelector('a[rel="next"]')?.getAttribute('href');
      expect([prev, next], String(year)).toEqual([
        i > 0 ? `/timeline/${years[i - 1]}/` : undefined,
        i < years.length - 1 ? `/timeline/${years[i + 1]}/` : undefined,
      ]);
    }
  });

  it('gives every page below the home page breadcrumbs from Home down to the page itself', async () => {
    const article = expected.articles[0]!;
    const person = [...expected.groups.people.keys()][0]!;
    const busy = `/tags/${BUSY_TAG}/`;
    const cases: [url: string, trail: string[]][] = [
      [article.url, ['/', '/timeline/', `/timeline/${article.year}/`]],
      ['/people/', ['/']],
      [`/people/${person}/`, ['/', '/people/']],
      [`${busy}2/`, ['/', '/tags/', busy]],
      ['/timeline/', ['/']],
      [`/timeline/${article.year}/`, ['/', '/timeline/']],
      ['/search/', ['/']],
      ['/data/', ['/']],
      ['/data/releases/1.1.0/', ['/', '/data/']],
    ];
    for (const [url, trail] of cases) {
      const page = await readPage(outDir, url);
      const navs = page.querySelectorAll('nav[aria-label="Breadcrumb"]');
      expect(navs.length, url).toBe(1);
      const items = [...navs[0]!.querySelectorAll('li')];
      expect(
        items.slice(0, -1).map((li) => li.querySelector('a')?.getAttribute('href')),
        url,
      ).toEqual(trail);
      expect(items.at(-1)!.querySelector('a'), url).toBeNull();
      expect(items.at(-1)!.querySelector('[aria-current="page"]')?.textContent?.trim(), url).toBeTruthy();
    }
    expect((await readPage(outDir, '/')).querySelector('nav[aria-label="Breadcrumb"]')).toBeNull();
  });

  it('gives every page with breadcrumbs a schema.org BreadcrumbList of the same names, positions from 1 and absolute URLs ending at the page', async () => {
    const wrong: string[] = [];
    for (const url of expectedPageUrls(expected)) {
      const page = await readPage(outDir, url);
      const nav = page.querySelector('nav[aria-label="Breadcrumb"]');
      const lists = structuredData(page).filter((data) => data['@type'] === 'BreadcrumbList');
      if (!nav) {
        if (lists.length) wrong.push(`${url}: a BreadcrumbList without breadcrumbs`);
        continue;
      }
      if (lists.length !== 1) {
        wrong.push(`${url}: ${lists.length} BreadcrumbLists`);
        continue;
      }
      const list = lists[0]!;
      const canonical = page.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      const shown = [...nav.querySelectorAll('li')].map((li, i, all) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: li.textContent!.trim(),
        item: i === all.length - 1 ? canonical : new URL(li.querySelector('a')!.getAttribute('href')!, canonical).href,
      }));
      expect(list['@context'], url).toBe('https://schema.org');
      expect(Object.keys(list).sort(), url).toEqual(['@context', '@type', 'itemListElement']);
      if (JSON.stringify(list.itemListElement) !== JSON.stringify(shown)) wrong.push(`${url}: ${JSON.stringify(list.itemListElement)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("shows a registry entry's description and its Wikidata link on the entity page, and says the same in its JSON-LD", async () => {
    const page = await readPage(outDir, '/organizations/nato/');
    const link = page.querySelector('main .same-as a');
    expect(link?.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q7184');
    expect(link?.textContent).toBe('NATO on Wikidata');
    expect(page.querySelector('main')!.textContent).toContain('the military alliance of 32 European and North American states');
    const [collection] = structuredData(page).filter((data) => data['@type'] === 'CollectionPage');
    expect(collection).toMatchObject({
      name: 'NATO',
      url: page.querySelector('link[rel="canonical"]')!.getAttribute('href'),
      about: {
        '@type': 'Organization',
        name: 'NATO',
        sameAs: 'https://www.wikidata.org/wiki/Q7184',
        description: expect.stringMatching(/alliance/),
      },
    });
    const article = expected.articles.find((a) => a.organizations.includes('NATO'))!;
    const [news] = structuredData(await readPage(outDir, article.url)).filter((data) => data['@type'] === 'NewsArticle');
    expect(news!.mentions).toContainEqual({ '@type': 'Organization', name: 'NATO', sameAs: 'https://www.wikidata.org/wiki/Q7184' });
    const plain = await readPage(outDir, `/people/${[...expected.groups.people.keys()][0]}/`);
    expect(plain.querySelector('main .same-as')).toBeNull();
    expect(structuredData(plain).find((data) => data['@type'] === 'CollectionPage')?.about).not.toHaveProperty('sameAs');
  });

  it('groups each index page A to Z, with a jump to each letter and every name once, with its count', async () => {
    for (const kind of TAXONOMIES) {
      const page = await readPage(outDir, `/${kind}/`);
      const jumps = [...page.querySelectorAll('nav.letters a')].map((link) => link.getAttribute('href')!);
      expect(jumps.length, kind).toBeGreaterThan(1);
      for (const jump of jumps) expect(page.querySelector(`h2${jump}`), `${kind} ${jump}`).not.toBeNull();
      const listed = [...page.querySelectorAll('.letter-group li a')].map((link) => link.getAttribute('href')!.split('/').at(-2));
      expect(listed.sort(), kind).toEqual([...expected.groups[kind].keys()].sort());
      const counts = [...page.querySelectorAll('.letter-group li .count')].map((count) => Number(count.textContent));
      expect(
        counts.every((count) => count > 0),
        kind,
      ).toBe(true);
    }
  });

  it('gives a registered outlet its facts and every label with its source, and each of its articles the outlet and labels beside the source link', async () => {
    const registry = parseOutlets(await readFile(path.join(builtSite().contentDir, '_data/outlets.yaml'), 'utf8'), 'outlets.yaml');
    if (!registry.ok) throw new Error('the fixture outlets registry does not parse');
    const sputnik = registry.registry.byName('Sputnik International')!;
    const labels = sputnik.labels!;
    expect(labels.length).toBeGreaterThan(0);
    const url = '/outlets/sputnik-international/';
    const page = await readPage(outDir, url);
    expect(page.querySelector('h1')?.textContent).toBe('Sputnik International');
    expect(page.querySelector('.outlet-facts')?.textContent).toContain(sputnik.country!);
    const sources = (scope: ParentNode) =>
      [...scope.querySelectorAll('.outlet-labels li')].map((li) => [
        li.querySelector('.outlet-label')?.textContent,
        li.querySelector('a')?.getAttribute('href'),
      ]);
    expect(sources(page)).toEqual(labels.map((label) => [label.label, label.url]));

    const articles = expected.outlets.get('sputnik-international')!;
    expect(articles.length).toBeGreaterThan(1);
    for (const article of articles) {
      const original = (await readPage(outDir, article.url)).querySelector('.original')!;
      expect(linkPaths(original, article.url), article.url).toContain(url);
      expect(sources(original), article.url).toEqual(labels.map((label) => [label.label, label.url]));
      if (article.source?.url) expect(original.querySelector('a')?.getAttribute('href')).toBe(article.source.url);
    }
  });

  it('gives an outlet the registry does not know a page named as its articles name it, with no labels, and lists every outlet on /outlets/', async () => {
    const unknown = expected.articles.find((article) => article.source?.name === 'The Record')!;
    const page = await readPage(outDir, '/outlets/the-record/');
    expect(page.querySelector('h1')?.textContent).toBe('The Record');
    expect(page.querySelector('.outlet-labels')).toBeNull();
    const original = (await readPage(outDir, unknown.url)).querySelector('.original')!;
    expect(linkPaths(original, unknown.url)).toContain('/outlets/the-record/');
    expect(original.querySelector('.outlet-labels')).toBeNull();
    const index = await readPage(outDir, '/outlets/');
    const listed = [...index.querySelectorAll('.letter-group li a')].map((link) => link.getAttribute('href')!.split('/').at(-2));
    expect(listed.sort()).toEqual([...expected.outlets.keys()].sort());
  });

  it('files each article under its outlet for search', async () => {
    for (const article of expected.articles.slice(0, 8)) {
      const filter = (await readPage(outDir, article.url)).querySelector('[data-pagefind-filter="outlet"]');
      expect(filter?.textContent, article.url).toBe(article.source?.name);
    }
  });

  it('cites the archive as a whole on every page of every tag, person, organization, place and outlet, as the data page does', async () => {
    const cite = (document: Document) =>
      document.querySelector('#cite-archive-heading')?.parentElement?.querySelector('.citation')?.textContent;
    const data = cite(await readPage(outDir, '/data/'));
    expect(data).toMatch(/\(Version \d+\.\d+\.\d+\) \[Data set\]/);
    // Every view of every entity's list (its pages, its oldest-first and year views), not the indexes in order of count.
    const entityPages = expectedPageUrls(expected).filter(
      (url) => /^\/(tags|people|organizations|places|outlets)\/[^/]+\//.test(url) && !url.includes('/by-count/'),
    );
    entityPages.push(`/tags/${BUSY_TAG}/2/`);
    const wrong: string[] = [];
    for (const url of entityPages) if (cite(await readPage(outDir, url)) !== data) wrong.push(url);
    expect(wrong).toEqual([]);
  });

  it('shows the newest article on the home page', async () => {
    const newest = [...expected.articles].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(linkPaths(await readPage(outDir, '/'))).toContain(newest.url);
  });

  it('names every article in the sitemap', async () => {
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(byUrl(expected.articles).filter((url) => !locs.includes(url))).toEqual([]);
  });

  it('names in the sitemap only pages that exist', async () => {
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(locs.filter((url) => !hasUrl(outDir, url))).toEqual([]);
  });

  it('points robots.txt at the sitemap', async () => {
    expect(await readFile(path.join(outDir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it('writes the archive feeds as Atom and JSON Feed 1.1 with every article', async () => {
    const atom = await readFile(path.join(outDir, 'feed.xml'), 'utf8');
    expect(atom).toMatch(/<feed[^>]+xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const json = JSON.parse(await readFile(path.join(outDir, 'feed.json'), 'utf8')) as { version: string; items: { url: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.length).toBeGreaterThan(0);
    for (const item of json.items) expect(byUrl(expected.articles)).toContain(new URL(item.url).pathname);
  });

  it('writes a feed per tag holding that tag’s newest article', async () => {
    const articles = expected.groups.tags.get(BUSY_TAG)!;
    const newest = [...articles].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const json = JSON.parse(await readFile(path.join(outDir, 'tags', BUSY_TAG, 'feed.json'), 'utf8')) as { items: { url: string }[] };
    expect(json.items.map((item) => new URL(item.url).pathname)).toContain(newest.url);
  });

  it('fills every tag and person feed, in both formats, with articles of the site', async () => {
    const wrong: string[] = [];
    for (const url of expectedFeedUrls(expected).filter((feed) => feed.endsWith('.json'))) {
      const json = JSON.parse(await readFile(path.join(outDir, url), 'utf8')) as { version: string; items: { url: string }[] };
      const atom = await readFile(path.join(outDir, url.replace(/json$/, 'xml')), 'utf8');
      const entries = atom.match(/<entry>/g)?.length ?? 0;
      const strangers = json.items
        .map((item) => new URL(item.url).pathname)
        .filter((item) => !expected.articles.some((article) => article.url === item));
      if (
        json.version !== 'https://jsonfeed.org/version/1.1' ||
        json.items.length === 0 ||
        entries !== json.items.length ||
        strangers.length
      ) {
        wrong.push(`${url}: ${json.items.length} JSON items, ${entries} Atom entries, not articles: ${strangers.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("leads a link to another article's file to that article's page", async () => {
    const generated = fixtureArticleFiles();
    const [first, linking] = [generated[0]!, generated[FILE_LINKING]!].map(
      (file) => expected.articles.find((article) => article.file === file.path)!,
    );
    expect(linking!.body).toMatch(/\]\(\.\.\/\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md\)/);
    expect(linkPaths((await readPage(outDir, linking!.url)).querySelector('main')!, linking!.url)).toContain(first!.url);
  });

  it('prints scraped markup and template syntax as text, never as code', async () => {
    const hostile = expected.articles.filter((article) => Object.values(HOSTILE_MARKERS).some((marker) => article.body.includes(marker)));
    expect(hostile.length).toBe(2);
    for (const article of hostile) {
      const html = await readFile(path.join(outDir, article.url, 'index.html'), 'utf8');
      const document = await readPage(outDir, article.url);
      for (const script of document.querySelectorAll('script')) expect(script.textContent).not.toContain(HOSTILE_MARKERS.script);
      expect([...document.querySelectorAll('[onerror]')]).toEqual([]);
      if (article.body.includes(HOSTILE_MARKERS.template)) {
        expect(document.querySelector('main')?.textContent ?? html).toContain(HOSTILE_MARKERS.template);
        expect(document.querySelector('main')?.textContent ?? html).toContain(HOSTILE_MARKERS.nunjucks);
      }
    }
  });
});
