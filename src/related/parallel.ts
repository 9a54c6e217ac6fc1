/**
 * Related stories on two threads. A worker counts the terms of the later
 * part of the archive while this thread indexes the names and counts the
 * earlier part; then the worker scores the later part while this thread
 * scores the earlier part and turns it into links. Term ids, the index and
 * every score are the same as on one thread (`computeRelated`), so the output
 * is byte for byte the same; only the wall time shrinks.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/article.ts';
import { orderArticles, prepareIndex, prepareNames, termDocuments, termTexts } from './prepare.ts';
import { addLinks, computeRelated } from './related.ts';
import { DEFAULT_LIMIT, TEXT_CHARS, type RelatedLink, type RelatedOptions } from './rule.ts';
import { scoreArticles, type ScoredRange } from './score.ts';
import { combineTermTables, countTerms, type TermTable } from './terms.ts';
import type { WorkerRequest } from './worker.ts';

/**
 * Below this many articles one thread is quicker: a worker takes a while to
 * start and, on a 2-core machine whose cores share caches, each thread runs
 * slower while the other works. Measured with `npm run bench -- --only
 * related`; the figures are in docs/speed.md.
 */
export const PARALLEL_FROM = 40_000;

/**
 * The worker's module. Compiled (dist/related/parallel.js), the worker is
 * plain JavaScript beside this file; run from the sources (tests, benchmarks),
 * an entry registers tsx first, since a worker does not inherit the parent's
 * TypeScript loader.
 */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);

/**
 * Share of the articles this thread counts terms for, and scores: less than
 * half, because it also indexes the names, sends the worker its texts and
 * builds the links of its own part while the worker scores.
 */
export const COUNT_SHARE = 0.42;
export const SCORE_SHARE = 0.45;

/** Knobs of the parallel run. */
export interface ParallelOptions extends RelatedOptions {
  /** Threads to use: 1 runs on this thread alone; the default uses a worker when the machine has a second core. */
  threads?: number;
  /** Fewest articles for which a worker is used; PARALLEL_FROM unless a test says otherwise. */
  parallelFrom?: number;
}

/** Sends one request to the worker and waits for its answer; an error or exit of the worker rejects. */
function ask<T>(worker: Worker, request: WorkerRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: { ok: true; result: T } | { ok: false; error: string }): void => {
      cleanup();
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`related stories: the worker failed: ${answer.error}`));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new Error(`related stories: the worker failed: ${error.message}`, { cause: error }));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`related stories: the worker exited with code ${code} before answering`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

/** {@link computeRelated}, with the counting and the scoring split over two threads when the archive is large enough to gain. */
export async function computeRelatedParallel(
  articles: readonly Article[],
  options: ParallelOptions = {},
): Promise<Map<string, RelatedLink[]>> {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  if (threads < 2 || articles.length < (options.parallelFrom ?? PARALLEL_FROM)) return computeRelated(articles, options);
  // Started first, so its start-up overlaps the numbering below.
  const worker = new Worker(WORKER);
  try {
    const numbered = orderArticles(articles);
    const count = numbered.order.length;
    const countSplit = Math.floor(count * COUNT_SHARE);
    const laterCounts = ask<TermTable>(worker, {
      kind: 'count',
      texts: termTexts(numbered.order, countSplit, count),
      maxChars: TEXT_CHARS,
    });
    const names = prepareNames(numbered, options.limit ?? DEFAULT_LIMIT);
    const earlierCounts = countTerms(termDocuments(numbered.order, 0, countSplit), TEXT_CHARS, countSplit);
    const prepared = prepareIndex(names, combineTermTables([earlierCounts, await laterCounts]));
    const scoreSplit = Math.floor(count * SCORE_SHARE);
    const laterScores = ask<ScoredRange>(worker, { kind: 'score', index: prepared.index, from: scoreSplit, to: count });
    const links = addLinks(new Map(), prepared, scoreArticles(prepared.index, 0, scoreSplit));
    return addLinks(links, prepared, await laterScores);
  } finally {
    await worker.terminate();
  }
}
