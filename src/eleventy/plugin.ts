/**
 * The archive plugin: the one adapter between the archive and Eleventy.
 *
 * Architecture (issues 2 and 16):
 * - Eleventy's input folder is `src/eleventy/input/`, a folder of the project's
 *   own that holds no template and no data file; the content folder is never
 *   Eleventy's input, so no file in it is a template, template data or
 *   directory data. Only `.njk` is a template format, and no data file is read
 *   anywhere (`setDataFileSuffixes([])`). The plugin reads every `articles/**\/*.md` once
 *   itself with `parseArticle` (safe YAML, zod validation, no front-matter
 *   code, no template processing of scraped text) and exposes the result as
 *   the global data `archive`. Any problem stops the build listing every one
 *   as `file:line: field: message`; drafts are left out and counted in the log;
 *   two articles bound for one URL stop the build naming both files.
 * - Grouping happens once, in the pure archive core (src/archive/: the loaded
 *   content in, every page's data out, each body rendered once by
 *   createMarkdown()); this file only registers it with Eleventy.
 * - What a run reads comes in as plugin options (`ArchivePluginOptions`):
 *   `archive build` and `archive serve` (run.ts) add the plugin with theirs
 *   before `.eleventy.js` adds it with none, and the first one added wins.
 * - Every page comes from a Nunjucks template in `layouts/pages/`, added here
 *   as a virtual template paginated over a precomputed list: one article page
 *   per article, one page per (entity, page number) pair (11ty/eleventy issue
 *   332), years, indexes. Feeds, the sitemap, robots.txt and alias pages are
 *   made by src/site/* and written by the plugin after Eleventy's last run,
 *   one file at a time.
 * - Autoescape stays on; `| safe` is used only on HTML the archive made: the
 *   rendered body, the SVG chart, JSON-LD and citations, each escaped where
 *   they are built.
 * - Filters: file name = export name = filter name (src/filters/), registered in one loop.
 * - Every internal link goes through the `href` filter (src/site/href.ts: what Eleventy's `url` gives), so the site works under a path prefix.
 * - `archive serve` runs `archive build`'s incremental build after each change and serves the result
 *   with the project's own server (src/preview/server.ts), which asks `options.preview.render` for a
 *   new article's page until the build has written it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as filters from '../filters/index.ts';
import { hrefFilter } from '../site/href.ts';
import { normalizePathPrefix } from '../site/settings.ts';
import { batchOf, type ArchiveData, type BuildBatch } from '../archive/archive-data.ts';
import { computeArchive } from '../archive/compute.ts';
import { loadContent, type LoadedContent } from '../store/load.ts';
import { findArticle, pageSource, previewContext } from '../preview/page.ts';
import { writeRawFiles } from '../publish/raw-files.ts';

/** The repository: two folders up from src/eleventy/ and from its compiled copy, dist/eleventy/. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The repository's `layouts/` folder: templates, the stylesheet and the one script. */
export const LAYOUTS_DIR = path.join(REPO_ROOT, 'layouts');

/**
 * Eleventy's input folder: the project's own, holding no template or data file
 * (its README says why). Always the one in src/, compiled code or not: .eleventy.js names it too.
 */
export const INPUT_DIR = path.join(REPO_ROOT, 'src', 'eleventy', 'input');

/** The search page's address module, copied to /assets/search-state.js: the source file, compiled code or not (it runs in the browser). */
const SEARCH_STATE = path.join(REPO_ROOT, 'src', 'search', 'url-state.mjs');

