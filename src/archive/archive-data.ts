/**
 * Turns the loaded content into the page lists the templates paginate over.
 * Pure: every grouping is done once here, each body is rendered once, and
 * no template ever scans the whole collection.
 */
// `await turn()`: this thread takes the events that came while it computed (a worker's answer, a child's
// message) before it goes on; a long synchronous stretch would hear them only at its end.
import { setImmediate as turn } from 'node:timers/promises';
import type { Article } from '../content/article.ts';
import {
  ENTITY_KINDS,
  KIND_LABELS,
  entityLinks,
  mostUsed,
  BY_COUNT,
  type Entity,
  type EntityKind,
  type EntityLink,
  type PageKind,
} from '../collections/entities.ts';
import type { OutletEntry, OutletLabel } from '../content/outlets.ts';
import { listViews, type ListControls, type ListSort } from '../collections/list-views.ts';
import { paginate, type PageSlice } from '../collections/paginate.ts';
import { byInitial, type LetterGroup } from '../collections/alphabet.ts';
import { NamedWithCounter, type Counted, type NamedWith, type NumberedLinks } from '../collections/named-with.ts';
import { neighbours } from '../collections/neighbours.ts';
import { countByYear, newestFirst } from '../collections/order.ts';
import { linkRelatedHeadlines, SIMILAR_TEXT, startRelated, type RelatedLink, type RelatedRun } from '../related/index.ts';
import { relatedBody, type RelatedArticle } from '../related/rule.ts';
import { timeline, type TimelineYear } from '../collections/timeline.ts';
import { barChart, chartPeriods, yearChart, type ChartPeriods } from '../site/chart.ts';
import { archiveCitations, bibtexKey, citations, type Citations } from '../site/citation.ts';
import { highwireTags, type MetaTag } from '../site/highwire.ts';
import { cslJson, risCitation } from '../site/references.ts';
import { atomFeed, jsonFeed, type FeedEntry, type FeedMeta } from '../site/feeds.ts';
import { collectionPage, jsonLd, newsArticle, type Mention } from '../site/json-ld.ts';
import { wikidataUrl } from '../content/registry.ts';
import { absoluteUrl, type SiteSettings } from '../site/settings.ts';
import { searchBundles } from '../search/plan.ts';
import { aliasHtml, aliasPages } from '../site/redirects.ts';
import { robots, sitemap, type SitemapEntry } from '../site/sitemap.ts';
import type { LoadedContent } from '../store/load.ts';
import { ARCHIVE_VERSION, archiveExport, DATA_URL, exportFiles } from '../export/index.ts';
import { hash as releaseHash, releaseIndex } from '../release/record.ts';
import { releaseState, type ReleasePage, type ReleaseState } from '../release/pages.ts';
import { DATA_FILES } from '../export/datapackage.ts';
import { ARTICLE_COLUMNS, ENTITY_COLUMNS, wordCount, type Column } from '../export/records.ts';
import type { DataLicense } from '../site/settings.ts';
import { archiveIndexes } from '../collections/indexes.ts';
import { rememberedPlaces } from '../collections/aliases.ts';
import { incidentIndex, incidentLinks, type Incident, type IncidentIndex, type IncidentLink } from '../collections/incidents.ts';
import type { OutletRef } from '../collections/reports.ts';
import { storylineIndex, storylineSummary, wireStoryGroups, type Storyline, type StorylineSummary } from '../collections/storylines.ts';
import { storyPrint } from '../content/same-story.ts';
import { articleHash, sha256 } from './fingerprint.ts';
import { withDerivedFields } from './derived-fields.ts';

/** Articles a listing page shows. */
export const PAGE_SIZE = 20;
/** Entries in the whole-archive feeds. */
export const ARCHIVE_FEED_SIZE = 50;
/** The kinds listed as "named with" facets, in the order pages show them: the names an article lists, and the outlets that reported them. */
export const FACET_KINDS: readonly PageKind[] = ['people', 'organizations', 'places', 'tags', 'outlets'];
/** Names of each kind an article page lists as named alongside its own. */
export const ARTICLE_FACET_NAMES = 5;
/** Links to the years of the article's names an article page lists at most. */
export const ARTICLE_FACET_YEARS = 6;

/** Entries in each tag's and person's feeds, the newest (only entities with `site.entityFeedMin` articles or more have feeds). */
export const ENTITY_FEED_SIZE = 50;

/** One related story on an article page, and why it is there. */
export interface RelatedStory {
  article: Article;
  /** "shares Jens Stoltenberg, NATO", "similar text", or "chosen by the editors". */
  reason: string;
}

/** One of the outlet's own related headlines, linked when the archive holds that story. */
export interface OutletHeadline {
  text: string;
  url?: string;
}

/** An article's outlet as its page shows it: its page, and the labels the outlets registry gives it with their sources. */
export interface OutletLink extends EntityLink {
  labels: OutletLabel[];
}

/** How to cite the archive as a whole, this version: the data page and every entity page show it (layouts/partials/cite-archive.njk). */
export interface ArchiveCitation {
  version: string;
  /** The newest release, and whether the site is that release. */
  release?: NonNullable<ReleaseState['newest']>;
  cite: Citations;
}

