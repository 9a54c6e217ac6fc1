import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articlePath, slugFromFile } from '../../src/content/article.ts';
import { slugify } from '../../src/content/slug.ts';

const RUNS = { numRuns: 1000 };
const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** Titles a hostile page could give: any code points, path tricks, look-alikes, reserved names, long runs. */
const title = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        '..',
        '/',
        '\\',
        '\u0000',
        'CON',
        'nul',
        'Com1',
        '．',
        '／',
        'ｐａｙ',
        'é',
        'Ж',
        '中文',
        '🙂',
        ' ',
        '-',
        '&',
        "'",
        'word',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
  fc.string({ minLength: 1000, maxLength: 2500 }),
);

describe('slugify', () => {
  it('always gives a safe, non-empty path segment of at most 60 characters made of [a-z0-9-]', () => {
    fc.assert(
      fc.property(title, (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(SAFE);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slug).not.toMatch(DEVICE);
      }),
      RUNS,
    );
  });

  it('gives the same slug twice for the same title', () => {
    fc.assert(
      fc.property(title, (text) => slugify(text) === slugify(`${text}`)),
      RUNS,
    );
  });
});

describe('where an article and its page go', () => {
  it('keeps the article file inside articles/YYYY/ and the page slug a safe segment, whatever the file name and title', () => {
    fc.assert(
      fc.property(title, title, (fileName, text) => {
        const file = articlePath('2019-05-23', text);
        expect(path.posix.normalize(file)).toBe(file);
        expect(file).toMatch(/^articles\/2019\/2019-05-23-[a-z0-9-]+\.md$/);
        const slug = slugFromFile(`articles/2019/${fileName}.md`, text);
        expect(slug).toMatch(SAFE);
        expect(slug).not.toMatch(DEVICE);
      }),
      RUNS,
    );
  });
});
