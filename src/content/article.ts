/**
 * The in-memory Article every collection, filter and page works on, and the
 * one rule that places an article file and its page.
 */
import type { FrontMatter } from './schema.ts';
import { isDeviceName, slugify } from './slug.ts';
import { readArticleText } from './frontmatter.ts';
import type { ContentIssue } from './schema.ts';

export interface Article {
  /** Path of the source file relative to the content folder, with forward slashes. */
  file: string;
  /** The URL slug: the file name without its date prefix and `.md`. */
  slug: string;
  /** Site-relative URL of the article page, e.g. `/articles/2019/05/slug/`. */
  url: string;
  title: string;
  /** The day the source states, `YYYY-MM-DD`. */
  date: string;
  year: number;
  month: number;
  time?: string;
  /** The byline: who wrote it. */
  authors: string[];
  tags: string[];
  people: string[];
  organizations: string[];
  places: string[];
  /** Identifiers of incident records (`eurepoc:1234`), each once, as written. */
  incidents: string[];
  /** The editor's storyline key, when given. */
  story?: string;
  section?: string;
  summary?: string;
  source?: FrontMatter['source'];
  image?: FrontMatter['image'];
  related_headlines: string[];
  related?: FrontMatter['related'];
  draft: boolean;
  /** The Markdown body. */
  body: string;
}

/** `articles/YYYY/YYYY-MM-DD-SLUG.md`: where an article with this title and day lives in `content/`. */
export function articlePath(date: string, title: string): string {
  return `articles/${date.slice(0, 4)}/${date}-${slugify(title)}.md`;
}

/** The page URL of an article: `/articles/YYYY/MM/SLUG/`. */
export function articleUrl(date: string, slug: string): string {
  return `/articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}/`;
}

/**
 * The slug of an article file: its name without the `YYYY-MM-DD-` prefix, so
 * an editor's rename is honoured; else the title's slug.
 */
export function slugFromFile(file: string, title: string): string {
  const name = file.split('/').pop()!.replace(/\.md$/i, '');
  const match = /^\d{4}-\d{2}-\d{2}-(.+)$/.exec(name);
  const candidate = match ? match[1]! : name;
  // A file named `2019-06-04-con.md` must not make a page folder named `con` (hostile corpus: 2019-06-04-con.md).
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(candidate) && candidate.length <= 80 && !isDeviceName(candidate) ? candidate : slugify(title);
}

/**
 * The page URL the build gives the article in `file` with this day and title:
 * the one rule by which the build refuses two articles at one address,
 * `check` reports them, and `import` picks the next free file name.
 */
export function pageUrlOf(file: string, date: string, title: string): string {
  return articleUrl(date, slugFromFile(file, title));
}

/**
 * What an Article is in JSON while page fingerprints are taken
 * (src/archive/fingerprint.ts sets `standIn` for the length of its run: the
 * article's hash), else undefined: the article's own fields, as always.
 */
export const articleJson: { standIn?: (article: Article) => string | undefined } = {};

/**
 * Every Article's `toJSON`, own and not enumerable (so no spread, key list or
 * clone sees it), given when the Article is made: so the object never changes
 * shape. Adding and deleting a property on each article at every fingerprint
 * run, as before, left most of them in V8's slow dictionary mode (14 MB more
 * heap at 10,000 articles, and slower reads in every template).
 */
export function articleToJson(this: Article): unknown {
  return articleJson.standIn?.(this) ?? { ...this };
}

/** The body of each Article made with a function for it, or the text once read (toArticle). */
const bodySources = new WeakMap<Article, string | (() => string)>();

/** The `body` getter of every Article whose body is read when first asked for: one function, so all such Articles share one shape. */
function lazyBody(this: Article): string {
  const source = bodySources.get(this);
  if (typeof source === 'string') return source;
  if (source === undefined) throw new Error('an article body getter read off another object');
  const text = source();
  bodySources.set(this, text);
  return text;
}

/**
 * Builds the Article for validated front matter and body; `slug` is
 * slugFromFile's, when known already (the parse cache). A body given as a
 * function is read from it the first time it is asked for, then kept (an
 * unchanged file the build did not read: src/store/load.ts): `body` is then
 * an accessor, the same function on every such Article, added last as the
 * data property is on the others, so each kind shares one shape and JSON
 * lists the fields in one order. A getter of each Article's own (a closure)
 * left all of them in V8's dictionary mode: 16 MB of property dictionaries
 * at 10,000 articles.
 */
export function toArticle(file: string, data: FrontMatter, body: string | (() => string), slug = slugFromFile(file, data.title)): Article {
  const article = {
    file,
    slug,
    url: articleUrl(data.date, slug),
    title: data.title,
    date: data.date,
    year: Number(data.date.slice(0, 4)),
    month: Number(data.date.slice(5, 7)),
    time: data.time,
    authors: data.authors ?? [],
    tags: data.tags ?? [],
    people: data.people ?? [],
    organizations: data.organizations ?? [],
    places: data.places ?? [],
    incidents: [...new Set(data.incidents ?? [])],
    story: data.story,
    section: data.section,
    summary: data.summary,
    source: data.source,
    image: data.image,
    related_headlines: data.related_headlines ?? [],
    related: data.related,
    draft: data.draft ?? false,
  } as Omit<Article, 'body'> as Article;
  if (typeof body === 'string') article.body = body;
  else {
    bodySources.set(article, body);
    Object.defineProperty(article, 'body', { get: lazyBody, enumerable: true });
  }
  return Object.defineProperty(article, 'toJSON', { value: articleToJson });
}

/** Parses, validates and converts one article file's text; `lineOf` gives the line of a key or list item (`incidents.2`). */
export function parseArticle(
  text: string,
  file: string,
): { ok: true; article: Article; lineOf: (path: string) => number | undefined } | { ok: false; issues: ContentIssue[] } {
  const read = readArticleText(text, file);
  if (!read.ok) return read;
  return { ok: true, article: toArticle(file, read.data, read.body), lineOf: read.lineOf };
}
