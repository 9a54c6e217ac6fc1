import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell, joinList, neutralizeCell, parseCell, splitList, toCsv } from '../../src/export/csv.ts';
import type { Column } from '../../src/export/records.ts';

describe('a CSV cell', () => {
  it('gets a leading apostrophe when a spreadsheet would read it as a formula (OWASP), and keeps any other text', () => {
    for (const formula of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.test","x")'])
      expect(neutralizeCell(formula)).toBe(`'${formula}`);
    for (const text of ['NATO', '5G', '‘Not Limited’', ' =leading space', 'a=b', 'e-mail']) expect(neutralizeCell(text)).toBe(text);
  });

  it('doubles a leading apostrophe, so reading back is always: drop one', () => {
    expect(neutralizeCell("'quoted'")).toBe("''quoted'");
    expect(parseCell(formatCell("'quoted'", {}), { type: 'string' })).toBe("'quoted'");
    expect(parseCell(formatCell('=1+1', {}), { type: 'string' })).toBe('=1+1');
  });

  it('joins a list with "; " and splits it back, whatever its items hold', () => {
    expect(joinList(['NATO', 'European Union'])).toBe('NATO; European Union');
    expect(joinList(['a;b', 'c\\d'])).toBe('a\\;b; c\\\\d');
    expect(splitList('')).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 6 }), (items) => {
        expect(splitList(joinList(items))).toEqual(items);
      }),
    );
  });

  it('reads back every value it writes, lists, numbers and missing values included', () => {
    const list = { type: 'string', list: true } as const;
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }), (items) => {
        expect(parseCell(formatCell(items, list), list)).toEqual(items);
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        expect(parseCell(formatCell(text, {}), { type: 'string' })).toBe(text);
      }),
    );
    expect(parseCell(formatCell(null, {}), { type: 'string' })).toBeNull();
    expect(parseCell(formatCell(42, {}), { type: 'integer', required: true })).toBe(42);
  });
});

describe('the CSV', () => {
  interface Row {
    name: string;
    names: string[];
    n: number;
  }
  const columns: Column<Row>[] = [
    { name: 'name', type: 'string', required: true, description: '' },
    { name: 'names', type: 'string', list: true, description: '' },
    { name: 'n', type: 'integer', required: true, description: '' },
  ];

  it('has a header row, CRLF line ends, and quotes what needs quoting', () => {
    const csv = toCsv<Row>([{ name: 'a, "b"\nc', names: ['x', '=y'], n: 1 }], columns);
    expect(csv).toBe('name,names,n\r\n"a, ""b""\nc",x; =y,1\r\n');
    expect(toCsv<Row>([], columns)).toBe('name,names,n\r\n');
  });

  it('neutralises a list whose first item would start a formula, and reads it back', () => {
    const csv = toCsv<Row>([{ name: '@x', names: ['-1', 'b'], n: 0 }], columns);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row).toEqual({ name: "'@x", names: "'-1; b", n: '0' });
    expect(parseCell(row!.names!, columns[1]!)).toEqual(['-1', 'b']);
  });
});
