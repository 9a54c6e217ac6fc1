/**
 * "Cite this" as files a reference manager imports: RIS and CSL-JSON for
 * one article, written by hand (docs/libraries.md says why not citation-js).
 * Both carry what the APA and BibTeX citations carry: the byline, the title,
 * the stated day, the outlet, the archived copy's URL and the archive's name;
 * neither has an access date, which the reader's tool adds.
 */
import type { Article } from '../content/article.ts';
import { EMPTY_OUTLETS, outletOf } from '../content/outlets.ts';

/** A byline name split as the APA and BibTeX citations split it: the last word is the family name; one word stays whole. */
export function splitName(name: string): { family: string; given: string } | { literal: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

/** What both formats need besides the article. */
export interface ReferenceContext {
  /** The archived copy: the article page's absolute URL. */
  url: string;
  archiveName: string;
  language: string;
  /** Tags as the site spells them. */
  tags: readonly string[];
  /** The outlet as the site names it (the outlets registry's name); else as the article's source names it. */
  outlet?: string;
}

/**
 * A RIS value on one line: line breaks and control characters become spaces,
 * so no text can end its tag's line and start a tag of its own.
 */
export function risValue(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A RIS record (type NEWS), CRLF line ends as the format has them. */
export function risCitation(article: Article, context: ReferenceContext): string {
  const [year, month, day] = article.date.split('-');
  const outlet = context.outlet ?? outletOf(article.source, EMPTY_OUTLETS)?.name;
  const lines: [string, string][] = [
    ['TY', 'NEWS'],
    ['TI', article.title],
    ...article.authors.map((name): [string, string] => {
      const split = splitName(name);
      return ['AU', 'literal' in split ? split.literal : `${split.family}, ${split.given}`];
    }),
    ['PY', year!],
    ['DA', `${year}/${month}/${day}/`],
    ...(outlet ? ([['T2', outlet]] as [string, string][]) : []),
    ...(article.section ? ([['SE', article.section]] as [string, string][]) : []),
    ...(article.summary ? ([['AB', article.summary]] as [string, string][]) : []),
    ...context.tags.map((tag): [string, string] => ['KW', tag]),
    ['LA', context.language],
    ['UR', context.url],
    ['DB', context.archiveName],
    ...(article.source?.url ? ([['N1', `Original: ${article.source.url}`]] as [string, string][]) : []),
  ];
  return `${lines.map(([tag, value]) => `${tag}  - ${risValue(value)}`).join('\r\n')}\r\nER  - \r\n`;
}

/** The CSL-JSON item (type article-newspaper) for one article; `id` is the BibTeX key. */
export function cslItem(article: Article, context: ReferenceContext, id: string): Record<string, unknown> {
  const [year, month, day] = article.date.split('-').map(Number) as [number, number, number];
  const outlet = context.outlet ?? outletOf(article.source, EMPTY_OUTLETS)?.name;
  return {
    id,
    type: 'article-newspaper',
    title: article.title,
    ...(article.authors.length ? { author: article.authors.map(splitName) } : {}),
    issued: { 'date-parts': [[year, month, day]] },
    ...(outlet ? { 'container-title': outlet } : {}),
    ...(article.section ? { section: article.section } : {}),
    ...(article.summary ? { abstract: article.summary } : {}),
    ...(context.tags.length ? { keyword: context.tags.join(', ') } : {}),
    language: context.language,
    URL: context.url,
    archive: context.archiveName,
    ...(article.source?.url ? { note: `Original: ${article.source.url}` } : {}),
  };
}

/** The CSL-JSON file: an array of one item, as reference managers import it. */
export function cslJson(article: Article, context: ReferenceContext, id: string): string {
  return `${JSON.stringify([cslItem(article, context, id)], null, 2)}\n`;
}
