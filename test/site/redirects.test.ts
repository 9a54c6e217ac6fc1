import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { groupEntities } from '../../src/collections/entities.ts';
import { aliasHtml, aliasPages } from '../../src/site/redirects.ts';
import { makeArticle } from '../support/make-article.ts';

const articles = [makeArticle({ title: 'A', date: '2019-05-23', people: ['Jens Stoltenberg', 'Stoltenberg Jr'] })];
const registry = [
  { name: 'Jens Stoltenberg', aliases: ['Stoltenberg', 'J. Stoltenberg', 'jens  stoltenberg', 'Stoltenberg Jr'] },
  { name: 'Nobody In The Archive', aliases: ['Nobody'] },
];
const people = groupEntities(articles, 'people', registry);

describe('aliasPages', () => {
  it('gives each alias of an archived entity a page leading to it, but not one with the entity’s own address', () => {
    expect(aliasPages(people, registry).map(({ url, target }) => [url, target])).toEqual([
      ['/people/j-stoltenberg/', '/people/jens-stoltenberg/'],
      ['/people/stoltenberg-jr/', '/people/jens-stoltenberg/'],
      ['/people/stoltenberg/', '/people/jens-stoltenberg/'],
    ]);
  });
});

describe('aliasHtml', () => {
  const page = { url: '/people/stoltenberg/', alias: 'Stoltenberg <b>', name: 'Jens Stoltenberg', target: '/people/jens-stoltenberg/' };
  const html = aliasHtml(
    page,
    { name: 'Archive', language: 'en' },
    (url) => `/archive${url}`,
    (url) => `https://example.org/archive${url}`,
  );

  it('leads on with a meta refresh and a plain link under the path prefix, escaping the names', () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/archive/people/jens-stoltenberg/">');
    expect(html).toContain('<a href="/archive/people/jens-stoltenberg/">Jens Stoltenberg</a>');
    expect(html).toContain('“Stoltenberg &lt;b&gt;”');
    expect(html).not.toContain('<script');
  });

  it('is valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