/** Everything one article page shows. */
export interface ArticlePage {
  article: Article;
  /** Made when read (a lazy field, derived-fields.ts): only the pages rendered are. */
  readonly html: string;
  /**
   * Set when `html` is made from the article's own text and file alone, with
   * the path prefix (no link that may name another article's file): then the
   * article's hash stands for it, and fingerprints and feed keys do not hash
   * the HTML itself (hashing a rendered body flattens the string in memory
   * for good: 39 MB more heap at 10,000 articles).
   */
  htmlFromText?: true;
  canonical: string;
  links: Record<EntityKind, EntityLink[]>;
  /** The outlet (content/_data/outlets.yaml, else as the source names it). */
  outlet?: OutletLink;
  /** The people, organizations and places the article names, with their Wikidata ids where the registries give one: its JSON-LD's `mentions`. */
  mentions: Record<MentionKind, Mention[]>;
  related: RelatedStory[];
  /** The same story in the archive from other pages or outlets (content/same-story.ts), oldest first. */
  sameStory: Article[];
  /** The incident records the article names, with their pages and records. */
  incidents: IncidentLink[];
  /** The storyline the article is in, if any (src/collections/storylines.ts). */
  storyline?: StorylineSummary;
  headlines: OutletHeadline[];
  previous?: Article;
  next?: Article;
  /** Derived when read (derived-fields.ts), as are citationMeta and jsonLd. */
  readonly cite: Citations;
  /** Highwire `citation_*` meta tags (src/site/highwire.ts). */
  readonly citationMeta: MetaTag[];
  /** Site-relative URLs of the article's RIS and CSL-JSON files. */
  citeFiles: { ris: string; csl: string };
  readonly jsonLd: string;
  /** Beside the article on wide screens, below it on narrow ones. */
  facets: ArticleFacets;
}

/** An article page's own properties: its data but its HTML, without the fields derived from it. */
type ArticlePageData = Omit<ArticlePage, 'html' | 'cite' | 'citationMeta' | 'jsonLd'>;

/** An article page's facets: its year, and the names most often named with its own. */
export interface ArticleFacets {
  /** The article's year in the archive, then its names' lists of that year where they have one. */
  years: { label: string; url: string }[];
  /** Per kind with any: the names most often named with the article's names (`NamedWithCounter.all`). */
  named: FacetGroup<EntityLink>[];
}

/** One kind of name in a facet, with its heading. */
export interface FacetGroup<T> {
  kind: PageKind;
  label: string;
  names: T[];
}

/** A name as an index lists it. */
export type IndexEntry = Pick<Entity, 'name' | 'url' | 'count'>;

/** The order of an index: by name, A to Z, or by number of articles, most first. */
export type IndexSort = 'name' | 'count';

/** A year of the timeline with its pages of the names of that year (`/timeline/2019/tags/`, ...). */
export interface YearPage extends TimelineYear {
  indexes: { label: string; url: string }[];
}

/** One of `/tags/`, `/people/`, `/organizations/`, `/places/`, `/outlets/`, in either order, or the names of one kind in one year (`/timeline/2019/tags/`). */
export interface EntityIndexPage {
  kind: PageKind;
  /** The names named in this year's articles only, with their counts of that year, most first; each leads to its page of that year where it has one. */
  year?: number;
  /** The year pages of this kind, oldest year first. */
  years: { year: number; url: string }[];
  title: string;
  singular: string;
  url: string;
  sort: IndexSort;
  /** In the page's order. */
  entities: IndexEntry[];
  /** By name: the entities by initial, for the page's A–Z (src/collections/alphabet.ts); by count: none. */
  letters: LetterGroup<IndexEntry>[];
  /** The page's heading and title: "Tags", "Tags by number of articles", "Tags in 2019". */
  heading: string;
  /** The first page of each order: `/tags/` and `/tags/by-count/`. */
  orders: Record<IndexSort, string>;
}

/** One page of one view (an order or a year, list-views.ts) of one entity, with what its heading and feeds need. */
export interface EntityListingPage extends PageSlice<Article> {
  /** The entity without its articles: the page lists its own slice (`items`), and its fingerprint hashes only what it shows. */
  entity: Omit<Entity, 'articles'>;
  /** The page's title: "NATO", "NATO, oldest first", "NATO in 2019", with "(page 2 of 3)" after page 1. */
  title: string;
  /** Which view of the entity's list this page is: its order, its year if any, its name in links, its first page and its articles. */
  view: { sort: ListSort; year?: number; name: string; url: string; count: number };
  /** Where every view of the entity's list starts: newest first at the entity's URL, oldest first, each year. */
  controls: ListControls & { newest: string };
  singular: string;
  plural: string;
  /** Site-relative feed URLs, for tags and people. */
  feeds?: { atom: string; json: string };
  /** On the first page: the people, organizations, places and tags named most often with this entity (kinds with none left out). */
  namedWith?: FacetGroup<NamedWith>[];
  /** The entity's articles per year, or per month when its span is short (`chartPeriods`); every page lists the periods with articles. */
  periods: ChartPeriods;
  /** On the first page, when there are two periods or more: the same as an SVG bar chart; derived when read (derived-fields.ts). */
  readonly chart?: string;
  /** The entity's Wikidata page, when the registry gives its id. */
  wikidataUrl?: string;
  /** The page's schema.org CollectionPage about the entity (src/site/json-ld.ts), ready for its script element; derived when read (derived-fields.ts). */
  readonly jsonLd: string;
  /** An outlet's entry in the outlets registry: country, kind, ownership, labels with their sources. */
  outlet?: OutletEntry;
  /** How to cite the archive as a whole. */
  archive: ArchiveCitation;
}

/**
 * A file written as is: feeds, the sitemap, robots.txt, alias pages. Its text
 * is made when it is written, one file at a time, so the feeds of every tag
 * and person (hundreds of megabytes at 30,000 articles) are never all in
 * memory, as they would be as Eleventy pages (it keeps each page it writes
 * until its run ends).
 */
