/**
 * Incidents and storylines in the built fixture archive: the fixture's
 * articles name incident records (FIXTURE_INCIDENTS) and carry one editor's
 * story key (FIXTURE_STORY); the pages must follow them across outlets.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/article.ts';
import { compareOldestFirst } from '../../../src/collections/order.ts';
import type { ExpectedSite } from '../../support/expected-site.ts';
import { FIXTURE_INCIDENTS, FIXTURE_STORY } from '../../support/fixture-archive.ts';
import { builtAndExpected, linkPaths, readPage } from './site.ts';

let outDir: string;
let expected: ExpectedSite;

beforeAll(async () => {
  ({ outDir, expected } = await builtAndExpected());
});

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const reportsOf = (id: string) => expected.articles.filter((article) => article.incidents.includes(id)).sort(compareOldestFirst);
/** The rows of a page's report timeline: day, outlet (and its page), report link. */
async function timeline(url: string): Promise<{ day: string; outlet: string; outletUrl?: string; href: string }[]> {
  const document = await readPage(outDir, url);
  return [...document.querySelectorAll('table.report-timeline tbody tr')].map((row) => {
    const cells = [...row.querySelectorAll('td')];
    const outletUrl = linkPaths(cells[1]!, url)[0];
    return {
      day: cells[0]!.querySelector('time')!.getAttribute('datetime')!,
      outlet: text(cells[1]),
      ...(outletUrl ? { outletUrl } : {}),
      href: linkPaths(cells[2]!, url)[0]!,
    };
  });
}
/** The rows the reports should make: each outlet named and linked as the report's own page names and links it. */
async function rowsOf(articles: Article[]): Promise<{ day: string; outlet: string; outletUrl?: string; href: string }[]> {
  return Promise.all(
    articles.map(async (a) => {
      const outlet = (await readPage(outDir, a.url)).querySelector('.original a[href*="/outlets/"]');
      const outletUrl = outlet ? linkPaths(outlet.parentElement!, a.url).find((p) => p.startsWith('/outlets/')) : undefined;
      return { day: a.date, outlet: outlet ? text(outlet) : 'unknown', ...(outletUrl ? { outletUrl } : {}), href: a.url };
    }),
  );
}

describe('incidents in the built fixture archive', () => {
  const ids = [...new Set(Object.values(FIXTURE_INCIDENTS).flat())];

  it('lists every incident on /incidents/ under its record system, with its number of reports', async () => {
    const document = await readPage(outDir, '/incidents/');
    expect(
      linkPaths(document.querySelector('main')!, '/incidents/')
        .filter((url) => /^\/incidents\/[^/]+\/[^/]+\/$/.test(url))
        .sort(),
    ).toEqual(ids.map((id) => `/incidents/${id.replace(':', '/')}/`).sort());
    expect(text(document.querySelector('#system-eurepoc'))).toMatch(/European Repository of Cyber Incidents/);
  });

  it('gives each incident a page listing its reports across outlets oldest first, and its record', async () => {
    for (const id of ids) {
      const url = `/incidents/${id.replace(':', '/')}/`;
      expect(await timeline(url), id).toEqual(await rowsOf(reportsOf(id)));
      const record = (await readPage(outDir, url)).querySelector('p.original a')?.getAttribute('href');
      expect(record).toBe(
        id.startsWith('cfr:')
          ? `https://www.cfr.org/cyber-operations/${id.slice(4)}`
          : `https://eurepoc.eu/table-view/?cyber_incident=${id.slice(8)}`,
      );
    }
    expect(new Set(reportsOf('eurepoc:1234').map((a) => a.source?.name)).size).toBe(3);
    // Every report of the fixture has an outlet with a page, so each row links to it.
    expect((await timeline('/incidents/eurepoc/1234/')).every((row) => row.outletUrl?.startsWith('/outlets/'))).toBe(true);
  });

  it('links each article that names an incident to the incident’s page and to the record', async () => {
    for (const article of expected.articles.filter((a) => a.incidents.length)) {
      const document = await readPage(outDir, article.url);
      const links = linkPaths(document.querySelector('.filed-under')!, article.url);
      for (const id of article.incidents) expect(links, article.url).toContain(`/incidents/${id.replace(':', '/')}/`);
      const records = [...document.querySelectorAll('.filed-under a[rel~="nofollow"]')].map((a) => a.getAttribute('href'));
      expect(records).toHaveLength(article.incidents.length);
    }
  });
});

describe('storylines in the built fixture archive', () => {
  const storylineLink = async (article: Article) => {
    const section = (await readPage(outDir, article.url)).querySelector('section.storyline');
    return section ? linkPaths(section, article.url)[0] : undefined;
  };

  it('groups the reports of one incident into one storyline, each naming and linking it', async () => {
    const reports = reportsOf('eurepoc:1234');
    const links = await Promise.all(reports.map(storylineLink));
    expect(new Set(links).size).toBe(1);
    expect(links[0]).toMatch(/^\/storylines\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\/$/);
    const rows = await timeline(links[0]!);
    for (const report of reports) expect(rows.map((row) => row.href)).toContain(report.url);
    expect(rows.map((row) => row.day)).toEqual([...rows.map((row) => row.day)].sort());
  });

  it('groups the editor’s story key under its own address, with who reported what and when', async () => {
    const keyed = expected.articles.filter((article) => article.story === FIXTURE_STORY.key);
    expect(keyed).toHaveLength(FIXTURE_STORY.articles.length);
    const url = `/storylines/${FIXTURE_STORY.key}/`;
    for (const article of keyed) expect(await storylineLink(article)).toBe(url);
    const rows = await timeline(url);
    expect(rows.filter((row) => keyed.some((a) => a.url === row.href))).toEqual(await rowsOf(keyed.sort(compareOldestFirst)));
    expect(text((await readPage(outDir, url)).querySelector('h1'))).toBe(
      expected.articles
        .filter((a) => rows.some((row) => row.href === a.url))
        .sort(compareOldestFirst)[0]!
        .title.replace(/\s+/g, ' '),
    );
  });

  it('lists every storyline on /storylines/, and the export names each article’s', async () => {
    const index = linkPaths((await readPage(outDir, '/storylines/')).querySelector('main')!, '/storylines/').filter(
      (url) => url.startsWith('/storylines/') && url !== '/storylines/',
    );
    expect(index).toContain(`/storylines/${FIXTURE_STORY.key}/`);
    const records = JSON.parse(await readFile(path.join(outDir, 'data', 'articles.json'), 'utf8')) as {
      url: string;
      storyline: string | null;
      incidents: string[];
    }[];
    const named = [...new Set(records.flatMap((r) => (r.storyline ? [`/storylines/${r.storyline}/`] : [])))].sort();
    expect(named).toEqual([...index].sort());
    const byPath = new Map(records.map((r) => [new URL(r.url).pathname, r]));
    for (const article of expected.articles) expect(byPath.get(article.url)?.incidents, article.url).toEqual(article.incidents);
  });
});
