import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/site/escape.ts';
import { breadcrumbList, collectionPage, jsonLd, newsArticle } from '../../src/site/json-ld.ts';
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
      people: [{ name: 'Jens Stoltenberg' }],
      organizations: [{ name: 'NATO', wikidata: 'Q7184' }],
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
        { '@type': 'Organization', name: 'NATO', sameAs: 'https://www.wikidata.org/wiki/Q7184' },
      ],
      publisher: { '@type': 'Organization', name: 'Sputnik International' },
      isBasedOn: 'https://sputniknews.com/x',
    });
    expect(JSON.parse(jsonLd(data))).toEqual(data);
  });

  it('describes an entity page as a CollectionPage about the person, with the role as job title and sameAs its Wikidata item', () => {
    const data = collectionPage(
      { kind: 'people', name: 'Jens Stoltenberg', role: 'Secretary General of NATO', wikidata: 'Q123' },
      DEFAULT_SETTINGS,
      'https://example.org/people/jens-stoltenberg/',
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: 'Jens Stoltenberg',
      url: 'https://example.org/people/jens-stoltenberg/',
      inLanguage: 'en',
      about: {
        '@type': 'Person',
        name: 'Jens Stoltenberg',
        jobTitle: 'Secretary General of NATO',
        sameAs: 'https://www.wikidata.org/wiki/Q123',
      },
      isPartOf: { '@type': 'WebSite', name: DEFAULT_SETTINGS.name, url: 'https://example.org/' },
    });
  });

  it('makes a tag a DefinedTerm and gives an organization its role as description when it has none, without sameAs when no id is known', () => {
    const tag = collectionPage(
      { kind: 'tags', name: 'cyberattack', description: 'Attacks.' },
      DEFAULT_SETTINGS,
      'https://example.org/tags/cyberattack/',
    );
    const org = collectionPage(
      { kind: 'organizations', name: 'CISA', role: 'US cyber agency' },
      DEFAULT_SETTINGS,
      'https://example.org/o/',
    );
    expect(tag.about).toEqual({ '@type': 'DefinedTerm', name: 'cyberattack', description: 'Attacks.' });
    expect(org.about).toEqual({ '@type': 'Organization', name: 'CISA', description: 'US cyber agency' });
  });

  it('lists the breadcrumbs from Home as ListItems with positions from 1 and absolute URLs under the path prefix', () => {
    const data = breadcrumbList(
      [
        ['/timeline/', 'Timeline'],
        ['/timeline/2019/', 2019],
        ['/articles/2019/05/x/', '</script> & more'],
      ],
      { baseUrl: 'https://archive.test', pathPrefix: '/p/' },
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://archive.test/p/' },
        { '@type': 'ListItem', position: 2, name: 'Timeline', item: 'https://archive.test/p/timeline/' },
        { '@type': 'ListItem', position: 3, name: '2019', item: 'https://archive.test/p/timeline/2019/' },
        { '@type': 'ListItem', position: 4, name: '</script> & more', item: 'https://archive.test/p/articles/2019/05/x/' },
      ],
    });
    expect(jsonLd(data)).not.toContain('</script>');
  });
});
