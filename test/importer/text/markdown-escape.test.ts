import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, unescapeMarkdown } from '../../../src/importer/text/markdown-escape.ts';

const md = new MarkdownIt();
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rendersLiterally = (text: string): boolean => md.render(escapeMarkdown(text)).trim() === `<p>${escapeHtml(text)}</p>`;

describe('escapeMarkdown', () => {
  it('leaves plain words, quotes and inner punctuation alone', () => {
    const plain = 'Jens Stoltenberg, NATO\'s secretary general, said "NATO is not immune" - twice (2019) [by Russia].';
    expect(escapeMarkdown(plain)).toBe(plain);
    expect(escapeMarkdown('snake_case_name and 3 * 4')).toBe('snake_case_name and 3 \\* 4');
  });

  it('escapes what would start a heading, quote, list or link', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. Define early retirement')).toBe('1\\. Define early retirement');
    expect(escapeMarkdown('[text](http://example.com)')).toBe('\\[text](http://example.com)');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
  });

  it('makes markdown-it render the seed-like sentences literally', () => {
    for (const text of [
      '1. Define early retirement',
      '*Calendário sujeito a inúmeras alterações',
      'Use __init__ and _this_ and **that**',
      'C:\\path\\to\\file and `code` and ~~gone~~',
      'Tom &amp; Jerry <b>bold</b>',
      'a [b [c] d](e) and [f]: g',
      '+ plus',
      '---',
      '### Three',
    ]) {
      expect(rendersLiterally(text), text).toBe(true);
    }
  });

  it('renders any single line of printable text literally, and unescapes back to it', () => {
    const line = fc
      .string({ unit: fc.constantFrom(...'ab _*#>-+1.)[]()<&;~`\\!:|=x'.split('')), maxLength: 30 })
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(line, (text) => rendersLiterally(text) && unescapeMarkdown(escapeMarkdown(text)) === text),
      { numRuns: 2000 },
    );
  });
});
