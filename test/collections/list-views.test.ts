import { describe, expect, it } from 'vitest';
import { listViews } from '../../src/collections/list-views.ts';
import { newestFirst } from '../../src/collections/order.ts';
import { makeArticle } from '../support/make-article.ts';

const rule = { pageSize: 3, yearPagesMin: 5 };
const dated = (...dates: string[]) => newestFirst(dates.map((date) => makeArticle({ date })));

describe('listViews', () => {
  it('offers a list on one page newest first alone: every article is in sight', () => {
    const { views, controls } = listViews('/tags/x/', dated('2018-05-01', '2019-01-01', '2019-02-01'), rule);
    expect(views.map((view) => view.url)).toEqual(['/tags/x/']);
    expect(controls).toEqual({ years: [] });
  });

  it('offers a list longer than a page oldest first too', () => {
    const { views, controls } = listViews('/tags/x/', dated('2018-05-01', '2019-01-01', '2019-02-01', '2019-03-01'), rule);
    expect(views.map((view) => [view.url, view.sort, view.articles.map((a) => a.date)])).toEqual([
      ['/tags/x/', 'newest', ['2019-03-01', '2019-02-01', '2019-01-01', '2018-05-01']],
      ['/tags/x/oldest/', 'oldest', ['2018-05-01', '2019-01-01', '2019-02-01', '2019-03-01']],
    ]);
    expect(controls).toEqual({ oldest: '/tags/x/oldest/', years: [] });
  });

  it('gives a list of yearPagesMin articles or more one view per year, oldest year first, each newest first and holding its year alone', () => {
    const { views, controls } = listViews('/people/y/', dated('2017-03-01', '2019-01-01', '2019-06-30', '2019-12-31', '2017-01-01'), rule);
    expect(controls.years).toEqual([
      { year: 2017, count: 2, url: '/people/y/2017/' },
      { year: 2019, count: 3, url: '/people/y/2019/' },
    ]);
    const years = views.filter((view) => view.year);
    expect(years.map((view) => [view.url, view.sort, view.articles.map((a) => a.date)])).toEqual([
      ['/people/y/2017/', 'newest', ['2017-03-01', '2017-01-01']],
      ['/people/y/2019/', 'newest', ['2019-12-31', '2019-06-30', '2019-01-01']],
    ]);
  });

  it('gives no year views to a list below yearPagesMin or within one year', () => {
    expect(listViews('/tags/x/', dated('2018-01-01', '2019-02-01', '2019-03-01', '2019-04-01'), rule).controls.years).toEqual([]);
    expect(listViews('/tags/x/', dated('2019-01-01', '2019-02-01', '2019-03-01', '2019-04-01', '2019-05-01'), rule).controls.years).toEqual(
      [],
    );
  });

  it('leaves out a year whose number is a page of the newest-first list, so no two pages share a URL', () => {
    const many = dated(...Array.from({ length: 2019 * 3 }, (_, i) => (i % 2 ? '2019-01-01' : '2020-01-01')));
    const { views } = listViews('/tags/x/', many, rule);
    expect(views.filter((view) => view.year).map((view) => view.year)).toEqual([2020]);
  });
});
