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
 * Pagefind runs in processes of its own (`pagefind-child.mjs`), each
 * indexing shard after shard, so a Pagefind that dies (a full disk makes it
 * panic) is an error with its cause, on one line, and never a build that
 * ends without a word.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFolder, isBundleFolder, searchShards, shardPagesFor } from './plan.ts';

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

const CHILD = fileURLToPath(new URL('./pagefind-child.mjs', import.meta.url));

/** A Pagefind process (`pagefind-child.mjs`): it takes shards on its IPC channel. */
function forkPagefind(): ChildProcess {
  return fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
}

/** A Pagefind process started before the build needs one (`startSearchEarly`), for the next indexer to take. */
let spare: ChildProcess | undefined;

/**
 * Starts a Pagefind process now, while the build reads and computes, for
 * the build's first shard: starting Node, loading Pagefind and starting its
 * service take about a third of a second, which an incremental build would
 * otherwise wait for after rendering its one small shard. The process holds
 * this one open only once an indexer takes it; a build that ends before
 * that leaves it to the next build of this process, or it ends with this one
 * (its IPC channel closes: `pagefind-child.mjs` stops on that). Its process id.
 */
export function startSearchEarly(): number | undefined {
  if (spare && spare.exitCode === null && spare.signalCode === null && spare.connected) return spare.pid;
  const child = forkPagefind();
  // Errors before it is taken: it is simply not taken (takeSpare checks it still runs).
  child.on('error', () => undefined);
  child.unref();
  child.channel?.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  spare = child;
  return child.pid;
}

/** The spare process, held open again, if one still runs. */
function takeSpare(): ChildProcess | undefined {
  const child = spare;
  spare = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.connected) return undefined;
  child.ref();
  child.channel?.ref();
  (child.stderr as { ref?: () => void } | null)?.ref?.();
  return child;
}

/** One shard handed to a Pagefind process, and what its promise is waiting for. */
interface Job {
  /** The shard's index: its bundle is `bundleFolder(id)`. */
  id: number;
  pages: string[];
  /** Held before this page until released (holdShard): the pages before it are indexed, the rest wait. */
  holdAt?: number;
  /** The folders its pages are read from, when not the indexer's (holdShard). */
  from?: readonly string[];
  /** Texts of some of its pages by position, given instead of reading them (holdShard). */
  provisional?: Readonly<Record<number, string>>;
  /** Paused before this page until resumed or released (holdShard). */
  pauseAt?: number;
  resolve(pages: number): void;
  reject(error: Error): void;
}

/** A Pagefind process (`pagefind-child.mjs`) and the shards sent to it, oldest first. */
interface Runner {
  child: ChildProcess;
  sent: Job[];
  stderr: string;
}

/**
 * Shards sent to a Pagefind process ahead of its answers. The build's thread
 * reads answers only between its Eleventy runs (several seconds each at
 * 10,000 articles), so a process must hold enough to stay busy through a
 * run: it takes another shard while it holds fewer than AHEAD shards or
 * fewer than AHEAD_PAGES pages. Counted in shards alone, the first four a
 * full build hands over (the newest, small shards of 125 pages, ready
 * first) kept it busy for three seconds of a nine-second run, and it stood
 * idle for six (10,000 articles; docs/speed.md). 2,000 pages take it about
 * as long as a run of 5,000 pages. More would leave fewer shards for a
 * second process once the build widens.
 */
const AHEAD = 4;
export const AHEAD_PAGES = 2_000;

/** Whether a Pagefind process that holds the shards `sent` (their pages) has room for another (AHEAD, AHEAD_PAGES). */
export function hasRoom(sent: readonly { pages: readonly unknown[] }[]): boolean {
  return sent.length < AHEAD || sent.reduce((pages, job) => pages + job.pages.length, 0) < AHEAD_PAGES;
}

/**
 * Indexes the shards of a site (src/search/plan.ts, `searchShards`) as the
 * build hands them over, by Pagefind processes of their own (so on the
 * second core while the build goes on), each indexing shard after shard:
 * one process while the build renders, up to `widen(runs)` after (each
 * bundle is its own folder, written the same whatever the process or order).
 */
export class SearchIndexer {
  readonly #site: string;
  /** The folders pages are read from, the first that has each (`readFrom`); the site's own by default. */
  #from: readonly string[] | undefined;
  #pages = 0;
  #ahead = 0;
  #limit = 1;
  #queued: Job[] = [];
  #runners = new Set<Runner>();
  #runs: Promise<void>[] = [];
  #stopped = false;
  #failed = false;

  private constructor(site: string) {
    this.#site = site;
  }

