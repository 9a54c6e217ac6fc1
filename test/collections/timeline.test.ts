import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/collections/timeline.ts';
import { makeArticle } from '../support/make-article.ts';

describe('timeline', () => {
  it('groups by year and month, newest first, and lists each month newest first', () => {
    const articles = [
      makeArticle({ title: 'A', date: '2019-05-23' }),
      makeArticle({ title: 'B', date: '2018-12-31' }),
      makeArticle({ title: 'C', date: '2019-01-01' }),
      makeArticle({ title: 'D', date: '2019-05-02' }),
    ];
    const years = timeline(articles);
    expect(years.map((y) => [y.year, y.url, y.count])).toEqual([
      [2019, '/timeline/2019/', 3],
      [2018, '/timeline/2018/', 1],
    ]);
    expect(years[0]!.months.map((m) => [m.key, m.articles.map((a) => a.title)])).toEqual([
      ['2019-05', ['A', 'D']],
      ['2019-01', ['C']],
    ]);
  });

  it('links each year to the nearest earlier and later years with articles', () => {
    const years = timeline(['2021-03-01', '2018-12-31', '2016-01-01'].map((date) => makeArticle({ date })));
    expect(years.map((y) => [y.year, y.previous?.url, y.next?.url])).toEqual([
      [2021, '/timeline/2018/', undefined],
      [2018, '/timeline/2016/', '/timeline/2021/'],
      [2016, undefined, '/timeline/2018/'],
    ]);
  });

  it('keeps the stated day: 31 December stays in its year', () => {
    const [year] = timeline([makeArticle({ date: '2018-12-31' })]);
    expect([year!.year, year!.months[0]!.month]).toEqual([2018, 12]);
  });
});
