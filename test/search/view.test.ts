import { describe, expect, it } from 'vitest';
import { searchView } from '../../src/search/view.mjs';

/** An article page as layouts/base.njk and pages/article.njk write it, cut short. */
const page = (parts: { body?: string; related?: string; head?: string } = {}) =>
  [
    '<!doctype html>',
    '<html lang="en">',
    `<head><title>NATO agrees – Archive</title>${parts.head ?? ''}</head>`,
    '<body><header><a href="/">Archive</a></header><main>',
    '<article class="article" data-pagefind-body>',
    '<h1 data-pagefind-meta="title">NATO agrees</h1>',
    `<div class="article-body"><p>${parts.body ?? 'Allies agreed on a cyber pledge.'}</p></div>`,
    '<ul><li data-pagefind-filter="tag"><a href="/tags/nato/">NATO</a></li></ul>',
    '</article>',
    `<section class="related"><ol>${parts.related ?? '<li><a href="/articles/2019/05/a/">A</a></li>'}</ol></section>`,
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    '</main></body></html>',
  ].join('\n');

describe('searchView', () => {
  it('is the page language and the body element, so a new related story outside it leaves the view as it was', () => {
    const view = searchView(page());
    expect(view.startsWith('<html lang="en">\n<article class="article" data-pagefind-body>')).toBe(true);
    expect(view.endsWith('</article>')).toBe(true);
    expect(searchView(page({ related: '<li><a href="/articles/2020/01/b/">B</a></li>' }))).toBe(view);
  });

  it('changes with the text, a filter or the language Pagefind reads', () => {
    const view = searchView(page());
    expect(searchView(page({ body: 'Allies agreed on a cyber pledge, again.' }))).not.toBe(view);
    expect(searchView(page().replace('tags/nato/">NATO<', 'tags/otan/">OTAN<'))).not.toBe(view);
    expect(searchView(page().replace('lang="en"', 'lang="fr"'))).not.toBe(view);
  });

  it('counts nested elements of the body tag to find where the body ends', () => {
    const nested = page({ body: '</p><article><p>inner</p></article><p>after the inner one' });
    expect(searchView(nested)).toContain('after the inner one');
    expect(
      searchView(nested).endsWith('</p></div>\n<ul><li data-pagefind-filter="tag"><a href="/tags/nato/">NATO</a></li></ul>\n</article>'),
    ).toBe(true);
  });

  it('is the whole page when Pagefind may read something outside the body, or the body cannot be told', () => {
    const whole = (html: string) => expect(searchView(html)).toBe(html);
    whole(page({ head: '<meta data-pagefind-meta="image[content]" content="/a.png">' }));
    whole(page({ related: '<li><img src="/a.png" alt=""></li>' }));
    whole(page().replace('<header>', '<header><h1>Archive</h1>'));
    whole(page().replace('</main>', '<div data-pagefind-body>two bodies</div></main>'));
    whole(page().replace('</article>', ''));
    whole(page({ body: '<script>var a = "</article>";</script>' }));
    whole('<p>no body element at all</p>');
  });
});
