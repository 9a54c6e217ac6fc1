import { describe, expect, it } from 'vitest';
import { barChart, chartPeriods, fillYears, MONTHLY_SPAN, yearChart } from '../../src/site/chart.ts';

describe('year chart', () => {
  it('fills years without articles with zero', () => {
    expect(
      fillYears([
        { year: 2017, count: 2 },
        { year: 2019, count: 1 },
      ]),
    ).toEqual([
      { year: 2017, count: 2 },
      { year: 2018, count: 0 },
      { year: 2019, count: 1 },
    ]);
  });

  it('draws one labelled bar per year with a title for assistive technology and no inline style', () => {
    const svg = yearChart([
      { year: 2018, count: 3 },
      { year: 2019, count: 1 },
    ]);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="chart-title">Articles per year: 4 articles from 2018 to 2019</title>');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).not.toContain('style=');
  });
});

describe('chartPeriods', () => {
  const on = (...days: string[]) => days.map((day) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) }));

  it('charts a short span per month, empty months included, with links to the month on its year page', () => {
    const periods = chartPeriods(on('2019-11-30', '2020-01-01', '2020-01-31', '2019-11-01'));
    expect(periods.unit).toBe('month');
    expect(periods.bars.map((bar) => [bar.key, bar.count])).toEqual([
      ['2019-11', 2],
      ['2019-12', 0],
      ['2020-01', 2],
    ]);
    expect(periods.bars.map((bar) => bar.tick)).toEqual(['November 2019', 'Dec', 'January 2020']);
    expect(periods.bars[2]).toMatchObject({ label: 'January 2020', url: '/timeline/2020/#m-2020-01' });
  });

  it(`charts per month up to ${MONTHLY_SPAN} months and per year beyond`, () => {
    expect(chartPeriods(on('2018-01-15', '2019-12-15')).unit).toBe('month');
    expect(chartPeriods(on('2018-01-15', '2019-12-15')).bars).toHaveLength(MONTHLY_SPAN);
    const long = chartPeriods(on('2018-01-15', '2020-01-15'));
    expect(long.unit).toBe('year');
    expect(long.bars.map((bar) => [bar.key, bar.count, bar.url])).toEqual([
      ['2018', 1, '/timeline/2018/'],
      ['2019', 0, '/timeline/2019/'],
      ['2020', 1, '/timeline/2020/'],
    ]);
  });

  it('draws a month chart titled per month, labels escaped, no inline style', () => {
    const svg = barChart(chartPeriods(on('2019-05-23', '2019-05-24', '2019-07-01')), 'entity-chart-title');
    expect(svg).toContain('<title id="entity-chart-title">Articles per month: 3 articles from May 2019 to July 2019</title>');
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('<title>June 2019: 0</title>');
    expect(svg).not.toContain('style=');
  });
});
