/**
 * Today's calendar day, for the commands that date what they write or judge
 * (`check`, `import`, `new`): a module of its own, so that none of them loads
 * another's code for it.
 */

/** Today's calendar day on this machine, `YYYY-MM-DD`, read from local parts so no zone shifts it. */
export function localToday(clock: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}`;
}
