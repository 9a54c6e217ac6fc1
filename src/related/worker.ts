/**
 * The worker thread of `parallel.ts`: runs the rule (`scoreRelated`) on the
 * articles it is sent and answers with its picks as typed arrays, moved to
 * the main thread rather than copied, with each picked article's place in
 * the request; the main thread makes the links (`relatedLinks`) from its own
 * articles, as one thread would.
 */
import { parentPort } from 'node:worker_threads';
import { scoreRelated, type ScoredArchive } from './related.ts';
import type { RelatedArticle, RelatedOptions } from './rule.ts';

/** The one request from the main thread. */
export interface WorkerRequest {
  articles: RelatedArticle[];
  options: RelatedOptions;
}

/** The picks, with `positions[i]` the place in the request of the article numbered i, or why there are none. */
export type WorkerAnswer = { ok: true; result: Omit<ScoredArchive, 'order'> & { positions: Int32Array } } | { ok: false; error: string };

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    const { order, names, limit, range } = scoreRelated(request.articles, request.options);
    const place = new Map(request.articles.map((article, index) => [article, index]));
    const positions = Int32Array.from(order, (article) => place.get(article)!);
    const answer: WorkerAnswer = { ok: true, result: { names, limit, range, positions } };
    const { picks, pinned, scores, text, reasons } = range;
    const moved = [positions, picks, pinned, scores, text, reasons.offsets, reasons.values].map((array) => array.buffer as ArrayBuffer);
    parentPort!.postMessage(answer, [...new Set(moved)]);
  } catch (error) {
    parentPort!.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies WorkerAnswer);
  }
});
