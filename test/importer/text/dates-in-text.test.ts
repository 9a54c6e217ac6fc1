import { describe, expect, it } from 'vitest';
import { findDays, findTime, parseHeaderClock } from '../../../src/importer/text/dates-in-text.ts';

describe('findDays', () => {
  it('reads the usual ways pages write a day', () => {
    expect(findDays(' date 2019-05-23 Register').map((d) => d.day)).toEqual(['2019-05-23']);
    expect(findDays('19 NOV 2019').map((d) => d.day)).toEqual(['2019-11-19']);
    expect(findDays('Posted by Michael David Smith on November 19, 2019, 6:21 AM EST').map((d) => d.day)).toEqual(['2019-11-19']);
    expect(findDays('PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019').map((d) => d.day)).toEqual([
      '2019-11-19',
      '2019-11-19',
    ]);
    expect(findDays('21:17 18.11.2019Get short URL').map((d) => d.day)).toEqual(['2019-11-18']);
    expect(findDays('01.21.2020 07:00 AM').map((d) => d.day)).toEqual(['2020-01-21']);
    expect(findDays('November 9, 20235:01 AM ET').map((d) => d.day)).toEqual(['2023-11-09']);
    expect(findDays('by ライトハウス国際特許事務所／ 2016.12.01').map((d) => d.day)).toEqual(['2016-12-01']);
  });

  it('ignores days that do not exist and numbers that only look like dates', () => {
    expect(findDays('2019-02-30')).toEqual([]);
    expect(findDays('Call 2019 5 23 now')).toEqual([]);
  });
});

describe('findTime', () => {
  it('keeps the zone when the page writes one and turns 12-hour clocks to 24-hour', () => {
    expect(findTime('20 Nov 2019 08:00 GMT')).toBe('08:00+00:00');
    expect(findTime('on November 19, 2019, 6:21 PM EST')).toBe('18:21');
    expect(findTime('PUBLISHED: 10:48, Tue, Nov 19, 2019')).toBe('10:48');
    expect(findTime('no time here')).toBeUndefined();
  });
});

describe('parseHeaderClock', () => {
  it('splits the zone from the day when the dump runs them together', () => {
    expect(parseHeaderClock('22:25 GMT +323 May 2019')).toBe('2019-05-23T22:25:00+03:00');
  });

  it('reads the clock when the zone and the day stand apart', () => {
    expect(parseHeaderClock('22:25 GMT +3 23 May 2019')).toBe('2019-05-23T22:25:00+03:00');
  });

  it('lets the day the page states settle an ambiguous split', () => {
    expect(parseHeaderClock('09:10 GMT +113 May 2019', '2019-05-03')).toBe('2019-05-03T09:10:00+11:00');
    expect(parseHeaderClock('09:10 GMT +113 May 2019', '2019-05-13')).toBe('2019-05-13T09:10:00+01:00');
  });

  it('reads nothing from a line that is not a header clock', () => {
    expect(parseHeaderClock('Listen Live')).toBeUndefined();
    expect(parseHeaderClock('22:25 GMT +3')).toBeUndefined();
  });
});
