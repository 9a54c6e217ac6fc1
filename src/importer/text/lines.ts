/**
 * A text dump as lines: one line per rendered line of the page, with what the
 * boilerplate rules need to know about each (its block, its repetition).
 */

/** One non-blank line of a dump, trimmed, with its place in the page. */
export interface Line {
  /** Index among the dump's lines (blank lines included). */
  index: number;
  /** The text, trimmed, no-break spaces as spaces, list markers kept. */
  raw: string;
  /** The text without a leading list marker (`•`, `□`, `*`, `-`). */
  text: string;
  /** Drawn as a list item by the text browser. */
  bullet: boolean;
  /** Index of the block (run of non-blank lines) the line belongs to. */
  block: number;
  /** Number of lines in that block. */
  blockSize: number;
  /** How many lines of the dump have the same text. */
  repeats: number;
}

/** The longest dump read; beyond it the page is not an article page. */
export const MAX_CHARS = 2_000_000;

/** Normalises a dump: line breaks, no-break and other odd spaces, control characters. */
export function normalizeDump(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .slice(0, MAX_CHARS)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '');
}

const BULLET = /^(?:[•□■◦▪●○◆◇►▶→·*]|-(?=\s))\s*/u;

/** Splits a normalised dump into its non-blank lines. */
export function splitLines(dump: string): Line[] {
  const out: Line[] = [];
  const counts = new Map<string, number>();
  let block = -1;
  let previousBlank = true;
  const all = dump.split('\n');
  for (let index = 0; index < all.length; index++) {
    const raw = all[index]!.replace(/\s+/g, ' ').trim();
    if (!raw) {
      previousBlank = true;
      continue;
    }
    if (previousBlank) block++;
    previousBlank = false;
    const bullet = BULLET.test(raw);
    const text = bullet ? raw.replace(BULLET, '').trim() : raw;
    counts.set(text, (counts.get(text) ?? 0) + 1);
    out.push({ index, raw, text, bullet, block, blockSize: 0, repeats: 0 });
  }
  const sizes = new Map<number, number>();
  for (const line of out) sizes.set(line.block, (sizes.get(line.block) ?? 0) + 1);
  for (const line of out) {
    line.blockSize = sizes.get(line.block) ?? 1;
    line.repeats = counts.get(line.text) ?? 1;
  }
  return out;
}
