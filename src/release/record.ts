/**
 * A release record: what `archive release` commits for each version
 * (`content/releases/VERSION.json`): the version, the day of the release,
 * and one line per article (its URL, day, title, and hashes of its metadata
 * and of its text), from which the changelog between any two versions is
 * computed (changelog.ts). Pure: records in, text out, and back
 * (docs/data.md#releases).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Article } from '../content/article.ts';
import type { ArticleRecord } from '../export/records.ts';
import { archiveIndexes } from '../collections/indexes.ts';
import { archiveExport } from '../export/index.ts';
import { absoluteUrl, type SiteSettings } from '../site/settings.ts';
import type { LoadedContent } from '../store/load.ts';
import { releaseVersion } from './version.ts';

/** One article of a release: site-relative URL, day, title, metadata hash, body hash. */
export type IndexEntry = [url: string, date: string, title: string, metadata: string, body: string];

/** A release of the archive. */
export interface ReleaseRecord {
  version: string;
  /** The day of the release, `YYYY-MM-DD`. */
  date: string;
  /** Every published article, in URL order. */
  index: IndexEntry[];
}

/** Hex digits kept of each SHA-256: 48 bits tell one version of an article from the next. */
const HASH_LENGTH = 12;

export const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);

/**
 * The index of a release: one entry per article, in URL order, from the
 * export's records of `articles` (src/export/records.ts). The metadata hash
 * covers every field of a record but `url` (which holds the base URL, so
 * moving the site changes no article); the body hash covers the Markdown text.
 */
export function releaseIndex(
  records: readonly ArticleRecord[],
  articles: readonly Article[],
  settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>,
  // A body's hash depends on its text alone: the build remembers an unchanged file's (src/store/parse-cache.ts).
  bodyHash: (article: Article) => string = (article) => hash(article.body),
): IndexEntry[] {
  const byUrl = new Map(articles.map((article) => [absoluteUrl(settings, article.url), article]));
  return records
    .map((record): IndexEntry => {
      const { url, ...metadata } = record;
      const article = byUrl.get(url);
      if (!article) throw new Error(`release index: no article has the record's URL ${url}`);
      return [article.url, record.date, record.title, hash(JSON.stringify(metadata)), bodyHash(article)];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The index of the loaded content's articles, from the records its export (and so the build's `/data/`) holds. */
export function contentIndex(content: Pick<LoadedContent, 'articles' | 'registries' | 'outlets' | 'settings'>): IndexEntry[] {
  const { indexes, registries } = archiveIndexes(content.articles, content.registries, content.outlets);
  return releaseIndex(archiveExport(content.articles, indexes, registries, content.settings).articles, content.articles, content.settings);
}

/** The file name of a version's record in the content folder's `releases/`. */
export const recordFile = (version: string) => `${version}.json`;

/** A record as committed: JSON with one article a line, so that the diff of two releases is their changes. */
export function formatRecord(record: ReleaseRecord): string {
  const lines = record.index.map((entry) => JSON.stringify(entry));
  const index = lines.length ? `[\n${lines.join(',\n')}\n]` : '[]';
  return `{\n"version": ${JSON.stringify(record.version)},\n"date": ${JSON.stringify(record.date)},\n"articles": ${record.index.length},\n"index": ${index}\n}\n`;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD');
const recordSchema = z.strictObject({
  version: z.string().refine((value) => releaseVersion(value) === value, 'must be a semantic version such as 1.2.0'),
  date: day,
  articles: z.number().int().min(0),
  index: z.array(z.tuple([z.string().startsWith('/'), day, z.string(), z.string().regex(/^[0-9a-f]+$/), z.string().regex(/^[0-9a-f]+$/)])),
});

/** One problem of a record: where and what. */
export interface RecordIssue {
  line: number;
  message: string;
}

/**
 * Reads a record written by `formatRecord`; a record that is not JSON, not
 * of this shape, or whose `articles` count disagrees with its index is
 * refused with the line of the problem (the index holds one article a line).
 */
export function parseRecord(text: string): { ok: true; record: ReleaseRecord } | { ok: false; issue: RecordIssue } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? lineAt(text, Number(position[1])) : 1;
    return { ok: false, issue: { line, message: `not JSON: ${(error as Error).message}` } };
  }
  const parsed = recordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [key, entry] = issue.path;
    const line = key === 'index' && typeof entry === 'number' ? indexLine(text) + 1 + entry : keyLine(text, String(key ?? ''));
    return { ok: false, issue: { line, message: `${issue.path.join('.') || '(record)'}: ${issue.message}` } };
  }
  const { version, date, articles, index } = parsed.data;
  if (articles !== index.length)
    return {
      ok: false,
      issue: { line: keyLine(text, 'articles'), message: `articles: says ${articles}, but the index lists ${index.length}` },
    };
  return { ok: true, record: { version, date, index } };
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const keyLine = (text: string, key: string) => {
  const at = key ? text.indexOf(`"${key}"`) : -1;
  return at < 0 ? 1 : lineAt(text, at);
};
const indexLine = (text: string) => keyLine(text, 'index');
