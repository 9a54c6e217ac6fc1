import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArticleText } from '../../src/content/frontmatter.ts';
import { findArticle, pageSource } from '../../src/preview/page.ts';

let contentDir: string;
beforeAll(async () => {
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'archive-preview-test-'));
  const files: Record<string, string> = {
    '2019/2019-05-27-nato-warns.md': writeArticleText({ title: 'NATO warns', date: '2019-05-27', tags: ['nato'] }, 'Body.'),
    '2019/2019-05-28-renamed-by-an-editor.md': writeArticleText({ title: 'A different title', date: '2019-05-28' }, 'Body.'),
    '2019/2019-05-29-still-a-draft.md': writeArticleText({ title: 'Still a draft', date: '2019-05-29', draft: true }, 'Body.'),
    '2019/2019-06-01-nato-warns.md': writeArticleText({ title: 'NATO warns', date: '2019-06-01' }, 'June body.'),
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(contentDir, 'articles', name)), { recursive: true });
    await writeFile(path.join(contentDir, 'articles', name), text);
  }
});
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

describe('findArticle', () => {
  it('reads the article whose page is the URL asked for', async () => {
    const article = await findArticle(contentDir, '/articles/2019/05/nato-warns/');
    expect(article?.title).toBe('NATO warns');
    expect(article?.date).toBe('2019-05-27');
    expect(article?.file).toBe('articles/2019/2019-05-27-nato-warns.md');
  });

  it('tells two articles with one slug apart by their month', async () => {
    expect((await findArticle(contentDir, '/articles/2019/06/nato-warns/'))?.body).toContain('June body');
  });

  it('honours a file name an editor chose over the title', async () => {
    expect((await findArticle(contentDir, '/articles/2019/05/renamed-by-an-editor/'))?.title).toBe('A different title');
  });

  it('finds a draft only when asked to, as the preview asks and nothing else does', async () => {
    expect(await findArticle(contentDir, '/articles/2019/05/still-a-draft/')).toBeUndefined();
    expect(await findArticle(contentDir, '/articles/2019/05/still-a-draft/', { drafts: true })).toMatchObject({
      title: 'Still a draft',
      draft: true,
    });
  });

  it('finds nothing for a URL that is not an article page or names a missing one', async () => {
    expect(await findArticle(contentDir, '/articles/2019/05/missing/')).toBeUndefined();
    expect(await findArticle(contentDir, '/articles/2030/01/nato-warns/')).toBeUndefined();
    expect(await findArticle(contentDir, '/articles/2019/05/../../../etc/')).toBeUndefined();
    expect(await findArticle(contentDir, '/tags/nato/')).toBeUndefined();
  });
});

describe('pageSource', () => {
  it('wraps the named page template in the base layout', () => {
    expect(pageSource('article')).toBe('{% set content %}{% include "pages/article.njk" %}{% endset %}{% include "base.njk" %}');
  });
});
