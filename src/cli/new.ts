/**
 * `archive new "Title"`: writes an article skeleton where the build expects
 * it (`content/articles/YYYY/YYYY-MM-DD-SLUG.md`), never over an existing
 * file, with tags in the archive's spelling, as a draft (`draft: true`, left
 * out of the site until removed), and prints its path.
 */
import path from 'node:path';
import { loadArticle } from '../check/load.ts';
import { chooseTagSpellings } from '../check/tags.ts';
import { articlePath } from '../content/article.ts';
import { isIsoDay } from '../content/dates.ts';
import { writeArticleText } from '../content/frontmatter.ts';
import { validateFrontMatter, formatIssue } from '../content/schema.ts';
import { listContent } from '../store/content-folder.ts';
import { readUtf8 } from '../store/read.ts';
import { loadRegistries } from '../store/registries.ts';
import { createExclusive } from '../store/temporary.ts';
import { localToday } from './today.ts';
import { UsageError } from './errors.ts';
import { tagKey } from '../content/fold.ts';

/** The options of `archive new`, as commander hands them over. */
export interface NewCliOptions {
  /** The day the story was published, `YYYY-MM-DD` (default: today). */
  date?: string;
  /** Comma-separated tags. */
  tags?: string;
  /** The content folder (default `content`). */
  content?: string;
}

/** Runs `archive new`; resolves to the exit code. */
export async function runNew(title: string, options: NewCliOptions): Promise<number> {
  const today = localToday();
  const date = options.date ?? today;
  if (!isIsoDay(date)) throw new UsageError(`--date must be a real day written YYYY-MM-DD, not "${date}"`);
  if (date > today) throw new UsageError(`--date ${date} is in the future (today is ${today}): give the day the story was published`);
  const content = options.content ?? 'content';
  const given = [
    ...new Set(
      (options.tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
  // A tag is one line of text: a line break or other control character would make a file `check` refuses.
  const controlled = given.find((tag) => /[\u0000-\u001f\u007f-\u009f]/.test(tag));
  if (controlled)
    throw new UsageError(
      `--tags: ${JSON.stringify(controlled)} holds a control character (a line break, tab or the like): write each tag as plain text on one line, separated by commas`,
    );
  const tags = given.length ? inArchiveSpelling(given, content) : [];
  // A draft until the editor says otherwise: the build leaves it out of every page, feed, the sitemap and search.
  const data = { title: title.trim(), date, ...(tags.length ? { tags } : {}), draft: true };
  const relative = articlePath(date, data.title);
  const target = path.join(content, relative);
  const shown = path.relative(process.cwd(), path.resolve(target)).split(path.sep).join('/');

  const valid = validateFrontMatter(data, shown);
  if (!valid.ok) throw new UsageError(valid.issues.map((issue) => formatIssue(issue).replace(`${shown}: `, '')).join('; '));
  const text = writeArticleText(valid.value, '');

  // Linked into place from a temporary: fails if the target appeared meanwhile, so nothing is overwritten.
  if (!createExclusive(target, text, 'new')) {
    console.error(`archive: ${shown} exists already: edit it, or give the new article another title`);
    return 1;
  }
  console.log(shown);
  console.error('Write the story below the front matter, remove `draft: true` to publish it, then run: npx archive check');
  return 0;
}

/** The tags in the spelling the tag registry or most articles of the archive use, so `check` has nothing to say. */
function inArchiveSpelling(tags: string[], content: string): string[] {
  const articles = listContent(content).articles.map((relative) => {
    const file = path.join(content, relative);
    // A file that is not UTF-8 counts for no spelling here; `check` reports it.
    return loadArticle({ file, text: readUtf8(file) ?? '' });
  });
  const chosen = chooseTagSpellings(articles, loadRegistries(content, ['tags']).registries.tags);
  const out: string[] = [];
  for (const tag of tags) {
    const spelling = chosen.get(tagKey(tag))?.spelling ?? tag;
    if (spelling !== tag) console.error(`tags: "${tag}" written as "${spelling}", ${chosen.get(tagKey(tag))!.why}`);
    if (!out.includes(spelling)) out.push(spelling);
  }
  return out;
}
