/** The names most often named alongside one entity, and alongside the names of one article. */
import type { Article } from '../content/article.ts';
import type { Entity, EntityLink } from './entities.ts';

/** One name and how many of the entity's articles also name it. */
export interface NamedWith extends EntityLink {
  count: number;
}

/** More shared articles first, then the order of the names' UTF-16 code units, so every build lists them the same way. */
const byCountThenName = (a: NamedWith, b: NamedWith): number => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * For each of `kinds`, counts over the entity's own articles only each name
 * of that kind they name (in its canonical spelling: `linksOf` gives an
 * article's links of each kind), leaves out the entity itself, and keeps
 * the `limit` most frequent, more shared articles first, then by name. The
 * work is the names of the entity's articles, never a scan of the whole
 * archive; all kinds in one pass (a pass per kind took a tenth of a second
 * more at 10,000 articles and five kinds).
 */
export function namedWithEach<K extends string>(
  entity: Entity,
  kinds: readonly K[],
  limit: number,
  linksOf: (article: Article) => Readonly<Record<K, readonly EntityLink[]>>,
): Record<K, NamedWith[]> {
  const counts = kinds.map(() => new Map<string, NamedWith>());
  for (const article of entity.articles) {
    const links = linksOf(article);
    kinds.forEach((kind, i) => {
      const ofKind = counts[i]!;
      for (const link of links[kind]) {
        if (link.url === entity.url) continue;
        const seen = ofKind.get(link.url);
        if (seen) seen.count++;
        else ofKind.set(link.url, { name: link.name, url: link.url, count: 1 });
      }
    });
  }
  return Object.fromEntries(kinds.map((kind, i) => [kind, first(counts[i]!.values(), limit)])) as Record<K, NamedWith[]>;
}

/** The `limit` first of `names` in `byCountThenName` order (none for a limit of 0 or less): a sort of the few kept, not of all (a common tag's articles name thousands). */
function first(names: Iterable<NamedWith>, limit: number): NamedWith[] {
  const kept: NamedWith[] = [];
  if (limit <= 0) return kept;
  for (const name of names) {
    if (kept.length === limit && byCountThenName(name, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && byCountThenName(name, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, name);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/**
 * The names of one kind most often named with an article's own names: the
 * lists of `namedWithEach` of each of its names added up, the article's own names
 * left out, the `limit` most frequent kept (then by name). Without
 * counts: the page shows the names, and an article page need not change
 * whenever a count elsewhere does.
 */
export function namedWithAll(lists: readonly (readonly NamedWith[])[], own: readonly EntityLink[], limit = 5): EntityLink[] {
  // Called for every article and kind (50,000 times at 10,000 articles): no spread, no set for the few own names.
  const counts = new Map<string, NamedWith>();
  for (const list of lists) {
    for (const other of list) {
      const seen = counts.get(other.url);
      if (seen) seen.count += other.count;
      else counts.set(other.url, { name: other.name, url: other.url, count: other.count });
    }
  }
  for (const link of own) counts.delete(link.url);
  return first(counts.values(), limit).map(({ name, url }) => ({ name, url }));
}
