import { describe, expect, it } from 'vitest';
import { asRegistry, derivedAliases } from '../../src/collections/aliases.ts';
import { groupEntities } from '../../src/collections/entities.ts';
import { makeArticle } from '../support/make-article.ts';

describe('folds the archive itself shows', () => {
  it("files places under the gazetteer's name for them, cities as written", () => {
    expect(derivedAliases('places', ['U.S.', 'USA', 'Britain', 'United States', 'Prague'])).toEqual([
      { alias: 'U.S.', name: 'United States', why: "the gazetteer's name for U.S." },
      { alias: 'USA', name: 'United States', why: "the gazetteer's name for USA" },
      { alias: 'Britain', name: 'United Kingdom', why: "the gazetteer's name for Britain" },
    ]);
  });

  it('files a surname alone under the one person of that surname, and not when there are two', () => {
    expect(derivedAliases('people', ['Trump', 'Donald Trump', 'Havel', 'Vaclav Havel', 'Olga Havel'])).toEqual([
      { alias: 'Trump', name: 'Donald Trump', why: 'the only person named Trump in the archive' },
    ]);
  });

  it('files an acronym under the one organisation it spells', () => {
    expect(
      derivedAliases('organizations', ['EU', 'European Union', 'SLORC', 'State Law and Order Restoration Council', 'PKK']).map((a) => [
        a.alias,
        a.name,
      ]),
    ).toEqual([
      ['EU', 'European Union'],
      ['SLORC', 'State Law and Order Restoration Council'],
    ]);
  });

  it('never moves a spelling a registry places', () => {
    expect(derivedAliases('people', ['Trump', 'Donald Trump'], [{ name: 'Ivana Trump', aliases: ['Trump'] }])).toEqual([]);
  });

  it('gives the folded names one entity page', () => {
    const articles = [makeArticle({ places: ['U.S.'] }), makeArticle({ places: ['United States'] }), makeArticle({ places: ['USA'] })];
    const index = groupEntities(
      articles,
      'places',
      asRegistry(
        derivedAliases(
          'places',
          articles.flatMap((a) => a.places),
        ),
      ),
    );
    expect(index.entities.map((e) => [e.name, e.count])).toEqual([['United States', 3]]);
  });
});
