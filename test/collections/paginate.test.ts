import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/collections/paginate.ts';

describe('paginate', () => {
  it('cuts a list into pages of 20 at /BASE/, /BASE/2/, ..., each knowing its neighbours and where it starts', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    const pages = paginate(items, '/tags/ransomware/', 20);
    expect(pages.map((p) => [p.url, p.items.length, p.number, p.total, p.start])).toEqual([
      ['/tags/ransomware/', 20, 1, 3, 1],
      ['/tags/ransomware/2/', 20, 2, 3, 21],
      ['/tags/ransomware/3/', 5, 3, 3, 41],
    ]);
    expect([pages[0]!.previousUrl, pages[0]!.nextUrl, pages[1]!.previousUrl, pages[2]!.nextUrl]).toEqual([
      undefined,
      '/tags/ransomware/2/',
      '/tags/ransomware/',
      undefined,
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });

  it('gives an empty list its first page', () => {
    expect(paginate([], '/tags/x/oldest/').map((p) => [p.url, p.total, p.items])).toEqual([['/tags/x/oldest/', 1, []]]);
  });
});
