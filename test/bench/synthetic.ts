/**
 * Writes a synthetic archive (the deterministic generator of related.ts) as
 * article files in a content folder, the way the importer would: same seed,
 * same bytes. Used by the build benchmark, always in a temporary folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/content/article.ts';
import { writeArticleText } from '../../src/content/frontmatter.ts';
import { syntheticArchive } from './related.ts';

/** The front matter an editor or the importer would write for `article`. */
function frontMatterOf(article: Article) {
  return {
    title: article.title,
    date: article.date,
    tags: article.tags,
    ...(article.people.length ? { people: article.people } : {}),
    ...(article.organizations.length ? { organizations: article.organizations } : {}),
    ...(article.places.length ? { places: article.places } : {}),
    ...(article.related_headlines.length ? { related_headlines: article.related_headlines } : {}),
    ...(article.related ? { related: article.related } : {}),
  };
}

/** Writes `count` synthetic articles under `contentDir/articles/`; returns them as generated. */
export function writeSyntheticArchive(contentDir: string, count: number): Article[] {
  const articles = syntheticArchive(count);
  const folders = new Set<string>();
  for (const article of articles) {
    const file = path.join(contentDir, article.file);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, writeArticleText(frontMatterOf(article), article.body));
  }
  return articles;
}

/**
 * One more article, unlike any in the archive: its file and its page URL. Dated
 * `date` (default 2026-11-25, after every synthetic article); `slug` tells
 * apart several added to one archive.
 */
export function newArticle(date = '2026-11-25', slug = 'bench-preview-new-article'): { file: string; url: string; text: string } {
  const [year, month] = date.split('-');
  return {
    file: `articles/${year}/${date}-${slug}.md`,
    url: `/articles/${year}/${month}/${slug}/`,
    text: writeArticleText(
      { title: 'Bench preview new article', date, tags: ['ransomware'], people: ['Ada Lovelace'] },
      'A new article written while the preview runs.\n',
    ),
  };
}
