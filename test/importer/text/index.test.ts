import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromTextDump, unescapeMarkdown } from '../../../src/importer/text/index.ts';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed');
const dump = readFileSync(path.join(seedDir, '000_151c953cb90d2c3b.txt'), 'utf8');
const expected = JSON.parse(readFileSync(path.join(seedDir, '000_151c953cb90d2c3b.expected.json'), 'utf8'));
const paragraphs: string[] = expected.body_paragraphs.map((p: string) => p.replace(/\u00a0/g, ' '));
const bodyParagraphs = (body: string): string[] => body.split('\n\n').map(unescapeMarkdown);

describe('extractFromTextDump on the seed page', () => {
  const found = extractFromTextDump(dump);
  const plain = extractFromTextDump(dump, { profiles: false });

  it('finds the headline, the stated day and no publication time', () => {
    expect(found.kind).toBe('text');
    expect(found.title).toBe(expected.front_matter.title);
    expect(found.date).toBe('2019-05-23');
    expect(found.time).toBeUndefined();
  });

  it('records the header clock as the time the page was served', () => {
    expect(found.source.retrieved).toBe('2019-05-23T22:25:00+03:00');
  });

  it('finds the section, the lead image caption and credit', () => {
    expect(found.section).toBe('Europe');
    expect(found.image).toEqual(expected.front_matter.image);
  });

  it('takes the Tags line items and the Related list as written', () => {
    expect(found.tags).toEqual(expected.tags_line);
    expect(found.related_headlines).toEqual(expected.front_matter.related_headlines);
  });

  it('names the outlet through the Sputnik profile', () => {
    expect(found.source.name).toBe('Sputnik International');
  });

  it('gives the body paragraph for paragraph, no-break spaces as spaces', () => {
    expect(found.body).not.toContain('\u00a0');
    expect(bodyParagraphs(found.body)).toEqual(paragraphs);
  });

  it('keeps captions, credits, teasers and related lines out of the body and lists them as outside', () => {
    const teasers = expected.background.inline_teasers as Array<Record<string, string | number>>;
    const furniture = [
      expected.front_matter.image.caption,
      expected.front_matter.image.credit,
      ...expected.front_matter.related_headlines,
      ...teasers.flatMap((t) => [t.image_caption, t.image_credit, t.headline]),
    ] as string[];
    for (const line of furniture) {
      expect(found.body).not.toContain(line);
      expect(found.outside).toContain(line);
    }
    for (const line of ['Get short URL', 'Tags:', 'Related:', 'Community standards', 'Privacy Policy', '0 0 0']) {
      expect(found.body).not.toContain(line);
    }
  });

  it('gives the same body, title, day and lists without profiles, only the outlet name missing', () => {
    expect(bodyParagraphs(plain.body)).toEqual(paragraphs);
    expect(plain.source.name).toBeUndefined();
    expect({ ...plain, source: { ...plain.source, name: found.source.name } }).toEqual(found);
  });
});

describe('extractFromTextDump on odd input', () => {
  it('returns an empty text extraction for empty or blank input', () => {
    for (const input of ['', '   \n\n  ', '\u0000\u0001']) {
      const found = extractFromTextDump(input);
      expect(found.body).toBe('');
      expect(found.tags).toEqual([]);
    }
  });

  it('does not throw on binary-looking or non-string input', () => {
    const noise = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    expect(() => extractFromTextDump(noise)).not.toThrow();
    expect(() => extractFromTextDump(undefined as unknown as string)).not.toThrow();
    for (const odd of ['['.repeat(100_000), '© a a a a a\n'.repeat(10_000), '_a'.repeat(100_000)]) {
      expect(extractFromTextDump(odd).kind).toBe('text');
    }
  });

  it('reads a huge dump (the seed repeated) and still returns its article', () => {
    const found = extractFromTextDump(dump.repeat(200));
    expect(found.body.length).toBeGreaterThan(1000);
  });

  it('joins a dump hard-wrapped at 80 columns back into the same paragraphs', () => {
    const fold = (line: string): string[] => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > 80) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...out, current];
    };
    const wrapped = dump
      .replace(/\u00a0/g, ' ')
      .split('\n')
      .flatMap(fold)
      .join('\n');
    expect(bodyParagraphs(extractFromTextDump(wrapped).body)).toEqual(paragraphs);
  });

  it('keeps a subheading between paragraphs and drops a labelled teaser', () => {
    const page = [
      'Menu',
      'Home',
      'World',
      '',
      'A Plain Headline About Things',
      '',
      'The first paragraph says what happened in a sentence of a decent length.',
      '',
      'Read more: Another story about other things entirely',
      '',
      'The second paragraph follows with more detail and more words in it.',
      '',
      'What comes next',
      '',
      'The third paragraph closes the story with a quote, as they tend to do.',
      '',
      'Footer',
      'Contact us',
    ].join('\n');
    const found = extractFromTextDump(page);
    expect(found.title).toBe('A Plain Headline About Things');
    expect(found.body.split('\n\n')).toEqual([
      'The first paragraph says what happened in a sentence of a decent length.',
      'The second paragraph follows with more detail and more words in it.',
      'What comes next',
      'The third paragraph closes the story with a quote, as they tend to do.',
    ]);
    expect(found.outside).toContain('Read more: Another story about other things entirely');
  });
});

describe('the header clock', () => {
  it('is read from two lines as well, and never taken as the publication time', () => {
    const page = [
      '22:25 GMT +3',
      '23 May 2019',
      'A Headline Over The Story Here',
      'Europe',
      '',
      'The first paragraph of the story is a sentence that is long enough to count.',
      '',
      'The second paragraph carries on with more of the same kind of sentence.',
    ].join('\n');
    const found = extractFromTextDump(page);
    expect(found.source.retrieved).toBe('2019-05-23T22:25:00+03:00');
    expect(found.date).toBeUndefined();
    expect(found.time).toBeUndefined();
  });
});
