/**
 * Building and serving the site with Eleventy's programmatic API: what
 * `archive build` and `archive serve` call.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { articlesWithoutOnePage } from './completeness.ts';
import { ContentError, findContentError } from './errors.ts';
import { displayPath, loadContent } from './load.ts';
import { preload } from './plugin.ts';
import { indexSite } from '../search/index-site.ts';

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

async function createEleventy(options: { contentDir: string; outDir: string; pathPrefix?: string; quiet?: boolean }, runMode: 'build' | 'serve') {
  const contentDir = path.resolve(options.contentDir);
  // Read and validate before Eleventy starts: a content error then stops the
  // build with our message alone, not wrapped in Eleventy's stack traces.
  const content = await loadContent(contentDir, options.pathPrefix ? { pathPrefix: options.pathPrefix } : {});
  preload(contentDir, content);
  const eleventy = new Eleventy(contentDir, path.resolve(options.outDir), {
    configPath: CONFIG_PATH,
    quietMode: options.quiet ?? false,
    pathPrefix: content.settings.pathPrefix,
    runMode,
  });
  return { eleventy, content };
}

/**
 * Builds the site from `contentDir` into `outDir`: how many HTML pages were
 * written, how many articles published and how many drafts left out. Rejects
 * with a ContentError (every problem as `file:line: field: message`) when the
 * content is invalid.
 */
export async function build(options: BuildOptions): Promise<{ pages: number; articles: number; drafts: number }> {
  const { eleventy, content } = await createEleventy(options, 'build');
  let results: { url?: string; outputPath?: string | false }[];
  try {
    results = (await eleventy.write()) as unknown as typeof results;
  } catch (error) {
    throw findContentError(error) ?? error;
  }
  const written = results.flat().filter((r) => r && r.outputPath);
  const lost = articlesWithoutOnePage(content.articles, written);
  if (lost.length) {
    throw new ContentError(
      `${lost.length} article${lost.length === 1 ? '' : 's'} did not produce exactly one page; the site is incomplete:`,
      lost.map((file) => displayPath(path.join(path.resolve(options.contentDir), file))),
    );
  }
  // The search index reads the pages just written; `serve` skips it (search there is of the last build, if any).
  await indexSite(options.outDir);
  const pages = written.filter((r) => String(r.outputPath).endsWith('.html')).length;
  return { pages, articles: content.articles.length, drafts: content.drafts };
}

/** Builds, then serves `outDir` with live reload, rebuilding on changes to the content or the templates. */
export async function serve(options: { contentDir: string; outDir: string; port?: number }): Promise<void> {
  const { eleventy } = await createEleventy(options, 'serve');
  try {
    await eleventy.init();
    await eleventy.watch();
  } catch (error) {
    throw findContentError(error) ?? error;
  }
  await eleventy.serve(options.port ?? 8080);
}

export { ContentError };
