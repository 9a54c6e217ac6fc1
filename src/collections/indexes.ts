/**
 * Every tag, person, organization and place of an archive, grouped once:
 * the registries, then the folds the archive itself shows
 * (src/collections/aliases.ts). The build's pages and the data export
 * (src/export/) group with this one function, so they name things alike.
 */
import type { Article } from '../content/article.ts';
import type { RegistryEntry } from '../content/registry.ts';
import { asRegistry, derivedAliases } from './aliases.ts';
import { ENTITY_KINDS, groupEntities, type EntityIndex, type EntityKind } from './entities.ts';

/** The registries in force (each kind's own, then the derived folds) and the index of each kind. */
export interface ArchiveIndexes {
  registries: Record<EntityKind, RegistryEntry[]>;
  indexes: Map<EntityKind, EntityIndex>;
}

/** Groups `articles` by every kind of name, with `registries` (as read from `content/_data`) first. */
export function archiveIndexes(
  articles: readonly Article[],
  registries: Partial<Record<EntityKind, readonly RegistryEntry[]>>,
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
            ),
          ),
        ],
      ];
    }),
  ) as Record<EntityKind, RegistryEntry[]>;
  const indexes = new Map<EntityKind, EntityIndex>(ENTITY_KINDS.map((kind) => [kind, groupEntities(articles, kind, inForce[kind])]));
  return { registries: inForce, indexes };
}
