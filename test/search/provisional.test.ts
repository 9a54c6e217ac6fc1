import { describe, expect, it } from 'vitest';
import { provisionalShard, withBody, type EarlyPage } from '../../src/search/provisional.ts';

const page = (body: string) =>
  `<html lang="en"><body><article data-pagefind-body><h1>T</h1>\n<div class="article-body">\n${body}\n</div>\n<section class="filed-under" aria-labelledby="f"></section></article></body></html>`;

describe('withBody', () => {
  it("puts the new body where the old one was, whatever the old one held; undefined for a page without the template's markers", () => {
    expect(withBody(page('<p>old</p>'), '<p>new</p>')).toBe(page('<p>new</p>'));
    // A body that writes the markers' words as text reaches the page escaped; the last end marker is the template's.
    const tricky = '<p>&lt;/div&gt; &lt;section class="filed-under"</p>\n</div>\n<section class="filed-under"';
    expect(withBody(page(tricky), '<p>new</p>')).toBe(page('<p>new</p>'));
    expect(withBody('<html><body><p>no article</p></body></html>', '<p>new</p>')).toBeUndefined();
    expect(withBody('\n</div>\n<section class="filed-under"<div class="article-body">\n', '<p>new</p>')).toBeUndefined();
  });
});

describe('provisionalShard', () => {
  const held = { index: 3, at: 1, urls: ['/a/', '/b/', '/c/', '/d/', '/e/'] };
  const pages =
    (early: Record<string, EarlyPage>) =>
    (url: string): EarlyPage =>
      early[url] ?? { changed: false };
  const given = (text: string | undefined): EarlyPage => ({ changed: true, provisional: () => text });

  it('gives the changed pages from the hold on their provisional text, and holds the shard at the first changed page without one, or after its last', () => {
    expect(provisionalShard(held, pages({ '/b/': given('B'), '/d/': given('D') }))).toEqual({ at: 5, pages: { 1: 'B', 3: 'D' } });
    expect(provisionalShard(held, pages({ '/b/': given('B'), '/d/': { changed: true } }))).toEqual({ at: 3, pages: { 1: 'B' } });
    expect(provisionalShard(held, pages({ '/b/': given('B'), '/c/': given(undefined), '/e/': given('E') }))).toEqual({
      at: 2,
      pages: { 1: 'B' },
    });
  });

  it('is undefined when the page it is held at has none: the shard stays held there', () => {
    expect(provisionalShard(held, pages({ '/b/': { changed: true }, '/c/': given('C') }))).toBeUndefined();
    expect(provisionalShard(held, pages({ '/b/': given(undefined) }))).toBeUndefined();
  });
});
