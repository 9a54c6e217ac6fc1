import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay } from '../../src/content/dates.ts';
import { findHumanDates, parseHumanDate, parseMachineDate } from '../../src/importer/dates/parse.ts';
import { findDays } from '../../src/importer/text/dates-in-text.ts';

const RUNS = { numRuns: 1000 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The reference: a day exists when a UTC calendar built from its parts gives the same parts back. */
function referenceIsDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD`-shaped strings, real days and impossible ones alike (month 00 to 19, day 00 to 39). */
const dayShaped = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);

/** A real day a web page could state: years 1995 to 2100. */
const statedDay = fc
  .tuple(fc.integer({ min: 1995, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => referenceIsDay(`${y}-${pad(m)}-${pad(d)}`));

/** The ways pages write a day, each paired with whether findDays (the text-dump reader) knows it. */
const WRITINGS: [name: string, write: (y: number, m: number, d: number) => string, inText: boolean][] = [
  ['ISO day', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`, true],
  ['ISO late evening, west of UTC', (y, m, d) => `${y}-${pad(m)}-${pad(d)}T23:30:00-04:00`, true],
  ['ISO early morning, east of UTC', (y, m, d) => `${y}-${pad(m)}-${pad(d)}T00:15:00+14:00`, true],
  ['ISO in UTC', (y, m, d) => `${y}-${pad(m)}-${pad(d)}T12:00:00.000Z`, true],
  ['month first', (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`, true],
  ['day first', (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`, true],
  ['RFC 2822', (y, m, d) => `Thu, ${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y} 23:30:00 -0400`, true],
  ['slashed', (y, m, d) => `${y}/${pad(m)}/${pad(d)}`, true],
  ['US numeric', (y, m, d) => `${pad(m)}/${pad(d)}/${y}`, false],
];

describe('isIsoDay', () => {
  it('agrees with a calendar built from UTC parts on every YYYY-MM-DD string', () => {
    fc.assert(
      fc.property(dayShaped, (text) => isIsoDay(text) === referenceIsDay(text)),
      RUNS,
    );
  });

  it('refuses any string that is not exactly YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !isIsoDay(text) || /^\d{4}-\d{2}-\d{2}$/.test(text)),
      RUNS,
    );
  });
});

describe("the importer's date finders", () => {
  const dateLike = fc
    .array(
      fc.oneof(
        fc.constantFrom(...MONTHS, 'Feb', 'Sept.', '-', '/', '.', ' ', ', ', 'T', ':', '+', 'Z', 'th', 'of'),
        fc.integer({ min: 0, max: 9999 }).map(String),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('never return a day that does not exist', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string()), (text) => {
        const days = [
          parseMachineDate(text)?.date,
          parseHumanDate(text)?.date,
          ...findHumanDates(text).map((f) => f.date),
          ...findDays(text).map((f) => f.day),
        ];
        return days.every((day) => day === undefined || isIsoDay(day));
      }),
      RUNS,
    );
  });

  for (const [name, write, inText] of WRITINGS) {
    it(`keep the day a page states, written ${name}, whatever the time and zone`, () => {
      fc.assert(
        fc.property(statedDay, fc.constantFrom('Published ', 'Updated: ', ''), ([y, m, d], before) => {
          const stated = `${y}-${pad(m)}-${pad(d)}`;
          const written = write(y, m, d);
          expect(parseMachineDate(written)?.date).toBe(stated);
          expect(findHumanDates(`${before}${written} by staff`)[0]?.date).toBe(stated);
          if (inText) expect(findDays(`${before}${written} by staff`)[0]?.day).toBe(stated);
        }),
        RUNS,
      );
    });
  }
});
