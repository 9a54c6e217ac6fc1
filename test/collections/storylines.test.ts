import { describe, expect, it } from 'vitest';
import { storylineIndex, wireStoryGroups } from '../../src/collections/storylines.ts';
import { makeArticle } from '../support/make-article.ts';

/** A body long enough for the near-duplicate rule, the same words every time it is called with one seed. */
const wire = (seed: string) =>
  Array.from(
    { length: 12 },
    (_, i) => `Sentence ${i} of the ${seed} wire story says ministers met in Brussels on cyber defence and agreed on steps.`,
  ).join(' ');

describe('storylineIndex', () => {
  const a = makeArticle({ title: 'First report', date: '2019-05-01', incidents: ['eurepoc:1'], source: { name: 'Reuters' } });
  const b = makeArticle({ title: 'Second report', date: '2019-05-03', incidents: ['eurepoc:1'], source: { name: 'Euractiv' } });
  // c shares no incident with a or b, but is a copy of b's wire story: one storyline of three.
  const bWire = makeArticle({
    title: 'Wire original',
    date: '2019-05-02',
    incidents: ['eurepoc:1'],
    body: wire('alpha'),
    source: { name: 'AP' },
  });
  const c = makeArticle({ title: 'Wire copy', date: '2019-05-04', body: wire('alpha'), source: { name: 'AP' } });
  const keyed1 = makeArticle({ title: 'Keyed one', date: '2018-01-01', story: 'doctrine' });
  const keyed2 = makeArticle({ title: 'Keyed two', date: '2018-02-01', story: 'doctrine' });
  const alone = makeArticle({ title: 'Alone with a key', date: '2018-03-01', story: 'lonely' });
  const single = makeArticle({ title: 'Only report of its incident', date: '2018-04-01', incidents: ['cfr:x'] });
  const articles = [a, b, bWire, c, keyed1, keyed2, alone, single];
  const index = storylineIndex(articles);

  it('joins reports of one incident, one wire story and one editor’s key, closing over all three', () => {
    expect(index.storylines.map((s) => s.reports.map((r) => r.title))).toEqual([
      ['First report', 'Wire original', 'Second report', 'Wire copy'],
      ['Keyed one', 'Keyed two'],
    ]);
    expect(index.storylines[0]!.links).toEqual(['incident', 'same-story']);
    expect(index.storylines[1]!.links).toEqual(['story']);
  });

  it('keys a storyline by its editors’ key, else by its first report’s day and slug', () => {
    expect(index.storylines.map((s) => s.url)).toEqual([`/storylines/2019-05-01-${a.slug}/`, '/storylines/doctrine/']);
  });

  it('keeps the key when a later report joins', () => {
    const later = makeArticle({ title: 'Later report', date: '2019-06-01', incidents: ['eurepoc:1'] });
    expect(storylineIndex([...articles, later]).byArticle.get(later.url)?.key).toBe(index.byArticle.get(a.url)?.key);
  });

  it('makes no storyline of one report, keyed or not', () => {
    expect(index.byArticle.has(alone.url)).toBe(false);
    expect(index.byArticle.has(single.url)).toBe(false);
  });

  it('says who reported, what incidents and over which days', () => {
    expect(index.storylines[0]).toMatchObject({
      title: 'First report',
      outlets: ['Reuters', 'AP', 'Euractiv'],
      incidents: [{ id: 'eurepoc:1', url: '/incidents/eurepoc/1/' }],
      first: '2019-05-01',
      last: '2019-05-04',
    });
  });

  it('takes the key most reports carry when two keyed groups meet, ties to the first in code point order', () => {
    const x = makeArticle({ date: '2017-01-01', story: 'zeta', incidents: ['cfr:m'] });
    const y = makeArticle({ date: '2017-01-02', story: 'alpha', incidents: ['cfr:m'] });
    expect(storylineIndex([x, y]).storylines.map((s) => s.key)).toEqual(['alpha']);
  });

  it('finds the wire stories the near-duplicate rule finds', () => {
    expect(wireStoryGroups(articles)).toEqual([[bWire.url, c.url]]);
  });
});
