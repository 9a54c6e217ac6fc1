import { describe, expect, it } from 'vitest';
import { bundleFolder, SHARD_PAGES, searchBundles } from '../../src/search/plan.ts';

describe('the search plan', () => {
  it('indexes a small or empty archive into the one bundle the search page loads', () => {
    expect(searchBundles(0)).toEqual(['pagefind/']);
    expect(searchBundles(SHARD_PAGES)).toEqual(['pagefind/']);
  });

  it('adds a numbered bundle per shard beyond the first', () => {
    expect(searchBundles(SHARD_PAGES + 1)).toEqual(['pagefind/', 'pagefind-2/']);
    expect(searchBundles(7, 3)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
    expect(bundleFolder(0)).toBe('pagefind');
    expect(bundleFolder(3)).toBe('pagefind-4');
  });
});
