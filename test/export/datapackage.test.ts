import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { ARCHIVE_VERSION, archiveExport, exportFiles, formatArticles } from '../../src/export/index.ts';
import { ARTICLE_COLUMNS } from '../../src/export/records.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeArticle } from '../support/make-article.ts';

const articles = [makeArticle({ date: '2017-02-03', tags: ['NATO'] }), makeArticle({ date: '2019-12-31', people: ['Jen Easterly'] })];
const { indexes, registries } = archiveIndexes(articles, {});
const exported = archiveExport(articles, indexes, registries, DEFAULT_SETTINGS);
const pkg = exported.package as {
  version: string;
  created: string;
  homepage: string;
  licenses: { name: string; path: string; title: string }[];
  resources: { name: string; path: string; format: string; mediatype: string; schema: { fields: { name: string; type: string }[] } }[];
};

describe('the data package', () => {
  it("states the archive's version and, as its creation date, the newest article's day (never the clock)", () => {
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(ARCHIVE_VERSION).toBe(version);
    expect(pkg.version).toBe(version);
    expect(pkg.created).toBe('2019-12-31T00:00:00Z');
    expect(pkg.homepage).toBe('https://example.org/data/');
  });

  it('names a licence with its title and the URL of its text', () => {
    expect(pkg.licenses).toEqual([DEFAULT_SETTINGS.dataLicense]);
    expect(pkg.licenses[0]!.path).toMatch(/^https:\/\//);
  });

  it('describes each file with its path, format, media type and a schema field per column', () => {
    expect(pkg.resources.map((r) => [r.name, r.path, r.format, r.mediatype])).toEqual([
      ['articles', 'articles.csv', 'csv', 'text/csv'],
      ['articles-json', 'articles.json', 'json', 'application/json'],
      ['entities', 'entities.json', 'json', 'application/json'],
    ]);
    const [header] = parse(formatArticles(exported.articles, 'csv'), { to: 1 }) as string[][];
    expect(pkg.resources[0]!.schema.fields.map((f) => f.name)).toEqual(header);
    expect(pkg.resources[1]!.schema.fields.map((f) => f.name)).toEqual(Object.keys(exported.articles[0]!));
    expect(pkg.resources[2]!.schema.fields.map((f) => f.name)).toEqual(Object.keys(exported.entities[0]!));
    const types = Object.fromEntries(pkg.resources[1]!.schema.fields.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ date: 'date', word_count: 'integer', tags: 'array', title: 'string' });
    expect(pkg.resources[0]!.schema.fields.find((f) => f.name === 'tags')!.type).toBe('string');
    for (const field of ARTICLE_COLUMNS) expect(['string', 'date', 'integer']).toContain(field.type);
    // Names Frictionless allows: lower case, digits and . _ - /
    for (const resource of pkg.resources) expect(resource.name).toMatch(/^[-a-z0-9._/]+$/);
  });

  it('gives the same bytes for the same content', () => {
    const again = archiveExport([...articles].reverse(), indexes, registries, DEFAULT_SETTINGS);
    const render = (files: ReturnType<typeof exportFiles>) => files.map((file) => [file.url, file.render()]);
    expect(render(exportFiles(() => again))).toEqual(render(exportFiles(() => exported)));
  });
});
