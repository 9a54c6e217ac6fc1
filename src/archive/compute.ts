/**
 * The archive core's entry: the loaded content in, every page's data out
 * (src/archive/archive-data.ts), each body rendered once by the one Markdown
 * renderer. Pure but for one line of log.
 */
import type { LoadedContent } from '../store/load.ts';
import { buildArchiveParts, type ArchiveData, type ArchiveParts } from './archive-data.ts';
import { rememberArticleHashes } from './fingerprint.ts';
import { createMarkdown } from './markdown.ts';

/** Each published article's file (relative to the content folder) and its page URL, for links between articles. */
export function articleFiles(content: Pick<LoadedContent, 'articles'>): Map<string, string> {
  return new Map(content.articles.map((article) => [article.file, article.url]));
}

/** Every page list of the archive from its loaded content; logs the article count unless `quiet`. */
export async function computeArchive(content: LoadedContent, quiet = false, searchShardPages?: number): Promise<ArchiveData> {
  const { data, related } = await computeArchiveParts(content, quiet, searchShardPages);
  await related;
  return data;
}

/**
 * `computeArchive`, its article pages given their related stories once
 * `related` resolves (ArchiveParts): the build makes what reads no article
 * page meanwhile.
 */
export async function computeArchiveParts(content: LoadedContent, quiet = false, searchShardPages?: number): Promise<ArchiveParts> {
  if (content.derived) rememberArticleHashes(content.articles, content.derived);
  const md = createMarkdown({ pathPrefix: content.settings.pathPrefix, articleFiles: articleFiles(content) });
  const parts = await buildArchiveParts(content, (body, file) => md.render(body, { file }), searchShardPages);
  const { data } = parts;
  if (!quiet) {
    console.log(
      `[archive] ${data.articleCount} article${data.articleCount === 1 ? '' : 's'}${data.drafts ? `; ${data.drafts} draft${data.drafts === 1 ? '' : 's'} left out` : ''}`,
    );
  }
  return parts;
}
