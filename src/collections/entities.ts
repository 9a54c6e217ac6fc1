/**
 * Tags, people, organizations, places and outlets: each grouped once over the whole
 * archive, so no page ever scans the collection (their pages are cut by
 * src/archive/archive-data.ts as a flat list of (entity, view, page) items,
 * 11ty/eleventy issue 332).
 */
import type { Article } from '../content/article.ts';
import { slugify } from '../content/slug.ts';
import { compareCodePoints, resolveNames } from './names.ts';
import { countByYear, newestFirst } from './order.ts';
import { foldKey } from '../content/fold.ts';
import type { RegistryEntry } from '../content/registry.ts';

/** The four kinds of name an article lists; each is also the first URL segment of its pages. */
export type EntityKind = 'tags' | 'people' | 'organizations' | 'places';

/** The kinds in the order pages and navigation show them. */
export const ENTITY_KINDS: readonly EntityKind[] = ['tags', 'people', 'organizations', 'places'];

/** Every kind of name with pages of its own: the four an article lists, and its outlet (src/content/outlets.ts). */
export type PageKind = EntityKind | 'outlets';

/** Words for each kind, as headings and labels use them. */
export const KIND_LABELS: Record<PageKind, { singular: string; plural: string }> = {
  tags: { singular: 'Tag', plural: 'Tags' },
  people: { singular: 'Person', plural: 'People' },
  organizations: { singular: 'Organization', plural: 'Organizations' },
  places: { singular: 'Place', plural: 'Places' },
  outlets: { singular: 'Outlet', plural: 'Outlets' },
};

/** The URL segment of an index in order of articles (`/tags/by-count/`): no entity takes it as its slug. */
export const BY_COUNT = 'by-count';

/** One tag, person, organization, place or outlet and every article that names it. */
export interface Entity {
  kind: PageKind;
  name: string;
  slug: string;
  /** `/tags/SLUG/` */
  url: string;
  description?: string;
  role?: string;
  /** The registry's Wikidata item id (`Q42`). */
  wikidata?: string;
  count: number;
  /** Newest first. */
  articles: Article[];
  /** Articles per year, oldest year first. */
  years: { year: number; count: number }[];
}

/** Every entity of one kind, with a lookup from any spelling. */
export interface EntityIndex {
  kind: PageKind;
  /** Sorted by name in Unicode order. */
  entities: Entity[];
  /** The entity a name as written in an article belongs to. */
  get(name: string): Entity | undefined;
  /** The names of this kind an article gives, as written (`article.tags`, its outlet). */
  names(article: Article): readonly string[];
}

/** A link to an entity as an article page shows it. */
export interface EntityLink {
  name: string;
  url: string;
}

/** Groups `articles` by the names of one kind, folding spellings to one name and one page. */
export function groupEntities(articles: readonly Article[], kind: EntityKind, registry: readonly RegistryEntry[] = []): EntityIndex {
  return groupNames(articles, kind, (article) => article[kind], registry);
}

/** Groups `articles` by the names `namesOf` gives each, folding spellings to one name and one page at `/KIND/SLUG/`. */
export function groupNames(
  articles: readonly Article[],
  kind: PageKind,
  namesOf: (article: Article) => readonly string[],
  registry: readonly RegistryEntry[] = [],
): EntityIndex {
  const resolver = resolveNames(articles.map(namesOf), registry);
  const members = new Map<string, Article[]>();
  for (const article of articles) {
    const names = new Set<string>();
    for (const raw of namesOf(article)) {
      const name = resolver.canonical(raw);
      if (name) names.add(name);
    }
    for (const name of names) {
      const list = members.get(name) ?? [];
      list.push(article);
      members.set(name, list);
    }
  }
  const names = [...members.keys()].sort((a, b) => compareCodePoints(foldKey(a), foldKey(b)) || compareCodePoints(a, b));
  // An entity named "By count" is `by-count-2`: `/tags/by-count/` is the index in order of articles.
  const taken = new Set<string>([BY_COUNT]);
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  for (const name of names) {
    const slug = uniqueSlug(slugify(name), taken);
    const list = newestFirst(members.get(name)!);
    const entity: Entity = {
      kind,
      name,
      slug,
      url: `/${kind}/${slug}/`,
      description: resolver.description(name),
      role: resolver.role(name),
      wikidata: resolver.wikidata(name),
      count: list.length,
      articles: list,
      years: countByYear(list),
    };
    entities.push(entity);
    byName.set(name, entity);
  }
  return {
    kind,
    entities,
    names: namesOf,
    get(name) {
      const canonical = resolver.canonical(name);
      return canonical === undefined ? undefined : byName.get(canonical);
    },
  };
}

/** Two names whose slugs collide ("U.S." and "US" are folded apart but slug alike) get `-2`, `-3`, ... in name order. */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** The links for the names an article lists, in the article's order, one per entity. */
export function entityLinks(index: EntityIndex, names: readonly string[]): EntityLink[] {
  const seen = new Set<string>();
  const links: EntityLink[] = [];
  for (const raw of names) {
    const entity = index.get(raw);
    if (!entity || seen.has(entity.url)) continue;
    seen.add(entity.url);
    links.push({ name: entity.name, url: entity.url });
  }
  return links;
}

/** The most used entities, ties by name, for the home page. */
export function mostUsed(index: EntityIndex, limit: number): Entity[] {
  return [...index.entities].sort((a, b) => b.count - a.count || compareCodePoints(foldKey(a.name), foldKey(b.name))).slice(0, limit);
}
