/**
 * Links under the site's path prefix (`href`, the template filter every
 * internal link goes through): what Eleventy's `url` filter gives, without
 * its cost. Eleventy's filter first asks `new URL(url)` whether the address
 * is absolute, and a site path makes that throw: about 30 µs an address,
 * some 60,000 distinct addresses at 10,000 articles (1.9 s of a full
 * build). A plain site path (a slash, then segments of safe characters, none
 * starting with a dot, each but the last ending in a slash) is joined to the
 * prefix here (and one that is the prefix itself kept as it is), which is what Eleventy's filter does with it
 * (test/site/href.test.ts holds the two equal); anything else is given to
 * Eleventy's filter. Each answer is remembered for the build. Pure.
 */
import { normalizePathPrefix } from './settings.ts';

/** A site path this module joins itself: segments of safe URL characters, none `.` or `..`, no `//`, no query or fragment. */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*\/)*(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)?$/;

/**
 * `url` under the normalized path prefix `prefix` (`/` or `/a/b/`,
 * src/site/settings.ts) when it is a plain site path, else undefined.
 */
export function plainHref(url: string, prefix: string): string | undefined {
  if (!PLAIN_PATH.test(url) || !prefix.startsWith('/') || !prefix.endsWith('/')) return undefined;
  // Eleventy's quirk, kept: an address that is the prefix itself is not prefixed again.
  if (url === prefix) return prefix;
  return prefix + url.slice(1);
}

/**
 * The `href` filter: `url` under the path prefix `prefix()` gives now (as
 * Eleventy holds it: normalized here, src/site/settings.ts), by
 * {@link plainHref} or else by `fallback` (Eleventy's `url` filter, which
 * reads the same prefix), remembered per address while the prefix stays.
 */
export function hrefFilter(fallback: (url: string) => string, prefix: () => string | undefined): (url: string) => string {
  const seen = new Map<string, string>();
  let seenPrefix = prefix();
  let normalized = normalizePathPrefix(seenPrefix ?? '/');
  return (url) => {
    const current = prefix();
    if (current !== seenPrefix) {
      seen.clear();
      seenPrefix = current;
      normalized = normalizePathPrefix(current ?? '/');
    }
    let out = seen.get(url);
    if (out === undefined) {
      out = (typeof url === 'string' ? plainHref(url, normalized) : undefined) ?? fallback(url);
      seen.set(url, out);
    }
    return out;
  };
}
