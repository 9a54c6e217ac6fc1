import { absoluteUrl, type SiteSettings } from '../site/settings.ts';

/** The absolute URL of a site-relative path, with the site's base URL and path prefix. */
export function canonicalUrl(path: string, site: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>): string {
  return absoluteUrl(site, path);
}
