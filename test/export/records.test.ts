import { describe, expect, it } from 'vitest';
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { articleRecords, entityRecords, outletOf, wordCount } from '../../src/export/records.ts';
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
  it("is the source's name, else its URL's host", () => {
    expect(outletOf({ source: { name: 'Reuters', url: 'https://www.reuters.com/x' } })).toBe('Reuters');
    expect(outletOf({ source: { url: 'https://www.reuters.com/x' } })).toBe('reuters.com');
    expect(outletOf({})).toBeNull();
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
      article_count: 2,
    });
    expect(entities.find((e) => e.name === 'Jens Stoltenberg')?.aliases).toEqual(['Stoltenberg']);
    expect(entities.find((e) => e.name === 'United States')?.aliases).toEqual(['USA']);
    expect(entities.map((e) => e.kind)).toEqual(['tags', 'people', 'places']);
  });
});
