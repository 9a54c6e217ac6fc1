import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticleText, writeArticleText } from '../../src/content/frontmatter.ts';
import type { FrontMatter } from '../../src/content/schema.ts';

const RUNS = { numRuns: 1000 };
const pad = (n: number) => String(n).padStart(2, '0');

/** Pieces YAML reads as something else when written bare. */
const YAML_SPECIAL = [
  'yes',
  'no',
  'null',
  '~',
  'true',
  'False',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.NaN',
  '12:30',
  '2019-05-23',
  '+1',
  '- a',
  ': b',
  '#c',
  ' #c',
  '&a',
  '*a',
  '!tag',
  '!!str',
  '|',
  '>',
  '---',
  '...',
  '"',
  "'",
  '@',
  '`',
  '%YAML',
  '{a: 1}',
  '[a, b]',
  '? x',
  '\\',
  '\t',
  '\n',
  '\r\n',
  '\u2028',
  '\u0000',
  '\ufeff',
  '<<',
];

/** Control characters, which the schema refuses in text fields (a separate test below checks the refusal). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Any text a field may hold: arbitrary code points and YAML's special forms, trimmed, not empty and free of control characters, as the schema requires. */
const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
      fc
        .array(fc.oneof(fc.constantFrom(...YAML_SPECIAL), fc.string({ unit: 'grapheme', maxLength: 5 })), { minLength: 1, maxLength: 12 })
        .map((parts) => parts.join('')),
    )
    .map((value) => value.trim().slice(0, max).trim())
    .filter((value) => value.length > 0 && !CONTROL.test(value));

const day = fc
  .tuple(fc.integer({ min: 1995, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const list = fc.option(fc.array(text(200), { minLength: 1, maxLength: 5 }), { nil: undefined });
const optional = (max: number) => fc.option(text(max), { nil: undefined });

const frontMatter: fc.Arbitrary<FrontMatter> = fc.record({
  title: text(2000),
  date: day,
  time: fc.option(fc.constantFrom('14:05', '00:00', '23:59:59', '14:05+03:00', '09:30Z', '18:00-04:00'), { nil: undefined }),
  tags: list,
  people: list,
  organizations: list,
  places: list,
  section: optional(200),
  summary: optional(2000),
  source: fc.option(
    fc.record({
      name: optional(200),
      url: fc.option(fc.webUrl({ withQueryParameters: true, withFragments: true }), { nil: undefined }),
      file: optional(200),
    }),
    { nil: undefined },
  ),
  image: fc.option(fc.record({ caption: optional(2000), credit: optional(200) }), { nil: undefined }),
  related_headlines: list,
  draft: fc.option(fc.boolean(), { nil: undefined }),
});

/** The value with empty groups and absent keys dropped, as the writer drops them. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const kept = withoutEmpty(inner);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

describe('writeArticleText then readArticleText', () => {
  it('gives back the same front matter for any strings, YAML-special ones, Unicode and new lines included', () => {
    fc.assert(
      fc.property(frontMatter, fc.string({ unit: 'grapheme', maxLength: 200 }), (data, body) => {
        const written = writeArticleText(data, body);
        const read = readArticleText(written, 'property.md');
        expect(read.ok, read.ok ? '' : JSON.stringify(read.issues)).toBe(true);
        if (!read.ok) return;
        expect(withoutEmpty(read.data)).toEqual(withoutEmpty(data));
      }),
      RUNS,
    );
  });

  it('writes the same bytes again from what it read', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const written = writeArticleText(data, 'Body.');
        const read = readArticleText(written, 'property.md');
        return read.ok && writeArticleText(read.data, read.body) === written;
      }),
      RUNS,
    );
  });

  it('refuses a text field holding a control character, naming the field', () => {
    fc.assert(
      fc.property(
        text(100),
        fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 9 && code !== 10 && code !== 13),
        (title, code) => {
          const written = writeArticleText({ title: `${title}${String.fromCharCode(code)}x`, date: '2019-05-23' }, 'Body.');
          const read = readArticleText(written, 'property.md');
          return !read.ok && read.issues.some((issue) => issue.field === 'title' && /control character/.test(issue.message));
        },
      ),
      RUNS,
    );
  });
});
