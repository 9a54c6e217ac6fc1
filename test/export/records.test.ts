import { describe, expect, it } from 'vitest';
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { articleRecords, entityRecords, wordCount } from '../../src/export/records.ts';
import { createOutletRegistry } from '../../src/content/outlets.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeArticle } from '../support/make-article.ts';

const settings = { ...DEFAULT_SETTINGS, baseUrl: 'https://archive.test', pathPrefix: '/p/' };

describe('word count', () => {
  it('counts words, not link targets, markup or punctuation', () => {
    expect(wordCount('NATO’s chief said the U.S. would co-operate.')).toBe(7);
    expect(wordCount('See [the report](https://example.com/a-b-c-d) <https://x.test/y> now.')).toBe(4);
    expect(wordCount('# Heading\n\n- one\n- two, 2019')).toBe(4);
    expect(wordCount('')).toBe(0);
    expect(wordCount('𝐀𝐁 then—dash, a- b, -x, x.')).toBe(7);
  });
});

describe('the outlet', () => {
  const outlets = createOutletRegistry([
    {
      name: 'Sputnik International',
      aliases: ['Sputnik'],
      domains: ['sputniknews.com'],
      country: 'Russia',
      labels: [{ label: 'state-controlled media', by: 'A Council', url: 'https://council.example/act' }],
    },
  ]);
  const articles = [
    makeArticle({ title: 'A', date: '2019-01-01', source: { name: 'SNA', url: 'https://de.sputniknews.com/a' } }),
    makeArticle({ title: 'B', date: '2019-01-02', source: { name: 'Sputnik' } }),
    makeArticle({ title: 'C', date: '2019-01-03', source: { name: 'Reuters', url: 'https://www.reuters.com/x' } }),
    makeArticle({ title: 'D', date: '2019-01-04', source: { url: 'https://www.reuters.com/y' } }),
    makeArticle({ title: 'E', date: '2019-01-05' }),
  ];
  const grouped = archiveIndexes(articles, {}, outlets);

  it("is the registry's outlet by domain or name, else the source's name, else its URL's host", () => {
    expect(articleRecords(articles, grouped.indexes, settings).map((r) => r.outlet)).toEqual([
      'Sputnik International',
      'Sputnik International',
      'Reuters',
      'reuters.com',
      null,
    ]);
  });

  it('is a name of entities.json, with the registry’s country and sourced labels', () => {
    const records = entityRecords(articles, grouped.indexes, grouped.registries, settings, grouped.outlets).filter(
      (e) => e.kind === 'outlets',
    );
    expect(records.map((e) => [e.name, e.article_count])).toEqual([
      ['Reuters', 1],
      ['reuters.com', 1],
      ['Sputnik International', 2],
    ]);
    expect(records[2]).toMatchObject({
      url: 'https://archive.test/p/outlets/sputnik-international/',
      aliases: ['Sputnik'],
      country: 'Russia',
      labels: ['state-controlled media (A Council: https://council.example/act)'],
    });
  });
});

describe('article records', () => {
  const older = makeArticle({
    title: 'Older',
    date: '2018-01-02',
    tags: ['nato', 'NATO '],
    people: ['Stoltenberg', 'Jens Stoltenberg'],
    authors: ['Ann Writer'],
    summary: 'A summary.',
    source: { name: 'Reuters', url: 'https://www.reuters.com/older' },
    body: 'Three words here.',
  });
  const newer = makeArticle({ title: 'Newer', date: '2019-03-04', tags: ['NATO'], places: ['USA'] });
  const { indexes, registries } = archiveIndexes([newer, older], { people: [{ name: 'Jens Stoltenberg', aliases: ['Stoltenberg'] }] });
  const records = articleRecords([newer, older], indexes, settings);

  it('are oldest first, with absolute URLs and every field', () => {
    expect(records.map((r) => r.title)).toEqual(['Older', 'Newer']);
    expect(records[0]).toEqual({
      url: `https://archive.test/p${older.url}`,
      title: 'Older',
      date: '2018-01-02',
      outlet: 'Reuters',
      authors: ['Ann Writer'],
      tags: ['NATO'],
      people: ['Jens Stoltenberg'],
      organizations: [],
      places: [],
      incidents: [],
      storyline: null,
      source_url: 'https://www.reuters.com/older',
      word_count: 3,
      summary: 'A summary.',
    });
  });

  it('name things as the site does: one spelling, folds applied', () => {
    expect(records[1]!.places).toEqual(['United States']);
    expect(records[1]!.outlet).toBeNull();
  });

  it('list every name with its other spellings and its article count', () => {
    const entities = entityRecords([newer, older], indexes, registries, settings);
    expect(entities.find((e) => e.kind === 'tags' && e.name === 'NATO')).toEqual({
      kind: 'tags',
      name: 'NATO',
      url: 'https://archive.test/p/tags/nato/',
      aliases: ['nato'],
      description: null,
      role: null,
      wikidata: null,
      country: null,
      labels: [],
      article_count: 2,
    });
    expect(entities.find((e) => e.name === 'Jens Stoltenberg')?.aliases).toEqual(['Stoltenberg']);
    expect(entities.find((e) => e.name === 'United States')?.aliases).toEqual(['USA']);
    expect(entities.map((e) => e.kind)).toEqual(['tags', 'people', 'places', 'outlets']);
  });
});
