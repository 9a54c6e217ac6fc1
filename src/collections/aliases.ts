/**
 * Spellings the archive folds onto one name though no registry lists them,
 * by rules that hold across the archive:
 * - a place the gazetteer knows by another name: "U.S." and "USA" are the
 *   United States, "Britain" the United Kingdom (countries, regions, states);
 * - a person named by one word that is the surname of exactly one person the
 *   archive names in full: "Trump" is Donald Trump when no other Trump is;
 * - an organisation's acronym that spells the initials of exactly one
 *   organisation the archive names in full: "EU" is the European Union.
 * Registries come first: a spelling they place is never moved by these rules.
 * `archive check` reports each fold with the name it folds into.
 */
import { lookupPlace } from '../content/gazetteer.ts';
import type { EntityKind } from './entities.ts';
import { cleanName, foldKey } from '../content/fold.ts';
import type { RegistryEntry } from '../content/registry.ts';
import type { Article } from '../content/article.ts';

/** One spelling folded onto a name, and why. */
export interface DerivedAlias {
  alias: string;
  name: string;
  why: string;
}

/** Small words left out of an acronym: "State Law and Order Restoration Council" is SLORC. */
const MINOR = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'a', 'an', '&', 'de', 'du', 'des', 'la', 'le']);

/** The gazetteer's name for a place spelling (cleaned), if it knows one: countries, regions and states. */
export type PlaceLookup = (spelling: string) => string | undefined;

const gazetteerName: PlaceLookup = (spelling) => lookupPlace(spelling, { cities: false })?.name;

/**
 * The folds for the names of one kind used across the archive (each spelling
 * once); places looked up by `lookup` (default: the gazetteer, whose tables
 * take about a tenth of a second to load: `rememberedPlaces`).
 */
export function derivedAliases(
  kind: EntityKind,
  spellings: Iterable<string>,
  registry: readonly RegistryEntry[] = [],
  lookup: PlaceLookup = gazetteerName,
): DerivedAlias[] {
  const registered = new Set(registry.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]).map(foldKey));
  const names = [...new Set([...spellings].map(cleanName).filter(Boolean))].filter((name) => !registered.has(foldKey(name)));
  if (kind === 'places') return placeAliases(names, lookup);
  if (kind === 'people') return surnameAliases(names);
  if (kind === 'organizations') return acronymAliases(names);
  return [];
}

/** The derived folds as registry entries, to follow the real registry's. */
export function asRegistry(aliases: readonly DerivedAlias[]): RegistryEntry[] {
  const byName = new Map<string, string[]>();
  for (const { alias, name } of aliases) byName.set(name, [...(byName.get(name) ?? []), alias]);
  return [...byName].map(([name, list]) => ({ name, aliases: list }));
}

function placeAliases(names: string[], lookup: PlaceLookup): DerivedAlias[] {
  const out: DerivedAlias[] = [];
  for (const spelling of names) {
    const name = lookup(spelling);
    if (name !== undefined && foldKey(name) !== foldKey(spelling))
      out.push({ alias: spelling, name, why: `the gazetteer's name for ${spelling}` });
  }
  return out;
}

/**
 * The gazetteer's answers for the place spellings of `articles`, remembered
 * with each article's file by `derived` (the parse cache, src/store/parse-cache.ts:
 * a value made from the file's text alone, for a project whose code and
 * packages, the gazetteer's data among them, are the same). The files the
 * cache already knows are asked first (`changed` says which are not): a new
 * file's spellings are then looked up in their answers, and only a spelling
 * none of them has asks the gazetteer, so a build that adds an article
 * naming known places never loads it. A lookup of a spelling no article has
 * asks the gazetteer too.
 */
export function rememberedPlaces(
  articles: readonly Article[],
  derived: <T>(article: Article, name: string, make: () => T) => T,
  changed: (article: Article) => boolean = () => true,
): PlaceLookup {
  const known = new Map<string, string | null>();
  const answer = (spelling: string): string | null => {
    const remembered = known.get(spelling);
    if (remembered !== undefined) return remembered;
    const name = gazetteerName(spelling) ?? null;
    known.set(spelling, name);
    return name;
  };
  const ask = (article: Article) => {
    const spellings = article.places.map(cleanName);
    const names = derived(article, 'gazetteerPlaces', () => spellings.map((spelling) => (spelling ? answer(spelling) : null)));
    spellings.forEach((spelling, at) => {
      const name = names[at];
      if (spelling && (typeof name === 'string' || name === null)) known.set(spelling, name);
    });
  };
  for (const article of articles) if (!changed(article)) ask(article);
  for (const article of articles) if (changed(article)) ask(article);
  return (spelling) => answer(spelling) ?? undefined;
}

function surnameAliases(names: string[]): DerivedAlias[] {
  const bySurname = new Map<string, Set<string>>();
  for (const name of names) {
    const words = name.split(' ');
    if (words.length < 2) continue;
    const surname = foldKey(words[words.length - 1]!);
    bySurname.set(surname, new Set([...(bySurname.get(surname) ?? []), name]));
  }
  const out: DerivedAlias[] = [];
  for (const name of names) {
    if (name.includes(' ')) continue;
    const full = bySurname.get(foldKey(name));
    if (full?.size === 1) out.push({ alias: name, name: [...full][0]!, why: `the only person named ${name} in the archive` });
  }
  return out;
}

function acronymAliases(names: string[]): DerivedAlias[] {
  const byInitials = new Map<string, Set<string>>();
  for (const name of names) {
    const words = name.split(/\s+/).filter((w) => !MINOR.has(w.toLowerCase()));
    if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) continue;
    const initials = words.map((w) => w[0]!).join('');
    byInitials.set(initials, new Set([...(byInitials.get(initials) ?? []), name]));
  }
  const out: DerivedAlias[] = [];
  for (const name of names) {
    const bare = name.replace(/\./g, '');
    if (!/^\p{Lu}{2,8}$/u.test(bare)) continue;
    const full = byInitials.get(bare);
    if (full?.size === 1) out.push({ alias: name, name: [...full][0]!, why: `the initials of ${[...full][0]}` });
  }
  return out;
}
