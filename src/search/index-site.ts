/**
 * The search index: runs Pagefind over a built site and writes its bundle
 * (index, WebAssembly and UI) into `<outDir>/pagefind/`. Touches the file
 * system: `archive build` calls it after Eleventy has written the site.
 *
 * Pagefind holds every page it indexes in memory until it writes (about
 * 0.27 MB a page here: 7.4 GB for 30,000 articles; its issue 842 reports
 * running out of memory above 30,000 pages). So an archive of more than
 * SHARD_PAGES articles is indexed in shards of at most that many pages, one
 * Pagefind run each, written to `pagefind/` (the first, whose UI the search
 * page loads) and `pagefind-2/`, `pagefind-3/`, ...; `pagefind/bundles.json`
 * lists the others and the search page merges them into one search
 * (Pagefind's `mergeIndex`): one result list, one set of filters.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where, under the built site, article pages live: the only pages worth searching. */
export const ARTICLE_PAGES_GLOB = 'articles/**/*.html';

/**
 * Article pages per Pagefind run: about 0.45 GB of Pagefind's memory, small
 * enough to run beside the build's later Eleventy runs within 2 GB.
 */
export const SHARD_PAGES = 1_500;

/** The file, in the first bundle, that names the other bundles (site-relative folders, e.g. `pagefind-2/`). */
export const BUNDLES_FILE = 'bundles.json';

/** What indexing wrote. */
export interface SearchIndexReport {
  /** Pages in the index, over all shards. */
  pages: number;
  /** The folder of the first bundle. */
  outputPath: string;
  /** Folders of every bundle, relative to the site, the first first. */
  bundles: string[];
}

/** The article pages of the built site, relative to it with forward slashes, oldest path first. */
async function articlePages(site: string): Promise<string[]> {
  const folder = path.join(site, 'articles');
  let entries: string[];
  try {
    entries = (await readdir(folder, { recursive: true })) as string[];
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith('.html'))
    .map((entry) => `articles/${entry.split(path.sep).join('/')}`)
    .sort();
}

/** The folder of shard `index` (0-based), relative to the site. */
const bundleFolder = (index: number): string => (index === 0 ? 'pagefind' : `pagefind-${index + 1}`);

/**
 * Indexes the article pages of the site built in `outDir` and writes the
 * bundles under it. Rejects with Pagefind's own words if it reports an error.
 */
export async function indexSite(outDir: string, options: { shardPages?: number } = {}): Promise<SearchIndexReport> {
  const site = path.resolve(outDir);
  const shardPages = Math.max(1, options.shardPages ?? SHARD_PAGES);
  // Pagefind names its files by content hash and never deletes: a rebuild into the same folder
  // would otherwise keep every earlier index (and earlier shards) beside the new one.
  for (const entry of await readdir(site)) if (/^pagefind(-\d+)?$/.test(entry)) await rm(path.join(site, entry), { recursive: true, force: true });
  const pages = await articlePages(site);
  const shards: string[][] = [];
  for (let from = 0; from < pages.length; from += shardPages) shards.push(pages.slice(from, from + shardPages));
  const bundles: string[] = [];
  let indexed = 0;
  // Only article pages, so an archive with no article yet gets an empty index rather than one of every listing page.
  if (shards.length <= 1) {
    indexed = await runPagefind(site, bundleFolder(0), async (index) => {
      const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES_GLOB });
      if (added.errors.length) throw searchError('could not read the site', added.errors);
      return added.page_count;
    });
    bundles.push(`${bundleFolder(0)}/`);
  } else {
    for (const [number, shard] of shards.entries()) {
      indexed += await runPagefind(site, bundleFolder(number), async (index) => {
        for (const sourcePath of shard) {
          const added = await index.addHTMLFile({ sourcePath, content: await readFile(path.join(site, sourcePath), 'utf8') });
          if (added.errors.length) throw searchError(`could not read ${sourcePath}`, added.errors);
        }
        return shard.length;
      });
      bundles.push(`${bundleFolder(number)}/`);
    }
  }
  await writeFile(path.join(site, bundleFolder(0), BUNDLES_FILE), `${JSON.stringify(bundles.slice(1))}\n`);
  return { pages: indexed, outputPath: path.join(site, bundleFolder(0)), bundles };
}

/** One Pagefind run: a fresh index filled by `fill`, written to `<site>/<folder>/`, and the service closed so its memory goes. */
async function runPagefind(site: string, folder: string, fill: (index: pagefind.PagefindIndex) => Promise<number>): Promise<number> {
  try {
    const { errors, index } = await pagefind.createIndex({});
    if (!index) throw searchError('could not start', errors);
    const count = await fill(index);
    const written = await index.writeFiles({ outputPath: path.join(site, folder) });
    if (written.errors.length) throw searchError('could not write the index', written.errors);
    return count;
  } finally {
    // Pagefind runs as a child service; left open, it would keep the build's process alive.
    await pagefind.close();
  }
}

function searchError(what: string, errors: string[]): Error {
  return new Error(`Search index: Pagefind ${what}: ${errors.join('; ') || 'no reason given'}`);
}
