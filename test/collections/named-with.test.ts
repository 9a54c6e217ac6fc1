import { describe, expect, it } from 'vitest';
import { groupEntities } from '../../src/collections/entities.ts';
import { namedWith } from '../../src/collections/named-with.ts';
import { makeArticle } from '../support/make-article.ts';

describe('namedWith', () => {
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
});
