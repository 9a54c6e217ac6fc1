/**
 * The search index's plan, pure: how many bundles an archive is indexed into
 * and what they are called. The search page names them before the index is
 * written (src/archive/archive-data.ts); the indexer (indexer.ts) writes them.
 */

/**
 * Article pages per Pagefind run: small enough for Pagefind's memory to fit
 * beside the build's later Eleventy runs within 2 GB (docs/speed.md).
 */
export const SHARD_PAGES = 1_500;

/** The folder of shard `index` (0-based), relative to the site. */
export const bundleFolder = (index: number): string => (index === 0 ? 'pagefind' : `pagefind-${index + 1}`);

/**
 * The bundles an archive of `articles` articles is indexed into, the first
 * first (`pagefind/`, `pagefind-2/`, ...): the search page is written before
 * the index and names them, and the build checks that the indexer agreed.
 */
export function searchBundles(articles: number, shardPages = SHARD_PAGES): string[] {
  const shards = Math.max(1, Math.ceil(articles / Math.max(1, shardPages)));
  return Array.from({ length: shards }, (_, index) => `${bundleFolder(index)}/`);
}