export interface RawFile {
  /** Site-relative URL of the file: `/tags/nato/feed.xml`. */
  url: string;
  render(): string;
  /**
   * A hash of everything `render` reads, when it is cheaper to tell than the
   * text itself: an incremental build keeps the previous file while its key
   * is the recorded one, without rendering it (src/publish/incremental.ts).
   */
  key?(): string;
}

/** What the data page (`/data/`) shows: the export's files, fields, licence and version. */
export interface DataPage {
  url: string;
  version: string;
  /** The newest article's day, which the data package gives as its `created` date. */
  newest?: string;
  articles: number;
  entities: number;
  license: DataLicense;
  files: { url: string; name: string; what: string }[];
  columns: readonly Column<unknown>[];
  entityColumns: readonly Column<unknown>[];
  /** How to cite the archive as a whole, this version. */
  cite: Citations;
  /** The same with the release it is, as every entity page shows it. */
  archive: ArchiveCitation;
  /** The releases (src/release/pages.ts): the newest, whether the site is it, and every one's page. */
  releases: ReleaseState;
}

/** The kinds of names an article's JSON-LD mentions. */
type MentionKind = Exclude<EntityKind, 'tags'>;

/** The kinds with pages, in the order the site lists them: the names an article lists, then outlets. */
const PAGE_KINDS: readonly PageKind[] = [...ENTITY_KINDS, 'outlets'];

/** The global `archive` data. */
export interface ArchiveData {
  site: SiteSettings;
  articleCount: number;
  drafts: number;
  articles: ArticlePage[];
  home: {
    newest: Article[];
    tags: Entity[];
    people: Entity[];
    years: { year: number; count: number }[];
    chart: string;
  };
  indexes: EntityIndexPage[];
  entityPages: EntityListingPage[];
  timeline: TimelineYear[];
  /** The year pages this run writes: the timeline's years, or a part of them (a batched or an incremental build's). */
  yearPages: YearPage[];
  files: RawFile[];
  /** Site-relative URLs of every HTML page, for the sitemap and the build's page count. */
  pageUrls: string[];
  /** Whether this Eleventy run writes the pages other than articles (a batched build writes them in its last run). */
  rest: boolean;
  /** What the pages of their own (home, timeline, search, 404) are paginated over: one item when `rest`, else none. */
  once: number[];
  /** Search bundles besides `pagefind/` that the search page merges (`searchBundles` in src/search/plan.ts). */
  searchBundles: string[];
  data: DataPage;
  /** `/incidents/`: every incident, system by system. */
  incidentIndex: Pick<IncidentIndex, 'systems'> & { count: number };
  /** One page per incident, written in the last run. */
  incidentPages: Incident[];
  /** `/storylines/`: every storyline, newest first. */
  storylines: Storyline[];
  /** One page per storyline, written in the last run. */
  storylinePages: Storyline[];
  /** The page of each release, newest first (in a batched build, written in its last run). */
  releasePages: ReleasePage[];
}

/**
 * What one Eleventy run of a batched build writes: a stretch of the pages
 * made one per item (article pages, then entity pages, as one sequence), and
 * in the last run (`rest`) every other page.
 */
export interface BuildBatch {
  articles: [from: number, to: number];
  entityPages: [from: number, to: number];
  rest: boolean;
}

/**
 * The runs that write `data` with at most `pagesPerRun` article and entity
 * pages each (at least one run). With `articlesApart`, the article pages
 * have runs of their own, before any entity page: an incremental build
 * renders its few changed article pages first, so Pagefind indexes their
 * search shard while the entity pages and the rest are rendered. Otherwise,
 * with `firstRun`, the first run writes at most that many pages (the newest
 * articles): Pagefind indexes a shard once its pages are written, that is
 * once their run ends, so a short first run starts it sooner.
 */
export function planBatches(
  data: Pick<ArchiveData, 'articles' | 'entityPages'>,
  pagesPerRun: number,
  options: { articlesApart?: boolean; firstRun?: number } = {},
): BuildBatch[] {
  const articles = data.articles.length;
  if (options.articlesApart && articles > 0) {
    const per = Math.max(1, Math.floor(pagesPerRun));
    const first: BuildBatch[] = [];
    for (let from = 0; from < articles; from += per)
      first.push({ articles: [from, Math.min(articles, from + per)], entityPages: [0, 0], rest: false });
    const others = planBatches({ articles: [], entityPages: data.entityPages }, pagesPerRun).map(
      (batch): BuildBatch => ({ ...batch, articles: [articles, articles] }),
    );
    return [...first, ...others];
  }
  const total = articles + data.entityPages.length;
  const per = Math.max(1, Math.floor(pagesPerRun));
  const first = Math.max(1, Math.min(per, Math.floor(options.firstRun ?? per)));
  const batches: BuildBatch[] = [];
  for (let from = 0; from < total || batches.length === 0; ) {
    const to = Math.min(total, from + (batches.length === 0 ? first : per));
    batches.push({
      articles: [Math.min(from, articles), Math.min(to, articles)],
      entityPages: [Math.max(0, from - articles), Math.max(0, to - articles)],
      rest: to >= total,
    });
    from = to;
  }
  return batches;
}

/** The part of the archive one run of a batched build writes; everything pages read besides their own lists stays whole. */
export function batchOf(data: ArchiveData, batch: BuildBatch): ArchiveData {
  return {
    ...data,
    articles: data.articles.slice(...batch.articles),
    entityPages: data.entityPages.slice(...batch.entityPages),
    indexes: batch.rest ? data.indexes : [],
    timeline: batch.rest ? data.timeline : [],
    yearPages: batch.rest ? data.yearPages : [],
    incidentPages: batch.rest ? data.incidentPages : [],
    storylinePages: batch.rest ? data.storylinePages : [],
    files: batch.rest ? data.files : [],
    releasePages: batch.rest ? data.releasePages : [],
    rest: batch.rest,
    once: batch.rest ? [1] : [],
  };
}

