/**
 * The CSV of the export (csv-stringify, RFC 4180: comma, double quotes,
 * CRLF, UTF-8 without a byte-order mark), and the two rules that make a
 * cell safe and reversible:
 * - a list is its items joined with "; "; an item's own "\" and ";" are
 *   written "\\" and "\;", so every list splits back as it was;
 * - a cell that starts with = + - @, a tab or a carriage return (which a
 *   spreadsheet would run as a formula: OWASP's "CSV injection") gets a
 *   leading apostrophe, and so does a cell that already starts with one, so
 *   reading a cell back is always: drop one leading apostrophe.
 * `parseCell` undoes both, for anyone reading the file back (the round-trip test does).
 */
import { stringify } from 'csv-stringify/sync';
import type { Column } from './records.ts';

/** What joins the items of a list in a cell. */
export const LIST_SEPARATOR = '; ';

/** Characters a spreadsheet reads as the start of a formula (OWASP), and the apostrophe that marks one neutralised. */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell made safe to open in a spreadsheet: a leading apostrophe before a formula's first character (or an apostrophe). */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The items of a list as one cell's text: joined with "; ", each item's "\" and ";" escaped. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/** The items of a cell written by `joinList`. */
export function splitList(text: string): string[] {
  if (text === '') return [];
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === ';') {
      items.push(current);
      current = '';
      if (text[i + 1] === ' ') i++;
    } else {
      current += c;
    }
  }
  items.push(current);
  return items;
}

type CellValue = string | number | string[] | null;

/** One value as its cell's text: an empty cell for null, lists joined, then neutralised. */
export function formatCell(value: CellValue, column: Pick<Column<never>, 'list'>): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return neutralizeCell(column.list && Array.isArray(value) ? joinList(value) : String(value));
}

/** A cell's text back as its value: the inverse of `formatCell`. */
export function parseCell(text: string, column: Pick<Column<never>, 'list' | 'type' | 'required'>): CellValue {
  const raw = text.startsWith("'") ? text.slice(1) : text;
  if (column.list) return splitList(raw);
  if (raw === '' && !column.required) return null;
  if (column.type === 'integer') return Number(raw);
  return raw;
}

/** The records as CSV: a header row of the column names, then one row per record. */
export function toCsv<R extends object>(records: readonly R[], columns: readonly Column<R>[]): string {
  const rows = records.map((record) =>
    columns.map((column) => formatCell((record as Record<string, CellValue>)[column.name] ?? null, column)),
  );
  return stringify(rows, { header: true, columns: columns.map((column) => column.name), record_delimiter: 'windows' });
}
