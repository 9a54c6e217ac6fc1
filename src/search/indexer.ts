/**
 * The search index: runs Pagefind over a built site and writes its bundle
 * (index, WebAssembly and UI) into `<outDir>/pagefind/`. Touches the file
 * system: `archive build` calls it after Eleventy has written the site.
 *
 * Pagefind holds every page it indexes in memory until it writes (figures in
 * docs/speed.md; its issue 842 reports running out of memory above 30,000
 * pages). So an archive of more than
 * SHARD_PAGES articles is indexed in shards of at most that many pages
 * (src/search/plan.ts, `searchShards`), one Pagefind run each, written to `pagefind/` (the first, whose UI the search
 * page loads) and `pagefind-2/`, `pagefind-3/`, ...; the search page names
 * the others (`searchBundles`) and merges them into one search
 * (Pagefind's `mergeIndex`): one result list, one set of filters. Only
 * article pages are indexed, so an archive with no article yet gets an
 * empty index rather than one of every listing page.
 *
 * Each Pagefind run happens in a process of its own (`pagefind-child.mjs`),
 * so a Pagefind that dies (a full disk makes it panic) is an error with its
 * cause, on one line, and never a build that ends without a word.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFolder, searchShards, shardPagesFor } from './plan.ts';

/**
 * Pagefind runs at once once the build's own work is done, for shards of
 * `shardPages` pages: two (the two cores of the machine this project is
 * measured on; one on a machine with one) for shards of up to 500 pages,
 * else one. Each run holds its shard in memory, about 0.35 GB for 1,000
 * pages, beside the build's process, which still holds its own: at 30,000
 * articles (shards of 1,000) two runs took the build and its Pagefind
 * processes to 2.4 GB, over the 2 GB budget, and one keeps them at about
 * 1.9 GB (docs/speed.md).
 */
export function searchRuns(shardPages: number): number {
  return shardPages <= 500 ? Math.max(1, Math.min(2, availableParallelism())) : 1;
}

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

/**
 * Indexes the shards of a site (src/search/plan.ts, `searchShards`) as the
 * build hands them over, each by one Pagefind run (a process of its own, so
 * on the second core while the build goes on): one run at a time while the
 * build renders, up to `widen(runs)` at once after (each bundle is its own
 * folder, written the same whatever the order).
 */
export class SearchIndexer {
  readonly #site: string;
  readonly #from: readonly string[] | undefined;
  #pages = 0;
  #limit = 1;
  #waiting: (() => void)[] = [];
  #active = 0;
  #runs: Promise<void>[] = [];
  #stopped = false;
  #failed = false;
  #running = new Set<ChildProcess>();

  private constructor(site: string, from: readonly string[] | undefined) {
    this.#site = site;
    this.#from = from;
  }

  /**
   * An indexer for the site in `outDir`, whose earlier bundles it deletes
   * first; it reads each page from the first folder of `from` that has it
   * (default: `outDir`), for a build that writes only the pages that changed.
   */
  static async create(outDir: string, options: { from?: readonly string[] } = {}): Promise<SearchIndexer> {
    const site = path.resolve(outDir);
    await mkdir(site, { recursive: true });
    // Pagefind names its files by content hash and never deletes: a rebuild into the same folder
    // would otherwise keep every earlier index (and earlier shards) beside the new one.
    for (const entry of await readdir(site))
      if (/^pagefind(-\d+)?$/.test(entry)) await rm(path.join(site, entry), { recursive: true, force: true });
    return new SearchIndexer(site, options.from);
  }

  /**
   * Indexes `pages` (relative to the site) into the bundle of shard `index`
   * (`bundleFolder(index)`), once a run is free: for a build that assigns
   * pages to shards itself (src/search/plan.ts, `searchShards`) and indexes
   * only the shards that changed. `settled()` waits for them.
   */
  indexShard(index: number, pages: readonly string[]): void {
    const folder = bundleFolder(index);
    const shard = [...pages];
    const run = this.#turn().then(async () => {
      try {
        // After a failure (reported by settled()) or a stop, the runs still queued do not start.
        if (this.#stopped || this.#failed) throw new Error(`Search index: ${folder}/ not indexed, the build had stopped`);
        const indexed = await runPagefind(this.#site, folder, shard, this.#running, this.#from);
        this.#pages += indexed;
      } catch (error) {
        this.#failed = true;
        throw error;
      } finally {
        this.#active--;
        this.#next();
      }
    });
    // Seen by settled() or settle(); not an unhandled rejection meanwhile.
    run.catch(() => undefined);
    this.#runs.push(run);
  }

