import { describe, expect, it } from 'vitest';
import { buildHeapFlags, buildHeapMb, heapLimitGiven, initialOldSpaceMb } from '../../bin/heap.js';

describe("`archive build`'s heap (bin/heap.js)", () => {
  it('gives the build a limit sized to the archive and an old generation begun at half of it, at most 512 MB', () => {
    expect(buildHeapFlags(10)).toEqual(['--max-old-space-size=1024', '--initial-old-space-size=512']);
    expect(buildHeapFlags(30_000)).toEqual([`--max-old-space-size=${buildHeapMb(30_000)}`, '--initial-old-space-size=512']);
    expect(initialOldSpaceMb(600)).toBe(300);
    for (const articles of [0, 1_000, 10_000, 100_000])
      expect(initialOldSpaceMb(buildHeapMb(articles))).toBeLessThan(buildHeapMb(articles));
  });

  it('keeps a limit given by whoever started Node, and adds none of its own then', () => {
    expect(heapLimitGiven(['--max-old-space-size=3000'], '')).toBe(true);
    expect(heapLimitGiven([], '--max-old-space-size=3000')).toBe(true);
    expect(heapLimitGiven(['--initial-old-space-size=100'], '')).toBe(false);
  });
});
