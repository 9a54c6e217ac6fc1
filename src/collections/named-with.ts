/** The people and organizations named most often alongside one entity. */
import type { Entity, EntityIndex, EntityLink } from './entities.ts';
import { entityLinks } from './entities.ts';

/** One name and how many of the entity's articles also name it. */
export interface NamedWith extends EntityLink {
  count: number;
}

/**
 * Counts, over the entity's own articles only, each person or organization
 * they name (in its canonical spelling), leaves out the entity itself, and
 * keeps the `limit` most frequent: more shared articles first, then Unicode
 * order of the name, so every build lists them the same way. The work is the
 * names of the entity's articles, never a scan of the whole archive.
 */
export function namedWith(entity: Entity, index: EntityIndex, limit = 8): NamedWith[] {
  const counts = new Map<string, NamedWith>();
  for (const article of entity.articles) {
    for (const link of entityLinks(index, article[index.kind])) {
      if (link.url === entity.url) continue;
      const seen = counts.get(link.url);
      if (seen) seen.count++;
      else counts.set(link.url, { ...link, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, limit);
}
