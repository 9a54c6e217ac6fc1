import { describe, expect, it } from 'vitest';
import { buildArchiveData, ENTITY_FEED_SIZE, planBatches } from '../../src/archive/archive-data.ts';
import { parseRegistry } from '../../src/content/registry.ts';
import { formatIssue } from '../../src/content/schema.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeArticle } from '../support/make-article.ts';

const articles = [
  makeArticle({
    title: 'First',
    date: '2018-03-04',
    tags: ['NATO', 'sanctions'],
    people: ['Jens Stoltenberg'],
    places: ['United Kingdom'],
  }),
  makeArticle({ title: 'Second', date: '2019-05-23', tags: ['nato'], people: ['Stoltenberg'], organizations: ['European Union'] }),
  makeArticle({ title: 'Third', date: '2019-06-01', tags: ['sanctions'], body: '# Heading\n\nText with [a link](/tags/nato/).' }),
];
const registries = { people: [{ name: 'Jens Stoltenberg', aliases: ['Stoltenberg'] }] };
const data = await buildArchiveData(
  { articles, drafts: 1, registries, settings: { ...DEFAULT_SETTINGS, pathPrefix: '/archive/' } },
  (body) => `<p>${body.length}</p>`,
);

describe('the archive data', () => {
  it('has one page per article, newest first, with its neighbours', () => {
    expect(data.articles.map((p) => p.article.title)).toEqual(['Third', 'Second', 'First']);
    const second = data.articles[1]!;
    expect([second.previous?.title, second.next?.title]).toEqual(['First', 'Third']);
  });

  it('links each article to the one page of each of its names', () => {
    const second = data.articles[1]!;
    expect(second.links.tags).toEqual([{ name: 'NATO', url: '/tags/nato/' }]);
    expect(second.links.people).toEqual([{ name: 'Jens Stoltenberg', url: '/people/jens-stoltenberg/' }]);
  });

  it('gives the canonical URL with base URL and path prefix', () => {
    expect(data.articles[0]!.canonical).toBe(`https://example.org/archive${articles[2]!.url}`);
  });

  it('lists every HTML page once, and the sitemap names each', () => {
    expect(new Set(data.pageUrls).size).toBe(data.pageUrls.length);
    expect(data.pageUrls).toEqual(
      expect.arrayContaining([
        '/',
        '/tags/',
        '/tags/nato/',
        '/people/jens-stoltenberg/',
        '/organizations/european-union/',
        '/places/united-kingdom/',
        '/timeline/',
        '/timeline/2018/',
        '/search/',
      ]),
    );
    const sitemap = data.files.find((f) => f.url === '/sitemap.xml')!.render();
    for (const url of data.pageUrls) expect(sitemap).toContain(`<loc>https://example.org/archive${url}</loc>`);
  });

  it('writes Atom and JSON feeds for the archive, and for a tag or person only from site.entityFeedMin articles (5 unless set)', async () => {
    const feedsOf = (built: typeof data) =>
      built.files
        .map((f) => f.url)
        .filter((url) => /feed\.(xml|json)$/.test(url))
        .sort();
    expect(feedsOf(data)).toEqual(['/feed.json', '/feed.xml']);
    expect(data.entityPages.every((page) => page.feeds === undefined)).toBe(true);
    const two = await buildArchiveData(
      { articles, drafts: 0, registries, settings: { ...DEFAULT_SETTINGS, entityFeedMin: 2 } },
      (body) => `<p>${body.length}</p>`,
    );
    // Places and organizations never have feeds; NATO, sanctions and Jens Stoltenberg have two articles each.
    expect(feedsOf(two)).toEqual(
      ['/', '/people/jens-stoltenberg/', '/tags/nato/', '/tags/sanctions/']
        .flatMap((base) => [`${base}feed.json`, `${base}feed.xml`])
        .sort(),
    );
    expect(two.entityPages.find((page) => page.url === '/tags/nato/')?.feeds).toEqual({
      atom: '/tags/nato/feed.xml',
      json: '/tags/nato/feed.json',
    });
  });

  it('caps a tag’s feed at its newest 50 articles', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      makeArticle({
        title: `Story ${i}`,
        date: `2019-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        tags: ['NATO'],
      }),
    );
    const built = await buildArchiveData({ articles: many, drafts: 0, registries: {}, settings: DEFAULT_SETTINGS }, () => '<p></p>');
    const feed = JSON.parse(built.files.find((f) => f.url === '/tags/nato/feed.json')!.render()) as { items: { title: string }[] };
    expect(feed.items).toHaveLength(ENTITY_FEED_SIZE);
    expect(ENTITY_FEED_SIZE).toBe(50);
    expect(feed.items[0]!.title).toBe('Story 59');
  });

  it('counts articles per year for the chart and keeps the draft count', () => {
    expect(data.home.years).toEqual([
      { year: 2018, count: 1 },
      { year: 2019, count: 2 },
    ]);
    expect(data.drafts).toBe(1);
  });

  it('names on a first entity page the people, organizations, places and tags most often named with it', () => {
    const page = data.entityPages.find((p) => p.url === '/tags/nato/')!;
    expect(page.namedWith?.map((group) => [group.label, group.names.map((n) => n.name)])).toEqual([
      ['People', ['Jens Stoltenberg']],
      ['Organizations', ['European Union']],
      ['Places', ['United Kingdom']],
      ['Tags', ['sanctions']],
    ]);
    expect(page.chart).toContain('<svg');
  });

  it('relates stories through shared names', () => {
    const first = data.articles[2]!;
    expect(first.related.map((r) => [r.article.title, r.reason])).toEqual([
      ['Second', 'shares Jens Stoltenberg, NATO'],
      ['Third', 'shares sanctions'],
    ]);
  });
});

describe('parseRegistry', () => {
  it('reads a YAML list of names with aliases, descriptions and roles', () => {
    const parsed = parseRegistry('- name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n  role: Secretary General of NATO\n', 'people.yaml');
    expect(parsed.ok && parsed.registry.entries).toEqual([
      { name: 'Jens Stoltenberg', aliases: ['Stoltenberg'], role: 'Secretary General of NATO' },
    ]);
  });

  it('names the file and the entry that is wrong', () => {
    const parsed = parseRegistry('- aliases: [x]\n', 'content/_data/tags.yaml');
    expect(parsed.ok ? [] : parsed.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^content\/_data\/tags\.yaml:1: tags\[0\]\.name/),
    ]);
  });
});

describe('planBatches', () => {
  const lists = (articles: number, entityPages: number) =>
    ({ articles: new Array(articles).fill(null), entityPages: new Array(entityPages).fill(null) }) as unknown as Parameters<
      typeof planBatches
    >[0];

  it('writes a small archive in one run that writes everything', () => {
    expect(planBatches(lists(57, 40), 5000)).toEqual([{ articles: [0, 57], entityPages: [0, 40], rest: true }]);
    expect(planBatches(lists(0, 0), 5000)).toEqual([{ articles: [0, 0], entityPages: [0, 0], rest: true }]);
  });

  it('cuts article pages, then entity pages, into runs of at most the given size, every page in exactly one run', () => {
    const batches = planBatches(lists(12, 7), 5);
    expect(batches).toEqual([
      { articles: [0, 5], entityPages: [0, 0], rest: false },
      { articles: [5, 10], entityPages: [0, 0], rest: false },
      { articles: [10, 12], entityPages: [0, 3], rest: false },
      { articles: [12, 12], entityPages: [3, 7], rest: true },
    ]);
  });

  it('makes the first run shorter when asked, so the newest articles are written (and indexed) first', () => {
    expect(planBatches(lists(12, 7), 5, { firstRun: 2 })).toEqual([
      { articles: [0, 2], entityPages: [0, 0], rest: false },
      { articles: [2, 7], entityPages: [0, 0], rest: false },
      { articles: [7, 12], entityPages: [0, 0], rest: false },
      { articles: [12, 12], entityPages: [0, 5], rest: false },
      { articles: [12, 12], entityPages: [5, 7], rest: true },
    ]);
    // Never longer than the others; a small archive is still one run.
    expect(planBatches(lists(12, 7), 5, { firstRun: 9 })).toEqual(planBatches(lists(12, 7), 5));
    expect(planBatches(lists(1, 0), 5000, { firstRun: 2000 })).toEqual([{ articles: [0, 1], entityPages: [0, 0], rest: true }]);
    expect(planBatches(lists(0, 0), 5000, { firstRun: 2000 })).toEqual([{ articles: [0, 0], entityPages: [0, 0], rest: true }]);
  });

  it('gives article pages runs of their own, first, when asked (an incremental build)', () => {
    expect(planBatches(lists(3, 7), 5000, { articlesApart: true })).toEqual([
      { articles: [0, 3], entityPages: [0, 0], rest: false },
      { articles: [3, 3], entityPages: [0, 7], rest: true },
    ]);
    expect(planBatches(lists(0, 2), 5000, { articlesApart: true })).toEqual([{ articles: [0, 0], entityPages: [0, 2], rest: true }]);
    expect(planBatches(lists(12, 7), 5, { articlesApart: true })).toEqual([
      { articles: [0, 5], entityPages: [0, 0], rest: false },
      { articles: [5, 10], entityPages: [0, 0], rest: false },
      { articles: [10, 12], entityPages: [0, 0], rest: false },
      { articles: [12, 12], entityPages: [0, 5], rest: false },
      { articles: [12, 12], entityPages: [5, 7], rest: true },
    ]);
  });
});

describe('incidents and storylines in the archive data', async () => {
  const wire = Array.from(
    { length: 12 },
    (_, i) => `Line ${i} of the agency wire copy says ministers met on cyber defence and agreed on new steps.`,
  ).join(' ');
  const original = makeArticle({
    title: 'Ministers agree steps',
    date: '2019-05-01',
    incidents: ['cfr:grid'],
    body: wire,
    source: { name: 'AP' },
  });
  const copy = makeArticle({
    title: 'Ministers agree on steps',
    date: '2019-05-02',
    body: wire,
    tags: ['NATO'],
    source: { name: 'Euractiv' },
  });
  const later = makeArticle({ title: 'Grid follow-up', date: '2019-06-01', incidents: ['cfr:grid'], source: { name: 'Reuters' } });
  const systems = [{ prefix: 'cfr', name: 'CFR tracker', url: 'https://www.cfr.org/cyber-operations/{id}' }];
  const built = await buildArchiveData(
    { articles: [original, copy, later], drafts: 0, registries: {}, incidentSystems: systems, settings: DEFAULT_SETTINGS },
    (body) => `<p>${body.length}</p>`,
  );
  const page = (article: typeof original) => built.articles.find((p) => p.article === article)!;

  it('links an article page to its incidents’ pages and records', () => {
    expect(page(later).incidents).toEqual([
      { id: 'cfr:grid', url: '/incidents/cfr/grid/', recordUrl: 'https://www.cfr.org/cyber-operations/grid', systemName: 'CFR tracker' },
    ]);
    expect(page(copy).incidents).toEqual([]);
  });

  it('names each article’s storyline, one for the incident and the wire copy together', () => {
    const key = `2019-05-01-${original.slug}`;
    for (const article of [original, copy, later])
      expect(page(article).storyline).toEqual({ key, url: `/storylines/${key}/`, title: 'Ministers agree steps', reports: 3, outlets: 3 });
    expect(built.storylinePages.map((s) => s.url)).toEqual([`/storylines/${key}/`]);
  });

  it('never lists a copy of the same report among related stories', () => {
    expect(page(original).sameStory).toEqual([copy]);
    expect(page(original).related.map((r) => r.article)).not.toContain(copy);
    expect(page(copy).related.map((r) => r.article)).not.toContain(original);
  });

  it('has the incident and storyline pages and their indexes in the sitemap, and the export carries both fields', () => {
    expect(built.pageUrls).toEqual(
      expect.arrayContaining(['/incidents/', '/incidents/cfr/grid/', '/storylines/', built.storylinePages[0]!.url]),
    );
    const records = JSON.parse(built.files.find((f) => f.url === '/data/articles.json')!.render()) as {
      incidents: string[];
      storyline: string;
    }[];
    expect(records.map((r) => [r.incidents, r.storyline])).toEqual([
      [['cfr:grid'], built.storylinePages[0]!.key],
      [[], built.storylinePages[0]!.key],
      [['cfr:grid'], built.storylinePages[0]!.key],
    ]);
  });
});

describe('the keys of raw files', () => {
  const keysOf = async (list: typeof articles, render = (body: string) => `<p>${body.length}</p>`) => {
    const built = await buildArchiveData({ articles: list, drafts: 0, registries, settings: DEFAULT_SETTINGS }, render);
    return new Map(built.files.filter((file) => file.key).map((file) => [file.url, file.key!()]));
  };

  it('give each feed and citation file a key that changes with what it shows, and only then', async () => {
    const before = await keysOf(articles);
    expect([...before.keys()]).toEqual(
      expect.arrayContaining(['/feed.xml', '/feed.json', `${articles[0]!.url}cite.ris`, `${articles[0]!.url}cite.json`]),
    );
    expect(await keysOf(articles)).toEqual(before);
    const retitled = await keysOf([{ ...articles[0]!, title: 'First, retitled' }, articles[1]!, articles[2]!]);
    expect(retitled.get(`${articles[0]!.url}cite.ris`)).not.toBe(before.get(`${articles[0]!.url}cite.ris`));
    expect(retitled.get('/feed.xml')).not.toBe(before.get('/feed.xml'));
    expect(retitled.get(`${articles[1]!.url}cite.ris`)).toBe(before.get(`${articles[1]!.url}cite.ris`));
    // The same articles with other HTML: the feeds, which carry it, change; the citations do not.
    const rendered = await keysOf(articles, (body) => `<p>${body}</p>`);
    expect(rendered.get('/feed.json')).not.toBe(before.get('/feed.json'));
    expect(rendered.get(`${articles[1]!.url}cite.json`)).toBe(before.get(`${articles[1]!.url}cite.json`));
  });
});
