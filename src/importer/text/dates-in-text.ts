/**
 * Days and clock times written in running text ("23 May 2019", "Nov 19, 2019",
 * "2019-05-23", "10:48", "6:21 AM EST"). Days stay `YYYY-MM-DD` strings built
 * from the digits on the page: no Date object, so no zone can shift the day.
 */
import { isoDay } from '../../content/dates.ts';
import { monthNumber } from '../dates/parse.ts';

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** A day found in a line, with where it stood. */
export interface FoundDay {
  day: string;
  start: number;
  end: number;
}

const PATTERNS: Array<{ re: RegExp; parts: (m: RegExpExecArray) => [number, number, number] }> = [
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /(?<!\d)(\d{4})[./](\d{1,2})[./](\d{1,2})(?!\d)/g, parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /(\d{4})年(\d{1,2})月(\d{1,2})日/g, parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  {
    re: new RegExp(`(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})(?:(?!\\d)|(?=\\d{1,2}:\\d{2}))`, 'gi'),
    parts: (m) => [+m[3]!, monthNumber(m[2]!), +m[1]!],
  },
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:(?!\\d)|(?=\\d{1,2}:\\d{2}))`, 'gi'),
    parts: (m) => [+m[3]!, monthNumber(m[1]!), +m[2]!],
  },
  // Slashes are American, month first ("2/26/2015"); day first only when the month-first reading cannot be ("26/2/2015").
  {
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g,
    parts: (m) => (+m[1]! > 12 ? [+m[3]!, +m[2]!, +m[1]!] : [+m[3]!, +m[1]!, +m[2]!]),
  },
  // Day first, as on "21:17 18.11.2019"; month first only when the day-first reading cannot be ("01.21.2020").
  {
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g,
    parts: (m) => (+m[2]! > 12 ? [+m[3]!, +m[1]!, +m[2]!] : [+m[3]!, +m[2]!, +m[1]!]),
  },
];

/** Every real day written in a line, in order of position. */
export function findDays(line: string): FoundDay[] {
  const found: FoundDay[] = [];
  for (const { re, parts } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const [year, month, day] = parts(m);
      const iso = year >= 1990 && year <= 2100 ? isoDay(year, month, day) : undefined;
      if (iso && !found.some((f) => m!.index < f.end && f.start < m!.index + m![0].length)) {
        found.push({ day: iso, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A clock time with its zone when written: `14:05`, `14:05+03:00`. */
export function findTime(line: string): string | undefined {
  const m =
    /(?<![\d:.])(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?(?:\s*(GMT|UTC)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?)?(?![\d:])/.exec(
      line,
    );
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const meridiem = m[3]?.[0]?.toLowerCase();
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (!m[4]) return hhmm;
  const offsetHours = m[6] ? Number(m[6]) : 0;
  if (offsetHours > 14) return hhmm;
  const offset = `${m[5] ?? '+'}${String(offsetHours).padStart(2, '0')}:${m[7] ?? '00'}`;
  return `${hhmm}${offset}`;
}

const CLOCK = new RegExp(`^(\\d{1,2}):(\\d{2})\\s*(?:GMT|UTC)\\s*([+-])(\\d{1,2}\\s+\\d{1,2}|\\d{1,4})\\s*${MONTH}\\s+(\\d{4})$`, 'i');

/**
 * A site header clock ("22:25 GMT +3" then "23 May 2019", which the dump often
 * runs together as "22:25 GMT +323 May 2019") as an ISO date-time. The digits after
 * the sign hold both the zone and the day; `preferDay` (the day the page
 * states elsewhere) settles which split is meant.
 */
export function parseHeaderClock(line: string, preferDay?: string): string | undefined {
  const m = CLOCK.exec(line.trim());
  if (!m) return undefined;
  const [, hh, mm, sign, digits, monthName, yearText] = m as unknown as string[];
  const hour = Number(hh);
  if (hour > 23 || Number(mm) > 59) return undefined;
  const month = monthNumber(monthName!);
  const year = Number(yearText);
  const options: Array<{ zone: number; day: string }> = [];
  const spaced = /^(\d+)\s+(\d+)$/.exec(digits!);
  for (let cut = 1; cut < digits!.length; cut++) {
    if (spaced) break;
    const zone = Number(digits!.slice(0, cut));
    const dayDigits = digits!.slice(cut);
    const day = dayDigits.length <= 2 ? isoDay(year, month, Number(dayDigits)) : undefined;
    if (zone <= 14 && day) options.push({ zone, day });
  }
  if (spaced) {
    const day = isoDay(year, month, Number(spaced[2]));
    if (Number(spaced[1]) <= 14 && day) options.push({ zone: Number(spaced[1]), day });
  }
  if (!options.length) return undefined;
  const pick = options.find((o) => o.day === preferDay) ?? options[0]!;
  const zone = `${sign}${String(pick.zone).padStart(2, '0')}:00`;
  return `${pick.day}T${hh!.padStart(2, '0')}:${mm}:00${zone}`;
}