  /**
   * An indexer for the site in `outDir`, whose earlier bundles it deletes
   * first; it reads each page from `outDir` unless told otherwise
   * (`readFrom`, or a held shard's own folders).
   */
  static async create(outDir: string): Promise<SearchIndexer> {
    const site = path.resolve(outDir);
    await mkdir(site, { recursive: true });
    // Pagefind names its files by content hash and never deletes: a rebuild into the same folder
    // would otherwise keep every earlier index (and earlier shards) beside the new one.
    for (const entry of await readdir(site)) if (isBundleFolder(entry)) await rm(path.join(site, entry), { recursive: true, force: true });
    return new SearchIndexer(site);
  }

  /**
   * Indexes `pages` (relative to the site) into the bundle of shard `index`
   * (`bundleFolder(index)`), after the shards handed over before it: for a
   * build that assigns pages to shards itself (src/search/plan.ts,
   * `searchShards`) and indexes only the shards that changed. `settled()`
   * waits for them; the promise returned settles once this one's bundle is
   * written whole (its failure is settled()'s too).
   */
  indexShard(index: number, pages: readonly string[]): Promise<void> {
    return this.#add(index, pages);
  }

  /**
   * Reads the pages of the shards handed over from now on from the first
   * folder of `from` that has each: for a build that writes only the pages
   * that changed, the others being in the output folder.
   */
  readFrom(from: readonly string[]): void {
    this.#from = [...from];
  }

