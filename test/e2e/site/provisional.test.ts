import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFiles } from '../../../src/archive/compute.ts';
import { createMarkdown } from '../../../src/archive/markdown.ts';
import { pageFile } from '../../../src/publish/incremental.ts';
import { withBody } from '../../../src/search/provisional.ts';
import { searchView } from '../../../src/search/view.mjs';
import { loadContent } from '../../../src/store/load.ts';
import { builtSite } from './site.ts';

describe("an article page's provisional version (src/search/provisional.ts)", () => {
  it("is the built page itself when given the article's own body, for every article of the fixture archive, hostile ones included; another body lands in its search view", async () => {
    const site = builtSite();
    const content = await loadContent(site.contentDir);
    const md = createMarkdown({ pathPrefix: content.settings.pathPrefix, articleFiles: articleFiles(content) });
    expect(content.articles.length).toBeGreaterThan(50);
    const unlike: string[] = [];
    for (const article of content.articles) {
      const page = await readFile(path.join(site.outDir, pageFile(article.url)), 'utf8');
      if (withBody(page, md.render(article.body, { file: article.file })) !== page) unlike.push(article.file);
    }
    expect(unlike).toEqual([]);
    const [first] = content.articles;
    const page = await readFile(path.join(site.outDir, pageFile(first!.url)), 'utf8');
    const other = md.render('A body an editor wrote **anew**.', { file: first!.file });
    const view = searchView(withBody(page, other)!);
    expect(view).toContain(`<div class="article-body">\n${other}\n</div>`);
    expect(view).not.toContain(md.render(first!.body, { file: first!.file }));
    // A page of another shape (no body where the article template puts it) has no provisional version.
    expect(withBody(page.replace('<div class="article-body">', '<div class="body">'), other)).toBeUndefined();
  });
});
