import { describe, expect, it } from 'vitest';
import { entityLinks, groupEntities, type Entity, type EntityIndex } from '../../src/collections/entities.ts';
import type { Article } from '../../src/content/article.ts';
import { NamedWithCounter, type NamedWith } from '../../src/collections/named-with.ts';
import { makeArticle } from '../support/make-article.ts';

/** A counter of the names of `index` named with the entities of `own`, numbered as the archive numbers them, and each article's names as numbers. */
function counting(own: EntityIndex, index: EntityIndex) {
  const numbering = { names: [] as string[], urls: [] as string[] };
  const numberOf = new Map<string, number>();
  for (const entity of new Set([...own.entities, ...index.entities])) {
    numberOf.set(entity.url, numbering.names.length);
    numbering.names.push(entity.name);
    numbering.urls.push(entity.url);
  }
  const numbers = (article: Article) => [entityLinks(index, index.names(article)).map((link) => numberOf.get(link.url)!)];
  return { counter: new NamedWithCounter(numbering, 1), numberOf, numbers };
}

/** The names of `index`'s kind named with `entity` (one of `own`'s): `each` for that one kind. */
function namedWith(entity: Entity, own: EntityIndex, index: EntityIndex, limit = 8): NamedWith[] {
  const { counter, numberOf, numbers } = counting(own, index);
  return counter.named(counter.each(numberOf.get(entity.url)!, entity.articles.map(numbers), limit)[0]!);
}

/** More first, then by the names' UTF-16 code units: the order pages list them in. */
const byCountThenName = (a: { name: string; count: number }, b: { name: string; count: number }) =>
  b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

describe('NamedWithCounter', () => {
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
    expect(namedWith(stoltenberg, people, people).map(({ name, count }) => [name, count])).toEqual([
      ['Jeremy Hunt', 2],
      ['Sergei Skripal', 1],
    ]);
    expect(namedWith(stoltenberg, people, organizations).map(({ name, count }) => [name, count])).toEqual([
      ['NATO', 2],
      ['EU', 1],
    ]);
  });

  it('breaks ties by name and never lists the entity itself', () => {
    const skripal = people.get('Sergei Skripal')!;
    expect(namedWith(skripal, people, people).map((n) => n.name)).toEqual(['Jens Stoltenberg', 'Jeremy Hunt']);
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
      const sorted = [...counts].map(([name, count]) => ({ name, url: index.get(name)!.url, count })).sort(byCountThenName);
      for (const limit of [0, 1, 3, 8, 1_000]) expect(namedWith(entity, index, index, limit)).toEqual(sorted.slice(0, limit));
    }
    expect(index.entities.length).toBeGreaterThan(30);

    // An article's names named with its own: each of its names' lists (of 8) added up, its own left out, the first 5.
    const { counter, numberOf, numbers } = counting(index, index);
    const lists = new Map(
      index.entities.map((entity) => [entity.url, counter.each(numberOf.get(entity.url)!, entity.articles.map(numbers), 8)]),
    );
    let listed = 0;
    for (const article of many) {
      const own = entityLinks(index, index.names(article));
      const counts = new Map<string, number>();
      for (const link of own)
        for (const named of counter.named(lists.get(link.url)![0]!)) counts.set(named.name, (counts.get(named.name) ?? 0) + named.count);
      for (const link of own) counts.delete(link.name);
      const expected = [...counts]
        .map(([name, count]) => ({ name, count }))
        .sort(byCountThenName)
        .slice(0, 5)
        .map(({ name }) => ({ name, url: index.get(name)!.url }));
      const ownNumbers = own.map((link) => numberOf.get(link.url)!);
      expect(counter.all(ownNumbers, (id) => lists.get(counter.link(id).url)!, 0, ownNumbers, 5)).toEqual(expected);
      listed += expected.length;
    }
    expect(listed).toBeGreaterThan(1_000);
  });
});
