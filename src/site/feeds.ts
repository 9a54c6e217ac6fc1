/**
 * Atom and JSON Feed documents, built as strings from plain data. Their dates
 * come from the articles, never from the clock, so a build is reproducible.
 */
import type { Article } from '../content/article.ts';
import { escapeXml } from './escape.ts';

/** One entry as both feed formats need it. */
export interface FeedEntry {
  article: Article;
  /** Absolute URL of the archived article page. */
  url: string;
  /** The body as HTML, rendered by the archive's own Markdown renderer. */
  html: string;
  tags: string[];
}

/** What a feed is about. */
export interface FeedMeta {
  title: string;
  description: string;
  language: string;
  author: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  atomUrl: string;
  jsonUrl: string;
}

/**
 * An RFC 3339 date-time for a stated day and, where stated, time. A day
 * without a time is given as noon UTC: it is the same calendar day in every
 * zone from UTC-11 to UTC+11, where midnight UTC would show as the day before
 * in the Americas (11ty/eleventy issues 949, 1531).
 */
export function rfc3339(date: string, time?: string): string {
  if (!time) return `${date}T12:00:00Z`;
  const match = /^(\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(time)!;
  return `${date}T${match[1]}${match[2] ?? ':00'}${match[3] ?? 'Z'}`;
}

/** An Atom 1.0 feed. `updated` is the newest entry's date (or 1970 for an empty feed). */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.length ? rfc3339(entries[0]!.article.date, entries[0]!.article.time) : '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.language)}">`,
    `  <title>${escapeXml(meta.title)}</title>`,
    `  <subtitle>${escapeXml(meta.description)}</subtitle>`,
    `  <link href="${escapeXml(meta.atomUrl)}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${escapeXml(meta.pageUrl)}" rel="alternate" type="text/html"/>`,
    `  <id>${escapeXml(meta.pageUrl)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(meta.author)}</name></author>`,
  ];
  for (const entry of entries) {
    const { article } = entry;
    const when = rfc3339(article.date, article.time);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(article.title)}</title>`,
      `    <link href="${escapeXml(entry.url)}" rel="alternate" type="text/html"/>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <published>${when}</published>`,
      `    <updated>${when}</updated>`,
      ...(article.summary ? [`    <summary>${escapeXml(article.summary)}</summary>`] : []),
      ...entry.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
      `    <content type="html">${escapeXml(entry.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.pageUrl,
    feed_url: meta.jsonUrl,
    description: meta.description,
    language: meta.language,
    authors: [{ name: meta.author }],
    items: entries.map(({ article, url, html, tags }) => ({
      id: url,
      url,
      ...(article.source?.url ? { external_url: article.source.url } : {}),
      title: article.title,
      content_html: html,
      ...(article.summary ? { summary: article.summary } : {}),
      date_published: rfc3339(article.date, article.time),
      ...(tags.length ? { tags } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
