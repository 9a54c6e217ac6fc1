/**
 * The safe fixes `check --fix` applies: tag spellings and key order. Both
 * go through `writeArticleText`, the writer the importer uses, so a fixed
 * file is byte for byte what the importer would write.
 */
import { writeArticleText } from '../content/frontmatter.ts';
import type { LoadedArticle } from './load.ts';
import { firstKeyOutOfOrder } from './order.ts';
import type { TagRenames } from './tags.ts';
import { cleanName } from '../content/fold.ts';

/** One file's fix: its new text and what changed, in words. */
export interface FileFix {
  file: string;
  text: string;
  changes: string[];
}

/** A file that needs a fix that cannot be applied safely, and why. */
export interface SkippedFix {
  file: string;
  reason: string;
}

/** Plans the fixes for the given articles; writes nothing. */
export function planFixes(articles: readonly LoadedArticle[], renames: TagRenames): { fixes: FileFix[]; skipped: SkippedFix[] } {
  const fixes: FileFix[] = [];
  const skipped: SkippedFix[] = [];
  for (const article of articles) {
    const renamesHere = renames.get(article.file);
    // Key order is judged only on valid articles (see checkKeyOrder), so only they are reordered.
    const misordered = article.valid && article.data ? firstKeyOutOfOrder(article.data) !== undefined : false;
    if (!renamesHere && !misordered) continue;
    if (!article.valid) {
      skipped.push({ file: article.file, reason: 'not fixed: fix its errors first, then run archive check --fix again' });
      continue;
    }
    if (article.hasComments) {
      skipped.push({
        file: article.file,
        reason: 'not fixed: its front matter has YAML comments that a rewrite would lose; fix it by hand',
      });
      continue;
    }
    const changes: string[] = [];
    const data = { ...article.valid };
    if (renamesHere && data.tags) {
      const cleaned = new Map([...renamesHere].map(([from, to]) => [cleanName(from), to]));
      const tags: string[] = [];
      for (const tag of data.tags) {
        const to = cleaned.get(cleanName(tag)) ?? tag;
        if (to !== tag) changes.push(`tags: "${tag}" → "${to}"`);
        // Two spellings of one tag in one article become one tag.
        if (!tags.includes(to)) tags.push(to);
      }
      data.tags = tags;
    }
    if (misordered) changes.push('front-matter keys put in order');
    const text = writeArticleText(data, article.body());
    if (text !== article.source.text) fixes.push({ file: article.file, text, changes });
  }
  return { fixes, skipped };
}