/** Why a related story is listed, in the words the page shows. */
export function relatedReason(link: RelatedLink): string {
  if (link.pinned) return 'chosen by the editors';
  if (link.reasons.length === 1 && link.reasons[0] === SIMILAR_TEXT) return SIMILAR_TEXT;
  return `shares ${link.reasons
    .filter((r) => r !== SIMILAR_TEXT)
    .slice(0, 3)
    .join(', ')}`;
}

/** For each article that shares its story with others, those others, oldest first; `groups` are the wire-story groups, when computed already. */
export function sameStoryOf(
  articles: readonly Article[],
  groups: readonly (readonly string[])[] = wireStoryGroups(articles),
): Map<string, Article[]> {
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const out = new Map<string, Article[]>();
  for (const group of groups) {
    const members = group.map((url) => byUrl.get(url)!).sort((a, b) => a.date.localeCompare(b.date) || a.url.localeCompare(b.url));
    for (const member of members)
      out.set(
        member.url,
        members.filter((other) => other !== member),
      );
  }
  return out;
}

/** Which kinds get their own feeds. */
const FEED_KINDS: ReadonlySet<PageKind> = new Set(['tags', 'people']);

/** What the build is told while the archive is computed. */
export interface ArchiveHooks {
  /**
   * The related stories' worker has answered, so it no longer needs the
   * second core (src/related/parallel.ts): heard at the computation's next
   * turn (`turn`), about a second before the computation ends at 10,000
   * articles. The build lets the search index's process go on then.
   */
  onRelatedAnswered?: () => void;
}

/** Builds every page list from the loaded content; `render` turns a Markdown body (of the article file `file`) into HTML. */
export async function buildArchiveData(
  content: LoadedContent,
  render: (markdown: string, file: string) => string,
  searchShardPages?: number,
  hooks: ArchiveHooks = {},
): Promise<ArchiveData> {
  const articles = newestFirst(content.articles);
  // What the rule of related stories reads of each body: remembered with its file by the parse cache,
  // so an unchanged file is not read at all (src/store/load.ts).
  const { derived } = content;
  const bodies = new Map(articles.map((a) => [a, derived ? derived(a, 'relatedBody', () => relatedBody(a.body)) : relatedBody(a.body)]));
  // Related stories begin now from the articles' texts (on a worker, on a large archive), and are finished with their names;
  // the worker ends with the build of the data, whatever happens.
  const relatedRun = startRelated(
    articles.map(({ url, slug, date, title }, i) => ({ url, slug, date, title, body: bodies.get(articles[i]!)! })),
    hooks.onRelatedAnswered ? { onAnswered: hooks.onRelatedAnswered } : {},
  );
  try {
    return await buildWithRelated(content, articles, bodies, relatedRun, render, searchShardPages);
  } finally {
    await relatedRun.end();
  }
}

/**
 * `buildArchiveData` once the related stories are begun (`relatedRun`) from
 * `articles`, the content's articles newest first, with what the rule reads
 * of each one's body (`bodies`).
 */
