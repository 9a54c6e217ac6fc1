/**
 * Links between articles: a Markdown link to an article page
 * (`/articles/YYYY/MM/SLUG/`) or to an article file (`../2019/2019-05-23-x.md`)
 * must reach an article of the archive, and so must `related.pin` and
 * `related.exclude` entries (article URLs or slugs).
 */
import { createMarkdown } from '../archive/markdown.ts';
import { articleLinkFile, articleLinkUrl } from '../content/links.ts';
import { closest } from '../content/schema.ts';
import { stringItems, type LoadedArticle } from './load.ts';
import type { CheckIssue } from './types.ts';

// The build's own renderer reads the links, so check sees exactly the links the site will have.
const markdown = createMarkdown();

/** One link of a Markdown body with its 0-based line within the body. */
export interface BodyLink {
  href: string;
  line: number;
}

/** Every link of a Markdown body, as markdown-it reads it (so links in code are not links). */
export function bodyLinks(body: string): BodyLink[] {
  const links: BodyLink[] = [];
  // Most bodies have no link at all; a Markdown link needs "](" or a "]:" definition.
  if (!body.includes('](') && !body.includes(']:')) return links;
  for (const token of markdown.parse(body, {})) {
    if (token.type !== 'inline' || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      if (child.type === 'link_open') {
        const href = child.attrGet('href');
        if (href) links.push({ href: String(href), line });
      }
    }
  }
  return links;
}

export { articleLinkFile, articleLinkUrl };

/** The archive's addresses: page URLs and slugs, and file names with forward slashes. */
export interface ArticleAddresses {
  urls: ReadonlySet<string>;
  slugs: ReadonlySet<string>;
  files: ReadonlySet<string>;
}

/** Reports links and related-story references that reach no article. */
export function checkLinks(articles: readonly LoadedArticle[], addresses: ArticleAddresses): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const urls = [...addresses.urls];
  for (const article of articles) {
    if (!article.data) continue;
    for (const link of article.links) {
      const url = articleLinkUrl(link.href);
      const file = url ? undefined : articleLinkFile(link.href, article.file);
      if (url && !addresses.urls.has(url)) {
        const guess = closest(url, urls);
        issues.push({
          file: article.file,
          line: article.bodyLine + link.line,
          message: `links to "${link.href}", which is no article of the archive: ${guess ? `did you mean "${guess}"? ` : ''}correct the link (article pages are /articles/YYYY/MM/SLUG/) or remove it`,
          severity: 'warning',
        });
      } else if (file && !addresses.files.has(file)) {
        issues.push({
          file: article.file,
          line: article.bodyLine + link.line,
          message: `links to "${link.href}", but there is no article file ${file}: correct the path or remove the link`,
          severity: 'warning',
        });
      }
    }
    for (const key of ['pin', 'exclude'] as const) {
      const related = article.data.related;
      const list = related && typeof related === 'object' && !Array.isArray(related) ? (related as Record<string, unknown>) : undefined;
      for (const { value, index } of stringItems(list, key)) {
        const reference = value.trim().replace(/\/$/, '');
        // The build resolves references the same way (src/related/related.ts): a URL with or without its final slash, or a slug.
        if (addresses.slugs.has(reference) || addresses.urls.has(`${reference}/`)) continue;
        issues.push({
          file: article.file,
          line: article.lineOf(`related.${key}.${index}`) ?? article.lineOf(`related.${key}`) ?? 1,
          field: `related.${key}`,
          message: `"${value}" is no article of the archive: give an article's page URL (/articles/YYYY/MM/SLUG/) or its slug`,
          severity: 'warning',
        });
      }
    }
  }
  return issues;
}
