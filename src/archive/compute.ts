/**
 * The archive core's entry: the loaded content in, every page's data out
 * (src/archive/archive-data.ts), each body rendered once by the one Markdown
 * renderer. Pure but for one line of log.
 */
import type { LoadedContent } from '../store/load.ts';
import { buildArchiveData, type ArchiveData, type ArchiveHooks } from './archive-data.ts';
import { rememberArticleHashes } from './fingerprint.ts';
import { createMarkdown } from './markdown.ts';

/** Each published article's file (relative to the content folder) and its page URL, for links between articles. */
export function articleFiles(content: Pick<LoadedContent, 'articles'>): Map<string, string> {
  return new Map(content.articles.map((article) => [article.file, article.url]));
}

/** Every page list of the archive from its loaded content; logs the article count unless `quiet`; tells `hooks` as it goes. */
export async function computeArchive(
  content: LoadedContent,
  quiet = false,
  searchShardPages?: number,
  hooks: ArchiveHooks = {},
): Promise<ArchiveData> {
  if (content.textHash) rememberArticleHashes(content.articles, content.textHash);
  const md = createMarkdown({ pathPrefix: content.settings.pathPrefix, articleFiles: articleFiles(content) });
  const data = await buildArchiveData(content, (body, file) => md.render(body, { file }), searchShardPages, hooks);
  if (!quiet) {
    console.log(
      `[archive] ${data.articleCount} article${data.articleCount === 1 ? '' : 's'}${data.drafts ? `; ${data.drafts} draft${data.drafts === 1 ? '' : 's'} left out` : ''}`,
    );
  }
  return data;
}