/** The subset of Eleventy's configuration API this plugin uses (Eleventy ships no types). */
interface EleventyConfig {
  directories: { output: string };
  pathPrefix?: string;
  quietMode?: boolean;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  getFilter(name: string): unknown;
  addPassthroughCopy(map: Record<string, string>): void;
  setDataFileSuffixes(suffixes: string[]): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** A `sha384-...` Subresource Integrity value for a file in `layouts/assets/`. */
function integrity(file: string): string {
  return `sha384-${createHash('sha384')
    .update(readFileSync(path.join(LAYOUTS_DIR, 'assets', file)))
    .digest('base64')}`;
}

/** What one Eleventy run of the archive reads, given to the plugin by whoever runs Eleventy. */
export interface ArchivePluginOptions {
  /** The content folder (default `content`). */
  contentDir?: string;
  /**
   * Content already read and validated, so each article is read once: with
   * `plan`, the content the plan was computed from (the preview renders a new
   * article's page against it); without, the content of the first run.
   */
  preloaded?: LoadedContent;
  /**
   * The archive computed once by `build()` for all its runs, and the part of
   * it this run writes: Eleventy keeps every page it renders until its run
   * ends, so a large archive is written in several runs to bound memory.
   */
  plan?: { data: ArchiveData; batch: BuildBatch };
  /** Filled by the plugin for `archive serve`: renders a new article's page until the next build has written it. */
  preview?: { render?: (url: string) => Promise<string | undefined> };
}

/** What the plugin uses of Eleventy's Nunjucks environment. */
interface NunjucksEnvironment {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  renderString(source: string, context: object, done: (error: Error | null, html?: string) => void): void;
}

/** Adds the archive to an Eleventy configuration. */
export default function archivePlugin(eleventyConfig: EleventyConfig, options: ArchivePluginOptions = {}): void {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  let preloaded = options.preloaded;
  // Articles are read by the plugin, never rendered as templates (no `{{ }}` in scraped text is ever
  // evaluated), and no file of the content folder is Eleventy's: its input folder is INPUT_DIR. No
  // template or directory data file is read anywhere either, even there.
  eleventyConfig.setDataFileSuffixes([]);

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });

  // The filters are set on the Nunjucks environment itself, not through eleventyConfig.addFilter:
  // Eleventy wraps each of those (it gives the filter the page's data as `this` and times every
  // call), about 2 µs a call, and pages call them over a million times at 10,000 articles
  // (docs/speed.md). Ours are pure and read no `this`.
  // `href` gives what Eleventy's own `url` filter does, quicker (src/site/href.ts): Eleventy sets its
  // own filters, `url` among them, on the environment after this event, so ours takes a name of its own.
  const prefixUrl = eleventyConfig.getFilter('url') as ((url: string) => string) | undefined;
  if (!prefixUrl) throw new Error('Eleventy has no `url` filter: the archive plugin needs it for `href`');
  const href = hrefFilter(prefixUrl, () => eleventyConfig.pathPrefix);
  let nunjucks: NunjucksEnvironment | undefined;
  eleventyConfig.on('eleventy.engine.njk', (event) => {
    nunjucks = (event as { environment: NunjucksEnvironment }).environment;
    for (const [name, filter] of Object.entries({ ...filters, href })) nunjucks.addFilter(name, filter as (...args: never[]) => unknown);
  });

  let current: Promise<ArchiveData> | undefined;
  let lastContent: LoadedContent | undefined;
  const archive = (): Promise<ArchiveData> => {
    current ??= (async () => {
      if (options.plan) {
        lastContent = options.preloaded;
        return batchOf(options.plan.data, options.plan.batch);
      }
      const ready = preloaded;
      preloaded = undefined;
      // Eleventy's path prefix (which `build()` took from the settings) is the one the `url` filter
      // uses, so canonical URLs, feeds and links always agree with it.
      const content = ready ?? (await loadContent(contentDir, { pathPrefix: normalizePathPrefix(eleventyConfig.pathPrefix ?? '/') }));
      lastContent = content;
      return computeArchive(content, eleventyConfig.quietMode);
    })();
    return current;
  };
  eleventyConfig.addGlobalData('archive', () => archive());
  eleventyConfig.addGlobalData('site', async () => (await archive()).site);
  const assets = () => ({ css: integrity('site.css'), js: integrity('cite.js') });
  eleventyConfig.addGlobalData('assets', assets);

  eleventyConfig.addPassthroughCopy({ [path.join(LAYOUTS_DIR, 'assets')]: 'assets' });
  // The search page's state in its address: a pure module (tested in test/search/url-state.test.ts) the page's script imports.
  eleventyConfig.addPassthroughCopy({ [SEARCH_STATE]: 'assets/search-state.js' });

  // Each page is wrapped in base.njk by a Nunjucks include rather than an Eleventy layout, so the
  // preview (below) renders a page from the very source the build uses.
  const page = (name: string, data: Record<string, unknown>) => eleventyConfig.addTemplate(`archive-${name}.njk`, pageSource(name), data);
  // Permalinks are functions of precomputed URLs: nothing about a URL is ever rendered as a template.
  const each = (data: string, alias: string) => ({ pagination: { data, size: 1, alias, addAllPagesToCollections: false } });

  if (options.preview) {
    options.preview.render = async (url) => {
      const content = lastContent;
      if (!nunjucks || !content) return undefined;
      // The preview shows drafts (under a banner the article template adds); the build never renders them.
      const article = await findArticle(contentDir, url, { drafts: true });
      if (!article) return undefined;
      const context = { ...(await previewContext(content, article)), assets: assets() };
      const environment = nunjucks;
      return new Promise<string>((resolve, reject) =>
        environment.renderString(pageSource('article'), context, (error, html) => (error ? reject(error) : resolve(html ?? ''))),
      );
    };
  }

  // Pages of their own (not one per item) are paginated over `archive.once`: one item, or none in
  // the runs of a batched build but the last, so those runs neither render nor write them.
  const once = (url: string) => ({ ...each('archive.once', 'onceItem'), permalink: url });
  page('home', { ...once('/'), title: '' });
  page('article', {
    ...each('archive.articles', 'item'),
    permalink: (data: { item: { article: { url: string } } }) => data.item.article.url,
    pageType: 'article',
    eleventyComputed: {
      title: (data: { item: { article: { title: string } } }) => data.item.article.title,
      description: (data: { item: { article: { summary?: string; title: string } } }) =>
        data.item.article.summary ?? data.item.article.title,
    },
  });
  page('entity-index', {
    ...each('archive.indexes', 'index'),
    permalink: (data: { index: { url: string } }) => data.index.url,
    eleventyComputed: { title: (data: { index: { heading: string } }) => data.index.heading },
  });
  page('entity', {
    ...each('archive.entityPages', 'listing'),
    permalink: (data: { listing: { url: string } }) => data.listing.url,
    eleventyComputed: { title: (data: { listing: { title: string } }) => data.listing.title },
  });
  page('timeline', { ...once('/timeline/'), title: 'Timeline' });
  page('timeline-year', {
    ...each('archive.yearPages', 'year'),
    permalink: (data: { year: { url: string } }) => data.year.url,
    eleventyComputed: { title: (data: { year: { year: number } }) => `${data.year.year} in the archive` },
  });
  page('incidents', { ...once('/incidents/'), title: 'Incidents' });
  page('incident', {
    ...each('archive.incidentPages', 'incident'),
    permalink: (data: { incident: { url: string } }) => data.incident.url,
    eleventyComputed: { title: (data: { incident: { id: string } }) => `Incident ${data.incident.id}` },
  });
  page('storylines', { ...once('/storylines/'), title: 'Storylines' });
  page('storyline', {
    ...each('archive.storylinePages', 'storyline'),
    permalink: (data: { storyline: { url: string } }) => data.storyline.url,
    eleventyComputed: { title: (data: { storyline: { title: string } }) => `Storyline: ${data.storyline.title}` },
  });
  page('search', { ...once('/search/'), title: 'Search' });
  page('data', { ...once('/data/'), title: 'Data', description: 'The archive’s metadata as CSV and JSON, with its schema and licence.' });
  page('release', {
    ...each('archive.releasePages', 'release'),
    permalink: (data: { release: { url: string } }) => data.release.url,
    eleventyComputed: {
      title: (data: { release: { version: string } }) => `Release ${data.release.version}`,
      description: (data: { release: { version: string } }) =>
        `What release ${data.release.version} of the archive added, changed and removed.`,
    },
  });
  page('404', { ...once('/404.html'), title: 'Page not found', robots: 'noindex' });
  // Feeds, the sitemap, robots.txt and alias pages are not Eleventy pages: each is made and written
  // on its own once Eleventy's (last) run has written the pages, so they are never all in memory.
  eleventyConfig.on('eleventy.after', async () => {
    const data = await archive();
    if (!data.rest) return;
    writeRawFiles(path.resolve(eleventyConfig.directories.output), data.files);
  });
}

// `archive build` and `archive serve` add the plugin with their options before .eleventy.js adds it without any: the first wins.
archivePlugin.eleventyPluginOptions = { unique: true };
