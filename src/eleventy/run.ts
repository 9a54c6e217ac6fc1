/**
 * Building and serving the site with Eleventy's programmatic API: what
 * `archive build` and `archive serve` call.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { articlesWithoutOnePage, type WrittenPage } from './completeness.ts';
import { ContentError, findContentError } from './errors.ts';
import { displayPath, loadContent, type LoadedContent } from './load.ts';
import { planBatches } from './archive-data.ts';
import { computeArchive, preload, setBuildBatch } from './plugin.ts';
import { SearchIndexer } from '../search/index-site.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG_PATH = path.join(REPO_ROOT, '.eleventy.js');

/** Options of a build. */
export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** `/archive/`: beats ARCHIVE_PATH_PREFIX and `site.yaml`. */
  pathPrefix?: string;
  quiet?: boolean;
}

/**
 * Article and entity pages one Eleventy run writes. Eleventy keeps every page
 * it renders (its data, its HTML and its result) until the run ends, so its
 * memory grows with the pages of a run: a large archive is written in several
 * runs that share one computed archive. Measured with `npm run bench -- --only
 * build --sizes 30000` (README, "Speed and memory").
 */
export const PAGES_PER_RUN = 5_000;

/** With ARCHIVE_DEBUG_MEMORY set, prints the memory in use at a stage of the build (for `npm run bench` and profiling). */
function memoryAt(stage: string): void {
  if (!process.env.ARCHIVE_DEBUG_MEMORY) return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
  console.error(`[memory] ${stage}: rss ${mib(rss)}, heap ${mib(heapUsed)}, peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

/** Reads and validates the content before Eleventy starts: a content error then stops the build with our message alone, not wrapped in Eleventy's stack traces. */
async function readContent(options: { contentDir: string; pathPrefix?: string }): Promise<LoadedContent> {
  return loadContent(path.resolve(options.contentDir), options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
}

function createEleventy(options: { contentDir: string; outDir: string; quiet?: boolean }, content: LoadedContent, runMode: 'build' | 'serve') {
  return new Eleventy(path.resolve(options.contentDir), path.resolve(options.outDir), {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? false,
    pathPrefix: content.settings.pathPrefix,
    runMode,
  });
}

/**
 * Builds the site from `contentDir` into `outDir`: how many HTML pages were
 * written, how many articles published and how many drafts left out. Rejects
 * with a ContentError (every problem as `file:line: field: message`) when the
 * content is invalid. Writes at most PAGES_PER_RUN (or `pagesPerRun`)
 * article and entity pages per Eleventy run, the other pages in the last run.
 */
export async function build(options: BuildOptions & { pagesPerRun?: number; searchShardPages?: number }): Promise<{ pages: number; articles: number; drafts: number }> {
  const content = await readContent(options);
  memoryAt('content read');
  const data = await computeArchive(content, options.quiet, options.searchShardPages);
  memoryAt('archive computed');
  // Only what the checks below need of each result: Eleventy's results hold every page's HTML.
  const written: WrittenPage[] = [];
  // Pagefind (a process of its own) indexes the article pages of each run on the second core while
  // the next runs are written; `serve` makes no index (search there is of the last build, if any).
  const indexer = await SearchIndexer.create(options.outDir, options.searchShardPages ? { shardPages: options.searchShardPages } : {});
  try {
    for (const batch of planBatches(data, options.pagesPerRun ?? PAGES_PER_RUN)) {
      setBuildBatch(options.contentDir, { data, batch });
      const eleventy = createEleventy(options, content, 'build');
      let results: WrittenPage[];
      try {
        results = (await eleventy.write()) as unknown as WrittenPage[];
      } catch (error) {
        throw findContentError(error) ?? error;
      }
      for (const result of results.flat()) if (result && result.outputPath) written.push({ url: result.url, outputPath: result.outputPath });
      indexer.add(data.articles.slice(...batch.articles).map((page) => `${page.article.url.replace(/^\//, '')}index.html`));
      memoryAt(`run of ${batch.articles[1] - batch.articles[0]} article and ${batch.entityPages[1] - batch.entityPages[0]} entity pages${batch.rest ? ' and the rest' : ''}`);
    }
  } catch (error) {
    // A failed run must not leave Pagefind running.
    await indexer.settle();
    throw error;
  } finally {
    setBuildBatch(options.contentDir, undefined);
  }
  const lost = articlesWithoutOnePage(content.articles, written);
  if (lost.length) {
    await indexer.settle();
    throw new ContentError(
      `${lost.length} article${lost.length === 1 ? '' : 's'} did not produce exactly one page; the site is incomplete:`,
      lost.map((file) => displayPath(path.join(path.resolve(options.contentDir), file))),
    );
  }
  const indexed = await indexer.finish();
  // The search page names the bundles before they exist: a search missing part of the archive would be a silent loss.
  if (indexed.bundles.slice(1).join(' ') !== data.searchBundles.join(' ')) {
    throw new Error(`Search index: wrote ${indexed.bundles.join(', ')} but the search page merges pagefind/ and ${data.searchBundles.join(', ') || 'nothing else'}`);
  }
  memoryAt('search indexed');
  // Alias pages are HTML written beside Eleventy's pages, by the last run (plugin.ts).
  const rawPages = data.files.filter((file) => file.url.endsWith('.html')).length;
  const pages = written.filter((r) => String(r.outputPath).endsWith('.html')).length + rawPages;
  return { pages, articles: content.articles.length, drafts: content.drafts };
}

/** Builds, then serves `outDir` with live reload, rebuilding on changes to the content or the templates. */
export async function serve(options: { contentDir: string; outDir: string; port?: number }): Promise<void> {
  const content = await readContent(options);
  preload(options.contentDir, content);
  const eleventy = createEleventy(options, content, 'serve');
  try {
    await eleventy.init();
    await eleventy.watch();
  } catch (error) {
    throw findContentError(error) ?? error;
  }
  await eleventy.serve(options.port ?? 8080);
}

export { ContentError };
