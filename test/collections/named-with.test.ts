import { describe, expect, it } from 'vitest';
import { entityLinks, groupEntities, type Entity, type EntityIndex } from '../../src/collections/entities.ts';
import { namedWithEach } from '../../src/collections/named-with.ts';
import { makeArticle } from '../support/make-article.ts';

/** The names of `index`'s kind named with `entity`: namedWithEach for that one kind, each article's links of it made from the index. */
const namedWith = (entity: Entity, index: EntityIndex, limit = 8) =>
  namedWithEach(entity, ['names'], limit, (article) => ({ names: entityLinks(index, index.names(article)) })).names;

describe('namedWithEach', () => {
  const articles = [
    makeArticle({ title: 'A', date: '2019-01-01', people: ['Jens Stoltenberg', 'Jeremy Hunt'], organizations: ['NATO'] }),
    makeArticle({
      title: 'B',
      date: '2019-01-02',
      people: ['Jens Stoltenberg', 'jeremy hunt', 'Sergei Skripal'],
      organizations: ['NATO', 'EU'],
    }),
    makeArticle({ title: 'C', date: '2019-01-03', people: ['Sergei Skripal'], organizations: ['EU'] }),
  ];
  const people = groupEntities(articles, 'people');
  const organizations = groupEntities(articles, 'organizations');

  it('counts the names of the entity’s own articles, most shared first, in one spelling', () => {
    const stoltenberg = people.get('Jens Stoltenberg')!;
    expect(namedWith(stoltenberg, people).map(({ name, count }) => [name, count])).toEqual([
      ['Jeremy Hunt', 2],
      ['Sergei Skripal', 1],
    ]);
    expect(namedWith(stoltenberg, organizations).map(({ name, count }) => [name, count])).toEqual([
      ['NATO', 2],
      ['EU', 1],
    ]);
  });

  it('breaks ties by name and never lists the entity itself', () => {
    const skripal = people.get('Sergei Skripal')!;
    expect(namedWith(skripal, people).map((n) => n.name)).toEqual(['Jens Stoltenberg', 'Jeremy Hunt']);
  });

  it('keeps the same first names as a sort of all of them would, for every limit, on a random archive', () => {
    // A small generator of its own (the same archive every run): 300 articles naming 1 to 6 of 40 people.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647; // Park and Miller's generator: every product stays below 2^53.
      return seed % n;
    };
    const many = Array.from({ length: 300 }, (_, i) =>
      makeArticle({
        title: `Article ${i}`,
        date: `2019-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        people: [...new Set(Array.from({ length: 1 + random(6) }, () => `Given${random(40)} Family`))],
      }),
    );
    const index = groupEntities(many, 'people');
    for (const entity of index.entities) {
      // Counted and sorted here, whole: each other person, by the articles of the entity that name them both.
      const counts = new Map<string, number>();
      for (const article of entity.articles)
        for (const name of new Set(index.names(article).map((spelling) => index.get(spelling)!.name)))
          if (name !== entity.name) counts.set(name, (counts.get(name) ?? 0) + 1);
      const sorted = [...counts]
        .map(([name, count]) => ({ name, url: index.get(name)!.url, count }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const limit of [0, 1, 3, 8, 1_000]) expect(namedWith(entity, index, limit)).toEqual(sorted.slice(0, limit));
    }
    expect(index.entities.length).toBeGreaterThan(30);
  });
});
