/**
 * The search index's plan, pure: how many bundles an archive is indexed into
 * and what they are called. The search page names them before the index is
 * written (src/archive/archive-data.ts); the indexer (indexer.ts) writes them.
 */

/**
 * The largest shard: article pages per Pagefind run small enough for
 * Pagefind's memory to fit beside the build's later Eleventy runs within
 * 2 GB (docs/speed.md).
 */
export const SHARD_PAGES = 1_500;

/**
 * Full-shard sizes, smallest first. An archive uses the smallest that keeps
 * it within MAX_FULL_SHARDS full shards, else the largest: an edited article
 * re-indexes its whole shard (Pagefind takes about 5 ms a page, a 1,500-page
 * shard 8 s on this project's 2-core machine, most of an incremental build
 * at 10,000 articles), while every shard is one more bundle for the search
 * page to load (its entry, metadata and filters; the WebAssembly once).
 * The size is a function of the article count alone, so a clean and an
 * incremental build of the same content agree; crossing a step (16,000 and
 * 32,000 articles) re-indexes every shard once.
 */
export const SHARD_STEPS = [500, 1_000, SHARD_PAGES] as const;
export const MAX_FULL_SHARDS = 32;

/** The full-shard size of an archive of `articles` article pages (SHARD_STEPS). */
export function shardPagesFor(articles: number): number {
  return SHARD_STEPS.find((size) => articles <= size * MAX_FULL_SHARDS) ?? SHARD_PAGES;
}

/** The folder of shard `index` (0-based), relative to the site. */
export const bundleFolder = (index: number): string => (index === 0 ? 'pagefind' : `pagefind-${index + 1}`);

/** Whether `name`, an entry of the site's top level, is a search bundle's folder (`bundleFolder`). */
export const isBundleFolder = (name: string): boolean => /^pagefind(-\d+)?$/.test(name);

/**
 * Article pages per shard of the newest pages, those after the last full
 * shard: a quarter of a full shard (125 of 500), so a new article re-indexes
 * at most that many pages, not a full shard. Once the newest pages fill a
 * full shard beyond the newest `tailPages`, those small shards become that one.
 */
export const tailPages = (shardPages: number): number => Math.max(1, Math.floor(Math.max(1, shardPages) / 4));

/**
 * The pages of each shard of an archive of `articles` article pages, oldest
 * first: full shards of `shardPages` (shardPagesFor), then the rest in shards
 * of `tailPages`; one empty shard for an empty archive. The newest
 * `tailPages` pages at least are always in small shards, never in a full
 * one: a new article that sorts a few places before the newest (after
 * another of the same day) re-indexes a small shard, not the last full one.
 */
export function shardSizes(articles: number, shardPages = shardPagesFor(articles)): number[] {
  const size = Math.max(1, shardPages);
  const full = Math.floor(Math.max(0, articles - tailPages(size)) / size);
  const sizes: number[] = Array.from({ length: full }, () => size);
  for (let left = articles - full * size; left > 0; left -= tailPages(size)) sizes.push(Math.min(tailPages(size), left));
  return sizes.length ? sizes : [0];
}

/**
 * The bundles an archive of `articles` articles is indexed into, the first
 * first (`pagefind/`, `pagefind-2/`, ...): the search page is written before
 * the index and names them, and the build checks that the indexer agreed.
 */
export function searchBundles(articles: number, shardPages = shardPagesFor(articles)): string[] {
  return shardSizes(articles, shardPages).map((_, index) => `${bundleFolder(index)}/`);
}

/**
 * The article pages of each shard (`shardSizes`). `urls` come newest first,
 * as the archive lists them; shards hold them oldest first, so a new article
 * (the usual change) lands in the last, small shard and leaves the others as
 * they were: an incremental build re-indexes only the shards whose pages
 * changed (src/publish/incremental.ts).
 */
export function searchShards<T>(newestFirst: readonly T[], shardPages = shardPagesFor(newestFirst.length)): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const shards: T[][] = [];
  let from = 0;
  for (const size of shardSizes(oldestFirst.length, shardPages)) {
    shards.push(oldestFirst.slice(from, from + size));
    from += size;
  }
  return shards;
}

/** A shard to index ahead, held before its page `at` (SiteUpdate, src/publish/incremental.ts): its index and its pages' URLs. */
export interface HeldShard {
  index: number;
  at: number;
  urls: string[];
}

/**
 * The shard to start indexing ahead in an incremental build: of the shards
 * of `newestFirst` (`searchShards`), the one that holds a page of a new or
 * changed article (`changed`, by URL) with the most pages before the first
 * such page, where it is held; Pagefind indexes those pages as the previous
 * site has them while the build computes the archive. One shard at most (a
 * Pagefind process indexes one at a time): an added article's small shard,
 * an edited article's. None when no shard has an unchanged page first.
 */
export function shardToHold(
  newestFirst: readonly string[],
  changed: (url: string) => boolean,
  shardPages = shardPagesFor(newestFirst.length),
): HeldShard | undefined {
  let best: HeldShard | undefined;
  searchShards(newestFirst, shardPages).forEach((urls, index) => {
    const at = urls.findIndex(changed);
    if (at > 0 && (!best || at > best.at)) best = { index, at, urls };
  });
  return best;
}
