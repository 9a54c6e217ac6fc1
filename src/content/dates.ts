/**
 * Calendar days as the page states them. A day is a `YYYY-MM-DD` string from
 * end to end: never a Date at midnight UTC that another zone would show as the
 * day before (11ty/eleventy issues 949 and 1531). Luxon does the calendar
 * arithmetic, always in the fixed UTC zone, so the machine's zone never moves
 * a day.
 */
import { DateTime, Info } from 'luxon';

const ZONE = { zone: 'utc', locale: 'en' } as const;

/** The day a `YYYY-MM-DD` string names, or undefined when the string names no real day. */
function dayOf(value: string): DateTime | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return undefined;
  const day = DateTime.fromFormat(value, 'yyyy-MM-dd', ZONE);
  return day.isValid ? day : undefined;
}

/** True for a `YYYY-MM-DD` string that names a day that exists (no 2019-02-30). */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && dayOf(value) !== undefined;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return DateTime.fromObject({ year, month, day: 1 }, ZONE).daysInMonth ?? 0;
}

/** Builds a `YYYY-MM-DD` string, or undefined when the parts name no real day. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDay(value) ? value : undefined;
}

/** "23 May 2019": the stated day in words, with no time zone involved. */
export function formatDay(day: string): string {
  return dayOf(day)?.toFormat('d LLLL yyyy') ?? day;
}

/** "May 2019". */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/** "May" for 5. */
export function monthName(month: number): string {
  return Info.months('long', { locale: 'en' })[month - 1]!;
}

/** The day after `day` (`YYYY-MM-DD`), or undefined when `day` names no real day. */
export function nextDay(day: string): string | undefined {
  return dayOf(day)?.plus({ days: 1 }).toFormat('yyyy-MM-dd');
}
