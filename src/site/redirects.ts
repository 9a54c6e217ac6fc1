/**
 * Alias pages: `/people/stoltenberg/` sends the reader on to
 * `/people/jens-stoltenberg/`. A static host has no redirects of its own, so
 * each alias gets a small page with a meta refresh and a plain link (no script).
 */
import type { EntityIndex } from '../collections/entities.ts';
import { slugify } from '../content/slug.ts';
import { escapeHtml } from './escape.ts';

/** One alias page to write. */
export interface AliasPage {
  /** Site-relative URL of the alias, `/people/stoltenberg/`. */
  url: string;
  /** The alias as the registry spells it. */
  alias: string;
  /** The canonical entity's name and site-relative URL. */
  name: string;
  target: string;
}

/**
 * The alias pages of one kind: each registry alias whose slug differs from its
 * entity's and names no other page. Only entities the archive holds get them,
 * so no alias points at a missing page. Sorted by URL: the same every build.
 */
export function aliasPages(index: EntityIndex, registry: readonly { name: string; aliases?: string[] }[]): AliasPage[] {
  const taken = new Set(index.entities.map((entity) => entity.url));
  const pages = new Map<string, AliasPage>();
  for (const entry of registry) {
    const entity = index.get(entry.name);
    if (!entity) continue;
    for (const alias of entry.aliases ?? []) {
      const url = `/${index.kind}/${slugify(alias)}/`;
      if (taken.has(url) || pages.has(url)) continue;
      pages.set(url, { url, alias, name: entity.name, target: entity.url });
    }
  }
  return [...pages.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** The HTML of an alias page; `href` turns a site-relative URL into the link to write (path prefix), `canonical` into the absolute one. */
export function aliasHtml(
  page: AliasPage,
  site: { name: string; language: string },
  href: (url: string) => string,
  canonical: (url: string) => string,
): string {
  const to = escapeHtml(href(page.target));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(site.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The site's policy (layouts/base.njk), though this page loads nothing at all.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    `<title>${escapeHtml(page.name)} – ${escapeHtml(site.name)}</title>`,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    `<link rel="canonical" href="${escapeHtml(canonical(page.target))}">`,
    '<meta name="robots" content="noindex">',
    '</head>',
    '<body>',
    `<main><p>“${escapeHtml(page.alias)}” is filed under <a href="${to}">${escapeHtml(page.name)}</a>.</p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
