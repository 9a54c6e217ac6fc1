/**
 * The search index: runs Pagefind over a built site and writes its bundle
 * (index, WebAssembly and UI) into `<outDir>/pagefind/`. Touches the file
 * system: `archive build` calls it after Eleventy has written the site.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where, under the built site, article pages live: the only pages worth searching. */
export const ARTICLE_PAGES_GLOB = 'articles/**/*.html';

/** What indexing wrote. */
export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** The folder of the bundle. */
  outputPath: string;
}

/**
 * Indexes the article pages of the site built in `outDir` and writes the
 * bundle to `<outDir>/pagefind/`. Rejects with Pagefind's own words if it
 * reports an error.
 */
export async function indexSite(outDir: string): Promise<SearchIndexReport> {
  const site = path.resolve(outDir);
  try {
    const { errors, index } = await pagefind.createIndex({});
    if (!index) throw searchError('could not start', errors);
    // Only article pages: a glob, not just data-pagefind-body, so an archive with no article
    // yet gets an empty index rather than one of every listing page, and Pagefind reads
    // thousands fewer files.
    const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES_GLOB });
    if (added.errors.length) throw searchError('could not read the site', added.errors);
    const outputPath = path.join(site, 'pagefind');
    // Pagefind names its files by content hash and never deletes: a rebuild into the same folder
    // would otherwise keep every earlier index beside the new one.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw searchError('could not write the index', written.errors);
    return { pages: added.page_count, outputPath };
  } finally {
    // Pagefind runs as a child service; left open, it would keep the build's process alive.
    await pagefind.close();
  }
}

function searchError(what: string, errors: string[]): Error {
  return new Error(`Search index: Pagefind ${what}: ${errors.join('; ') || 'no reason given'}`);
}
