/**
 * The local preview's fast path for a new article: `archive serve` builds
 * again after each change, incrementally, but that still reads the whole
 * archive and indexes search (many seconds at 10,000 articles), so until
 * that build has written the page, it renders the page of a new article on
 * request from its file alone. Drafts, which no build writes, it renders
 * the same way, under a "draft" banner. This file reads the file system; the page is
 * made by the same templates as the build's.
 */
import path from 'node:path';
import { articleFilesIn } from '../store/content-folder.ts';
import { readUtf8 } from '../store/read.ts';
import { parseArticle, type Article } from '../content/article.ts';
import { buildArchiveData } from '../archive/archive-data.ts';
import { articleFiles } from '../archive/compute.ts';
import { createMarkdown } from '../archive/markdown.ts';
import { neighbours } from '../collections/neighbours.ts';
import { newestFirst } from '../collections/order.ts';
import type { LoadedContent } from '../store/load.ts';

const ARTICLE_URL = /^\/articles\/(\d{4})\/(\d{2})\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/;

/**
 * The published article whose page is `url` (`/articles/YYYY/MM/SLUG/`), read
 * from `contentDir`, or undefined; with `drafts`, a draft too (the preview
 * shows drafts, which the build leaves out). Reads only the files of that
 * month, the file named for the slug first.
 */
export async function findArticle(contentDir: string, url: string, { drafts = false } = {}): Promise<Article | undefined> {
  const match = ARTICLE_URL.exec(url);
  if (!match) return undefined;
  const [, year, month, slug] = match as unknown as [string, string, string, string];
  // The articles of that month as the content store lists them (no links, no temporaries), the slug's own file first.
  const candidates = articleFilesIn(path.join(contentDir, 'articles', year))
    .filter((name) => name.startsWith(`${year}-${month}-`))
    .sort((a, b) => Number(b.endsWith(`-${slug}.md`)) - Number(a.endsWith(`-${slug}.md`)));
  for (const name of candidates) {
    const file = `articles/${year}/${name}`;
    const text = readUtf8(path.join(contentDir, file));
    if (text === undefined) continue;
    const result = parseArticle(text, file);
    if (result.ok && (drafts || !result.article.draft) && result.article.url === url) return { ...result.article, file };
  }
  return undefined;
}

/** The Nunjucks source of a page: the page's template wrapped in base.njk, as the build does. */
export function pageSource(name: string): string {
  return `{% set content %}{% include "pages/${name}.njk" %}{% endset %}{% include "base.njk" %}`;
}

/**
 * What the article template needs to render `article`'s page before the
 * rebuild has: the page as the build would make it, with its neighbours in
 * the archive; its related stories wait for the rebuild.
 */
export async function previewContext(content: LoadedContent, article: Article): Promise<Record<string, unknown>> {
  const md = createMarkdown({
    pathPrefix: content.settings.pathPrefix,
    articleFiles: articleFiles({ articles: [...content.articles, article] }),
  });
  const data = await buildArchiveData({ ...content, articles: [article], drafts: 0 }, (body, file) => md.render(body, { file }));
  const around = neighbours(newestFirst([...content.articles.filter((other) => other.url !== article.url), article])).get(article.url);
  // The page itself, given its neighbours: a copy would lose its HTML and citations, which its prototype's getters make (derived-fields.ts).
  const item = data.articles[0]!;
  item.previous = around?.previous;
  item.next = around?.next;
  return {
    site: data.site,
    item,
    title: article.title,
    description: article.summary ?? article.title,
    pageType: 'article',
    page: { url: article.url },
    // A draft's page is for its editor alone: never indexed, should it be seen from elsewhere.
    ...(article.draft ? { robots: 'noindex' } : {}),
  };
}
