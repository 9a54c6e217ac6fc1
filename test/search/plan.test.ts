import { describe, expect, it } from 'vitest';
import {
  bundleFolder,
  MAX_FULL_SHARDS,
  SHARD_PAGES,
  searchBundles,
  searchShards,
  shardPagesFor,
  shardSizes,
  shardToHold,
  tailPages,
} from '../../src/search/plan.ts';

describe('the search plan', () => {
  it('indexes a small or empty archive into the one bundle the search page loads', () => {
    expect(searchBundles(0)).toEqual(['pagefind/']);
    expect(searchBundles(125)).toEqual(['pagefind/']);
  });

  it('adds a numbered bundle per shard beyond the first', () => {
    expect(searchBundles(126)).toEqual(['pagefind/', 'pagefind-2/']);
    expect(searchBundles(7, 3)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
    expect(bundleFolder(0)).toBe('pagefind');
    expect(bundleFolder(3)).toBe('pagefind-4');
  });
});

describe('the search shards', () => {
  it('are 500 pages up to 32 full shards, then 1,000, then 1,500 however large the archive', () => {
    expect(shardPagesFor(0)).toBe(500);
    expect(shardPagesFor(10_000)).toBe(500);
    expect(shardPagesFor(500 * MAX_FULL_SHARDS)).toBe(500);
    expect(shardPagesFor(500 * MAX_FULL_SHARDS + 1)).toBe(1_000);
    expect(shardPagesFor(30_000)).toBe(1_000);
    expect(shardPagesFor(1_000 * MAX_FULL_SHARDS + 1)).toBe(SHARD_PAGES);
    expect(shardPagesFor(1_000_000)).toBe(SHARD_PAGES);
    // 19 full shards and the newest 500 pages in four small ones; 29 full and four small.
    expect(searchBundles(10_000)).toHaveLength(23);
    expect(searchBundles(30_000)).toHaveLength(33);
  });

  it('hold the pages oldest first in full shards, and the newest after them in small ones of a quarter each', () => {
    expect(tailPages(500)).toBe(125);
    expect(shardSizes(500 * 6 + 376)).toEqual([...Array(6).fill(500), 125, 125, 125, 1]);
    expect(shardSizes(SHARD_PAGES * 40 + 1001, SHARD_PAGES)).toEqual([...Array(40).fill(SHARD_PAGES), 375, 375, 251]);
    expect(shardSizes(0)).toEqual([0]);
    expect(shardSizes(13, 6)).toEqual([6, 6, 1]);
    const newestFirst = Array.from({ length: 14 }, (_, i) => 14 - i);
    expect(searchShards(newestFirst, 6)).toEqual([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], [13], [14]]);
    expect(searchBundles(14, 6)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/']);
  });

  it('keep the newest pages in small shards, so a page added among the newest leaves every full shard as it was', () => {
    const sizes = shardSizes(10_000);
    expect(sizes.slice(0, 19)).toEqual(Array(19).fill(500));
    expect(sizes.slice(19)).toEqual([125, 125, 125, 125]);
    // A page added a few places before the newest (another of the same day): the full shards hold the same pages.
    const before = searchShards(Array.from({ length: 10_000 }, (_, i) => 10_000 - i));
    const after = searchShards([10_000, 10_000.5, ...Array.from({ length: 9_999 }, (_, i) => 9_999 - i)]);
    expect(after.slice(0, 19)).toEqual(before.slice(0, 19));
  });

  it('leave every shard but the last as it was when a newest page is added, until the small ones fill a full shard', () => {
    const shards = (count: number) =>
      searchShards(
        Array.from({ length: count }, (_, i) => count - i),
        6,
      );
    expect(shards(17).slice(0, -1)).toEqual(shards(16));
    expect(shards(17).at(-1)).toEqual([17]);
    expect(shards(19)).toEqual([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], [13, 14, 15, 16, 17, 18], [19]]);
  });

  it('hold ahead the shard of a changed page with the most pages before it, and none when no shard has one first', () => {
    const urls = Array.from({ length: 14 }, (_, i) => `/${14 - i}/`);
    // Shards of six, oldest first: [1..6], [7..12], [13], [14]. Pages 3 and 10 changed: 10 has three before it, 3 two.
    expect(shardToHold(urls, (url) => url === '/3/' || url === '/10/', 6)).toEqual({
      index: 1,
      at: 3,
      urls: ['/7/', '/8/', '/9/', '/10/', '/11/', '/12/'],
    });
    expect(shardToHold(urls, (url) => url === '/3/', 6)).toMatchObject({ index: 0, at: 2 });
    // The first page of a shard (nothing to index before it), a one-page shard, nothing changed: no shard held.
    expect(shardToHold(urls, (url) => url === '/7/' || url === '/14/', 6)).toBeUndefined();
    expect(shardToHold(urls, () => false, 6)).toBeUndefined();
    // By default the archive's own shard size: an added newest article holds the last small shard before it, unless
    // it starts a shard of its own.
    const archive = (length: number) => Array.from({ length }, (_, i) => `/${length - i}/`);
    expect(shardToHold(archive(10_002), (url) => url === '/10002/')).toMatchObject({ index: 23, at: 1 });
    expect(shardToHold(archive(10_000), (url) => url === '/10000/')).toMatchObject({ index: 22, at: 124 });
    expect(shardToHold(archive(10_001), (url) => url === '/10001/')).toBeUndefined();
  });
});
