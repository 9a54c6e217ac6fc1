/**
 * Related stories on a second thread, in two steps. The build begins them
 * (`startRelated`) as soon as the articles are read and sorted: a worker
 * thread numbers the articles and counts their terms (what the rule reads
 * of their text, days and URLs) while the build works out the names; once
 * the names are canonical (`withNames`), the worker scores the archive
 * (`scoreWithNames`) while the build computes the rest (body HTML, facets,
 * article and entity pages, the export), and answers with its picks as
 * typed arrays; this thread then makes the links (`relatedLinks`), when the
 * build gives each article page its related stories. The worker runs the
 * very code one thread runs, on the same input, so the links are the same
 * byte for byte; only the build's wall time shrinks. Below PARALLEL_FROM
 * articles, or on one core, the rule runs on this thread. The build starts
 * the worker thread itself earlier, once the content is read
 * (startRelatedWorker).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { computeRelated, relatedLinks } from './related.ts';
import { relatedBody, type RelatedArticle, type RelatedLink, type RelatedOptions } from './rule.ts';
import type { RelatedNames, RelatedText, WorkerAnswer, WorkerRequest } from './worker.ts';

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
  /**
   * Told once the rule no longer needs the second core: when the worker's
   * answer has come (heard when this thread next turns to its events), or at
   * once when the rule runs on this thread.
   */
  onAnswered?: () => void;
}

/**
 * What the worker is first sent of an article: what the rule reads of its
 * text (RelatedText), the body cut where terms stop being read, one
 * character after TEXT_CHARS (which tells a word the limit cuts), so the
 * copy is small.
 */
function relatedText(article: RelatedText): RelatedText {
  const { url, slug, date, title, body } = article;
  return { url, slug, date, title, body: relatedBody(body) };
}

/** What the worker is then sent of an article: its names and the editors' choices (RelatedNames). */
function relatedNames(article: RelatedArticle): RelatedNames {
  const { people, organizations, tags, places, related } = article;
  return { people, organizations, tags, places, ...(related ? { related } : {}) };
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

/** The worker's answer, once it gives one; an error or exit of the worker before it rejects. Listens from the start, so a worker that fails early is heard. */
function answerOf(worker: Worker): Promise<Extract<WorkerAnswer, { ok: true }>['result']> {
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`related stories: the worker failed: ${answer.error}`));
    });
    worker.once('error', (error: Error) => reject(new Error(`related stories: the worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code: number) => reject(new Error(`related stories: the worker exited with code ${code} before answering`)));
  });
}

/** Related stories begun from the articles' texts (startRelated), to be finished with their names. */
export interface RelatedRun {
  /**
   * The related stories of `articles`, the articles `startRelated` was given
   * in the same order, now with their names and the editors' choices.
   */
  withNames(articles: readonly RelatedArticle[]): Promise<Map<string, RelatedLink[]>>;
  /** Ends the worker, if any, answered or not: for a build that failed before it asked for the names, or after. */
  end(): Promise<void>;
}

/**
 * Begins {@link computeRelated} from what the rule reads of the articles'
 * text, before their names are known: on a worker thread, when the archive
 * is large enough to gain and the machine has a second core, which numbers
 * the articles and counts their terms at once (about a third of the rule's
 * time) while the build works out the names; `withNames` gives it the rest.
 * The texts are copied (relatedText) before this returns.
 */
export function startRelated(texts: readonly RelatedText[], options: ParallelOptions = {}): RelatedRun {
  if (!usesWorker(texts.length, options)) {
    options.onAnswered?.();
    return {
      withNames: async (articles) => computeRelated(articles, options),
      end: async () => undefined,
    };
  }
  const worker = takeWorker();
  let ended: Promise<unknown> | undefined;
  const end = async (): Promise<void> => {
    ended ??= worker.terminate();
    await ended;
  };
  const answer = answerOf(worker);
  // Heard when withNames waits for it; a failure before then must not go unhandled.
  answer.catch(() => undefined);
  worker.postMessage({
    texts: texts.map(relatedText),
    options: options.limit === undefined ? {} : { limit: options.limit },
  } satisfies WorkerRequest);
  return {
    withNames: async (articles) => {
      try {
        if (articles.length !== texts.length || articles.some((article, index) => article.url !== texts[index]!.url))
          throw new Error('related stories: the names are not of the articles whose texts were sent');
        worker.postMessage({ names: articles.map(relatedNames) } satisfies WorkerRequest);
        const { positions, ...scored } = await answer;
        options.onAnswered?.();
        // The links name this thread's own articles, numbered as the worker numbered its copies.
        return relatedLinks({ ...scored, order: Array.from(positions, (position) => articles[position]!) });
      } finally {
        await end();
      }
    },
    end,
  };
}

/**
 * {@link computeRelated}, on a worker thread when the archive is large enough
 * to gain and the machine has a second core (`startRelated` with the names
 * at once). The articles are copied before this returns, so the caller may
 * go on at once.
 */
export async function computeRelatedParallel(
  articles: readonly RelatedArticle[],
  options: ParallelOptions = {},
): Promise<Map<string, RelatedLink[]>> {
  return startRelated(articles, options).withNames(articles);
}
