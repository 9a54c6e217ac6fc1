import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/site/escape.ts';
import { jsonLd, newsArticle } from '../../src/site/json-ld.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeArticle } from '../support/make-article.ts';

describe('JSON-LD', () => {
  it('cannot close its script element, whatever the scraped text says', () => {
    const text = jsonForScript({ headline: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script><!-- & \u2028' });
  });

  it('describes a NewsArticle with its stated day, names and archive URL', () => {
    const article = makeArticle({
      title: 'T',
      date: '2019-05-23',
      section: 'Europe',
      source: { name: 'Sputnik International', url: 'https://sputniknews.com/x' },
    });
    const data = newsArticle(article, DEFAULT_SETTINGS, 'https://example.org/a/', {
      people: ['Jens Stoltenberg'],
      organizations: ['NATO'],
      places: [],
      tags: ['cyberattack'],
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'T',
      datePublished: '2019-05-23',
      url: 'https://example.org/a/',
      articleSection: 'Europe',
      keywords: ['cyberattack'],
      mentions: [
        { '@type': 'Person', name: 'Jens Stoltenberg' },
        { '@type': 'Organization', name: 'NATO' },
      ],
      publisher: { '@type': 'Organization', name: 'Sputnik International' },
      isBasedOn: 'https://sputniknews.com/x',
    });
    expect(JSON.parse(jsonLd(data))).toEqual(data);
  });
});
