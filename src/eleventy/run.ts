/**
 * Building and serving the site with Eleventy's programmatic API: what
 * `archive build` and `archive serve` call.
 *
 * A build publishes all or nothing (src/publish/staging.ts): Eleventy and
 * Pagefind write a staging folder, which is checked (every article has its
 * page, every search bundle is whole, no file is empty) and only then swapped
 * in for the output folder.
 */
// First: Eleventy must be loaded after it (it says why).
import './esm-resolver.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { articlesWithoutOnePage, type WrittenPage } from '../archive/completeness.ts';
import { ContentError, findContentError } from '../archive/errors.ts';
import { displayPath, loadContent, loadSettings, type LoadedContent } from '../store/load.ts';
import { planBatches, type ArchiveData, type BuildBatch } from '../archive/archive-data.ts';
import archivePlugin, { INPUT_DIR, LAYOUTS_DIR, type ArchivePluginOptions } from './plugin.ts';
import { articleFiles, computeArchive } from '../archive/compute.ts';
import { createMarkdown } from '../archive/markdown.ts';
import { startRelatedWorker } from '../related/index.ts';
import { AHEAD_PAGES, incompleteIndex, SearchIndexer, searchRuns, startSearchEarly } from '../search/indexer.ts';
import { isBundleFolder, shardPagesFor, shardToHold, type HeldShard } from '../search/plan.ts';
import { provisionalShard, withBody, type EarlyPage } from '../search/provisional.ts';
import { buildLockFile, discardStaging, emptyFiles, prepareStaging, publishStaging, unsafeOutput } from '../publish/staging.ts';
import { startPreview, type PreviewServer } from '../preview/server.ts';
import { oneAtATime, watchFolders } from '../preview/watch.ts';
import { LINK_SKIPPED } from '../store/content-folder.ts';
import { newestFirst } from '../collections/order.ts';
import { joinFingerprints, pageFingerprints, restrictTo, sha256, type PageFingerprint } from '../archive/fingerprint.ts';
import { CACHE_FORMAT, cacheFolder, cacheKey, projectHash, sitePath } from '../publish/cache.ts';
import { ParseCache } from '../store/parse-cache.ts';
import { acquireLock } from '../store/temporary.ts';
import { openPrevious, pageFile, SiteUpdate, usablePrevious, type PreviousSite } from '../publish/incremental.ts';

/** The repository: the archive's code, which no output folder may hold (two folders up from src/eleventy/ and dist/eleventy/ alike). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
 * build --sizes 30000` (docs/speed.md).
 */
export const PAGES_PER_RUN = 5_000;

/**
 * Pages of a full build's first run: the newest articles, whose search
 * shards Pagefind indexes once the run ends (it reads the pages a run has
 * written). A first run of PAGES_PER_RUN kept it, and so the second core,
 * idle for the first six seconds of rendering at 10,000 articles. It is as
 * many pages as one Pagefind process takes ahead (src/search/indexer.ts,
 * `hasRoom`: 2,000), which keep it busy through the next run. Figures in
 * docs/speed.md.
 */
export const FIRST_RUN_PAGES = AHEAD_PAGES;

/**
 * Up to this many articles a full build writes its parse cache while Pagefind
 * indexes the last shards rather than after (its serialized copy is about
 * 6 MB a thousand articles: 63 MB at 10,000 beside a peak of 1.3 GB; at
 * 30,000, 190 MB beside Pagefind's last shards would pass the 2 GB budget).
 */
const PARSE_CACHE_BESIDE_SEARCH = 15_000;

