/**
 * What a built archive must contain, worked out from its articles alone with
 * the URL contract of the site issue: `/articles/YYYY/MM/SLUG/`,
 * `/tags/SLUG/`, `/people/SLUG/`, `/organizations/SLUG/`, `/places/SLUG/`,
 * `/outlets/SLUG/` (the outlet as `source.name` names it: the fixtures name
 * registered outlets by their registry name), `/timeline/YYYY/`, and the
 * feeds beside them.
 */
import path from 'node:path';
import type { Article } from '../../src/content/article.ts';
import { slugify } from '../../src/content/slug.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { derivedAliases } from '../../src/collections/aliases.ts';
import { FIXTURE_YEAR_PAGES_MIN } from './fixture-archive.ts';

/** The taxonomies that get one page per name. */
export const TAXONOMIES = ['tags', 'people', 'organizations', 'places'] as const;
/** One of the taxonomies. */
export type Taxonomy = (typeof TAXONOMIES)[number];

/** The published articles, grouped the way the site must group them. */
export interface ExpectedSite {
  articles: Article[];
  /** Per taxonomy: slug → the articles that carry that name in any spelling. */
  groups: Record<Taxonomy, Map<string, Article[]>>;
  /** Outlet slug → its articles. */
  outlets: Map<string, Article[]>;
  years: Map<number, Article[]>;
}

/**
 * Groups the published (non-draft) articles by taxonomy slug and year. A name
 * the archive folds onto another ("US" onto the United States, a surname
 * alone onto the one person of that name: src/collections/aliases.ts) is
 * listed on that name's page.
 */
export function expectedSite(all: Article[]): ExpectedSite {
  const articles = all.filter((article) => !article.draft);
  const groups = Object.fromEntries(TAXONOMIES.map((taxonomy) => [taxonomy, new Map<string, Article[]>()])) as ExpectedSite['groups'];
  const years = new Map<number, Article[]>();
  const outlets = new Map<string, Article[]>();
  const folds = Object.fromEntries(
    TAXONOMIES.map((taxonomy) => [
      taxonomy,
      new Map(
        derivedAliases(
          taxonomy,
          articles.flatMap((a) => a[taxonomy]),
        ).map((f) => [f.alias, f.name]),
      ),
    ]),
  ) as Record<Taxonomy, Map<string, string>>;
  for (const article of articles) {
    for (const taxonomy of TAXONOMIES) {
      for (const slug of new Set(article[taxonomy].map((name) => slugify(folds[taxonomy].get(name) ?? name)))) {
        const list = groups[taxonomy].get(slug) ?? [];
        list.push(article);
        groups[taxonomy].set(slug, list);
      }
    }
    if (article.source?.name) {
      const slug = slugify(article.source.name);
      outlets.set(slug, [...(outlets.get(slug) ?? []), article]);
    }
    years.set(article.year, [...(years.get(article.year) ?? []), article]);
  }
  return { articles, groups, outlets, years };
}

/**
 * The first pages of the other views of an entity's list (docs/pages.md,
 * "Sorting and filtering lists"): oldest first when the list takes more than
 * one page of 20, each year when it also has the fixture's `yearPagesMin`
 * articles and spans more than one year.
 */
export function expectedListViews(base: string, articles: readonly Article[]): { oldest?: string; years: Map<number, string> } {
  const years = new Set(articles.map((article) => article.year));
  const long = articles.length > 20;
  return {
    oldest: long ? `${base}oldest/` : undefined,
    years: new Map(
      long && articles.length >= FIXTURE_YEAR_PAGES_MIN && years.size > 1 ? [...years].sort().map((year) => [year, `${base}${year}/`]) : [],
    ),
  };
}

/** Every HTML page URL the site must have, sorted. */
export function expectedPageUrls(site: ExpectedSite): string[] {
  const urls = ['/', '/tags/', '/people/', '/organizations/', '/places/', '/outlets/', '/timeline/'];
  const kinds = [...TAXONOMIES, 'outlets'] as const;
  urls.push(...kinds.map((taxonomy) => `/${taxonomy}/by-count/`));
  urls.push(...kinds.flatMap((taxonomy) => [...site.years.keys()].map((year) => `/timeline/${year}/${taxonomy}/`)));
  for (const taxonomy of kinds) {
    for (const [slug, articles] of taxonomy === 'outlets' ? site.outlets : site.groups[taxonomy]) {
      const views = expectedListViews(`/${taxonomy}/${slug}/`, articles);
      urls.push(...(views.oldest ? [views.oldest] : []), ...views.years.values());
    }
  }
  urls.push(...site.articles.map((article) => article.url));
  for (const taxonomy of TAXONOMIES) urls.push(...[...site.groups[taxonomy].keys()].map((slug) => `/${taxonomy}/${slug}/`));
  urls.push(...[...site.outlets.keys()].map((slug) => `/outlets/${slug}/`));
  urls.push(...[...site.years.keys()].map((year) => `/timeline/${year}/`));
  // An incident's page is /incidents/PREFIX/ID/ (docs/pages.md), for each identifier any article names.
  urls.push(
    '/incidents/',
    '/storylines/',
    ...site.articles.flatMap((article) => article.incidents.map((id) => `/incidents/${id.replace(':', '/')}/`)),
  );
  return [...new Set(urls)].sort();
}

/** Every feed the site must have: the archive's, and one pair per tag and per person with at least `entityFeedMin` articles. */
export function expectedFeedUrls(site: ExpectedSite, entityFeedMin = DEFAULT_SETTINGS.entityFeedMin): string[] {
  const followed = (kind: 'tags' | 'people') =>
    [...site.groups[kind]].filter(([, articles]) => articles.length >= entityFeedMin).map(([slug]) => `/${kind}/${slug}/`);
  const bases = ['/', ...followed('tags'), ...followed('people')];
  return bases.flatMap((base) => [`${base}feed.xml`, `${base}feed.json`]).sort();
}

/** The file a site URL is served from: `/a/b/` → `a/b/index.html`. */
export function fileOfUrl(outDir: string, url: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!);
  return path.join(outDir, ...clean.split('/').filter(Boolean), ...(clean.endsWith('/') ? ['index.html'] : []));
}
