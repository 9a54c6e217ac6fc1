/**
 * The archive plugin: the one adapter between the archive and Eleventy.
 *
 * Architecture (issue 2):
 * - Articles are not Eleventy templates. Only `.njk` is a template format, and
 *   `articles/` is ignored. The plugin reads every `articles/**\/*.md` once
 *   itself with `parseArticle` (safe YAML, zod validation, no front-matter
 *   code, no template processing of scraped text) and exposes the result as
 *   the global data `archive`. Any problem stops the build listing every one
 *   as `file:line: field: message`; drafts are left out and counted in the log;
 *   two articles bound for one URL stop the build naming both files.
 * - Grouping happens once, in pure functions (src/collections/*: Article[] in,
 *   page data out), assembled by archive-data.ts; each body is rendered once
 *   by createMarkdown() (markdown-it, `html: false`).
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
 * - Every internal link goes through Eleventy's `url` filter, so the site works under a path prefix.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as filters from '../filters/index.ts';
import { neighbours } from '../collections/neighbours.ts';
import { newestFirst } from '../collections/order.ts';
import { normalizePathPrefix } from '../site/settings.ts';
import { batchOf, buildArchiveData, type ArchiveData, type BuildBatch, type RawFile } from './archive-data.ts';
import { loadContent, type LoadedContent } from './load.ts';
import { createMarkdown } from './markdown.ts';
import { findArticle, pageSource } from './preview.ts';

/** The repository's `layouts/` folder: templates, the stylesheet and the one script. */
export const LAYOUTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../layouts');

