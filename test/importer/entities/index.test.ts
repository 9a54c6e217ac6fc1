import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/importer/entities/index.ts';
import { lookupPlace } from '../../../src/content/gazetteer.ts';
import { isEnglishWord } from '../../../src/content/words.ts';
import { placeKey } from '../../../src/content/fold.ts';

const entities = (body: string, people: string[] = [], title?: string) => extractEntities({ body, people, title });

describe('the gazetteer', () => {
  it('knows countries by their other names, US states by their AP abbreviations, cities and regions', () => {
    expect(lookupPlace('U.S.')?.name).toBe('United States');
    expect(lookupPlace('Britain')?.name).toBe('United Kingdom');
    expect(lookupPlace('Burma')?.name).toBe('Myanmar');
    expect(lookupPlace('Fla.')).toMatchObject({ name: 'Florida', abbreviation: true });
    expect(lookupPlace('PRAGUE')?.kind).toBe('city');
    expect(lookupPlace('Latin America')?.kind).toBe('region');
    expect(lookupPlace('Diyarbakir')).toBeDefined();
  });

  it('folds case, accents, dots and hyphens', () => {
    expect(placeKey('AL-AIN')).toBe(placeKey('Al Ain'));
    expect(placeKey('Diyarbakır')).toBe('diyarbakir');
  });
});

describe('English words (the Hunspell dictionary)', () => {
  it('tells words from names', () => {
    expect(isEnglishWord('Split')).toBe(true);
    expect(isEnglishWord('police')).toBe(true);
    expect(isEnglishWord('Prague')).toBe(false);
    expect(isEnglishWord('NATO')).toBe(false);
  });
});

describe('places in the text', () => {
  it('finds countries, cities and regions, each once, spelt as the text spells them', () => {
    const found = entities('Poland said on Friday that talks in Warsaw with the U.S. and the European Union went well. Poland agreed.');
    expect(found.places).toEqual(['Poland', 'Warsaw', 'U.S.']);
  });

  it('needs a place-like context for a city whose name is an English word or a month', () => {
    expect(entities('Split the bill, he said, in March 1982.').places).toEqual([]);
    expect(entities('The match was played in Split on Sunday.').places).toEqual(['Split']);
  });

  it('reads a US state abbreviation only after a city and a comma', () => {
    expect(entities('He lives in Hartford, Conn., with his family.').places).toEqual(['Hartford', 'Conn.']);
    expect(entities('Miss. Smith arrived.').places).toEqual([]);
  });

  it('leaves out places that are part of a person or an organisation', () => {
    const found = entities('The Bank of England and George Washington were mentioned.', ['George Washington']);
    expect(found.places).toEqual([]);
    expect(found.organizations).toEqual(['Bank of England']);
  });
});

describe('organisations in the text', () => {
  it('knows bodies by their head nouns, with an of-tail, and stops at "and"', () => {
    const found = entities(
      'The Canadian Wheat Board, the Information Technology Association of America and the European Union and Poland met the Movement for a Democratic Slovakia.',
    );
    expect(found.organizations).toEqual([
      'Canadian Wheat Board',
      'Information Technology Association of America',
      'European Union',
      'Movement for a Democratic Slovakia',
    ]);
  });

  it('takes acronyms a body defines, and acronyms that are neither words, places nor units', () => {
    const found = entities('The Kurdistan Workers Party (PKK) said the FBI and the USDA met at 10 GMT. NOTE: the PKK denied it.');
    expect(found.organizations).toEqual(['Kurdistan Workers Party', 'PKK', 'FBI', 'USDA']);
  });

  it('knows news agencies, newspapers and companies by the words around them', () => {
    const found = entities(
      'The official TASR news agency said, and the daily Mlada Fronta Dnes agreed, that medical equipment group Radiometer had told Reuters.',
    );
    expect(found.organizations).toEqual(['TASR', 'Mlada Fronta Dnes', 'Radiometer', 'Reuters']);
  });

  it('takes a name in apposition to a bank away from the people', () => {
    const found = entities('Tallinna Pank, one of the largest banks in Estonia, made a profit.', ['Tallinna Pank']);
    expect(found.notPeople).toEqual(['Tallinna Pank']);
    expect(found.organizations).toEqual(['Tallinna Pank']);
    expect(found.places).toEqual(['Estonia']);
  });

  it('keeps only the longest of two names for one body', () => {
    expect(entities('The Rubber Board of India said the Rubber Board would act.').organizations).toEqual(['Rubber Board of India']);
  });
});