  /** Queues shard `index`, held before `holdAt` if given, its pages read from `from` if given, or given (`provisional`). */
  #add(
    index: number,
    pages: readonly string[],
    holdAt?: number,
    from?: readonly string[],
    provisional?: Readonly<Record<number, string>>,
    pauseAt?: number,
  ): Promise<void> {
    const run = new Promise<number>((resolve, reject) => {
      this.#queued.push({
        id: index,
        pages: [...pages],
        ...(holdAt === undefined ? {} : { holdAt }),
        ...(from ? { from: [...from] } : {}),
        ...(provisional ? { provisional } : {}),
        ...(pauseAt === undefined ? {} : { pauseAt }),
        resolve,
        reject,
      });
    }).then((indexed) => {
      this.#pages += indexed;
    });
    // Seen by settled() or settle(); not an unhandled rejection meanwhile.
    run.catch(() => undefined);
    this.#runs.push(run);
    this.#dispatch();
    return run;
  }

  /**
   * Indexes shard `index` as indexShard does, but only its pages before
   * `holdAt` (pages the build has already) until `release` says whether to
   * go on, writing the bundle as indexShard would, or to drop what was done
   * and write nothing: for a shard likely to be indexed anew, started while
   * the build still renders its later pages (SiteUpdate's `held`). Its
   * pages are read from `from` when given, else as the indexer's are; one
   * that cannot be read before the hold makes the shard be indexed anew at
   * the release (a held shard may start before the build knows what the
   * previous site has). The texts of some pages before the hold may be
   * given (`provisional`, by position: src/search/provisional.ts) instead of
   * read; they are checked at the release as read pages are. A shard held
   * after its last page is written ahead, and its bundle removed should the
   * release drop it or find a page indexed with another view. With
   * `pauseAt`, the pages from there on wait until `resume` (or the release).
   */
  holdShard(
    index: number,
    pages: readonly string[],
    holdAt: number,
    from?: readonly string[],
    provisional?: Readonly<Record<number, string>>,
    pauseAt?: number,
  ): void {
    this.#add(index, pages, holdAt, from, provisional, pauseAt);
  }

  /** Lets shard `index`, held with a pause (holdShard's `pauseAt`), go on past it, up to its hold. */
  resume(index: number): void {
    const queued = this.#queued.find((job) => job.id === index);
    if (queued) {
      delete queued.pauseAt;
      return;
    }
    for (const runner of this.#runners) {
      const job = runner.sent.find((candidate) => candidate.id === index && candidate.pauseAt !== undefined);
      if (!job) continue;
      delete job.pauseAt;
      if (runner.child.connected) runner.child.send({ id: index, resume: true });
      return;
    }
  }

  /**
   * Lets shard `index`, held (holdShard), go on (`go`) or drop what it did.
   * With `expect`, the SHA-256 of the search view (view.mjs) each page before
   * the hold has in the new site: a page indexed with another (read before
   * its new version was written) makes the shard be indexed anew, whole. A
   * shard not held is left alone.
   */
  release(index: number, go: boolean, expect?: readonly string[]): void {
    const queued = this.#queued.find((job) => job.id === index && job.holdAt !== undefined);
    if (queued) {
      delete queued.pauseAt;
      if (go) delete queued.holdAt;
      else {
        this.#queued.splice(this.#queued.indexOf(queued), 1);
        queued.resolve(0);
      }
      return;
    }
    for (const runner of this.#runners) {
      const job = runner.sent.find((candidate) => candidate.id === index && candidate.holdAt !== undefined);
      if (!job) continue;
      delete job.holdAt;
      if (runner.child.connected) runner.child.send({ id: index, go, ...(go && expect ? { expect: [...expect] } : {}) });
      return;
    }
  }

  /**
   * Lets up to `runs` Pagefind processes index at once: for when the build
   * has rendered every page and its own thread waits (each holds its shard's
   * pages in memory: `searchRuns`).
   */
  widen(runs: number): void {
    this.#limit = Math.max(this.#limit, runs);
    this.#dispatch();
  }

  /** Shards held after their last page (holdShard) whose bundle, written before the release, was kept. */
  get keptAhead(): number {
    return this.#ahead;
  }

  /** Waits for every shard handed over; the pages they indexed. Rejects with the first failure, once all have ended. */
  async settled(): Promise<number> {
    const ended = await this.#end();
    const failed = ended.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return this.#pages;
  }

  /**
   * Stops the Pagefind processes and resolves once they have ended, so
   * nothing more is written into the site: for a build that is interrupted.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#dispatch();
    await Promise.all([...this.#runners].map(({ child }) => closed(child, () => child.kill('SIGTERM'))));
  }

  /** Waits for the shards under way, ignoring their errors: for a build that failed anyway. */
  async settle(): Promise<void> {
    await this.#end();
  }

  /** Waits for every shard, then lets each process end (closing Pagefind) and waits for that too. */
  async #end(): Promise<PromiseSettledResult<void>[]> {
    // A shard still held is dropped: the build that held it has not asked for it (it failed first).
    for (const job of [...this.#queued, ...[...this.#runners].flatMap((runner) => runner.sent)])
      if (job.holdAt !== undefined) this.release(job.id, false);
    const ended = await Promise.allSettled(this.#runs);
    await Promise.all(
      [...this.#runners].map(({ child }) => closed(child, () => (child.connected ? child.send({ end: true }) : child.kill('SIGTERM')))),
    );
    return ended;
  }

  /** Hands queued shards to processes with room (hasRoom), starting one while fewer than the limit run; after a stop or a failure, fails them instead. */
  #dispatch(): void {
    if (this.#stopped || this.#failed) {
      for (const job of this.#queued.splice(0))
        job.reject(new Error(`Search index: ${bundleFolder(job.id)}/ not indexed, the build had stopped`));
      return;
    }
    while (this.#queued.length) {
      let runner = [...this.#runners].find((candidate) => candidate.sent.length === 0);
      if (!runner && this.#runners.size < this.#limit) runner = this.#start();
      runner ??= [...this.#runners].find((candidate) => hasRoom(candidate.sent));
      if (!runner) return;
      const job = this.#queued.shift()!;
      runner.sent.push(job);
      runner.child.send({
        id: job.id,
        site: this.#site,
        folder: bundleFolder(job.id),
        pages: job.pages,
        ...((job.from ?? this.#from) ? { from: job.from ?? this.#from } : {}),
        ...(job.holdAt === undefined ? {} : { holdAt: job.holdAt }),
        ...(job.provisional && job.holdAt !== undefined ? { provisional: job.provisional } : {}),
        ...(job.pauseAt !== undefined && job.holdAt !== undefined ? { pauseAt: job.pauseAt } : {}),
      });
    }
  }

  /** A new Pagefind process, whose answers settle its shards in order; when it ends, the shards it still had fail with its words. */
  #start(): Runner {
    const child = takeSpare() ?? forkPagefind();
    const runner: Runner = { child, sent: [], stderr: '' };
    this.#runners.add(runner);
    child.stderr!.on('data', (chunk: Buffer) => {
      runner.stderr = (runner.stderr + chunk.toString('utf8')).slice(-64 * 1024);
    });
    let said: string | undefined;
    const fail = (job: Job, why: string[]) => {
      this.#failed = true;
      job.reject(searchError(`failed on ${bundleFolder(job.id)}/`, why.filter(Boolean)));
    };
    child.on('message', (message: { id: number; pages?: number; ahead?: boolean; error?: string }) => {
      const at = runner.sent.findIndex((job) => job.id === message.id);
      if (message.error !== undefined) {
        said = message.error;
        if (at >= 0) fail(runner.sent.splice(at, 1)[0]!, [message.error, pagefindSaid(runner.stderr)]);
        return;
      }
      if (at < 0) return;
      if (message.ahead) this.#ahead += 1;
      runner.sent.splice(at, 1)[0]!.resolve(message.pages ?? 0);
      this.#dispatch();
    });
    const ended = (why: string) => {
      this.#runners.delete(runner);
      for (const job of runner.sent.splice(0)) fail(job, [said ?? why, pagefindSaid(runner.stderr)]);
      this.#dispatch();
    };
    child.on('error', (error) => ended(`could not start: ${error.message}`));
    child.on('close', (code, signal) => ended(`stopped (${signal ?? `exit code ${code}`})`));
    return runner;
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

/** Resolves once `child` has ended, after `ask` (to stop or to end) when it still runs. */
function closed(child: ChildProcess, ask: () => void): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('close', () => resolve());
    ask();
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
