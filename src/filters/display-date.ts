import { formatDay } from '../content/dates.ts';

const shown = new Map<string, string>();

/** "23 May 2019" for `2019-05-23`: the stated day, never moved by a time zone. Remembered per day: pages call it tens of thousands of times. */
export function displayDate(day: string): string {
  let out = shown.get(day);
  if (out === undefined) {
    out = formatDay(day);
    shown.set(day, out);
  }
  return out;
}
