/** Plain Article data for tests of collections, filters and site helpers: no files, no Eleventy. */
import { articlePath, toArticle, type Article } from '../../src/content/article.ts';
import type { FrontMatter } from '../../src/content/schema.ts';

let counter = 0;

/** An article with the given front matter; the title defaults to a unique one and the date to 2019-05-23. */
export function makeArticle(data: Partial<FrontMatter> & { body?: string } = {}): Article {
  const { body = 'Body text.', ...rest } = data;
  const front: FrontMatter = { title: `Story ${++counter}`, date: '2019-05-23', ...rest };
  return toArticle(articlePath(front.date, front.title), front, body);
}
