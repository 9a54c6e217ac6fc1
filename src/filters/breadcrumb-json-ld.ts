import { breadcrumbList, jsonLd } from '../site/json-ld.ts';
import type { SiteSettings } from '../site/settings.ts';

/** A page's breadcrumbs (`[url, name]` pairs below Home) as BreadcrumbList JSON-LD, safe inside its script element. */
export function breadcrumbJsonLd(
  crumbs: readonly (readonly [string, string | number])[],
  site: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>,
): string {
  return jsonLd(breadcrumbList(crumbs, site));
}
