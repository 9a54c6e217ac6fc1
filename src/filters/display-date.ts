import { formatDay } from '../content/dates.ts';

/** "23 May 2019" for `2019-05-23`: the stated day, never moved by a time zone. */
export function displayDate(day: string): string {
  return formatDay(day);
}
