/**
 * "Cite this": APA and BibTeX for an archived article. The access date is the
 * reader's, so the built page holds a placeholder that a small script fills
 * in; the same build always gives the same bytes.
 */
import type { Article } from '../content/article.ts';
import { monthName } from '../content/dates.ts';
import { escapeHtml } from './escape.ts';

/** What stands where the reader's access date goes. */
export const ACCESS_DATE_PLACEHOLDER = '[date accessed]';

/** One citation: plain text, and HTML with the access date in a span the script fills in. */
export interface Citation {
  text: string;
  html: string;
}

/** Both formats for one article. */
export interface Citations {
  apa: Citation;
  bibtex: Citation;
}

/** "Keith Bradsher" as APA writes an author: "Bradsher, K."; a name of one word (an outlet, a desk) stays whole. */
export function apaName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name.trim();
  const surname = words[words.length - 1]!;
  const initials = words
    .slice(0, -1)
    .map((w) => `${[...w][0]!.toUpperCase()}.`)
    .join(' ');
  return `${surname}, ${initials}`;
}

/** APA's author list: "A", "A, & B", "A, B, & C". */
function apaAuthors(authors: readonly string[]): string {
  const names = authors.map(apaName);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/**
 * APA 7 for a news story: its authors, or without a byline the title in the
 * author's place; then the stated day, the outlet in italics, the archive,
 * and where it was retrieved.
 */
export function apaCitation(article: Article, archiveName: string, url: string): Citation {
  const [year, month, day] = article.date.split('-').map(Number) as [number, number, number];
  const title = /[.?!]$/.test(article.title) ? article.title : `${article.title}.`;
  const when = `(${year}, ${monthName(month)} ${day}).`;
  const outlet = article.source?.name;
  const retrieved = `Retrieved ${ACCESS_DATE_PLACEHOLDER}, from ${url}`;
  const byline = article.authors.length ? apaAuthors(article.authors) : '';
  const authors = byline && !/[.]$/.test(byline) ? `${byline}.` : byline;
  const text = (authors ? [authors, when, title] : [title, when])
    .concat(outlet ? [`${outlet}.`] : [], [`${archiveName}.`, retrieved])
    .join(' ');
  const html = [
    ...(authors ? [escapeHtml(authors), escapeHtml(when), escapeHtml(title)] : [escapeHtml(title), escapeHtml(when)]),
    outlet ? `<i>${escapeHtml(outlet)}</i>.` : '',
    `${escapeHtml(archiveName)}.`,
    `Retrieved ${accessSpan('apa')}, from ${escapeHtml(url)}`,
  ]
    .filter(Boolean)
    .join(' ');
  return { text, html };
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Text made literal in a BibTeX field: TeX's special characters are escaped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    if (c === '^') return '\\textasciicircum{}';
    if (c === '~') return '\\textasciitilde{}';
    return `\\${c}`;
  });
}

/** The BibTeX key: the first words of the slug and the year, e.g. `notlimitedto2019`. */
export function bibtexKey(article: Article): string {
  return `${article.slug.split('-').slice(0, 3).join('')}${article.year}`;
}

/** A BibTeX `@misc` entry with the archive URL and a `urldate`. */
export function bibtexCitation(article: Article, archiveName: string, url: string): Citation {
  const [, month, day] = article.date.split('-').map(Number) as [number, number, number];
  const fields: [string, string][] = [
    ...(article.authors.length ? ([['author', `{${article.authors.map(bibtexName).join(' and ')}}`]] as [string, string][]) : []),
    // Double braces keep the title's capitals as written.
    ['title', `{{${escapeBibtex(article.title)}}}`],
    ...(article.source?.name ? ([['howpublished', `{${escapeBibtex(article.source.name)}}`]] as [string, string][]) : []),
    ['year', `{${article.year}}`],
    ['month', BIBTEX_MONTHS[month - 1]!],
    ['day', `{${day}}`],
    ['url', `{${url}}`],
    ['urldate', `{${ACCESS_DATE_PLACEHOLDER}}`],
    ['note', `{Archived by ${escapeBibtex(archiveName)}}`],
  ];
  const body = fields.map(([key, value]) => `  ${key} = ${value}`).join(',\n');
  const text = `@misc{${bibtexKey(article)},\n${body}\n}`;
  const html = escapeHtml(text).replace(escapeHtml(ACCESS_DATE_PLACEHOLDER), accessSpan('iso'));
  return { text, html };
}

/** "Keith Bradsher" as BibTeX reads a name unambiguously: "Bradsher, Keith"; one word is braced whole; escaped. */
function bibtexName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return `{${escapeBibtex(name.trim())}}`;
  return `${escapeBibtex(words[words.length - 1]!)}, ${escapeBibtex(words.slice(0, -1).join(' '))}`;
}

/** Both citations. */
export function citations(article: Article, archiveName: string, url: string): Citations {
  return { apa: apaCitation(article, archiveName, url), bibtex: bibtexCitation(article, archiveName, url) };
}

function accessSpan(format: 'apa' | 'iso'): string {
  return `<span class="access-date" data-access-date="${format}">${escapeHtml(ACCESS_DATE_PLACEHOLDER)}</span>`;
}

/** What a citation of the archive as a whole names. */
export interface ArchiveWork {
  name: string;
  publisher: string;
  version: string;
  /** The newest article's day (YYYY-MM-DD): the year of this version's data, never the clock's. */
  newest?: string;
  /** Where the data lives: the data page's absolute URL. */
  url: string;
}

/**
 * The archive as a data set, APA 7 ("Publisher. (Year). *Title* (Version x)
 * [Data set]. URL"; when the publisher is the title, the title takes the
 * author's place: "*Title* (Version x) [Data set]. (Year). URL") and BibTeX
 * (`@misc`, which every BibTeX style knows). Same content, same bytes.
 */
export function archiveCitations(work: ArchiveWork): Citations {
  const year = work.newest ? work.newest.slice(0, 4) : 'n.d.';
  const version = `(Version ${work.version}) [Data set].`;
  const when = `(${year}).`;
  const titleFirst = work.publisher === work.name;
  const byline = `${work.publisher.replace(/\.$/, '')}.`;
  const apaText = titleFirst ? `${work.name} ${version} ${when} ${work.url}` : `${byline} ${when} ${work.name} ${version} ${work.url}`;
  const title = `<i>${escapeHtml(work.name)}</i>`;
  const apaHtml = titleFirst
    ? `${title} ${escapeHtml(version)} ${escapeHtml(when)} ${escapeHtml(work.url)}`
    : `${escapeHtml(byline)} ${escapeHtml(when)} ${title} ${escapeHtml(version)} ${escapeHtml(work.url)}`;
  const key = `${work.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24)}${work.newest ? year : ''}`;
  const fields: [string, string][] = [
    ['author', `{{${escapeBibtex(work.publisher)}}}`],
    ['title', `{{${escapeBibtex(work.name)}}}`],
    ['year', `{${year}}`],
    ['version', `{${escapeBibtex(work.version)}}`],
    ['howpublished', '{Data set}'],
    ['url', `{${work.url}}`],
  ];
  const bibtex = `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
  return { apa: { text: apaText, html: apaHtml }, bibtex: { text: bibtex, html: escapeHtml(bibtex) } };
}
