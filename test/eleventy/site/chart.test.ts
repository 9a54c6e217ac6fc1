import { describe, expect, it } from 'vitest';
import { fillYears, yearChart } from '../../../src/site/chart.ts';

describe('year chart', () => {
  it('fills years without articles with zero', () => {
    expect(fillYears([{ year: 2017, count: 2 }, { year: 2019, count: 1 }])).toEqual([
      { year: 2017, count: 2 },
      { year: 2018, count: 0 },
      { year: 2019, count: 1 },
    ]);
  });

  it('draws one labelled bar per year with a title for assistive technology and no inline style', () => {
    const svg = yearChart([{ year: 2018, count: 3 }, { year: 2019, count: 1 }]);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="chart-title">Articles per year: 4 articles from 2018 to 2019</title>');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).not.toContain('style=');
  });
});
