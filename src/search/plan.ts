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

/**
 * The article pages of each shard: the pages oldest first, SHARD_PAGES (or
 * `shardPages`) a shard, at least one shard. `urls` come newest first, as the
 * archive lists them. Oldest first, so a new article (the usual change) lands
 * in the last shard and leaves the others as they were: an incremental build
 * re-indexes only the shards whose pages changed (src/eleventy/run.ts).
 */
export function searchShards<T>(newestFirst: readonly T[], shardPages = SHARD_PAGES): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const size = Math.max(1, shardPages);
  const shards: T[][] = [];
  for (let from = 0; from < oldestFirst.length || shards.length === 0; from += size) shards.push(oldestFirst.slice(from, from + size));
  return shards;
}
