import { monthName as nameOf } from '../content/dates.ts';

/** "May" for 5. */
export function monthName(month: number): string {
  return nameOf(month);
}