async function buildWithRelated(
  content: LoadedContent,
  articles: Article[],
  bodies: ReadonlyMap<Article, string>,
  relatedRun: RelatedRun,
  render: (markdown: string, file: string) => string,
  searchShardPages?: number,
): Promise<ArchiveData> {
  const { settings } = content;
  // The registries, then the folds the archive itself shows (src/collections/indexes.ts).
  // The gazetteer's answers for the places, remembered with the article files by the parse cache when there is one.
  const { registries, indexes, outlets } = archiveIndexes(
    articles,
    content.registries,
    content.outlets,
    content.derived ? rememberedPlaces(articles, content.derived, content.changed) : undefined,
  );
  const outletIndex = indexes.get('outlets')!;
  // Each article's outlet (with its labels), looked up once: timelines, facets and its page read it.
  const lookUpOutlet = (article: Article): OutletLink | undefined => {
    const link = entityLinks(outletIndex, outletIndex.names(article))[0];
    return link && { name: link.name, url: link.url, labels: outlets.get(link.name)?.labels ?? [] };
  };
  const outletLinks = new Map(articles.map((article) => [article, lookUpOutlet(article)]));
  const outletOf = (article: Article): OutletLink | undefined =>
    outletLinks.has(article) ? outletLinks.get(article) : lookUpOutlet(article);
  // Each article's links to its names, made once: related stories, its page, the names named together and the facets all read them.
  const linksOf = new Map(
    articles.map((article) => [
      article,
      Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, entityLinks(indexes.get(kind)!, article[kind])])) as Record<
        EntityKind,
        EntityLink[]
      >,
    ]),
  );
  // Related stories see each name in its canonical spelling, so aliases
  // ("Sofacy", "Fancy Bear") count as the one entity they name. On a large
  // archive a worker thread does part of the work while this thread renders.
  // Copies of one story are linked as that story on each other's pages, never listed as each other's related stories.
  const { derived } = content;
  const wire = wireStoryGroups(articles, derived ? (a) => derived(a, 'storyPrint', () => storyPrint(a.body)) : undefined);
  const sameStory = sameStoryOf(articles, wire);
  // Timelines name each report's outlet as its page does, linked to the outlet's page.
  const outletRef = (article: Article): OutletRef | undefined => {
    const link = outletOf(article);
    return link && { name: link.name, url: link.url };
  };
  const incidents = incidentIndex(articles, content.incidentSystems ?? [], outletRef);
  const storylines = storylineIndex(articles, wire, outletRef);
  // What the rule reads of each article (RelatedArticle), no more: the whole body is not read.
  const canonical = articles.map((article): RelatedArticle => {
    const same = sameStory.get(article.url);
    const { url, slug, date, title, related } = article;
    const names = linksOf.get(article)!;
    return {
      url,
      slug,
      date,
      title,
      body: bodies.get(article)!,
      people: names.people.map((l) => l.name),
      organizations: names.organizations.map((l) => l.name),
      tags: names.tags.map((l) => l.name),
      places: names.places.map((l) => l.name),
      related: same ? { ...related, exclude: [...(related?.exclude ?? []), ...same.map((a) => a.url)] } : related,
    };
  });
  // On a large archive a worker computes them while this thread computes the rest; they are waited for at the end.
  const relatedDone = relatedRun.withNames(canonical);
  // A failure elsewhere before that wait must not leave the worker's failure unhandled: the wait still sees it.
  relatedDone.catch(() => undefined);
  // A body's HTML depends on its text, its file and the path prefix, unless it may link to another
  // article's file (a ".md" link, or an entity that could spell one): then on the other files too, and it is
  // not remembered across builds.
  // Whether it may is a fact of the text, remembered too (a scan of every body took 0.07 s at 10,000 articles).
  // Known only with the parse cache, the only builds that take fingerprints (htmlFromText).
  // An HTML made from the text alone is made, or read from the parse cache, only when a page or a feed shows it
  // (an incremental build shows a few): `html` holds each body's HTML as a function that gives it.
  const fromText = new Set<Article>();
  const { text } = content;
  const renderBody = (a: Article): (() => string) => {
    if (!derived || !text || derived(a, 'mayLinkFiles', () => /\.md|&/i.test(a.body))) {
      const made = render(a.body, a.file);
      return () => made;
    }
    fromText.add(a);
    return text(a, `html ${settings.pathPrefix}`, () => render(a.body, a.file));
  };
  const html = new Map(articles.map((a) => [a.url, renderBody(a)]));
  const headlineLinks = linkRelatedHeadlines(articles);
  const byUrl = new Map(articles.map((a) => [a.url, a]));
  const relatedFor = (related: Map<string, RelatedLink[]>, url: string): RelatedStory[] =>
    (related.get(url) ?? []).flatMap((link: RelatedLink) => {
      const article = byUrl.get(link.url);
      return article ? [{ article, reason: relatedReason(link) }] : [];
    });
  const around = neighbours(articles);
  const abs = (url: string) => absoluteUrl(settings, url);
  // An article's links of every facet kind: its names, and its outlet.
  const facetLinksOf = (article: Article): Record<PageKind, EntityLink[]> => {
    const outlet = outletOf(article);
    const links = linksOf.get(article)!;
    return {
      tags: links.tags,
      people: links.people,
      organizations: links.organizations,
      places: links.places,
      outlets: outlet ? [{ name: outlet.name, url: outlet.url }] : [],
    };
  };
  const facetLinks = new Map(articles.map((article) => [article, facetLinksOf(article)]));
  // Every name with a page numbered, and each article's facet links as numbers: the names named together are counted by number (named-with.ts).
  const numbering = { names: [] as string[], urls: [] as string[] };
  const numberOf = new Map<string, number>();
  for (const kind of PAGE_KINDS)
    for (const entity of indexes.get(kind)!.entities) {
      numberOf.set(entity.url, numbering.names.length);
      numbering.names.push(entity.name);
      numbering.urls.push(entity.url);
    }
  const facetNumbers = new Map<Article, NumberedLinks>(
    articles.map((article) => {
      const links = facetLinks.get(article)!;
      return [article, FACET_KINDS.map((kind) => links[kind].map((link) => numberOf.get(link.url)!))];
    }),
  );
  const counter = new NamedWithCounter(numbering, FACET_KINDS.length);
  // Per entity (by number): the names of each facet kind named most often with it; and the views of its list (list-views.ts).
  const namedWithOf: Counted[][] = [];
  const viewsOf = new Map<string, ReturnType<typeof listViews>>();
  const yearViewOf = new Map<string, Map<number, string>>();
  for (const kind of PAGE_KINDS) {
    for (const entity of indexes.get(kind)!.entities) {
      const number = numberOf.get(entity.url)!;
      namedWithOf[number] = counter.each(
        number,
        entity.articles.map((article) => facetNumbers.get(article)!),
        8,
      );
      const views = listViews(entity.url, entity.articles, { pageSize: PAGE_SIZE, yearPagesMin: settings.yearPagesMin });
      viewsOf.set(entity.url, views);
      if (views.controls.years.length) yearViewOf.set(entity.url, new Map(views.controls.years.map((y) => [y.year, y.url])));
    }
  }
  await turn();
  const listsOf = (id: number) => namedWithOf[id]!;
  // Each year's first facet, one object shared by its articles' pages.
  const yearFacets = new Map<number, { label: string; url: string }>();
  const yearFacet = (year: number) => {
    let facet = yearFacets.get(year);
    if (!facet) {
      facet = { label: `${year} in the archive`, url: `/timeline/${year}/` };
      yearFacets.set(year, facet);
    }
    return facet;
  };
  const articleFacets = (article: Article, links: Record<PageKind, EntityLink[]>): ArticleFacets => {
    const years = [yearFacet(article.year)];
    const own = ENTITY_KINDS.flatMap((kind) => links[kind]);
    for (const link of own) {
      const url = yearViewOf.get(link.url)?.get(article.year);
      if (url && years.length <= ARTICLE_FACET_YEARS) years.push({ label: `${link.name} in ${article.year}`, url });
    }
    const ownNumbers = own.map((link) => numberOf.get(link.url)!);
    const numbers = facetNumbers.get(article)!;
    const named = FACET_KINDS.map((kind, at) => ({
      kind,
      label: KIND_LABELS[kind].plural,
      names: counter.all(ownNumbers, listsOf, at, numbers[at]!, ARTICLE_FACET_NAMES),
    })).filter((group) => group.names.length);
    return { years, named };
  };

  // Made when a rendered page reads them, from the page's own data and the settings alone (derived-fields.ts);
  // its HTML is data made late, which its fingerprint stands for by its own rule (fingerprint.ts). One object
  // of each for every article page, so the pages share one prototype of getters and one shape.
  const tagsOf = (p: { links: ArticlePage['links'] }) => p.links.tags.map((l) => l.name);
  const articleDerived = {
    cite: (p) => citations(p.article, settings.name, p.canonical),
    citationMeta: (p) => highwireTags(p.article, p.canonical, settings.language, tagsOf(p), p.outlet?.name),
    jsonLd: (p) => jsonLd(newsArticle(p.article, settings, p.canonical, { ...p.mentions, tags: tagsOf(p) })),
  } satisfies { [K in 'cite' | 'citationMeta' | 'jsonLd']: (p: ArticlePageData) => ArticlePage[K] };
  const articleLazy = {
    html: (p) => html.get(p.article.url)!(),
  } satisfies { html: (p: ArticlePageData) => string };
  const articlePages: ArticlePage[] = articles.map((article) => {
    const links = linksOf.get(article)!;
    const mentions = (kind: MentionKind) => links[kind].map((l) => ({ name: l.name, wikidata: indexes.get(kind)!.get(l.name)?.wikidata }));
    const page: ArticlePageData = {
      article,
      ...(fromText.has(article) ? { htmlFromText: true as const } : {}),
      canonical: abs(article.url),
      links,
      outlet: outletOf(article),
      mentions: { people: mentions('people'), organizations: mentions('organizations'), places: mentions('places') },
      // Given below, once the related stories are computed.
      related: [] as RelatedStory[],
      sameStory: sameStory.get(article.url) ?? [],
      incidents: incidentLinks(incidents, article),
      ...(storylines.byArticle.has(article.url) ? { storyline: storylineSummary(storylines.byArticle.get(article.url)!) } : {}),
      headlines: article.related_headlines.map((text, i) => ({ text, url: headlineLinks.get(article.url)?.[i] })),
      previous: around.get(article.url)?.previous,
      next: around.get(article.url)?.next,
      citeFiles: { ris: `${article.url}cite.ris`, csl: `${article.url}cite.json` },
      facets: articleFacets(article, facetLinks.get(article)!),
    };
    return withDerivedFields(page, articleDerived, articleLazy);
  });
  await turn();

  const feedEntry = (article: Article): FeedEntry => ({
    article,
    url: abs(article.url),
    get html() {
      return html.get(article.url)!();
    },
    // As the tags index folds them: the article's links, made once above.
    tags: linksOf.get(article)!.tags.map((l) => l.name),
  });
  // Raw files' keys (RawFile.key): a hash of everything their render reads, so an incremental build keeps an unchanged one unmade.
  const htmlHashes = new Map<string, string>();
  // The HTML made from the article's text alone is stood for by the article's hash (htmlFromText), which every key holds.
  const htmlHash = (article: Article): string => {
    if (fromText.has(article)) return 'from text';
    let hash = htmlHashes.get(article.url);
    if (hash === undefined) {
      hash = sha256(html.get(article.url)!());
      htmlHashes.set(article.url, hash);
    }
    return hash;
  };
  const rawKey = (...parts: unknown[]): string => sha256(JSON.stringify(parts));
  // What a feed entry is made from, once per article: an article is in the home feed and in its tags' and people's.
  const entryKeys = new Map<Article, unknown[]>();
  const feedEntryKey = (article: Article): unknown[] => {
    let key = entryKeys.get(article);
    if (key === undefined) {
      const entry = feedEntry(article);
      key = [articleHash(article), htmlHash(article), entry.url, entry.tags];
      entryKeys.set(article, key);
    }
    return key;
  };
  const feedFiles = (pageUrl: string, title: string, description: string, list: readonly Article[]): RawFile[] => {
    const meta: FeedMeta = {
      title,
      description,
      language: settings.language,
      author: settings.publisher,
      pageUrl: abs(pageUrl),
      atomUrl: abs(`${pageUrl}feed.xml`),
      jsonUrl: abs(`${pageUrl}feed.json`),
    };
    // Each entry as the feed shows it: the article whole, its HTML, its address and its tags as the tags index folds them.
    // One key for the feed's two files (each file's record has its own: they are made from the same), when the first asks.
    let key: string | undefined;
    const keyOf = () => (key ??= rawKey(meta, list.map(feedEntryKey)));
    return [
      { url: `${pageUrl}feed.xml`, render: () => atomFeed(meta, list.map(feedEntry)), key: keyOf },
      { url: `${pageUrl}feed.json`, render: () => jsonFeed(meta, list.map(feedEntry)), key: keyOf },
    ];
  };

  // Feeds for the tags and people with enough articles to follow: most names appear once or twice.
  const hasFeeds = (kind: PageKind, entity: Entity) => FEED_KINDS.has(kind) && entity.count >= settings.entityFeedMin;
  const files: RawFile[] = [...feedFiles('/', settings.name, settings.description, articles.slice(0, ARCHIVE_FEED_SIZE))];
  // "Cite this" as files a reference manager imports, beside each article page.
  for (const page of articlePages) {
    const reference = {
      url: page.canonical,
      archiveName: settings.name,
      language: settings.language,
      tags: page.links.tags.map((l) => l.name),
      outlet: page.outlet?.name,
    };
    // One key for both files, made from the same: the article and the reference.
    let key: string | undefined;
    const keyOf = () => (key ??= rawKey(articleHash(page.article), reference));
    files.push(
      { url: page.citeFiles.ris, render: () => risCitation(page.article, reference), key: keyOf },
      { url: page.citeFiles.csl, render: () => cslJson(page.article, reference, bibtexKey(page.article)), key: keyOf },
    );
  }
  // The data export (src/export/), made before the entity pages, which cite the archive as a whole.
  // The version the data states is the newest release's when the site is that release (src/release/pages.ts).
  let releases: ReleaseState | undefined;
  const exported = archiveExport(
    articles,
    indexes,
    registries,
    settings,
    (records) => {
      const recorded = content.releases ?? [];
      releases = releaseState(
        recorded,
        recorded.length
          ? releaseIndex(records, articles, settings, derived && ((a) => derived(a, 'releaseBodyHash', () => releaseHash(a.body))))
          : [],
        ARCHIVE_VERSION,
        settings.releasesUrl,
      );
      return releases.version;
    },
    storylines,
    outlets,
    // A word count depends on the article's text alone: an unchanged file's is remembered.
    derived ? (a) => derived(a, 'wordCount', () => wordCount(a.body)) : undefined,
  );
  const version = String(exported.package.version);
  const release = releases!.newest?.current ? releases!.newest : undefined;
  const archiveCitation: ArchiveCitation = {
    version,
    ...(releases!.newest ? { release: releases!.newest } : {}),
    cite: archiveCitations({
      name: settings.name,
      publisher: settings.publisher,
      version,
      // A release is dated by its day; the site between releases by its newest article.
      newest: release?.date ?? exported.articles.at(-1)?.date,
      url: abs(DATA_URL),
    }),
  };
  const listing: EntityListingPage[] = [];
  // Made when a rendered page reads them, from the page's own data and the settings alone (derived-fields.ts):
  // the chart from the periods, on the first page (the one with the names named with the entity) when there are two or more.
  // One object for every entity page, so the pages share one prototype of getters and one shape.
  const entityDerived = {
    jsonLd: (p) => jsonLd(collectionPage(p.entity, settings, abs(p.url))),
    chart: (p) => (p.namedWith && p.periods.bars.length > 1 ? barChart(p.periods, 'entity-chart-title') : undefined),
  } satisfies { [K in 'jsonLd' | 'chart']: (p: Omit<EntityListingPage, 'jsonLd' | 'chart'>) => EntityListingPage[K] };
  const indexPages: EntityIndexPage[] = [];
  await turn();
  const years = timeline(articles);
  const yearIndexUrl = (year: number, kind: PageKind) => `/timeline/${year}/${kind}/`;
  for (const kind of PAGE_KINDS) {
    const index = indexes.get(kind)!;
    const { singular, plural } = KIND_LABELS[kind];
    const orders: Record<IndexSort, string> = { name: `/${kind}/`, count: `/${kind}/${BY_COUNT}/` };
    const entry = ({ name, url, count }: Entity): IndexEntry => ({ name, url, count });
    const byName = index.entities.map(entry);
    const ranked = mostUsed(index, index.entities.length);
    const yearLinks = [...years].reverse().map(({ year }) => ({ year, url: yearIndexUrl(year, kind) }));
    const page = { kind, title: plural, singular, orders, years: yearLinks };
    indexPages.push({ ...page, heading: plural, url: orders.name, sort: 'name', entities: byName, letters: byInitial(byName) });
    indexPages.push({
      ...page,
      heading: `${plural} by number of articles`,
      url: orders.count,
      sort: 'count',
      entities: ranked.map(entry),
      letters: [],
    });
    // Each year's names, most articles that year first, ties in the order of the whole index by count.
    const ofYear = new Map<number, IndexEntry[]>(years.map(({ year }) => [year, []]));
    for (const entity of ranked) {
      for (const { year, count } of entity.years) {
        ofYear.get(year)!.push({ name: entity.name, url: yearViewOf.get(entity.url)?.get(year) ?? entity.url, count });
      }
    }
    for (const { year, url } of yearLinks) {
      const entries = ofYear.get(year)!.sort((a, b) => b.count - a.count);
      indexPages.push({ ...page, year, heading: `${plural} in ${year}`, url, sort: 'count', entities: entries, letters: [] });
    }
    for (const entity of index.entities) {
      const feeds = hasFeeds(kind, entity) ? { atom: `${entity.url}feed.xml`, json: `${entity.url}feed.json` } : undefined;
      const periods = chartPeriods(entity.articles);
      const { articles: _listed, ...shown } = entity;
      const { views, controls: viewControls } = viewsOf.get(entity.url)!;
      // One object for all the entity's pages, as its periods and `shown` are: fingerprints hash each once (fingerprint.ts).
      // Written out, not spread first (a shape per object on Node 20: test/content/shapes.test.ts).
      const controls = {
        years: viewControls.years,
        ...(viewControls.oldest === undefined ? {} : { oldest: viewControls.oldest }),
        newest: entity.url,
      };
      for (const view of views) {
        const name = view.year ? String(view.year) : view.sort === 'oldest' ? 'Oldest first' : 'Newest first';
        const heading = view.year
          ? `${entity.name} in ${view.year}`
          : view.sort === 'oldest'
            ? `${entity.name}, oldest first`
            : entity.name;
        for (const page of paginate(view.articles, view.url, PAGE_SIZE)) {
          const first = page.number === 1 && view === views[0];
          listing.push(
            withDerivedFields(
              // The page's slice written out (PageSlice's fields), not spread first: on Node 20 a literal that begins with a
              // spread and adds to it gives every object a shape of its own (test/content/shapes.test.ts).
              {
                number: page.number,
                total: page.total,
                url: page.url,
                start: page.start,
                items: page.items,
                previousUrl: page.previousUrl,
                nextUrl: page.nextUrl,
                entity: shown,
                title: page.number > 1 ? `${heading} (page ${page.number} of ${page.total})` : heading,
                view: { sort: view.sort, ...(view.year ? { year: view.year } : {}), name, url: view.url, count: view.articles.length },
                controls,
                singular,
                plural,
                feeds,
                periods,
                ...(entity.wikidata ? { wikidataUrl: wikidataUrl(entity.wikidata) } : {}),
                ...(kind === 'outlets' ? { outlet: outlets.get(entity.name) } : {}),
                archive: archiveCitation,
                ...(first
                  ? {
                      namedWith: FACET_KINDS.map((other, at) => ({
                        kind: other,
                        label: KIND_LABELS[other].plural,
                        names: counter.named(namedWithOf[numberOf.get(entity.url)!]![at]!),
                      })).filter((group) => group.names.length),
                    }
                  : {}),
              },
              entityDerived,
            ),
          );
        }
      }
    }
    // Alias URLs ("/people/stoltenberg/") lead on to the canonical page; they are not in the sitemap.
    const prefixed = (url: string) => `${settings.pathPrefix.replace(/\/$/, '')}${url}`;
    for (const alias of aliasPages(index, registries[kind])) {
      files.push({ url: `${alias.url}index.html`, render: () => aliasHtml(alias, settings, prefixed, abs) });
    }
    if (FEED_KINDS.has(kind)) {
      for (const entity of index.entities.filter((entity) => hasFeeds(kind, entity))) {
        files.push(
          ...feedFiles(
            entity.url,
            `${entity.name} – ${settings.name}`,
            `Articles in ${settings.name} about ${entity.name}.`,
            entity.articles.slice(0, ENTITY_FEED_SIZE),
          ),
        );
      }
    }
  }

  // The data export's files under /data/, and the data page that explains them.
  files.push(...exportFiles(() => exported));
  const dataPage: DataPage = {
    url: DATA_URL,
    version,
    newest: exported.articles.at(-1)?.date,
    articles: exported.articles.length,
    entities: exported.entities.length,
    license: settings.dataLicense,
    files: [
      { url: `${DATA_URL}${DATA_FILES.csv}`, name: DATA_FILES.csv, what: 'every article, one a row (CSV)' },
      { url: `${DATA_URL}${DATA_FILES.json}`, name: DATA_FILES.json, what: 'the same records as JSON, lists as arrays' },
      {
        url: `${DATA_URL}${DATA_FILES.entities}`,
        name: DATA_FILES.entities,
        what: 'every tag, person, organization, place and outlet (JSON)',
      },
      {
        url: `${DATA_URL}${DATA_FILES.package}`,
        name: DATA_FILES.package,
        what: 'the Frictionless Data Package: schema, licence, version',
      },
    ],
    columns: ARTICLE_COLUMNS as readonly Column<unknown>[],
    entityColumns: ENTITY_COLUMNS as readonly Column<unknown>[],
    cite: archiveCitation.cite,
    archive: archiveCitation,
    releases: releases!,
  };

  const pageUrls = [
    '/',
    ...articlePages.map((p) => p.article.url),
    ...indexPages.map((p) => p.url),
    ...listing.map((p) => p.url),
    '/timeline/',
    ...years.map((y) => y.url),
    '/search/',
    DATA_URL,
    '/incidents/',
    ...incidents.incidents.map((incident) => incident.url),
    '/storylines/',
    ...storylines.storylines.map((storyline) => storyline.url),
    ...releases!.pages.map((page) => page.url),
  ];
  const lastmod = new Map(articles.map((a) => [a.url, a.date]));
  const sitemapEntries: SitemapEntry[] = pageUrls.map((url) => ({ url: abs(url), lastmod: lastmod.get(url) }));
  files.push(
    { url: '/sitemap.xml', render: () => sitemap(sitemapEntries) },
    { url: '/robots.txt', render: () => robots(abs('/sitemap.xml')) },
  );

  const perYear = countByYear(articles);
  const related = await relatedDone;
  for (const page of articlePages) page.related = relatedFor(related, page.article.url);
  return {
    site: settings,
    articleCount: articles.length,
    drafts: content.drafts,
    articles: articlePages,
    home: {
      newest: articles.slice(0, 10),
      tags: mostUsed(indexes.get('tags')!, 12),
      people: mostUsed(indexes.get('people')!, 12),
      years: perYear,
      chart: yearChart(perYear),
    },
    indexes: indexPages,
    entityPages: listing,
    timeline: years,
    yearPages: years.map((year) => ({
      ...year,
      indexes: PAGE_KINDS.map((kind) => ({ label: KIND_LABELS[kind].plural, url: yearIndexUrl(year.year, kind) })),
    })),
    files,
    pageUrls,
    rest: true,
    once: [1],
    searchBundles: searchBundles(articles.length, searchShardPages).slice(1),
    data: dataPage,
    incidentIndex: { systems: incidents.systems, count: incidents.incidents.length },
    incidentPages: incidents.incidents,
    storylines: storylines.storylines,
    storylinePages: storylines.storylines,
    releasePages: releases!.pages,
  };
}
