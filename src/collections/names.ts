/**
 * One spelling per name. Tags, people, organizations and places that differ
 * only in case, spacing or Unicode form ("NATO", "nato", "Nato ") fold to one
 * key; the spelling shown is the registry's where one names it, else the most
 * used, ties broken by Unicode order, so output never depends on file order
 * (11ty/eleventy issue 1942 is what happens otherwise).
 */
import { cleanName, foldKey } from '../content/fold.ts';
import type { RegistryEntry } from '../content/registry.ts';

/** Compares strings by Unicode code points: the same order on every machine and locale. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * Counts each cleaned spelling once per article (one list of names per
 * article), grouped by `groupOf`: group → spelling → number of articles.
 */
export function countSpellings(
  usages: Iterable<Iterable<string>>,
  groupOf: (spelling: string) => string,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const names of usages) {
    const seen = new Set<string>();
    for (const raw of names) {
      const spelling = cleanName(raw);
      if (!spelling || seen.has(spelling)) continue;
      seen.add(spelling);
      const group = groupOf(spelling);
      const spellings = counts.get(group) ?? new Map<string, number>();
      spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
      counts.set(group, spellings);
    }
  }
  return counts;
}

/** A resolver from any spelling to its canonical one. */
export interface NameResolver {
  /** The canonical spelling of `name`, or undefined for a blank name. */
  canonical(name: string): string | undefined;
  /** The registry's description of a canonical name, if any. */
  description(canonical: string): string | undefined;
  /** The registry's role for a canonical name, if any. */
  role(canonical: string): string | undefined;
  /** The registry's Wikidata item id for a canonical name, if any. */
  wikidata(canonical: string): string | undefined;
}

/**
 * Builds the resolver for every spelling in `usages` (one array of names per
 * article). A spelling is counted once per article.
 */
export function resolveNames(usages: readonly (readonly string[])[], registry: readonly RegistryEntry[] = []): NameResolver {
  const registered = new Map<string, RegistryEntry>();
  for (const entry of registry) {
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      const key = foldKey(spelling);
      if (key && !registered.has(key)) registered.set(key, entry);
    }
  }
  const groupOf = (name: string): string => {
    const key = foldKey(name);
    const entry = registered.get(key);
    return entry ? foldKey(entry.name) : key;
  };
  const counts = countSpellings(usages, groupOf);
  const chosen = new Map<string, string>();
  for (const [group, spellings] of counts) {
    const entry = registered.get(group);
    if (entry) {
      chosen.set(group, cleanName(entry.name));
      continue;
    }
    const best = [...spellings].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]!;
    chosen.set(group, best[0]);
  }
  // The first entry of a name holds its details, as the first holds its spellings.
  const details = new Map<string, RegistryEntry>();
  for (const entry of registry) {
    const name = cleanName(entry.name);
    if (!details.has(name)) details.set(name, entry);
  }
  return {
    canonical(name) {
      const spelling = cleanName(name);
      if (!spelling) return undefined;
      const group = groupOf(spelling);
      return chosen.get(group) ?? registered.get(group)?.name ?? spelling;
    },
    description: (canonical) => details.get(canonical)?.description,
    role: (canonical) => details.get(canonical)?.role,
    wikidata: (canonical) => details.get(canonical)?.wikidata,
  };
}