/** The subset of Eleventy's configuration API this plugin uses (Eleventy ships no types). */
interface EleventyConfig {
  directories: { input: string; output: string };
  pathPrefix?: string;
  quietMode?: boolean;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  getFilter(name: string): unknown;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  ignores: { add(glob: string): void };
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** A `sha384-...` Subresource Integrity value for a file in `layouts/assets/`. */
function integrity(file: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(path.join(LAYOUTS_DIR, 'assets', file))).digest('base64')}`;
}

const preloaded = new Map<string, LoadedContent>();

/** Batched builds in progress, by content folder: the archive data `build()` computed once, and the batch the next run writes. */
const batched = new Map<string, { data: ArchiveData; batch: BuildBatch }>();

/**
 * Makes the next Eleventy run over `contentDir` write only `batch` of `data`
 * (computed once by `build()` for all its runs); undefined ends the build and
 * forgets its data. Eleventy keeps every page it renders until its run ends,
 * so a large archive is written in several runs to bound memory.
 */
export function setBuildBatch(contentDir: string, next: { data: ArchiveData; batch: BuildBatch } | undefined): void {
  const key = path.resolve(contentDir);
  if (next) batched.set(key, next);
  else batched.delete(key);
}

/** Every page list of the archive from its loaded content; logs the article count unless `quiet`. */
export async function computeArchive(content: LoadedContent, quiet = false, searchShardPages?: number): Promise<ArchiveData> {
  const md = createMarkdown({ pathPrefix: content.settings.pathPrefix });
  const data = await buildArchiveData(content, (body) => md.render(body), searchShardPages);
  if (!quiet) {
    console.log(`[archive] ${data.articleCount} article${data.articleCount === 1 ? '' : 's'}${data.drafts ? `; ${data.drafts} draft${data.drafts === 1 ? '' : 's'} left out` : ''}`);
  }
  return data;
}

/**
 * Hands content that `serve()` has already read and validated (so a content
 * error stops it before Eleventy starts) to the first Eleventy run over that
 * folder, so each article is still read once.
 */
export function preload(contentDir: string, content: LoadedContent): void {
  preloaded.set(path.resolve(contentDir), content);
}

/** Adds the archive to an Eleventy configuration. */
export default function archivePlugin(eleventyConfig: EleventyConfig): void {
  // Articles are read by the plugin, never rendered as templates (no `{{ }}` in scraped text is ever
  // evaluated). Eleventy fixes template formats before plugins run, so `.eleventy.js` limits them to
  // njk; the ignores below hold even if a config forgets that.
  // Nor is any other file in the content folder: a `.njk` or `_data/*.js` there would be code that a
  // pull request of "content" could add, so Eleventy reads no file of it (the plugin reads the YAML
  // data itself) and the pages come only from the virtual templates below.
  // (Eleventy matches ignores relative to the working folder, not as absolute paths.)
  const contentFolder = path.relative(process.cwd(), path.resolve(eleventyConfig.directories.input)) || '.';
  eleventyConfig.ignores.add(path.posix.join(contentFolder.split(path.sep).join('/'), '**'));

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });

  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter as (...args: never[]) => unknown);
  // Eleventy's own `url` filter, remembered per URL: pages call it tens of thousands of times
  // with the same few thousand URLs, and the path prefix is fixed for a build.
  const prefixUrl = eleventyConfig.getFilter('url') as ((url: string) => string) | undefined;
  if (prefixUrl) {
    const seen = new Map<string, string>();
    let seenPrefix = eleventyConfig.pathPrefix;
    eleventyConfig.addFilter('url', function (this: unknown, url: string) {
      if (seenPrefix !== eleventyConfig.pathPrefix) {
        seen.clear();
        seenPrefix = eleventyConfig.pathPrefix;
      }
      let out = seen.get(url);
      if (out === undefined) {
        out = prefixUrl.call(this, url);
        seen.set(url, out);
      }
      return out;
    } as (...args: never[]) => unknown);
  }

  let current: Promise<ArchiveData> | undefined;
  let lastContent: LoadedContent | undefined;
  const archive = (): Promise<ArchiveData> => {
    current ??= (async () => {
      const input = eleventyConfig.directories.input;
      const key = path.resolve(input);
      const plan = batched.get(key);
      if (plan) {
        lastContent = undefined;
        return batchOf(plan.data, plan.batch);
      }
      const ready = preloaded.get(key);
      preloaded.delete(key);
      // Eleventy's path prefix (which `build()` took from the settings) is the one the `url` filter
      // uses, so canonical URLs, feeds and links always agree with it.
      const content = ready ?? (await loadContent(input, { pathPrefix: normalizePathPrefix(eleventyConfig.pathPrefix ?? '/') }));
      lastContent = content;
      return computeArchive(content, eleventyConfig.quietMode);
    })();
    return current;
  };
  // A rebuild (in `archive serve`) reads the content again.
  eleventyConfig.on('eleventy.before', () => {
    current = undefined;
  });
  eleventyConfig.addGlobalData('archive', () => archive());
  eleventyConfig.addGlobalData('site', async () => (await archive()).site);
  const assets = () => ({ css: integrity('site.css'), js: integrity('cite.js') });
  eleventyConfig.addGlobalData('assets', assets);

  eleventyConfig.addPassthroughCopy({ [path.join(LAYOUTS_DIR, 'assets')]: 'assets' });

  // `archive serve`: Eleventy's dependency scan cannot parse TypeScript, and articles are not
  // templates, so the watcher is told what to watch: articles, registries, settings, templates.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  const input = eleventyConfig.directories.input.split(path.sep).join('/');
  eleventyConfig.addWatchTarget(path.posix.join(input, 'articles/**/*.md'));
  eleventyConfig.addWatchTarget(path.posix.join(input, '_data/*.{yaml,yml}'));
  eleventyConfig.addWatchTarget(LAYOUTS_DIR);

  // Each page is wrapped in base.njk by a Nunjucks include rather than an Eleventy layout, so the
  // preview (below) renders a page from the very source the build uses.
  const page = (name: string, data: Record<string, unknown>) => eleventyConfig.addTemplate(`archive-${name}.njk`, pageSource(name), data);
  // Permalinks are functions of precomputed URLs: nothing about a URL is ever rendered as a template.
  const each = (data: string, alias: string) => ({ pagination: { data, size: 1, alias, addAllPagesToCollections: false } });

  // `archive serve`: a new article's page is rendered on request until the rebuild has written it
  // (issue 6: within 2 s at 10,000 articles, where the rebuild takes a minute). Its related
  // stories wait for the rebuild; everything else is the built page's.
  let nunjucks: { renderString(source: string, context: object, done: (error: Error | null, html?: string) => void): void } | undefined;
  eleventyConfig.on('eleventy.engine.njk', (event) => {
    nunjucks = (event as { environment: typeof nunjucks }).environment;
  });
  eleventyConfig.setServerOptions({
    onRequest: {
      '/articles/:year/:month/:slug/': async ({ patternGroups }: { patternGroups: { year: string; month: string; slug: string } }) => {
        const { year, month, slug } = patternGroups;
        const content = lastContent;
        if (!nunjucks || !content || existsSync(path.join(eleventyConfig.directories.output, 'articles', year, month, slug, 'index.html'))) return undefined;
        const article = await findArticle(eleventyConfig.directories.input, `/articles/${year}/${month}/${slug}/`);
        if (!article) return undefined;
        const md = createMarkdown({ pathPrefix: content.settings.pathPrefix });
        const data = await buildArchiveData({ ...content, articles: [article], drafts: 0 }, (body) => md.render(body));
        const around = neighbours(newestFirst([...content.articles.filter((other) => other.url !== article.url), article])).get(article.url);
        const context = {
          site: data.site,
          assets: assets(),
          item: { ...data.articles[0]!, previous: around?.previous, next: around?.next },
          title: article.title,
          description: article.summary ?? article.title,
          pageType: 'article',
          page: { url: article.url },
        };
        const environment = nunjucks;
        const body = await new Promise<string>((resolve, reject) =>
          environment.renderString(pageSource('article'), context, (error, html) => (error ? reject(error) : resolve(html ?? ''))),
        );
        return { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body };
      },
    },
  });

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
      description: (data: { item: { article: { summary?: string; title: string } } }) => data.item.article.summary ?? data.item.article.title,
    },
  });
  page('entity-index', {
    ...each('archive.indexes', 'index'),
    permalink: (data: { index: { url: string } }) => data.index.url,
    eleventyComputed: { title: (data: { index: { title: string } }) => data.index.title },
  });
  page('entity', {
    ...each('archive.entityPages', 'listing'),
    permalink: (data: { listing: { url: string } }) => data.listing.url,
    eleventyComputed: {
      title: (data: { listing: { entity: { name: string }; number: number; total: number } }) =>
        data.listing.number > 1 ? `${data.listing.entity.name} (page ${data.listing.number} of ${data.listing.total})` : data.listing.entity.name,
    },
  });
  page('timeline', { ...once('/timeline/'), title: 'Timeline' });
  page('timeline-year', {
    ...each('archive.timeline', 'year'),
    permalink: (data: { year: { url: string } }) => data.year.url,
    eleventyComputed: { title: (data: { year: { year: number } }) => `${data.year.year} in the archive` },
  });
  page('search', { ...once('/search/'), title: 'Search' });
  page('404', { ...once('/404.html'), title: 'Page not found', robots: 'noindex' });
  // Feeds, the sitemap, robots.txt and alias pages are not Eleventy pages: each is made and written
  // on its own once Eleventy's (last) run has written the pages, so they are never all in memory.
  eleventyConfig.on('eleventy.after', async () => {
    const data = await archive();
    if (!data.rest) return;
    writeRawFiles(path.resolve(eleventyConfig.directories.output), data.files);
  });
}

/** Writes each raw file under `outDir`, made one at a time; refuses a URL that would leave the folder. */
export function writeRawFiles(outDir: string, files: readonly RawFile[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(outDir, ...file.url.split('/').filter(Boolean));
    if (!target.startsWith(outDir + path.sep)) throw new Error(`archive: a file URL leaves the output folder: ${file.url}`);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.render());
  }
}
