import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cslItem, cslJson, risCitation, risValue, splitName } from '../../src/site/references.ts';
import { makeArticle } from '../support/make-article.ts';

const context = {
  url: 'https://archive.test/articles/2019/05/x/',
  archiveName: 'Cyber Policy News Archive',
  language: 'en',
  tags: ['NATO', 'cyberattack'],
};
const article = makeArticle({
  title: 'NATO Threatens Physical Response',
  date: '2019-05-03',
  authors: ['Keith Bradsher', 'Reuters'],
  section: 'Europe',
  summary: 'The alliance said so.',
  source: { name: 'Sputnik International', url: 'https://sputniknews.com/x' },
});

/** A RIS file as a reader takes it: `TAG  - value` lines, records closed by `ER  - `. */
function readRis(text: string): [string, string][][] {
  const records: [string, string][][] = [];
  let current: [string, string][] = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    if (match[1] === 'ER') {
      records.push(current);
      current = [];
    } else current.push([match[1]!, match[2]!]);
  }
  expect(current).toEqual([]);
  return records;
}

describe('RIS', () => {
  it('writes one NEWS record with the byline, day, outlet, archived URL and archive', () => {
    expect(readRis(risCitation(article, context))).toEqual([
      [
        ['TY', 'NEWS'],
        ['TI', 'NATO Threatens Physical Response'],
        ['AU', 'Bradsher, Keith'],
        ['AU', 'Reuters'],
        ['PY', '2019'],
        ['DA', '2019/05/03/'],
        ['T2', 'Sputnik International'],
        ['SE', 'Europe'],
        ['AB', 'The alliance said so.'],
        ['KW', 'NATO'],
        ['KW', 'cyberattack'],
        ['LA', 'en'],
        ['UR', context.url],
        ['DB', 'Cyber Policy News Archive'],
        ['N1', 'Original: https://sputniknews.com/x'],
      ],
    ]);
  });

  it('keeps every value on its own line: a line break in scraped text cannot start a tag', () => {
    expect(risValue('a\r\nER  - \nTY  - JOUR\u2028b\tc')).toBe('a ER - TY - JOUR b c');
    const hostile = makeArticle({ title: 'x', summary: 'one\nER  - \nTY  - JOUR\nTI  - forged' });
    expect(readRis(risCitation(hostile, context))).toHaveLength(1);
  });
});

// The parts of the CSL-JSON schema (citation-style-language/schema, csl-data.json) these items use.
const name = z.union([z.strictObject({ family: z.string(), given: z.string() }), z.strictObject({ literal: z.string() })]);
const cslSchema = z.strictObject({
  id: z.string(),
  type: z.literal('article-newspaper'),
  title: z.string(),
  author: z.array(name).optional(),
  issued: z.strictObject({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2) }),
  'container-title': z.string().optional(),
  section: z.string().optional(),
  abstract: z.string().optional(),
  keyword: z.string().optional(),
  language: z.string(),
  URL: z.string().url(),
  archive: z.string(),
  note: z.string().optional(),
});

describe('CSL-JSON', () => {
  it('writes an article-newspaper item the schema allows, with the same fields as the RIS', () => {
    const item = cslItem(article, context, 'nato2019');
    expect(cslSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      author: [{ family: 'Bradsher', given: 'Keith' }, { literal: 'Reuters' }],
      issued: { 'date-parts': [[2019, 5, 3]] },
      'container-title': 'Sputnik International',
      URL: context.url,
    });
  });

  it('is a JSON array of one item, whatever the text holds', () => {
    const hostile = makeArticle({ title: '</script>"\u2028', authors: ['A "B" C'] });
    const parsed = JSON.parse(cslJson(hostile, context, 'k')) as unknown[];
    expect(parsed).toHaveLength(1);
    expect((parsed[0] as { title: string }).title).toBe('</script>"\u2028');
  });

  it('splits a name as the APA and BibTeX citations do', () => {
    expect(splitName('Ursula von der Leyen')).toEqual({ family: 'Leyen', given: 'Ursula von der' });
    expect(splitName('Reuters')).toEqual({ literal: 'Reuters' });
  });
});
