/**
 * Structured data as schema.org JSON-LD: a NewsArticle for an article page, a
 * CollectionPage about the tag, person, organization or place of an entity
 * page, and the BreadcrumbList of every page with breadcrumbs.
 */
import type { Article } from '../content/article.ts';
import type { PageKind } from '../collections/entities.ts';
import { wikidataUrl } from '../content/registry.ts';
import { absoluteUrl, type SiteSettings } from './settings.ts';
import { jsonForScript } from './escape.ts';
import { rfc3339 } from './feeds.ts';

/** A name an article mentions, with the registry's Wikidata id when it gives one. */
export interface Mention {
  name: string;
  wikidata?: string;
}

/** The schema.org type of each kind of name: tags are terms of the archive's own vocabulary. */
const KIND_TYPES: Record<PageKind, string> = {
  tags: 'DefinedTerm',
  people: 'Person',
  organizations: 'Organization',
  places: 'Place',
  outlets: 'NewsMediaOrganization',
};

/** A Thing of `kind` by name, the same (`sameAs`) as its Wikidata item when the registry gives one. */
function thing(kind: PageKind, { name, wikidata }: Mention): Record<string, unknown> {
  return { '@type': KIND_TYPES[kind], name, ...(wikidata ? { sameAs: wikidataUrl(wikidata) } : {}) };
}

/** The NewsArticle object for one article (plain data, before escaping). */
export function newsArticle(
  article: Article,
  settings: SiteSettings,
  url: string,
  names: { people: Mention[]; organizations: Mention[]; places: Mention[]; tags: string[] },
): Record<string, unknown> {
  const mentions = [
    ...names.people.map((name) => thing('people', name)),
    ...names.organizations.map((name) => thing('organizations', name)),
    ...names.places.map((name) => thing('places', name)),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.authors.length ? { author: article.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    datePublished: article.time ? rfc3339(article.date, article.time) : article.date,
    url,
    mainEntityOfPage: url,
    inLanguage: settings.language,
    ...(article.summary ? { description: article.summary } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    ...(names.tags.length ? { keywords: names.tags } : {}),
    ...(mentions.length ? { mentions } : {}),
    ...(article.source?.name ? { publisher: { '@type': 'Organization', name: article.source.name } } : {}),
    ...(article.source?.url ? { isBasedOn: article.source.url } : {}),
    isPartOf: { '@type': 'WebSite', name: settings.name, url: `${settings.baseUrl}${settings.pathPrefix}` },
  };
}

/** What an entity page is about: the entity as the registry describes it. */
export interface EntityAbout extends Mention {
  kind: PageKind;
  description?: string;
  role?: string;
}

/**
 * The CollectionPage object for an entity page at `url`: its articles' page,
 * about a Person (the registry's role as `jobTitle`), Organization, Place or
 * DefinedTerm (a tag), which is `sameAs` its Wikidata item when known.
 */
export function collectionPage(entity: EntityAbout, settings: SiteSettings, url: string): Record<string, unknown> {
  // Only a Person has a jobTitle; for other kinds a role is the best description there is.
  const person = entity.kind === 'people';
  const description = entity.description ?? (person ? undefined : entity.role);
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: entity.name,
    url,
    inLanguage: settings.language,
    about: {
      ...thing(entity.kind, entity),
      ...(person && entity.role ? { jobTitle: entity.role } : {}),
      ...(description ? { description } : {}),
    },
    isPartOf: { '@type': 'WebSite', name: settings.name, url: `${settings.baseUrl}${settings.pathPrefix}` },
  };
}

/**
 * The BreadcrumbList object of a page's breadcrumbs: Home, then `crumbs`
 * ([site-relative URL, name] pairs from the top down, ending with the page
 * itself), each a ListItem with its position and absolute URL.
 */
export function breadcrumbList(
  crumbs: readonly (readonly [url: string, name: string | number])[],
  settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>,
): Record<string, unknown> {
  const items: (readonly [string, string | number])[] = [['/', 'Home'], ...crumbs];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map(([url, name], i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: String(name),
      item: absoluteUrl(settings, url),
    })),
  };
}

/** The JSON-LD text, safe to place inside a `<script type="application/ld+json">` element. */
export function jsonLd(value: unknown): string {
  return jsonForScript(value);
}
