import { isoDay } from '../../content/dates.ts';

/**
 * Reads a day (and a time, when one is given) out of the ways pages write
 * dates, without ever going through a Date object: "2019-05-23T23:30:00-04:00"
 * is 23 May, whatever the zone of the machine or of UTC.
 */

/** A stated day, and the stated time of day when there is one (`23:30`, `23:30-04:00`). */
export interface StatedDate {
  date: string;
  time?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** The number of a month's name or abbreviation ("Sept.", "september", "Sep"); 0 for anything else. */
export function monthNumber(word: string): number {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[key.slice(0, 4) === 'sept' ? 'sept' : key.slice(0, 3)] ?? 0;
}

/** Years outside this window are not publication days of a web page. */
function plausibleYear(year: number): boolean {
  return year >= 1995 && year <= 2100;
}

function day(year: number, month: number, date: number): string | undefined {
  return plausibleYear(year) ? isoDay(year, month, date) : undefined;
}

const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const SLASHED_YMD = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?/;
const MONTH_FIRST = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i');
const NUMERIC_MDY = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/;

function zone(raw: string | undefined): string {
  if (!raw) return '';
  if (raw === 'Z') return 'Z';
  const digits = raw.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

function clock(hours: number, minutes: number): string | undefined {
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Parses a machine-readable date (ISO 8601 and its cousins, as found in
 * `datetime` attributes, JSON-LD and meta tags). The day is the one written,
 * in the offset written. A time is kept only when the string states one that
 * is not a bare midnight placeholder.
 */
export function parseMachineDate(value: string): StatedDate | undefined {
  const text = value.trim();
  let match = ISO.exec(text);
  if (match) {
    const date = day(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!date) return undefined;
    if (match[4] === undefined) return { date };
    const time = clock(Number(match[4]), Number(match[5]));
    // 00:00:00 is what CMSs write when they only know the day.
    if (!time || (time === '00:00' && !Number(match[6] ?? 0))) return { date };
    return { date, time: time + zone(match[7]) };
  }
  match = COMPACT.exec(text);
  if (match) {
    const date = day(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!date) return undefined;
    return { date };
  }
  return parseHumanDate(text);
}

/**
 * Parses a date as people write it: "May 23, 2019", "23 May 2019",
 * "Thu, 23 May 2019 23:30:00 -0400", "2019/05/23", "05/23/2019" (US order,
 * unless the first number cannot be a month), "23.05.2019" (day first).
 */
export function parseHumanDate(text: string): StatedDate | undefined {
  let date: string | undefined;
  let match = MONTH_FIRST.exec(text);
  if (match) date = day(Number(match[3]), monthNumber(match[1]!), Number(match[2]));
  if (!date) {
    match = DAY_FIRST.exec(text);
    if (match) date = day(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
  }
  if (!date) {
    match = SLASHED_YMD.exec(text);
    if (match) date = day(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (!date) match = NUMERIC_MDY.exec(text);
  if (!date && match) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    const year = Number(match[4]);
    // Dots are the European way (day first); slashes the US one, unless the first number cannot be a month.
    const dayFirst = a > 12 || (match[2] === '.' && b <= 12);
    date = dayFirst ? day(year, b, a) : day(year, a, b);
  }
  if (!date) return undefined;
  return { date };
}

/** The day a URL path states, as in `/2019/05/23/` or `/2019-05-23-`. */
export function dateFromUrl(url: string): string | undefined {
  const match = /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(url);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  const compact = /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|[_-])/.exec(url);
  if (compact) return day(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return undefined;
}

/** Every day stated in words or numbers in a run of text, in order. */
export function findHumanDates(text: string): Array<{ date: string; index: number }> {
  const found: Array<{ date: string; index: number }> = [];
  const patterns = [MONTH_FIRST, DAY_FIRST, SLASHED_YMD, NUMERIC_MDY, ISO];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      const parsed = pattern === ISO ? parseMachineDate(match[0]) : parseHumanDate(match[0]);
      if (parsed) found.push({ date: parsed.date, index: match.index ?? 0 });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
