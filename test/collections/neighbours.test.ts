import { describe, expect, it } from 'vitest';
import { neighbours } from '../../src/collections/neighbours.ts';
import { makeArticle } from '../support/make-article.ts';

describe('neighbours', () => {
  it('links each article to the next older and the next newer', () => {
    const old = makeArticle({ title: 'Old', date: '2018-01-01' });
    const middle = makeArticle({ title: 'Middle', date: '2019-01-01' });
    const recent = makeArticle({ title: 'Recent', date: '2020-01-01' });
    const map = neighbours([recent, old, middle]);
    expect(map.get(middle.url)).toEqual({ previous: old, next: recent });
    expect(map.get(old.url)!.previous).toBeUndefined();
    expect(map.get(recent.url)!.next).toBeUndefined();
  });

  it('orders articles of one day by stated time, then by URL', () => {
    const noon = makeArticle({ title: 'Noon', date: '2019-05-23', time: '12:00' });
    const morning = makeArticle({ title: 'Morning', date: '2019-05-23', time: '08:00' });
    const untimedB = makeArticle({ title: 'B untimed', date: '2019-05-23' });
    const untimedA = makeArticle({ title: 'A untimed', date: '2019-05-23' });
    const map = neighbours([noon, untimedB, morning, untimedA]);
    expect(map.get(untimedA.url)!.next).toBe(untimedB);
    expect(map.get(untimedB.url)!.next).toBe(morning);
    expect(map.get(morning.url)!.next).toBe(noon);
  });
});
