/**
 * What the site shows of releases (docs/data.md#releases): the version the
 * site is, which release it matches, "Cite this version", and one page per
 * release with its changelog and downloads. Pure: the release records and
 * the index of the site's own articles in, page data out.
 */
import { changelogs, sameIndex, type ChangedArticle, type Changelog } from './changelog.ts';
import { downloadUrl, releaseFiles } from './files.ts';
import type { IndexEntry, ReleaseRecord } from './record.ts';

/** Where the pages of releases are: `/data/releases/1.2.0/`. */
export const RELEASES_URL = '/data/releases/';

/** An article of a changelog, and whether the site still has its page. */
export interface ReleaseArticle extends ChangedArticle {
  live: boolean;
}

/** One release's page. */
export interface ReleasePage {
  url: string;
  version: string;
  date: string;
  previous?: string;
  articles: number;
  added: ReleaseArticle[];
  changed: ReleaseArticle[];
  removed: ReleaseArticle[];
  /** Its files on the GitHub release, when the site knows where releases are (`releasesUrl`). */
  downloads: { name: string; url: string; what: string }[];
}

/** What the site says about releases. */
export interface ReleaseState {
  /** The version the site states: the newest release's when the site is that release, `X+unreleased` when it changed since, else `fallback`. */
  version: string;
  /** The newest release, and whether the site's articles are exactly those it recorded. */
  newest?: { version: string; date: string; url: string; current: boolean };
  /** Every release, newest first. */
  pages: ReleasePage[];
}

/**
 * The releases as the site shows them. `index` is the release index of the
 * site's own articles (`releaseIndex`); `fallback` the version before any
 * release (package.json's).
 */
export function releaseState(
  releases: readonly ReleaseRecord[],
  index: readonly IndexEntry[],
  fallback: string,
  releasesUrl?: string,
): ReleaseState {
  const live = new Set(index.map((entry) => entry[0]));
  const mark = (list: ChangedArticle[]) => list.map((item) => ({ ...item, live: live.has(item.url) }));
  const pages = changelogs(releases)
    .map((log: Changelog): ReleasePage => {
      const files = releaseFiles(log.version);
      const download = (name: string, what: string) => ({ name, url: downloadUrl(releasesUrl!, log.version, name), what });
      return {
        url: `${RELEASES_URL}${log.version}/`,
        version: log.version,
        date: log.date,
        ...(log.previous ? { previous: log.previous } : {}),
        articles: log.articles,
        // The first release adds every article: its page says how many rather than listing them all.
        added: log.previous ? mark(log.added) : [],
        changed: mark(log.changed),
        removed: mark(log.removed),
        downloads: releasesUrl
          ? [
              download(files.data, 'the data package: articles.csv, articles.json, entities.json, datapackage.json'),
              download(files.site, 'the whole site, to browse offline'),
              download(files.changelog, 'this changelog, as Markdown'),
            ]
          : [],
      };
    })
    .reverse();
  const last = releases.at(-1);
  if (!last) return { version: fallback, pages };
  const current = sameIndex(last.index, index);
  return {
    version: current ? last.version : `${last.version}+unreleased`,
    newest: { version: last.version, date: last.date, url: `${RELEASES_URL}${last.version}/`, current },
    pages,
  };
}
