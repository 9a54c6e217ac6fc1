/**
 * The changelog between two releases: the articles added, changed and
 * removed, compared by URL; an article changed when the hash of its metadata
 * or of its text differs. Pure: two indexes in, the lists and their Markdown
 * out (docs/data.md#releases).
 */
import type { IndexEntry, ReleaseRecord } from './record.ts';

/** An article in a changelog. */
export interface ChangedArticle {
  url: string;
  date: string;
  title: string;
  /** For a changed article: what changed. */
  what?: ('metadata' | 'text')[];
}

/** What a release changed against the one before it (`previous` undefined: the first release). */
export interface Changelog {
  version: string;
  date: string;
  previous?: string;
  articles: number;
  added: ChangedArticle[];
  changed: ChangedArticle[];
  removed: ChangedArticle[];
}

const article = ([url, date, title]: IndexEntry): ChangedArticle => ({ url, date, title });

/** The changelog of `release` against `previous`; every article of the first release is added. */
export function changelog(release: ReleaseRecord, previous?: ReleaseRecord): Changelog {
  const before = new Map((previous?.index ?? []).map((entry) => [entry[0], entry]));
  const now = new Set(release.index.map((entry) => entry[0]));
  const added: ChangedArticle[] = [];
  const changed: ChangedArticle[] = [];
  for (const entry of release.index) {
    const old = before.get(entry[0]);
    if (!old) {
      added.push(article(entry));
      continue;
    }
    const what = [...(old[3] !== entry[3] ? (['metadata'] as const) : []), ...(old[4] !== entry[4] ? (['text'] as const) : [])];
    if (what.length) changed.push({ ...article(entry), what });
  }
  const removed = (previous?.index ?? []).filter((entry) => !now.has(entry[0])).map(article);
  return {
    version: release.version,
    date: release.date,
    ...(previous ? { previous: previous.version } : {}),
    articles: release.index.length,
    added,
    changed,
    removed,
  };
}

/** The changelogs of every release, oldest first, each against the release before it (`releases` oldest first). */
export function changelogs(releases: readonly ReleaseRecord[]): Changelog[] {
  return releases.map((release, i) => changelog(release, releases[i - 1]));
}

/** Whether two indexes list the same articles, each with the same metadata and text. */
export function sameIndex(a: readonly IndexEntry[], b: readonly IndexEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.join('\n') === b[i]!.join('\n'));
}

/** Scraped titles are text: every character Markdown could read as markup is escaped. */
const markdownText = (text: string) => text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

/** The changelog as Markdown (`changelog.md` of a release, and its GitHub release's notes); `link` makes an article's absolute URL. */
export function changelogMarkdown(log: Changelog, name: string, link: (url: string) => string): string {
  const lines = [`# ${markdownText(name)} ${log.version} (${log.date})`, ''];
  lines.push(
    log.previous
      ? `${log.articles} articles. Since ${log.previous}: ${log.added.length} added, ${log.changed.length} changed, ${log.removed.length} removed.`
      : `${log.articles} articles: the first release.`,
  );
  const section = (title: string, list: ChangedArticle[], linked: boolean) => {
    if (!list.length) return;
    lines.push('', `## ${title}`, '');
    for (const item of list) {
      const what = item.what ? ` (${item.what.join(' and ')})` : '';
      const text = `${item.date}: ${markdownText(item.title)}`;
      lines.push(`- ${linked ? `[${text}](<${link(item.url)}>)` : text}${what}`);
    }
  };
  if (log.previous) {
    section('Added', log.added, true);
    section('Changed', log.changed, true);
    section('Removed', log.removed, false);
  }
  return `${lines.join('\n')}\n`;
}