  /**
   * Lets up to `runs` Pagefind runs go at once: for when the build has
   * rendered every page and its own thread waits (two cores, two runs;
   * each holds its shard's pages in memory: docs/speed.md).
   */
  widen(runs: number): void {
    this.#limit = Math.max(this.#limit, runs);
    this.#next();
  }

  /** Waits for every run queued; the pages they indexed. Rejects with the first failure, once all have ended. */
  async settled(): Promise<number> {
    const ended = await Promise.allSettled(this.#runs);
    const failed = ended.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return this.#pages;
  }

  /** Resolves when a run may start, counting it as started; queued runs start in the order they came. */
  #turn(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#next();
    });
  }

  #next(): void {
    while (this.#active < this.#limit && this.#waiting.length) {
      this.#active++;
      this.#waiting.shift()!();
    }
  }

  /**
   * Stops the Pagefind runs under way and resolves once they have ended, so
   * nothing more is written into the site: for a build that is interrupted.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(
      [...this.#running].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('close', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  /** Waits for the shards under way, ignoring their errors: for a build that failed anyway. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#runs);
  }
}

/**
 * Indexes the article pages of the site built in `outDir` (in path order)
 * and writes the bundles under it. Rejects with Pagefind's own words if it
 * reports an error.
 */
export async function indexSite(outDir: string, options: { shardPages?: number } = {}): Promise<SearchIndexReport> {
  const indexer = await SearchIndexer.create(outDir);
  const newestFirst = (await articlePages(path.resolve(outDir))).reverse();
  const shardPages = options.shardPages ?? shardPagesFor(newestFirst.length);
  const shards = searchShards(newestFirst, shardPages);
  indexer.widen(searchRuns(shardPages));
  shards.forEach((pages, index) => {
    indexer.indexShard(index, pages);
  });
  return {
    pages: await indexer.settled(),
    outputPath: path.join(path.resolve(outDir), bundleFolder(0)),
    bundles: shards.map((_, index) => `${bundleFolder(index)}/`),
  };
}

const CHILD = fileURLToPath(new URL('./pagefind-child.mjs', import.meta.url));

/**
 * One Pagefind run in its own process: `pages` (relative to `site`) indexed
 * into a fresh bundle at `<site>/<folder>/`. Resolves to the pages indexed;
 * rejects with one line saying what failed and why (Pagefind's own words).
 */
function runPagefind(
  site: string,
  folder: string,
  pages: readonly string[],
  running: Set<ChildProcess>,
  from?: readonly string[],
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    running.add(child);
    let stderr = '';
    let answer: { pages?: number; error?: string } | undefined;
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('message', (message: { pages?: number; error?: string }) => {
      answer = message;
    });
    child.on('error', (error) => reject(searchError(`could not start for ${folder}/`, [error.message])));
    child.on('close', (code, signal) => {
      running.delete(child);
      if (answer?.pages !== undefined && code === 0) {
        resolve(answer.pages);
        return;
      }
      const said = answer?.error ?? `stopped (${signal ?? `exit code ${code}`})`;
      reject(searchError(`failed on ${folder}/`, [said, pagefindSaid(stderr)].filter(Boolean)));
    });
    child.send({ site, folder, pages, ...(from ? { from } : {}) });
  });
}

/** The telling part of what Pagefind printed on failing (a Rust panic's message), on one line. */
export function pagefindSaid(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('note: ') && !/^stack backtrace:|^\d+: /.test(line));
  return lines.join(' ').replace(/\s+/g, ' ').slice(0, 600);
}

function searchError(what: string, errors: string[]): Error {
  return new Error(`Search index: Pagefind ${what}: ${errors.join('; ') || 'no reason given'}`);
}

/**
 * Why the bundles in `folders` are not a complete search index of
 * `articlePages` article pages, or undefined when they are: each bundle
 * must hold its entry file and its script, and together they must count
 * every article page. (The build also refuses any empty file of the site.)
 */
export function incompleteIndex(folders: readonly string[], articlePages: number): string | undefined {
  let pages = 0;
  for (const folder of folders) {
    const bundle = `${path.basename(folder)}/`;
    let entry: { languages?: Record<string, { page_count?: number }> };
    try {
      entry = JSON.parse(readFileSync(path.join(folder, 'pagefind-entry.json'), 'utf8')) as typeof entry;
      statSync(path.join(folder, 'pagefind.js'));
    } catch (error) {
      return `${bundle} is not a whole Pagefind bundle (${(error as Error).message})`;
    }
    pages += Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  }
  return pages === articlePages
    ? undefined
    : `the index holds ${pages} page${pages === 1 ? '' : 's'}, not the ${articlePages} article pages`;
}
