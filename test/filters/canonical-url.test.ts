import { describe, expect, it } from 'vitest';
import { canonicalUrl, monthName, pluralize } from '../../src/filters/index.ts';

describe('canonicalUrl', () => {
  it('joins the base URL, the path prefix and the page URL', () => {
    expect(canonicalUrl('/tags/nato/', { baseUrl: 'https://example.org', pathPrefix: '/' })).toBe('https://example.org/tags/nato/');
    expect(canonicalUrl('/tags/nato/', { baseUrl: 'https://user.github.io', pathPrefix: '/archive/' })).toBe(
      'https://user.github.io/archive/tags/nato/',
    );
  });
});

describe('pluralize', () => {
  it('writes the count with the right noun', () => {
    expect(pluralize(1, 'article')).toBe('1 article');
    expect(pluralize(2345, 'article')).toBe('2,345 articles');
    expect(pluralize(2, 'person', 'people')).toBe('2 people');
  });
});

describe('monthName', () => {
  it('names the month', () => {
    expect(monthName(5)).toBe('May');
  });
});
