/**
 * A text dump as lines: one line per rendered line of the page, with what the
 * boilerplate rules need to know about each (its block, its repetition).
 */

/** One non-blank line of a dump, trimmed, with its place in the page. */
export interface Line {
  /** Index among the dump's lines, blank lines included (after a hard-wrapped dump is joined). */
  index: number;
  /** The text, trimmed, no-break spaces as spaces, list markers kept. */
  raw: string;
  /** The text without a leading list marker (`•`, `□`, `*`, `-`). */
  text: string;
  /** Drawn as a list item by the text browser. */
  bullet: boolean;
  /** Spaces before the text: a text browser indents list items and their continuation lines. */
  indent: number;
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
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '');
}

const BULLET = /^(?:[•□■◦▪●○◆◇►▶→·*]|-(?=\s))\s*/u;

/** Splits a normalised dump into its non-blank lines. */
export function splitLines(dump: string): Line[] {
  const out: Line[] = [];
  const counts = new Map<string, number>();
  let block = -1;
  let previousBlank = true;
  const all = unwrap(dump.split('\n'));
  for (let index = 0; index < all.length; index++) {
    const original = all[index]!;
    const raw = original.replace(/\s+/g, ' ').trim();
    if (!raw) {
      previousBlank = true;
      continue;
    }
    if (previousBlank) block++;
    previousBlank = false;
    const bullet = BULLET.test(raw);
    const text = bullet ? raw.replace(BULLET, '').trim() : raw;
    counts.set(text, (counts.get(text) ?? 0) + 1);
    const indent = /^[ \t]*/.exec(original)![0].length;
    out.push({ index, raw, text, bullet, indent, block, blockSize: 0, repeats: 0 });
  }
  // Indentation counts from the page's own margin: some dumps indent every line.
  const margins = new Map<number, number>();
  for (const line of out) margins.set(line.indent, (margins.get(line.indent) ?? 0) + 1);
  const margin = [...margins].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  for (const line of out) line.indent = Math.max(0, line.indent - margin);
  const sizes = new Map<number, number>();
  for (const line of out) sizes.set(line.block, (sizes.get(line.block) ?? 0) + 1);
  for (const line of out) {
    line.blockSize = sizes.get(line.block) ?? 1;
    line.repeats = counts.get(line.text) ?? 1;
  }
  return out;
}

/**
 * The width a dump was hard-wrapped at, if it was: many lines end within a
 * word's length of one common maximum (a text browser at 80 columns), while an
 * unwrapped dump has paragraphs far longer than its typical line.
 */
export function wrapWidth(rawLines: readonly string[]): number | undefined {
  // Columns are at least the character count: a long line rules wrapping out cheaply.
  if (rawLines.length < 10 || rawLines.some((l) => l.length > 260)) return undefined;
  const lengths = rawLines.map((l) => columns(l.trimEnd())).filter((n) => n > 0);
  if (lengths.length < 10) return undefined;
  const width = Math.max(...lengths);
  if (width > 200 || width < 40) return undefined;
  const long = lengths.filter((n) => n >= 40);
  const nearFull = long.filter((n) => n >= width - 15).length;
  return long.length >= 5 && nearFull / long.length >= 0.4 ? width : undefined;
}

/** Terminal columns a line takes: East Asian wide characters take two. */
export function columns(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    n += wide ? 2 : 1;
  }
  return n;
}

/** Joins the lines of a hard-wrapped dump back into paragraphs: a line broke where the next word did not fit. */
export function unwrap(rawLines: string[]): string[] {
  const width = wrapWidth(rawLines);
  if (width === undefined) return rawLines;
  const out: string[] = [];
  // The paragraph being joined, in pieces: joining into one string and reading its end back is quadratic.
  let parts: string[] | undefined;
  let lastLength = 0;
  const flush = (): void => {
    if (parts) out.push(parts.join(''));
    parts = undefined;
  };
  for (const raw of rawLines) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    const firstWord = trimmed.split(' ', 1)[0] ?? '';
    const continues = parts !== undefined && trimmed !== '' && !BULLET.test(trimmed) && lastLength + 1 + columns(firstWord) > width - 6;
    if (continues) {
      const previous = parts![parts!.length - 1]!;
      // East Asian text has no spaces between words, so a wrap inside it joins without one.
      const glue = columns(previous.slice(-1)) === 2 && columns(trimmed[0]!) === 2 ? '' : ' ';
      parts!.push(glue, trimmed);
    } else {
      flush();
      parts = [line];
    }
    lastLength = columns(line);
    if (trimmed === '') flush();
  }
  flush();
  return out;
}
