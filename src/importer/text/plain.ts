/**
 * Plain stories: a text that is only the story, as news agencies file it. A
 * headline line (in capitals or not), perhaps a byline, a dateline
 * ("PRAGUE 1996-12-06", "WASHINGTON, May 23 (Reuters) -"), then paragraphs,
 * perhaps a desk's signature ("-- London Newsroom +44 171 542 2774"). Such a
 * text has no page around it, so the web-page rules (article region,
 * headline above it) do not apply: its structure says where each part is.
 */
import { findDays } from './dates-in-text.ts';
import type { Line } from './lines.ts';
import { isProse, wordCount } from './prose.ts';

/** Where the parts of a plain story stand, as positions in the dump's lines. */
export interface PlainStory {
  titleAt: number;
  /** Byline lines between the headline and the dateline. */
  bylines: number[];
  /** The dateline, when the story has one. */
  dateline?: Dateline;
  /** The lines of the story itself. */
  body: number[];
  /** Signature lines after the story ("-- Name, Desk, phone"). */
  signatures: number[];
}

/** A dateline: where the story was filed, and the day when it says one. */
export interface Dateline {
  at: number;
  /** The place as written: "PRAGUE", "AL-AIN, United Arab Emirates". */
  place: string;
  day?: string;
  /** The dateline opens the first paragraph ("WASHINGTON (Reuters) - The ...") rather than standing alone. */
  inline: boolean;
}

/** A place in a dateline: words in capitals ("RIO DE JANEIRO", "AL-AIN"), then perhaps ", Region" ("HOBART, Australia", "TALLAHASSEE, Fla."). */
const PLACE = String.raw`(\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3}(?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})?)`;
/** "PRAGUE 1996-12-06", "HOBART, Australia 1996-12-07": a dateline on a line of its own. */
const STANDALONE = new RegExp(
  String.raw`^${PLACE},?\s+(\d{4}-\d{2}-\d{2}|\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \p{L}{3,9} \d{4})\.?$`,
  'u',
);
/** "WASHINGTON (Reuters) - ", "LONDON, May 23 (AP) — ", "MOSCOW, Dec 6 (Reuter) ": a dateline opening a paragraph. */
const INLINE = new RegExp(
  String.raw`^${PLACE}(?:,\s*([^()]{3,30}?))?\s*\((?:Reuters?|AP|AFP|UPI|Bloomberg|dpa|Xinhua|[A-Z][A-Za-z-]{1,15})\)\s*(?:[-–—:]\s*)?`,
  'u',
);

/** A signature line at the end of a wire story: "-- Riga Newsroom, +371 721 5240". */
const SIGNATURE = /^--\s*\S/;

/** Reads a dump as a plain story, or says it is not one (undefined). */
export function readPlainStory(lines: readonly Line[]): PlainStory | undefined {
  if (lines.length < 2 || lines.length > 2000) return undefined;
  const title = lines[0]!;
  if (!isHeadline(title)) return undefined;

  const bylines: number[] = [];
  let dateline: Dateline | undefined;
  let next = 1;
  for (let i = 1; i <= 3 && i < lines.length; i++) {
    const found = datelineOf(lines[i]!, i);
    if (found) {
      dateline = found;
      next = found.inline ? i : i + 1;
      break;
    }
    if (!isByline(lines[i]!.text)) break;
    bylines.push(i);
  }
  if (!dateline) bylines.length = 0;
  const rest = lines.slice(dateline ? next : 1);
  if (dateline ? !mostlyPlain(rest) : !plainShape(rest)) return undefined;

  const signatures: number[] = [];
  const body: number[] = [];
  for (let i = dateline ? next : 1; i < lines.length; i++) {
    if (SIGNATURE.test(lines[i]!.text) && i >= lines.length - 3) signatures.push(i);
    else body.push(i);
  }
  return { titleAt: 0, bylines, dateline, body, signatures };
}

/** A headline: a short line that is not a sentence run on, a link or a list item. */
function isHeadline(line: Line): boolean {
  const words = wordCount(line.text);
  return (
    !line.bullet && words >= 2 && words <= 30 && line.text.length <= 200 && !/:\/\/|^www\./.test(line.text) && !/[,;:]$/.test(line.text)
  );
}

/** A byline: a name of two to four capitalised words, perhaps after "By". */
export function isByline(text: string): boolean {
  const name = text.replace(/^by\s+/i, '');
  return (
    /^\p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|de|da|di|van|von|der|del|la|le|al|bin)){1,3}$/u.test(name) && name !== name.toUpperCase()
  );
}

function datelineOf(line: Line, at: number): Dateline | undefined {
  const standalone = STANDALONE.exec(line.text);
  if (standalone) {
    const day = findDays(standalone[2]!)[0]?.day;
    return { at, place: standalone[1]!, day, inline: false };
  }
  const inline = INLINE.exec(line.text);
  if (inline && isProse(line)) {
    const day = inline[2] ? findDays(inline[2])[0]?.day : undefined;
    return { at, place: inline[1]!, day, inline: true };
  }
  return undefined;
}

/** Few list items and repeated lines: a story, not a page of menus below a line that looks like a dateline. */
function mostlyPlain(rest: readonly Line[]): boolean {
  const furniture = rest.filter((line) => line.bullet || line.repeats > 1).length;
  return rest.length > 0 && furniture / rest.length < 0.2;
}

/**
 * Without a dateline, a plain story is still told by its shape: every
 * paragraph its own block, no list items, no line said twice, and most lines
 * sentences, which a web page's menus and rails never are.
 */
function plainShape(rest: readonly Line[]): boolean {
  if (rest.length < 2) return false;
  if (rest.some((line) => line.bullet || line.blockSize > 1 || line.repeats > 1)) return false;
  const prose = rest.filter((line) => isProse(line)).length;
  return isProse(rest[0]!) && prose / rest.length >= 0.7;
}
