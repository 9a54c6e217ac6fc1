/** The data export in the built fixture site: the files under /data/, the page that explains them, and the footer link to it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { TAXONOMIES, type ExpectedSite } from '../../support/expected-site.ts';
import { FIXTURE_RELEASES } from '../../support/fixture-archive.ts';
import { builtAndExpected, linkPaths, readPage } from './site.ts';

let outDir: string;
let expected: ExpectedSite;

beforeAll(async () => {
  ({ outDir, expected } = await builtAndExpected());
});

const read = (file: string) => readFile(path.join(outDir, 'data', file), 'utf8');

describe('the data export of the built site', () => {
  it('holds one CSV row and one JSON record per article, the same articles as the site', async () => {
    const rows = parse(await read('articles.csv'), { columns: true }) as Record<string, string>[];
    const records = JSON.parse(await read('articles.json')) as { url: string }[];
    const urls = expected.articles.map((article) => article.url).sort();
    expect(rows.map((row) => new URL(row.url!).pathname).sort()).toEqual(urls);
    expect(records.map((record) => new URL(record.url).pathname).sort()).toEqual(urls);
  });

  it('lists every tag, person, organization, place and outlet with its page', async () => {
    const entities = JSON.parse(await read('entities.json')) as { kind: string; url: string; article_count: number }[];
    for (const kind of [...TAXONOMIES, 'outlets'] as const) {
      const pages = entities.filter((entity) => entity.kind === kind).map((entity) => new URL(entity.url).pathname);
      const slugs = kind === 'outlets' ? expected.outlets.keys() : expected.groups[kind].keys();
      expect(pages.sort(), kind).toEqual([...slugs].map((slug) => `/${kind}/${slug}/`).sort());
    }
  });

  it('names each article’s outlet in the CSV, with the outlets registry’s labels in entities.json', async () => {
    const rows = parse(await read('articles.csv'), { columns: true }) as Record<string, string>[];
    const byUrl = new Map(rows.map((row) => [new URL(row.url!).pathname, row.outlet]));
    for (const article of expected.articles) expect(byUrl.get(article.url), article.url).toBe(article.source?.name ?? '');
    const entities = JSON.parse(await read('entities.json')) as { kind: string; name: string; labels: string[] }[];
    const sputnik = entities.find((entity) => entity.kind === 'outlets' && entity.name === 'Sputnik International');
    expect(sputnik?.labels.length).toBeGreaterThan(0);
    for (const label of sputnik!.labels) expect(label).toMatch(/^.+ \(.+: https:\/\/\S+\)$/);
  });

  it('describes the files in a data package whose paths all exist', async () => {
    const pkg = JSON.parse(await read('datapackage.json')) as { version: string; created: string; resources: { path: string }[] };
    const newest = expected.articles
      .map((article) => article.date)
      .sort()
      .at(-1);
    expect(pkg.created).toBe(`${newest}T00:00:00Z`);
    for (const resource of pkg.resources) await expect(read(resource.path)).resolves.toBeTruthy();
  });

  it('explains the files on /data/ and links to each', async () => {
    const page = await readPage(outDir, '/data/');
    expect(page.querySelector('h1')?.textContent).toBe('The archive as data');
    const links = linkPaths(page.querySelector('main')!, '/data/');
    for (const file of ['articles.csv', 'articles.json', 'entities.json', 'datapackage.json']) expect(links).toContain(`/data/${file}`);
    expect(page.querySelectorAll('.data-fields tbody tr').length).toBeGreaterThanOrEqual(14);
    expect(page.querySelector('a[rel="license"]')?.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('is linked from the footer of every page', async () => {
    for (const url of ['/', expected.articles[0]!.url, '/tags/', '/search/']) {
      const footer = (await readPage(outDir, url)).querySelector('.site-footer')!;
      expect(linkPaths(footer, url), url).toContain('/data/');
    }
  });

  it('says the site is the newest release, cites that version and lists every release', async () => {
    const page = await readPage(outDir, '/data/');
    const { newer, older } = FIXTURE_RELEASES;
    expect(page.querySelector('#releases-heading')!.parentElement!.textContent).toContain(
      `This site is release ${newer.version} of 1 July 2025`,
    );
    expect(page.querySelector('#cite-archive-heading')?.textContent).toBe('Cite this version');
    expect(page.querySelector('.cite .citation')?.textContent).toContain(`(Version ${newer.version}) [Data set]. (2025).`);
    const rows = [...page.querySelectorAll('.releases tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      [newer.version, '1 July 2025', String(expected.articles.length), '1', '1', '1'],
      [older.version, '2 June 2025', String(expected.articles.length), 'the first release'],
    ]);
    expect(linkPaths(page.querySelector('.releases')!, '/data/')).toEqual([
      `/data/releases/${newer.version}/`,
      `/data/releases/${older.version}/`,
    ]);
    const pkg = JSON.parse(await read('datapackage.json')) as { version: string };
    expect(pkg.version).toBe(newer.version);
  });

  it('shows each release its changelog: the added and changed articles linked, the removed one as text', async () => {
    const page = await readPage(outDir, `/data/releases/${FIXTURE_RELEASES.newer.version}/`);
    const newest = [...expected.articles].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1)!;
    expect(page.querySelector('h1')?.textContent).toBe(`Release ${FIXTURE_RELEASES.newer.version}`);
    expect(linkPaths(page.querySelector('.changelog-added')!, '/data/releases/1.1.0/')).toEqual([newest.url]);
    expect(page.querySelector('.changelog-changed li')?.textContent).toMatch(/\(text\)$/);
    const removed = page.querySelector('.changelog-removed li')!;
    expect(removed.textContent).toContain(FIXTURE_RELEASES.removed[2]);
    expect(removed.querySelector('a, b')).toBeNull();
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('/data/releases/1.1.0/</loc>');
  });
});
