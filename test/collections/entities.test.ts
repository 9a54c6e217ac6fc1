import { describe, expect, it } from 'vitest';
import { entityLinks, groupEntities, mostUsed } from '../../src/collections/entities.ts';
import { makeArticle } from '../support/make-article.ts';

describe('entities', () => {
  it('makes one tag with one page for spellings that differ in case and spacing', () => {
    const articles = [
      makeArticle({ tags: ['NATO'] }),
      makeArticle({ tags: ['nato'] }),
      makeArticle({ tags: ['Nato '] }),
      makeArticle({ tags: ['NATO'] }),
    ];
    const index = groupEntities(articles, 'tags');
    expect(index.entities.map((e) => [e.name, e.url, e.count])).toEqual([['NATO', '/tags/nato/', 4]]);
  });

  it('lists an entity’s articles newest first and counts them per year', () => {
    const articles = [
      makeArticle({ title: 'Old', date: '2017-03-01', people: ['Jens Stoltenberg'] }),
      makeArticle({ title: 'New', date: '2019-05-23', people: ['Jens Stoltenberg'] }),
      makeArticle({ title: 'Middle', date: '2019-01-02', people: ['jens stoltenberg'] }),
    ];
    const person = groupEntities(articles, 'people').entities[0]!;
    expect(person.articles.map((a) => a.title)).toEqual(['New', 'Middle', 'Old']);
    expect(person.years).toEqual([
      { year: 2017, count: 1 },
      { year: 2019, count: 2 },
    ]);
  });

  it('gives names whose slugs collide different URLs, in name order', () => {
    const index = groupEntities([makeArticle({ places: ['U.S.'] }), makeArticle({ places: ['US'] })], 'places');
    expect(index.entities.map((e) => [e.name, e.url])).toEqual([
      ['U.S.', '/places/u-s/'],
      ['US', '/places/us/'],
    ]);
    const clash = groupEntities([makeArticle({ tags: ['C++'] }), makeArticle({ tags: ['C'] })], 'tags');
    expect(clash.entities.map((e) => e.url)).toEqual(['/tags/c/', '/tags/c-2/']);
  });

  it('finds the entity of any spelling and links each once', () => {
    const article = makeArticle({ organizations: ['NATO', 'nato', 'EU'] });
    const index = groupEntities([article], 'organizations');
    expect(entityLinks(index, article.organizations)).toEqual([
      { name: 'NATO', url: '/organizations/nato/' },
      { name: 'EU', url: '/organizations/eu/' },
    ]);
  });

  it('ranks the most used first, ties by name', () => {
    const index = groupEntities([makeArticle({ tags: ['b', 'a'] }), makeArticle({ tags: ['c', 'a'] })], 'tags');
    expect(mostUsed(index, 3).map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });
});
