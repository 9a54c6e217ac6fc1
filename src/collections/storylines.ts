/**
 * Storylines: the reports of one event, grouped. Two articles are in one
 * storyline when they name a shared incident, are one wire story (the
 * near-duplicate rule of src/content/same-story.ts), or carry the same
 * editor's `story:` key; the groups are closed under these links (a report
 * of incident A that is a copy of a report of incident B joins both). A
 * storyline holds two reports or more. Pure.
 *
 * Its key, which is its address (`/storylines/KEY/`) and the export's
 * `storyline` field: the editors' `story:` key when its reports carry one
 * (the one most of them carry, ties to the first in code point order), else
 * the day and slug of its first report (`2019-05-23-nato-threatens-...`),
 * which a later report never changes. Editors' keys start with a letter, the
 * archive's with a digit, so the two never meet (docs/content-model.md#storylines).
 */
import type { Article } from '../content/article.ts';
import { incidentPageUrl } from '../content/incidents.ts';
import { sameStoryGroups, storyPrint } from '../content/same-story.ts';
import { reportRows, sourceOutletRef, type OutletOf, type ReportRow } from './reports.ts';
import { compareCodePoints } from './names.ts';
import { compareOldestFirst } from './order.ts';

/** Why the reports of a storyline are one: a shared incident, one wire story, or an editor's key. */
export type StorylineLink = 'incident' | 'same-story' | 'story';

/** One storyline: its key, address and reports. */
export interface Storyline {
  key: string;
  /** `/storylines/KEY/` */
  url: string;
  /** The first report's headline. */
  title: string;
  /** Oldest first. */
  reports: Article[];
  /** Who reported what, and when: one row per report, oldest first. */
  timeline: ReportRow[];
  /** The outlets that reported it, in the order of their first report. */
  outlets: string[];
  /** The incidents its reports name, in code point order, with their pages. */
  incidents: { id: string; url: string }[];
  /** What links its reports, in this order: incident, same-story, story. */
  links: StorylineLink[];
  /** The first and the last report's day. */
  first: string;
  last: string;
}

/** What an article page says of its storyline. */
export interface StorylineSummary {
  key: string;
  url: string;
  title: string;
  reports: number;
  outlets: number;
}

/** The storylines of an archive, newest first by their last report, and each article's. */
export interface StorylineIndex {
  storylines: Storyline[];
  /** The storyline of each article in one, by article URL. */
  byArticle: Map<string, Storyline>;
}

/**
 * The groups of one wire story (src/content/same-story.ts), as article URLs:
 * what the build and the export share. `print` gives an article's story
 * print (a build remembers them across builds: LoadedContent['derived']).
 */
export function wireStoryGroups(
  articles: readonly Article[],
  print: (article: Article) => Uint32Array = (a) => storyPrint(a.body),
): string[][] {
  return sameStoryGroups(articles.map((a) => ({ key: a.url, print: print(a), headline: { day: a.date, title: a.title } })));
}

/** Groups `articles` into storylines; `sameStory` are the wire-story groups (`wireStoryGroups`), computed once by the caller. */
export function storylineIndex(
  articles: readonly Article[],
  sameStory: readonly (readonly string[])[] = wireStoryGroups(articles),
  /** The outlet of an article, as the site names it (src/collections/indexes.ts). */
  outletOf: OutletOf = sourceOutletRef,
): StorylineIndex {
  const parent = new Map<string, string>();
  const root = (url: string): string => {
    let at = url;
    while (parent.has(at)) at = parent.get(at)!;
    // Path halving keeps the chains short.
    if (at !== url) parent.set(url, at);
    return at;
  };
  const kinds = new Map<string, Set<StorylineLink>>();
  const join = (urls: readonly string[], why: StorylineLink) => {
    if (urls.length < 2) return;
    const first = root(urls[0]!);
    for (const url of urls.slice(1)) {
      const other = root(url);
      if (other !== first) parent.set(other, first);
    }
    for (const url of urls) (kinds.get(url) ?? kinds.set(url, new Set()).get(url)!).add(why);
  };
  const byIncident = new Map<string, string[]>();
  const byStory = new Map<string, string[]>();
  for (const article of articles) {
    for (const id of article.incidents) (byIncident.get(id) ?? byIncident.set(id, []).get(id)!).push(article.url);
    if (article.story) (byStory.get(article.story) ?? byStory.set(article.story, []).get(article.story)!).push(article.url);
  }
  for (const urls of byIncident.values()) join(urls, 'incident');
  for (const group of sameStory) join(group, 'same-story');
  for (const urls of byStory.values()) join(urls, 'story');

  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    if (!kinds.has(article.url)) continue;
    const top = root(article.url);
    (groups.get(top) ?? groups.set(top, []).get(top)!).push(article);
  }
  const storylines: Storyline[] = [];
  const byArticle = new Map<string, Storyline>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const reports = group.sort(compareOldestFirst);
    const first = reports[0]!;
    const links = (['incident', 'same-story', 'story'] as const).filter((why) => reports.some((a) => kinds.get(a.url)?.has(why)));
    const key = editorKey(reports) ?? `${first.date}-${first.slug}`;
    const { rows, outlets } = reportRows(reports, outletOf);
    const storyline: Storyline = {
      key,
      url: `/storylines/${key}/`,
      title: first.title,
      reports,
      timeline: rows,
      outlets,
      incidents: [...new Set(reports.flatMap((a) => a.incidents))].sort(compareCodePoints).map((id) => ({ id, url: incidentPageUrl(id) })),
      links,
      first: first.date,
      last: reports.at(-1)!.date,
    };
    storylines.push(storyline);
    for (const report of reports) byArticle.set(report.url, storyline);
  }
  storylines.sort((a, b) => (a.last !== b.last ? (a.last < b.last ? 1 : -1) : compareCodePoints(a.key, b.key)));
  return { storylines, byArticle };
}

/** The editors' key most reports carry, ties to the first in code point order; undefined when none carries one. */
function editorKey(reports: readonly Article[]): string | undefined {
  const counts = new Map<string, number>();
  for (const report of reports) if (report.story) counts.set(report.story, (counts.get(report.story) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))[0]?.[0];
}

/** What an article page shows of `storyline`. */
export function storylineSummary(storyline: Storyline): StorylineSummary {
  return {
    key: storyline.key,
    url: storyline.url,
    title: storyline.title,
    reports: storyline.reports.length,
    outlets: storyline.outlets.length,
  };
}
