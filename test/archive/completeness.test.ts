import { describe, expect, it } from 'vitest';
import { articlesWithoutOnePage } from '../../src/archive/completeness.ts';

const a = { file: 'articles/2019/2019-05-23-a.md', url: '/articles/2019/05/a/' };
const b = { file: 'articles/2019/2019-05-24-b.md', url: '/articles/2019/05/b/' };
const page = (url: string) => ({ url, outputPath: `_site${url}index.html` });

describe('articlesWithoutOnePage', () => {
  it('names no article when each has its one page', () => {
    expect(articlesWithoutOnePage([a, b], [page(a.url), page(b.url), page('/tags/x/')])).toEqual([]);
  });

  it('names an article whose page was not written', () => {
    expect(articlesWithoutOnePage([a, b], [page(a.url)])).toEqual([b.file]);
  });

  it('names an article whose URL was written twice', () => {
    expect(articlesWithoutOnePage([a, b], [page(a.url), page(b.url), page(b.url)])).toEqual([b.file]);
  });

  it('names both articles that claim one URL', () => {
    const twin = { file: 'articles/2019/extra/2019-05-23-a.md', url: a.url };
    expect(articlesWithoutOnePage([a, twin], [page(a.url)])).toEqual([a.file, twin.file]);
  });

  it('counts only HTML written to disk, not feeds or skipped outputs', () => {
    expect(
      articlesWithoutOnePage(
        [a],
        [
          { url: a.url, outputPath: false },
          { url: a.url, outputPath: '_site/feed.xml' },
        ],
      ),
    ).toEqual([a.file]);
  });
});
