/**
 * Related stories on a second thread. The build starts them as soon as the
 * names are canonical and goes on computing the rest of the archive (body
 * HTML, facets, article and entity pages, the export) while a worker thread
 * runs the rule (`scoreRelated`) on a copy of what the rule reads, and
 * answers with its picks as typed arrays; this thread then makes the links
 * (`relatedLinks`), when the build gives each article page its related
 * stories. The worker runs the very code one thread runs, on the same
 * input, so the links are the same byte for byte; only the build's wall
 * time shrinks. Below PARALLEL_FROM articles, or on one core, the rule runs
 * on this thread. The build starts the worker thread itself earlier, once the
 * content is read (startRelatedWorker).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { computeRelated, relatedLinks } from './related.ts';
import { TEXT_CHARS, type RelatedArticle, type RelatedLink, type RelatedOptions } from './rule.ts';
import type { WorkerAnswer, WorkerRequest } from './worker.ts';

/**
 * From this many articles the rule runs on a worker. Its cost is copying
 * what the rule reads to the worker and its picks back (about a tenth of the
 * rule's own time at 10,000 articles) and starting the worker (a few
 * hundredths of a second), paid while this thread works on: below this the
 * rule takes about a tenth of a second, not worth a thread.
 */
export const PARALLEL_FROM = 2_000;

/**
 * The worker's module. Compiled (dist/related/parallel.js), the worker is
 * plain JavaScript beside this file; run from the sources (tests, benchmarks),
 * an entry registers tsx first, since a worker does not inherit the parent's
 * TypeScript loader.
 */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);

/** Knobs of the parallel run. */
export interface ParallelOptions extends RelatedOptions {
  /** Threads to use: 1 runs on this thread alone; the default uses a worker when the machine has a second core. */
  threads?: number;
  /** Fewest articles for which a worker is used; PARALLEL_FROM unless a test says otherwise. */
  parallelFrom?: number;
}

/**
 * What the worker is sent of an article: what the rule reads (RelatedArticle),
 * the body cut where terms stop being read, one character after TEXT_CHARS
 * (which tells a word the limit cuts), so the copy is small.
 */
export function relatedRecord(article: RelatedArticle): RelatedArticle {
  const { url, slug, date, title, body, people, organizations, tags, places, related } = article;
  return {
    url,
    slug,
    date,
    title,
    body: body.length > TEXT_CHARS + 1 ? body.slice(0, TEXT_CHARS + 1) : body,
    people,
    organizations,
    tags,
    places,
    ...(related ? { related } : {}),
  };
}

/** Whether the rule runs on a worker for `articles` articles. */
function usesWorker(articles: number, options: ParallelOptions): boolean {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  return threads >= 2 && articles >= (options.parallelFrom ?? PARALLEL_FROM);
}

/** A worker started ahead (startRelatedWorker) and not taken yet; dropped should it fail or end meanwhile. */
let ahead: Worker | undefined;

/**
 * Starts the worker computeRelatedParallel will take, for an archive of
 * `articles` articles, when it will use one: the build starts it once the
 * content is read, so the thread and its modules are ready (about 0.13 s on
 * an idle machine) by the time the names are canonical, a second or more
 * later. Unreferenced until taken, so it never holds a process open; one
 * that fails or ends before it is taken is dropped, and a new one started.
 * Gives the worker started, if any (for tests).
 */
export function startRelatedWorker(articles: number, options: ParallelOptions = {}): Worker | undefined {
  if (ahead || !usesWorker(articles, options)) return undefined;
  const worker = new Worker(WORKER);
  worker.unref();
  const drop = () => {
    if (ahead === worker) ahead = undefined;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  ahead = worker;
  return worker;
}

/** The worker started ahead, if it is still there, else a new one. */
function takeWorker(): Worker {
  const worker = ahead ?? new Worker(WORKER);
  ahead = undefined;
  worker.ref();
  return worker;
}

/** Sends the worker its one request and waits for its answer; an error or exit of the worker rejects. */
function ask(worker: Worker, request: WorkerRequest): Promise<Extract<WorkerAnswer, { ok: true }>['result']> {
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`related stories: the worker failed: ${answer.error}`));
    });
    worker.once('error', (error: Error) => reject(new Error(`related stories: the worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code: number) => reject(new Error(`related stories: the worker exited with code ${code} before answering`)));
    worker.postMessage(request);
  });
}

/**
 * {@link computeRelated}, on a worker thread when the archive is large enough
 * to gain and the machine has a second core. The articles are copied
 * (relatedRecord) before this returns, so the caller may go on at once.
 */
export async function computeRelatedParallel(
  articles: readonly RelatedArticle[],
  options: ParallelOptions = {},
): Promise<Map<string, RelatedLink[]>> {
  if (!usesWorker(articles.length, options)) return computeRelated(articles, options);
  const worker = takeWorker();
  try {
    const request = { articles: articles.map(relatedRecord), options: options.limit === undefined ? {} : { limit: options.limit } };
    const { positions, ...scored } = await ask(worker, request);
    // The links name this thread's own articles, numbered as the worker numbered its copies.
    return relatedLinks({ ...scored, order: Array.from(positions, (position) => articles[position]!) });
  } finally {
    await worker.terminate();
  }
}
