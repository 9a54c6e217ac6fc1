import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, rfc3339, type FeedMeta } from '../../src/site/feeds.ts';
import { makeArticle } from '../support/make-article.ts';

const meta: FeedMeta = {
  title: 'Archive',
  description: 'News',
  language: 'en',
  author: 'Publisher',
  pageUrl: 'https://example.org/',
  atomUrl: 'https://example.org/feed.xml',
  jsonUrl: 'https://example.org/feed.json',
};

describe('feeds', () => {
  it('dates a day without a time at noon UTC, so no zone shows the day before', () => {
    expect(rfc3339('2019-05-23')).toBe('2019-05-23T12:00:00Z');
    expect(rfc3339('2019-05-23', '14:05+03:00')).toBe('2019-05-23T14:05:00+03:00');
    expect(rfc3339('2019-05-23', '14:05')).toBe('2019-05-23T14:05:00Z');
  });

  it('writes Atom whose updated date comes from the newest entry, with escaped text', () => {
    const article = makeArticle({ title: 'A <b>bold</b> & "quoted" title', date: '2020-02-02' });
    const xml = atomFeed(meta, [{ article, url: 'https://example.org/a/', html: '<p>Hi &amp; bye</p>', tags: ['NATO'] }]);
    expect(xml).toContain('<updated>2020-02-02T12:00:00Z</updated>');
    expect(xml).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;</content>');
    expect(xml).toContain('<category term="NATO"/>');
  });

  it('writes JSON Feed 1.1', () => {
    const article = makeArticle({ title: 'T', date: '2020-02-02', source: { url: 'https://outlet.example/t' } });
    const feed = JSON.parse(jsonFeed(meta, [{ article, url: 'https://example.org/a/', html: '<p>x</p>', tags: [] }]));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toEqual({
      id: 'https://example.org/a/',
      url: 'https://example.org/a/',
      external_url: 'https://outlet.example/t',
      title: 'T',
      content_html: '<p>x</p>',
      date_published: '2020-02-02T12:00:00Z',
    });
  });
});
