/**
 * Every tag, person, organization, place and outlet of an archive, grouped
 * once: the registries, then the folds the archive itself shows
 * (src/collections/aliases.ts). The build's pages and the data export
 * (src/export/) group with this one function, so they name things alike.
 */
import type { Article } from '../content/article.ts';
import type { RegistryEntry } from '../content/registry.ts';
import { EMPTY_OUTLETS, outletOf, type OutletEntry, type OutletRegistry } from '../content/outlets.ts';
import { asRegistry, derivedAliases, type PlaceLookup } from './aliases.ts';
import { ENTITY_KINDS, groupEntities, groupNames, type EntityIndex, type EntityKind, type PageKind } from './entities.ts';

/** The registries in force (each kind's own, then the derived folds) and the index of each kind. */
export interface ArchiveIndexes {
  registries: Record<PageKind, RegistryEntry[]>;
  indexes: Map<PageKind, EntityIndex>;
  /** The outlets registry's entry of each registered outlet, by the name the site gives it. */
  outlets: Map<string, OutletEntry>;
}

/**
 * Groups `articles` by every kind of name, with `registries` (as read from
 * `content/_data`) first, and by outlet: each article's outlet is the one
 * `outletOf` finds for its source with the `outlets` registry. Places are
 * looked up in the gazetteer by `lookupPlace` when given (`rememberedPlaces`).
 */
export function archiveIndexes(
  articles: readonly Article[],
  registries: Partial<Record<EntityKind, readonly RegistryEntry[]>>,
  outlets: OutletRegistry = EMPTY_OUTLETS,
  lookupPlace?: PlaceLookup,
): ArchiveIndexes {
  const inForce = Object.fromEntries(
    ENTITY_KINDS.map((kind) => {
      const registry = registries[kind] ?? [];
      return [
        kind,
        [
          ...registry,
          ...asRegistry(
            derivedAliases(
              kind,
              articles.flatMap((a) => a[kind]),
              registry,
              ...(lookupPlace ? [lookupPlace] : []),
            ),
          ),
        ],
      ];
    }),
  ) as Record<EntityKind, RegistryEntry[]>;
  const indexes = new Map<PageKind, EntityIndex>(ENTITY_KINDS.map((kind) => [kind, groupEntities(articles, kind, inForce[kind])]));
  const outletRegistry: RegistryEntry[] = outlets.entries.map(({ name, aliases, description, wikidata }) => ({
    name,
    aliases,
    description,
    wikidata,
  }));
  const outletNames = new Map<Article, readonly string[]>();
  for (const article of articles) {
    const outlet = outletOf(article.source, outlets);
    outletNames.set(article, outlet ? [outlet.name] : []);
  }
  // Articles the index is later asked about (a copy of one, the preview's new one) get their outlet the same way.
  const namesOf = (article: Article): readonly string[] => {
    const known = outletNames.get(article);
    if (known) return known;
    const outlet = outletOf(article.source, outlets);
    return outlet ? [outlet.name] : [];
  };
  indexes.set('outlets', groupNames(articles, 'outlets', namesOf, outletRegistry));
  return {
    registries: { ...inForce, outlets: outletRegistry },
    indexes,
    outlets: new Map(outlets.entries.map((entry) => [entry.name, entry])),
  };
}
