import { describe, expect, it } from 'vitest';
import { formatDay, isIsoDay, isoDay } from '../../src/content/dates.ts';

describe('isIsoDay', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(isIsoDay('2019-05-23')).toBe(true);
    expect(isIsoDay('2020-02-29')).toBe(true);
    expect(isIsoDay('2019-02-29')).toBe(false);
    expect(isIsoDay('2019-02-30')).toBe(false);
    expect(isIsoDay('1900-02-29')).toBe(false);
    expect(isIsoDay('2019-5-23')).toBe(false);
    expect(isoDay(2019, 13, 1)).toBeUndefined();
  });
});

describe('formatDay', () => {
  it('keeps the day the page states in any time zone', () => {
    const before = process.env.TZ;
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(formatDay('2019-05-23')).toBe('23 May 2019');
    }
    process.env.TZ = before;
  });
});
