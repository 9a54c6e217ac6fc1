import { describe, expect, it } from 'vitest';
import { groupEntities } from '../../src/collections/entities.ts';
import { loadRegistries } from '../../src/store/registries.ts';
import { makeArticle } from '../support/make-article.ts';

const registry = [...loadRegistries('content').registries.organizations!.registry.entries];

describe('the bundled organizations registry', () => {
  it('folds "Fancy Bear" and "Sofacy" into one APT28 page, described', () => {
    const articles = [
      makeArticle({ title: 'One', date: '2018-10-04', organizations: ['Fancy Bear'] }),
      makeArticle({ title: 'Two', date: '2016-06-14', organizations: ['sofacy'] }),
      makeArticle({ title: 'Three', date: '2019-02-20', organizations: ['APT28', 'NATO'] }),
    ];
    const index = groupEntities(articles, 'organizations', registry);
    expect(index.entities.map((entity) => [entity.name, entity.count, entity.url])).toEqual([
      ['APT28', 3, '/organizations/apt28/'],
      ['NATO', 1, '/organizations/nato/'],
    ]);
    expect(index.get('Fancy Bear')?.description).toMatch(/GRU/);
  });
});
