import { describe, expect, it } from 'vitest';
import { type ArchiveData, buildArchiveData } from '../../src/archive/archive-data.ts';
import { withDerivedFields } from '../../src/archive/derived-fields.ts';
import { articleHash, joinFingerprints, pageFingerprints, rememberArticleHashes, withItemHasher } from '../../src/archive/fingerprint.ts';
import { articleJson, type Article } from '../../src/content/article.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
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

  it('are made in two parts, the article pages and the others, which make up the whole and never share a URL', () => {
    const data = pages();
    const articles = pageFingerprints(data, 'articles');
    const others = pageFingerprints(data, 'others');
    expect([...articles.values()].map((page) => page.kind)).toEqual(['article', 'article']);
    expect([...others.values()].map((page) => [page.kind, page.url])).toEqual([['entity', '/tags/a/']]);
    expect(joinFingerprints(articles, others)).toEqual(pageFingerprints(data));
    expect(() => joinFingerprints(articles, articles)).toThrow(`two pages at ${data.articles[0]!.article.url}`);
  });

  it("see what a Map holds, and an article page's HTML", () => {
    const before = byUrl(pages());
    const after = byUrl(pages(undefined, new Map([['Ada', 3]])));
    expect(after['/tags/a/']).not.toBe(before['/tags/a/']);
    const second = pages().articles[1]!.article.url;
    expect(byUrl(pages(undefined, undefined, '<p>Two, rendered otherwise.</p>'))[second]).not.toBe(before[second]);
  });

  it('leave no stand-in behind, on the articles or on Map and Set, even when hashing throws, and never reshape an article', () => {
    const data = pages();
    const article = data.articles[0]!.article;
    const properties = Object.getOwnPropertyNames(article);
    // An Article's own toJSON (src/content/article.ts) is there from the start, hidden from spreads and key lists.
    expect(Object.keys(article)).not.toContain('toJSON');
    pageFingerprints(data);
    expect(Object.getOwnPropertyNames(article)).toEqual(properties);
    expect(articleJson.standIn).toBeUndefined();
    expect(JSON.stringify(article)).toBe(JSON.stringify({ ...article }));
    expect(JSON.stringify(article)).toContain('"title":"First"');
    expect(JSON.stringify(new Map([[1, 2]]))).toBe('{}');
    // An article object made otherwise (a copy) could not stand in: refused.
    expect(() => withItemHasher([{ ...article }], () => 0)).toThrow('not made by toArticle');
    expect(articleJson.standIn).toBeUndefined();
    expect(() =>
      withItemHasher([article], () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Object.getOwnPropertyNames(article)).toEqual(properties);
    expect(articleJson.standIn).toBeUndefined();
    expect('toJSON' in Set.prototype).toBe(false);
  });

  it("stand for an article page's HTML by the article when it is made from the text alone, and hash it otherwise", () => {
    const first = makeArticle({ title: 'First', body: 'One.' });
    const one = pages(first, undefined, '<p>Two.</p>');
    const other = pages(first, undefined, '<p>Two, linking another file.</p>');
    const url = one.articles[1]!.article.url;
    expect(byUrl(one)[url]).not.toBe(byUrl(other)[url]);
    // From its text alone (src/archive/archive-data.ts): its article's hash, in the item already, stands for it.
    for (const data of [one, other]) Object.assign(data.articles[1]!, { htmlFromText: true });
    expect(byUrl(one)[url]).toBe(byUrl(other)[url]);
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

  it('hash an object many items share once, and still see a change in it', () => {
    const shared = { periods: [1, 2, 3] };
    const items = [
      { url: '/a/', shared },
      { url: '/b/', shared },
    ];
    const hashes = (list: typeof items) => withItemHasher([], (h) => list.map((item) => h('entity', item)), [shared]);
    const before = hashes(items);
    expect(withItemHasher([], (h) => items.map((item) => h('entity', item)))).not.toEqual(before); // a hash stands in for it
    expect(hashes(items)).toEqual(before);
    shared.periods.push(4);
    const after = hashes(items);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(Object.hasOwn(shared, 'toJSON')).toBe(false);
  });

  it("leave a page's derived fields out, unmade", () => {
    let made = 0;
    const page = (title: string) => {
      const data = pages();
      const first = data.articles[0]!;
      (data.articles as unknown[])[0] = withDerivedFields(
        { ...first },
        {
          jsonLd: () => {
            made++;
            return title;
          },
        },
      );
      return data;
    };
    const url = pages().articles[0]!.article.url;
    expect(byUrl(page('one'))[url]).toBe(byUrl(pages())[url]);
    expect(byUrl(page('two'))[url]).toBe(byUrl(page('one'))[url]);
    expect(made).toBe(0);
    expect((page('three').articles[0] as unknown as { jsonLd: string }).jsonLd).toBe('three');
    expect(made).toBe(1);
  });

  it("see what an article page's derived JSON-LD reads: the Wikidata id a registry gives a person it names", async () => {
    const article = makeArticle({ title: 'Summit', date: '2019-05-23', people: ['Jens Stoltenberg'] });
    const page = async (wikidata?: string) => {
      const data = await buildArchiveData(
        {
          articles: [article],
          drafts: 0,
          registries: { people: [{ name: 'Jens Stoltenberg', aliases: [], ...(wikidata ? { wikidata } : {}) }] },
          settings: DEFAULT_SETTINGS,
        },
        (body) => body,
      );
      return { fingerprint: pageFingerprints(data).get(article.url)!.fingerprint, jsonLd: data.articles[0]!.jsonLd };
    };
    const without = await page();
    const with57 = await page('Q57');
    expect(with57.jsonLd).toContain('wikidata.org/wiki/Q57');
    expect(without.jsonLd).not.toContain('wikidata');
    expect(with57.fingerprint).not.toBe(without.fingerprint);
    expect((await page('Q57')).fingerprint).toBe(with57.fingerprint);
  });

  it('stand for an article by its file and its text hash where the parse cache knows one, else by its JSON', () => {
    const article = (title: string, file = 'articles/2020/a.md') => ({ ...makeArticle({ title }), file }) as Article;
    const known = [article('One'), article('Two', 'articles/2020/b.md'), article('Three', 'articles/2020/c.md')];
    const fresh = makeArticle({ title: 'Fresh' });
    const texts = new Map<Article, string>([
      [known[0]!, 'sha-of-a'],
      [known[1]!, 'sha-of-a'],
      [known[2]!, 'sha-of-c'],
    ]);
    rememberArticleHashes([...known, fresh], (a) => texts.get(a));
    const hashes = known.map(articleHash);
    // The same text in another file, and another text, stand apart.
    expect(new Set(hashes).size).toBe(3);
    // The same file and text hash stand alike, whatever the Article object (made anew by each build, from them alone:
    // here one with another title stands for it, which only the text hash can say).
    const again = article('One, as another object');
    rememberArticleHashes([again], () => 'sha-of-a');
    expect(articleHash(again)).toBe(hashes[0]);
    // Without a text hash, the JSON: the same article made twice hashes alike, another differs.
    expect(articleHash(fresh)).toBe(articleHash(makeArticle({ title: 'Fresh' })));
    expect(articleHash(fresh)).not.toBe(articleHash(makeArticle({ title: 'Other' })));
  });
});
