import { describe, expect, it } from 'vitest';
import { asRegistry, derivedAliases, rememberedPlaces } from '../../src/collections/aliases.ts';
import type { Article } from '../../src/content/article.ts';
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

  it("takes the gazetteer's answers remembered with the files first, for a new file's spellings too, and asks it for the rest", () => {
    const known = makeArticle({ places: ['Atlantis', ' U.S. '] });
    const added = makeArticle({ places: ['Atlantis', 'Britain', ''] });
    // Answers no gazetteer gives, so the ones taken from the cache show: Atlantis is remembered as a country.
    const remembered = new Map<Article, Record<string, unknown>>([[known, { gazetteerPlaces: ['Lost Continent', 'United States'] }]]);
    const made: string[] = [];
    const derived = <T>(article: Article, name: string, make: () => T): T => {
      const entry = remembered.get(article) ?? {};
      remembered.set(article, entry);
      if (!(name in entry)) {
        made.push(article.places.join('|'));
        entry[name] = make();
      }
      return entry[name] as T;
    };
    // The new file comes first in the archive's order; the remembered one is asked first all the same.
    const lookup = rememberedPlaces([added, known], derived, (article) => article === added);
    expect(made).toEqual(['Atlantis|Britain|']);
    expect(remembered.get(added)).toEqual({ gazetteerPlaces: ['Lost Continent', 'United Kingdom', null] });
    expect(derivedAliases('places', ['Atlantis', 'U.S.', 'Britain', 'USA', 'Prague'], [], lookup)).toEqual([
      { alias: 'Atlantis', name: 'Lost Continent', why: "the gazetteer's name for Atlantis" },
      { alias: 'U.S.', name: 'United States', why: "the gazetteer's name for U.S." },
      { alias: 'Britain', name: 'United Kingdom', why: "the gazetteer's name for Britain" },
      { alias: 'USA', name: 'United States', why: "the gazetteer's name for USA" },
    ]);
  });

  it('gives the folds the gazetteer gives when every answer is made anew', () => {
    const articles = [makeArticle({ places: ['U.S.', 'Prague'] }), makeArticle({ places: ['USA', 'Britain', 'United States'] })];
    const derived = <T>(_article: Article, _name: string, make: () => T): T => make();
    const spellings = articles.flatMap((article) => article.places);
    expect(derivedAliases('places', spellings, [], rememberedPlaces(articles, derived))).toEqual(derivedAliases('places', spellings));
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
