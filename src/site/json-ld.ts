/** Structured data for an article page: a schema.org NewsArticle as JSON-LD. */
import type { Article } from '../content/article.ts';
import type { SiteSettings } from './settings.ts';
import { jsonForScript } from './escape.ts';
import { rfc3339 } from './feeds.ts';

/** The NewsArticle object for one article (plain data, before escaping). */
export function newsArticle(
  article: Article,
  settings: SiteSettings,
  url: string,
  names: { people: string[]; organizations: string[]; places: string[]; tags: string[] },
): Record<string, unknown> {
  const mentions = [
    ...names.people.map((name) => ({ '@type': 'Person', name })),
    ...names.organizations.map((name) => ({ '@type': 'Organization', name })),
    ...names.places.map((name) => ({ '@type': 'Place', name })),
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

/** The JSON-LD text, safe to place inside a `<script type="application/ld+json">` element. */
export function jsonLd(value: unknown): string {
  return jsonForScript(value);
}