/** With ARCHIVE_DEBUG_MEMORY set, prints the memory in use at a stage of the build (for `npm run bench` and profiling). */
function memoryAt(stage: string): void {
  if (!process.env.ARCHIVE_DEBUG_MEMORY) return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;
  console.error(
    `[memory] ${stage} (${(performance.now() / 1000).toFixed(1)} s): rss ${mib(rss)}, heap ${mib(heapUsed)}, peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
}

/** Names of Eleventy's errors for an asset it could not copy (its passthrough copy). */
const PASSTHROUGH_ERRORS = new Set(['TemplatePassthroughManagerCopyError', 'TemplatePassthroughError', 'EleventyPassthroughCopyError']);

let toleratingCopies = false;

/**
 * For the commands that run builds (`archive build`, `serve`, `release`): Eleventy copies the assets
 * while it renders, and a copy that fails before the pages are rendered (a full disk), or after a failed
 * run's staging folder is deleted, rejects a promise Eleventy handles only later, or never. Node would
 * end the process on it with Eleventy's stack trace, before the build says why it failed (seen on a
 * full disk: test/hostile/build-publish.test.ts). The run itself still fails with the copy's error or
 * the pages' own (`eleventy.write()` rejects), and the build says it; so that one kind of rejection is
 * let pass, and any other ends the process as it would have.
 */
export function tolerateLateCopyFailures(): void {
  if (toleratingCopies) return;
  toleratingCopies = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && PASSTHROUGH_ERRORS.has(reason.name)) return;
    throw reason;
  });
}

/** Reads and validates the content before Eleventy starts: a content error then stops the build with our message alone, not wrapped in Eleventy's stack traces. */
async function readContent(
  options: { contentDir: string; pathPrefix?: string; statusTime?: number },
  cache?: ParseCache,
): Promise<LoadedContent> {
  const content = await loadContent(
    path.resolve(options.contentDir),
    options.pathPrefix ? { pathPrefix: options.pathPrefix } : {},
    cache,
    options.statusTime,
  );
  for (const link of content.skipped ?? []) console.error(`archive: warning: ${link} ${LINK_SKIPPED}`);
  return content;
}

/** An Eleventy that writes `outDir` with the archive plugin given `plugin` as its options. */
function createEleventy(outDir: string, content: LoadedContent, plugin: ArchivePluginOptions, quiet?: boolean) {
  return new Eleventy(INPUT_DIR, outDir, {
    configPath: CONFIG_PATH,
    quietMode: quiet ?? false,
    pathPrefix: content.settings.pathPrefix,
    runMode: 'build',
    // Runs before .eleventy.js: the plugin added here, with this run's options, is the one that counts.
    config: (eleventyConfig: { addPlugin(plugin: unknown, options: unknown): void }) => {
      eleventyConfig.addPlugin(archivePlugin, plugin);
    },
  });
}

/**
 * A failure of the file system under Eleventy's writes (a full disk, a size
 * limit, a permission) as one line naming the cause, or undefined for any
 * other error. Eleventy's own message lists every page it was writing.
 */
function writeError(error: unknown): Error | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      return new Error(`could not write the new site: ${(current as Error).message}; the previous site is left as it was`);
    }
    seen.add(current);
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Runs `work` on the staging folder. On SIGINT, SIGTERM or SIGHUP meanwhile
 * (or when the `archive build` that started this process dies: bin/archive.js
 * turns that into SIGTERM), what `work` registered with `onStop` is stopped
 * (Pagefind, which writes into the folder), the staging folder is deleted,
 * and the process dies of that signal, as it would have. A SIGKILL leaves the
 * folder to the next build, which removes it.
 */
async function withStaging<T>(
  outDir: string,
  work: (staging: string, onStop: (stop: () => Promise<void>) => void) => Promise<T>,
): Promise<T> {
  const staging = prepareStaging(outDir);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    await discardStaging(staging);
    for (const name of signals) process.removeListener(name, onSignal);
    process.kill(process.pid, signal);
  };
  for (const name of signals) process.on(name, onSignal);
  try {
    return await work(staging, (stop) => stops.push(stop));
  } catch (error) {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    await discardStaging(staging);
    throw error;
  } finally {
    if (!stopping) for (const name of signals) process.removeListener(name, onSignal);
  }
}

/** What a build did. */
export interface BuildReport {
  pages: number;
  articles: number;
  drafts: number;
  /** The page addresses of the drafts, which the site leaves out and `archive serve` shows on request. */
  draftUrls: string[];
  /** Files of the new site written by this build (rendered, copied or indexed). */
  written: number;
  /** Files of the new site taken unchanged from the previous one (incremental builds). */
  reused: number;
  /** Why the cache was not used, when it was not: `no cache`, `--clean`, `the cache is corrupt`... */
  fullBuild?: string;
  /**
   * Search shards indexed and written before their pages were rendered, with
   * pages of articles edited in their body alone given ahead
   * (src/search/provisional.ts), and kept: the build rendered those pages
   * with the very search views indexed. Absent when none.
   */
  searchAhead?: number;
}

/**
 * Builds the site from `contentDir` into `outDir`: how many HTML pages were
 * written, how many articles published and how many drafts left out. Rejects
 * with a ContentError (every problem as `file:line: field: message`) when the
 * content is invalid. Writes at most PAGES_PER_RUN (or `pagesPerRun`)
 * article and entity pages per Eleventy run, the other pages in the last run.
 *
 * Incremental (docs/incremental.md): unless `cache` is false, the build
 * reads the cache beside the output folder (unless `clean`), renders only the
 * pages whose fingerprint changed, takes every other file from the previous
 * site, and writes a new cache once the new site is published. One build
 * at a time per output folder: a build waits while another process builds
 * into it (`onWait`; buildLockFile in src/publish/staging.ts).
 */
export async function build(
  options: BuildOptions & {
    pagesPerRun?: number;
    searchShardPages?: number;
    clean?: boolean;
    cache?: boolean;
    /** `archive serve`'s hook, filled with the renderer of a page the build has not written (src/preview/page.ts). */
    preview?: ArchivePluginOptions['preview'];
    /** The content, already read (`archive release` adds the release it is making): else read from `contentDir`. */
    content?: LoadedContent;
    /** Told, with its pid, when another build holds this output folder's lock and this one waits for it (default: a message unless quiet). */
    onWait?: (pid: number) => void;
    /**
     * The time the article files' statuses are judged against (`fileStatus`,
     * src/store/read.ts): the start of their reading unless given. Tests give
     * a later one, so that every file counts as settled and is taken by its status.
     */
    statusTime?: number;
  },
): Promise<BuildReport> {
  const outDir = path.resolve(options.outDir);
  const unsafe = unsafeOutput(outDir, { contentDir: path.resolve(options.contentDir), repoRoot: REPO_ROOT });
  if (unsafe) throw new Error(unsafe);
  // One build at a time per output folder, across processes (`archive serve` and `archive build` into one folder):
  // two at once would each publish over the site the other checked, and leave a mix of both until the next build.
  const lock = buildLockFile(outDir);
  const unlock = await acquireLock(path.dirname(lock), options.onWait ?? ((pid) => waitingFor(pid, outDir, options.quiet)), 100, {
    name: path.basename(lock),
    writer: 'build',
    flush: false,
  });
  // Released however the build ends: a lock left by a live process (`archive serve`'s) would hold its next build forever.
  try {
    // Pagefind's process starts while the content is read and the archive computed.
    startSearchEarly();
    const useCache = options.cache !== false;
    // The previous site's manifest is read, and its files checked against it, on a worker thread while the content is read;
    // ended should the build fail first.
    const stopOpening = new AbortController();
    const opening = useCache && !options.clean ? openPrevious(outDir, stopOpening.signal) : undefined;
    opening?.catch(() => undefined);
    try {
      return await buildWith(options, outDir, useCache, opening, unlock);
    } finally {
      stopOpening.abort();
    }
  } finally {
    unlock();
  }
}

/** Says, unless `quiet`, that a build waits for the one process `pid` runs into `outDir`, and what to do should none run. */
function waitingFor(pid: number, outDir: string, quiet?: boolean): void {
  if (quiet) return;
  const lock = path.relative(process.cwd(), buildLockFile(outDir));
  console.error(
    `archive: another build (process ${pid}) is writing to ${path.relative(process.cwd(), outDir) || '.'}; waiting for it to finish (if no build runs, delete ${lock})`,
  );
}

/**
 * What an incremental build knows of each article page before it computes
 * the archive (src/search/provisional.ts): whether its article changed, and
 * for one changed in its body alone, its page as the previous site in
 * `outDir` has it, with the body rendered anew.
 */
function earlyPages(content: LoadedContent, outDir: string): (url: string) => EarlyPage {
  const byUrl = new Map(content.articles.map((article) => [article.url, article]));
  let md: ReturnType<typeof createMarkdown> | undefined;
  return (url) => {
    const article = byUrl.get(url);
    if (!article || !content.changed?.(article)) return { changed: !article };
    if (!content.bodyOnlyChanged?.(article)) return { changed: true };
    return {
      changed: true,
      provisional: () => {
        let previous: string;
        try {
          previous = readFileSync(sitePath(outDir, pageFile(url)), 'utf8');
        } catch {
          return undefined;
        }
        md ??= createMarkdown({ pathPrefix: content.settings.pathPrefix, articleFiles: articleFiles(content) });
        return withBody(previous, md.render(article.body, { file: article.file }));
      },
    };
  };
}

/** `build` once it holds the output folder's lock (`unlock` releases it) and the previous site is being opened (`opening`, unless the build is without the cache or clean). */
async function buildWith(
  options: Parameters<typeof build>[0],
  outDir: string,
  useCache: boolean,
  opening: Promise<PreviousSite | { reason: string }> | undefined,
  unlock: () => void,
): Promise<BuildReport> {
  const project = useCache ? projectHash(REPO_ROOT) : '';
  // Unchanged article files are not parsed again (src/store/parse-cache.ts); --clean starts it empty.
  const parsed =
    useCache && !options.content ? ParseCache.open(cacheFolder(outDir), sha256(`${CACHE_FORMAT}\n${project}`), options.clean) : undefined;
  const content = options.content ?? (await readContent(options, parsed));
  memoryAt('content read');
  // The related stories' worker thread starts now, ready by the time the archive's names are canonical.
  startRelatedWorker(content.articles.length);
  const key = cacheKey(project, outDir, content, options.searchShardPages);
  return withStaging(outDir, async (staging, onStop) => {
    // A build stopped by a signal dies of it, as it would have: its lock goes first.
    onStop(async () => unlock());
    // Pagefind (processes of its own) indexes each shard once its pages are written, on the second core while the next runs are.
    const indexer = await SearchIndexer.create(staging);
    onStop(() => indexer.stop());
    const shardPages = options.searchShardPages ?? shardPagesFor(content.articles.length);
    // The shard of a new or changed article file starts indexing the pages before it now, as the previous site has
    // them, while the archive is computed: whether the previous site is usable is known only later, and SiteUpdate
    // drops the shard then if it is not (src/search/plan.ts, shardToHold). Without a previous site to read, nothing held.
    const { changed } = content;
    let held: HeldShard | undefined;
    // The held shard paused until the second core is free, if any: told to go on once.
    let paused: number | undefined;
    const resumePaused = () => {
      if (paused === undefined) return;
      indexer.resume(paused);
      paused = undefined;
    };
    if (opening && changed) {
      const changedUrls = new Set(content.articles.filter((article) => changed(article)).map((article) => article.url));
      held = shardToHold(
        newestFirst(content.articles).map((article) => article.url),
        (url) => changedUrls.has(url),
        shardPages,
      );
      if (held) {
        // An article edited in its body alone is indexed ahead too, as its previous page with the new body (provisional.ts).
        // It goes on past the page first held once the second core is free: the related stories' and the check's till
        // they answer (about a second before the archive is computed, at 10,000 articles), or once the archive is.
        const provisional = provisionalShard(held, earlyPages(content, outDir));
        if (provisional) {
          paused = held.index;
          indexer.holdShard(held.index, held.urls.map(pageFile), provisional.at, [staging, outDir], provisional.pages, held.at);
          held = { ...held, at: provisional.at };
        } else indexer.holdShard(held.index, held.urls.map(pageFile), held.at, [staging, outDir]);
      }
    }
    const data = await computeArchive(content, options.quiet, options.searchShardPages, {
      onRelatedAnswered: () => {
        if (paused !== undefined) void opening?.then(resumePaused, resumePaused);
      },
    });
    resumePaused();
    memoryAt('archive computed');
    // The article pages' fingerprints first: an incremental build renders the changed ones before it makes the others' (below).
    const articlePrints = useCache ? pageFingerprints(data, 'articles') : new Map<string, PageFingerprint>();
    memoryAt('article fingerprints computed');
    const opened = !useCache ? { reason: 'no cache asked for' } : !opening ? { reason: '--clean' } : usablePrevious(await opening, key);
    const previous = 'manifest' in opened ? opened : undefined;
    memoryAt('previous site checked');
    // An incremental build writes only the pages that changed: the others are read from the output folder.
    if (previous) indexer.readFrom([staging, outDir]);
    // Only what the checks below need of each result: Eleventy's results hold every page's HTML.
    const written: WrittenPage[] = [];
    const site = new SiteUpdate({
      outDir,
      staging,
      key,
      ...(previous ? { previous } : {}),
      articleUrls: data.articles.map((page) => page.article.url),
      shardPages,
      index: (shard, pages) => indexer.indexShard(shard, pages),
      ...(held ? { held } : {}),
      release: (shard, go, expect) => indexer.release(shard, go, expect),
    });
    // Every fingerprint made so far, by URL.
    let fingerprints = articlePrints;
    // Pages whose fingerprint is unchanged stay as they are; the URLs of the others, to render.
    const keep = (prints: Map<string, PageFingerprint>): Set<string> => {
      const render = site.keepPages(prints.values());
      for (const page of prints.values())
        if (!render.has(page.url)) written.push({ url: page.url, outputPath: sitePath(outDir, pageFile(page.url)) });
      return render;
    };
    const renderArticles = keep(articlePrints);
    site.start();
    /** Renders `plan`'s `batches`, one Eleventy run each. */
    const run = async (plan: ArchiveData, batches: readonly BuildBatch[]): Promise<void> => {
      for (const batch of batches) {
        const eleventy = createEleventy(
          staging,
          content,
          { contentDir: options.contentDir, plan: { data: plan, batch }, preloaded: content, preview: options.preview },
          options.quiet,
        );
        let results: (WrittenPage & { content?: unknown })[];
        try {
          results = (await eleventy.write()) as unknown as (WrittenPage & { content?: unknown })[];
        } catch (error) {
          throw findContentError(error) ?? writeError(error) ?? error;
        }
        for (const result of results.flat()) {
          if (!result?.outputPath) continue;
          written.push({ url: result.url, outputPath: result.outputPath });
          if (useCache)
            site.written(
              String(result.outputPath),
              result.url,
              result.content,
              result.url ? fingerprints.get(result.url)?.fingerprint : undefined,
            );
          else if (result.url) site.arrived(result.url);
        }
        memoryAt(
          `run of ${batch.articles[1] - batch.articles[0]} article and ${batch.entityPages[1] - batch.entityPages[0]} entity pages${batch.rest ? ' and the rest' : ''}`,
        );
      }
    };
    const perRun = options.pagesPerRun ?? PAGES_PER_RUN;
    try {
      if (!useCache) await run(data, planBatches(data, perRun, { firstRun: FIRST_RUN_PAGES }));
      else {
        // An incremental build renders its changed article pages first, in runs of their own: their search shards
        // are indexed while the other pages' fingerprints are made and those pages rendered.
        if (site.incremental) {
          const articles = restrictTo(data, renderArticles);
          await run(
            articles,
            planBatches(articles, perRun, { articlesApart: true }).filter((batch) => !batch.rest),
          );
        }
        const otherPrints = pageFingerprints(data, 'others');
        memoryAt('other fingerprints computed');
        fingerprints = joinFingerprints(articlePrints, otherPrints);
        const renderOthers = keep(otherPrints);
        const plan = restrictTo(data, site.incremental ? renderOthers : new Set([...renderArticles, ...renderOthers]));
        await run(plan, planBatches(plan, perRun, site.incremental ? {} : { firstRun: FIRST_RUN_PAGES }));
      }
      // Feeds, the sitemap, robots.txt, alias pages, citations and the data export (without the cache, the last run wrote them).
      if (useCache) await site.rawFiles(data.files);
    } catch (error) {
      // A failed run must not leave Pagefind running.
      await indexer.settle();
      throw error;
    }
    const lost = articlesWithoutOnePage(content.articles, written);
    if (lost.length) {
      await indexer.settle();
      throw new ContentError(
        `${lost.length} article${lost.length === 1 ? '' : 's'} did not produce exactly one page; the site is incomplete:`,
        lost.map((file) => displayPath(path.join(path.resolve(options.contentDir), file))),
      );
    }
    // Every page is written: the shards still to index share both cores, where memory allows.
    indexer.widen(searchRuns(shardPages));
    // Without the cache, pages arrive unseen by `site`: every shard starts now.
    site.finishShards();
    // Every file outside the search bundles is written: looked over while Pagefind indexes the last shards.
    // A full build with the cache records them for the manifest, sizes and all; any other build looks at each.
    const outsideBundles = (top: string) => !isBundleFolder(top);
    const recorded = useCache ? site.recordAhead(outsideBundles) : undefined;
    const emptyOutside = recorded
      ? Object.keys(recorded)
          .filter((rel) => recorded[rel]!.size === 0)
          .sort()
      : emptyFiles(staging, outsideBundles);
    // The parse cache is put in place once the site is published; a failure to write it (a full disk, a
    // file-size limit) fails the build then, after the search index has said its own failure. An incremental
    // build, and a full build of an archive small enough, writes it now, while Pagefind indexes its last
    // shards (0.7 s at 10,000 articles); a larger full build once Pagefind is done, since its serialized copy
    // (190 MB at 30,000 articles) beside Pagefind's last shards would pass 2 GB.
    const writeParseCache = (): ReturnType<ParseCache['write']> | { failed: unknown } | undefined => {
      if (!parsed) return undefined;
      try {
        const pending = parsed.write();
        onStop(async () => pending.discard());
        return pending;
      } catch (error) {
        return { failed: error };
      }
    };
    let parseCache = site.incremental || content.articles.length <= PARSE_CACHE_BESIDE_SEARCH ? writeParseCache() : undefined;
    await indexer.settled();
    const folders = site.bundleFolders();
    const bundles = folders.map((folder) => `${path.basename(folder)}/`);
    // The search page names the bundles before they exist: a search missing part of the archive would be a silent loss.
    if (bundles.slice(1).join(' ') !== data.searchBundles.join(' ')) {
      throw new Error(
        `Search index: wrote ${bundles.join(', ')} but the search page merges pagefind/ and ${data.searchBundles.join(', ') || 'nothing else'}`,
      );
    }
    memoryAt('search indexed');
    const incomplete = incompleteIndex(folders, content.articles.length);
    if (incomplete) throw new Error(`Search index: ${incomplete}; the previous site is left as it was`);
    const empty = [...emptyOutside, ...emptyFiles(staging, isBundleFolder)];
    if (empty.length)
      throw new Error(
        `${empty.length} file${empty.length === 1 ? '' : 's'} of the new site came out empty (a full disk?), such as ${empty[0]}; the previous site is left as it was`,
      );
    // Without the cache, the staging folder is swapped in whole and no manifest is written.
    const published = useCache ? site.publish() : undefined;
    parseCache ??= writeParseCache();
    if (parseCache && 'failed' in parseCache) throw parseCache.failed;
    parseCache?.commit();
    if (!useCache) publishStaging(staging, outDir);
    memoryAt('published');
    // Alias pages are HTML written beside Eleventy's pages, by the last run (plugin.ts) or here.
    const rawPages = data.files.filter((file) => file.url.endsWith('.html')).length;
    const pages = written.filter((r) => String(r.outputPath).endsWith('.html')).length + rawPages;
    return {
      pages,
      articles: content.articles.length,
      drafts: content.drafts,
      draftUrls: content.draftUrls ?? [],
      written: published ? published.written : written.length + data.files.length,
      reused: published ? published.kept : 0,
      ...('reason' in opened ? { fullBuild: opened.reason } : {}),
      ...(indexer.keptAhead ? { searchAhead: indexer.keptAhead } : {}),
    };
  });
}

/** Options of the preview. */
export interface ServeOptions {
  contentDir: string;
  outDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 takes a free port. */
  port?: number;
  /** Told of each build (the first one, then one after each burst of changes) and how long it took. */
  onBuild?: (report: BuildReport, seconds: number) => void;
  /** Told of a rebuild that failed (a content error, say): the previous site goes on being served. */
  onError?: (error: unknown) => void;
}

/**
 * Builds into `outDir` as `archive build` does (incrementally, with the
 * cache beside `outDir`), then serves it (src/preview/server.ts) and, after
 * each burst of changes to the content folder or the templates, builds
 * again the same way and reloads open pages. Until a build has written a
 * new article's page, the server renders it on request (src/preview/page.ts).
 * Rejects when the first build fails; resolves to the running server once it
 * listens.
 */
export async function serve(options: ServeOptions): Promise<PreviewServer> {
  const outDir = path.resolve(options.outDir);
  const preview: NonNullable<ArchivePluginOptions['preview']> = {};
  const once = async () => {
    const started = performance.now();
    // Quiet but for a wait: a build into the same folder (`archive build`) is said to hold it.
    const report = await build({ contentDir: options.contentDir, outDir, quiet: true, preview, onWait: (pid) => waitingFor(pid, outDir) });
    options.onBuild?.(report, (performance.now() - started) / 1000);
  };
  await once();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  let server: PreviewServer;
  try {
    server = await startPreview({
      root: outDir,
      host,
      port,
      pathPrefix: (await loadSettings(path.resolve(options.contentDir))).pathPrefix,
      render: (url) => preview.render?.(url) ?? Promise.resolve(undefined),
      liveReload: true,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(`port ${port} on ${host} is in use: pass --port with another number`);
    throw error;
  }
  const onError = options.onError ?? ((error) => console.error(`archive: ${error instanceof Error ? error.message : String(error)}`));
  const rebuild = oneAtATime(async () => {
    try {
      await once();
      server.reload();
    } catch (error) {
      onError(error);
    }
  });
  const watching = watchFolders([options.contentDir, LAYOUTS_DIR], () => void rebuild.run());
  return {
    url: server.url,
    reload: () => server.reload(),
    close: async () => {
      watching.close();
      await rebuild.idle();
      await server.close();
    },
  };
}

export { ContentError };
