import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromUrl, findHumanDates, parseHumanDate, parseMachineDate } from '../../../src/importer/dates/parse.ts';

describe('parseMachineDate', () => {
  it('keeps the day written in a negative offset, never the UTC day', () => {
    expect(parseMachineDate('2019-05-23T23:30:00-04:00')).toEqual({ date: '2019-05-23', time: '23:30-04:00' });
  });

  it('keeps the day written in a positive offset, never the UTC day', () => {
    expect(parseMachineDate('2019-05-24T01:00:00+09:00')).toEqual({ date: '2019-05-24', time: '01:00+09:00' });
  });

  it('keeps a UTC stamp as written', () => {
    expect(parseMachineDate('2020-10-29T02:35:27.746Z')).toEqual({ date: '2020-10-29', time: '02:35Z' });
    expect(parseMachineDate('2020-01-20T09:49:32+0000')).toEqual({ date: '2020-01-20', time: '09:49+00:00' });
  });

  it('states no time for a bare day or a midnight placeholder', () => {
    expect(parseMachineDate('2019-05-23')).toEqual({ date: '2019-05-23' });
    expect(parseMachineDate('2019-05-23T00:00:00')).toEqual({ date: '2019-05-23' });
  });

  it('rejects days that do not exist', () => {
    expect(parseMachineDate('2019-02-30')).toBeUndefined();
    expect(parseMachineDate('not a date')).toBeUndefined();
  });

  it('gives the written day for any stated offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -12, max: 14 }),
        (y, m, d, h, off) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const zone = `${off < 0 ? '-' : '+'}${pad(Math.abs(off))}:00`;
          const parsed = parseMachineDate(`${y}-${pad(m)}-${pad(d)}T${pad(h)}:15:00${zone}`);
          expect(parsed?.date).toBe(`${y}-${pad(m)}-${pad(d)}`);
        },
      ),
    );
  });
});

describe('parseHumanDate', () => {
  it('reads month-first and day-first dates in words', () => {
    expect(parseHumanDate('May 23, 2019')?.date).toBe('2019-05-23');
    expect(parseHumanDate('Published: Thu, 23 May 2019 23:30:00 -0400')?.date).toBe('2019-05-23');
    expect(parseHumanDate('Nov. 19, 2019 8:21 am ET')?.date).toBe('2019-11-19');
    expect(parseHumanDate('the 3rd of September 2018')?.date).toBe('2018-09-03');
  });

  it('reads numeric dates, US order unless the first number cannot be a month', () => {
    expect(parseHumanDate('2019/05/23')?.date).toBe('2019-05-23');
    expect(parseHumanDate('05/23/2019')?.date).toBe('2019-05-23');
    expect(parseHumanDate('23/05/2019')?.date).toBe('2019-05-23');
    expect(parseHumanDate('04.05.2019')?.date).toBe('2019-05-04');
    expect(parseHumanDate('04/05/2019')?.date).toBe('2019-04-05');
  });
});

describe('dateFromUrl', () => {
  it('reads the day in a dated path', () => {
    expect(dateFromUrl('https://www.pv-magazine.com/2019/11/20/south-koreas-roadmap/')).toBe('2019-11-20');
    expect(dateFromUrl('https://example.com/news/2019-05-23-story')).toBe('2019-05-23');
  });

  it('finds nothing in an undated path', () => {
    expect(dateFromUrl('https://globalnews.ca/news/6620622/syria-turkey-strikes-conflict/')).toBeUndefined();
  });
});

describe('findHumanDates', () => {
  it('lists the dates in a text in reading order', () => {
    expect(findHumanDates('Posted January 2, 2020. Updated 3 January 2020.').map((d) => d.date)).toEqual(['2020-01-02', '2020-01-03']);
  });
});
