import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromTextDump, unescapeMarkdown } from '../../src/importer/text/index.ts';

const RUNS = { numRuns: 1000 };
const SEED_LINES = readFileSync(new URL('../fixtures/seed/000_151c953cb90d2c3b.txt', import.meta.url), 'utf8').split('\n');

/** Lines a dump is made of: the seed's own, page furniture, and arbitrary text. */
const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SEED_LINES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'Tags: NATO, cyber',
      'Related:',
      '© REUTERS / Someone',
      '22:25 GMT +3',
      '23 May 2019',
      'Share',
      '* item',
      '# Heading',
      '> quote',
      '中文的句子没有空格但是很长很长很长很长很长很长很长很长。',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          'The',
          'minister',
          'said',
          'that',
          'cyber',
          'attacks',
          'on',
          'NATO',
          'would',
          'meet',
          'a',
          'response.',
          '<script>',
          '{{ x }}',
          '_a_',
          '*b*',
          '[c](d)',
        ),
        { minLength: 3, maxLength: 40 },
      )
      .map((words) => words.join(' ')),
  },
);
/** The seed page with lines taken out and hostile or random lines put in. */
const mutatedSeed = fc
  .tuple(fc.array(fc.nat(SEED_LINES.length), { maxLength: 20 }), fc.array(fc.tuple(fc.nat(SEED_LINES.length), line), { maxLength: 20 }))
  .map(([dropped, inserted]) => {
    const lines = SEED_LINES.filter((_, i) => !dropped.includes(i));
    for (const [at, text] of inserted) lines.splice(Math.min(at, lines.length), 0, text);
    return lines.join('\n');
  });
const dump = fc.oneof(
  { weight: 3, arbitrary: mutatedSeed },
  { weight: 2, arbitrary: fc.array(line, { maxLength: 60 }).map((lines) => lines.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }) },
);

/** The input with every space and invisible character taken out: wrapped lines join without them. */
function compact(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad\u0000-\u001f\u007f\ufffd]/g, '');
}

describe('extractFromTextDump', () => {
  it('never throws and always returns a body string', () => {
    fc.assert(
      fc.property(dump, (text) => {
        const out = extractFromTextDump(text);
        expect(typeof out.body).toBe('string');
        expect(Array.isArray(out.tags)).toBe(true);
      }),
      RUNS,
    );
  });

  it('takes every word of the body from the input', () => {
    let withBody = 0;
    fc.assert(
      fc.property(dump, (text) => {
        const source = compact(text);
        const words = unescapeMarkdown(extractFromTextDump(text).body).match(/[\p{L}\p{N}]+/gu) ?? [];
        if (words.length > 0) withBody++;
        const invented = words.filter((word) => !source.includes(word));
        expect(invented).toEqual([]);
      }),
      RUNS,
    );
    // The property says something only if many dumps do yield a body.
    expect(withBody).toBeGreaterThan(RUNS.numRuns / 4);
  });
});
