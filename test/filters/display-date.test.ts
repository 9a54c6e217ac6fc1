import { afterEach, describe, expect, it } from 'vitest';
import { displayDate } from '../../src/filters/index.ts';

const originalTz = process.env.TZ;

describe('displayDate', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata']) {
    it(`keeps the day the page states in ${zone}`, () => {
      process.env.TZ = zone;
      expect(displayDate('2019-05-23')).toBe('23 May 2019');
      expect(displayDate('2019-01-01')).toBe('1 January 2019');
      expect(displayDate('2018-12-31')).toBe('31 December 2018');
    });
  }
});
