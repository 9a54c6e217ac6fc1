import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/content/slug.ts';
import { articlePath, articleUrl } from '../../src/content/article.ts';

describe('slugify', () => {
  it('makes the seed article slug, cut on a word boundary at 60 characters', () => {
    const slug = slugify('‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks');
    expect(slug).toBe('not-limited-to-cyberspace-nato-threatens-physical-response');
    expect(slug.length).toBeLessThanOrEqual(60);
  });

  it('takes plain ASCII as transliteration would give it, which slugify then never loads', () => {
    // slugify passes ASCII text by transliteration untouched: every ASCII character must be its own transliteration.
    const { transliterate } = createRequire(import.meta.url)('transliteration') as typeof import('transliteration');
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
    expect(transliterate(ascii, { unknown: ' ' })).toBe(ascii);
    for (const code of [0x80, 0xe9, 0x141, 0x4e2d])
      expect(transliterate(String.fromCharCode(code), { unknown: ' ' })).not.toBe(String.fromCharCode(code));
    expect(slugify('Ransomware & the U.S. Treasury: 2024\'s "Rules"')).toBe('ransomware-and-the-u-s-treasury-2024s-rules');
    expect(slugify('Łukasz Müller über Cyber')).toBe('lukasz-muller-uber-cyber');
  });

  it('transliterates to lowercase ASCII', () => {
    expect(slugify('Ärger über Путин')).toBe('arger-uber-putin');
  });

  it('never yields a path that leaves its folder or is empty', () => {
    for (const title of ['../../etc/passwd', '/abs/path', '\u0000', '...', 'CON', '', '✓✓✓']) {
      const slug = slugify(title);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(slugify('x'.repeat(2000)).length).toBe(60);
  });
});

describe('articlePath and articleUrl', () => {
  it('place the seed article by its stated day', () => {
    expect(articlePath('2019-05-23', '‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks')).toBe(
      'articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md',
    );
    expect(articleUrl('2019-05-23', 'a-slug')).toBe('/articles/2019/05/a-slug/');
  });
});
