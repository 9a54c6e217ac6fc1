import { describe, expect, it } from 'vitest';
import { syntheticArchive } from './related.ts';

describe('syntheticArchive (the benchmark archive)', () => {
  it('gives the same articles for the same seed and others for another seed', () => {
    expect(syntheticArchive(50, { seed: 7 })).toEqual(syntheticArchive(50, { seed: 7 }));
    expect(syntheticArchive(50, { seed: 8 })).not.toEqual(syntheticArchive(50, { seed: 7 }));
  });

  it('writes bodies of about 600 words, days over 20 years and unique URLs', () => {
    const archive = syntheticArchive(300);
    const words = archive.map((article) => article.body.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(550);
    expect(Math.max(...words)).toBeLessThanOrEqual(650);
    const days = archive.map((article) => article.date).sort();
    expect(days[0]! >= '2006-01-01' && days.at(-1)! <= '2025-12-31').toBe(true);
    expect(Number(days.at(-1)!.slice(0, 4)) - Number(days[0]!.slice(0, 4))).toBeGreaterThanOrEqual(15);
    expect(new Set(archive.map((article) => article.url)).size).toBe(archive.length);
  });

  it('draws names Zipf-like: a few common, most rare', () => {
    const counts = new Map<string, number>();
    for (const article of syntheticArchive(2000)) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(300);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[Math.floor(sorted.length / 2)]!);
  });
});
