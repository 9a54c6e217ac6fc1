import { describe, expect, it } from 'vitest';
import type { ArchiveData } from '../../src/archive/archive-data.ts';
import { articleHash, pageFingerprints, withItemHasher } from '../../src/archive/fingerprint.ts';
import { makeArticle } from '../support/make-article.ts';

type Pages = Pick<ArchiveData, 'articles' | 'entityPages' | 'indexes' | 'yearPages' | 'incidentPages' | 'storylinePages'>;

/** A tiny archive: two article pages, the second listing the first as related, and an entity page listing both. */
function pages(first = makeArticle({ title: 'First', body: 'One.' }), names = new Map([['Ada', 2]]), html = '<p>Two.</p>'): Pages {
  const second = makeArticle({ title: 'Second', body: 'Two.' });
  return {
    articles: [
      { article: first, html: `<p>${first.body}</p>`, related: [] },
      { article: second, html, related: [first] },
    ],
    entityPages: [{ url: '/tags/a/', articles: [first, second], names }],
    indexes: [],
    yearPages: [],
    incidentPages: [],
    storylinePages: [],
  } as unknown as Pages;
}

const byUrl = (data: Pages) => Object.fromEntries([...pageFingerprints(data).values()].map((page) => [page.url, page.fingerprint]));

describe('page fingerprints', () => {
  it('are the same for the same data, and change on every page that shows an article whose body changed', () => {
    const before = byUrl(pages());
    expect(byUrl(pages())).toEqual(before);
    const after = byUrl(pages(makeArticle({ title: 'First', body: 'One, edited.' })));
    for (const url of Object.keys(before)) expect(after[url], url).not.toBe(before[url]);
  });

  it("see what a Map holds, and an article page's HTML", () => {
    const before = byUrl(pages());
    const after = byUrl(pages(undefined, new Map([['Ada', 3]])));
    expect(after['/tags/a/']).not.toBe(before['/tags/a/']);
    const second = pages().articles[1]!.article.url;
    expect(byUrl(pages(undefined, undefined, '<p>Two, rendered otherwise.</p>'))[second]).not.toBe(before[second]);
  });

  it('leave no toJSON behind, on the articles or on Map and Set, even when hashing throws', () => {
    const data = pages();
    pageFingerprints(data);
    const article = data.articles[0]!.article;
    expect(Object.hasOwn(article, 'toJSON')).toBe(false);
    expect(JSON.stringify(article)).toContain('"title":"First"');
    expect(JSON.stringify(new Map([[1, 2]]))).toBe('{}');
    expect(() =>
      withItemHasher([article], () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Object.hasOwn(article, 'toJSON')).toBe(false);
    expect('toJSON' in Set.prototype).toBe(false);
  });

  it('see a function in an item by its code, and refuse an asynchronous run', () => {
    const hash = (item: unknown) => withItemHasher([], (h) => h('entity', item));
    expect(hash({ sort: (a: number) => a })).not.toBe(hash({ sort: (a: number) => -a }));
    expect(hash({ sort: (a: number) => a })).not.toBe(hash({}));
    expect('toJSON' in Function.prototype).toBe(false);
    expect(() => withItemHasher([], async () => 1)).toThrow('synchronous');
  });

  it('hash an article whole, its body included, once per object', () => {
    const article = makeArticle({ title: 'Same', body: 'A body.' });
    expect(articleHash(article)).toBe(articleHash(makeArticle({ title: 'Same', body: 'A body.' })));
    expect(articleHash(article)).not.toBe(articleHash(makeArticle({ title: 'Same', body: 'Another body.' })));
  });
});
