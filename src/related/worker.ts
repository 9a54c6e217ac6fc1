/**
 * The worker thread of `parallel.ts`: counts the terms of the texts it is
 * sent, then scores the range of the archive it is sent. Each answer goes
 * back as plain typed arrays.
 */
import { parentPort } from 'node:worker_threads';
import { scoreArticles, type RelatedIndex } from './score.ts';
import { countTerms } from './terms.ts';

/** A request from the main thread. */
export type WorkerRequest =
  | { kind: 'count'; texts: string[]; maxChars: number }
  | { kind: 'score'; index: RelatedIndex; from: number; to: number };

/** Pairs of texts, read as a title and a body. */
function* pairs(texts: readonly string[]): Generator<readonly string[]> {
  const pair = ['', ''];
  for (let at = 0; at + 1 < texts.length; at += 2) {
    pair[0] = texts[at]!;
    pair[1] = texts[at + 1]!;
    yield pair;
  }
}

/** The buffers of an answer's typed arrays, moved to the main thread rather than copied. */
function buffers(result: object): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const inner of Object.values(value)) visit(inner);
  };
  visit(result);
  return [...found];
}

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    const result =
      request.kind === 'count'
        ? countTerms(pairs(request.texts), request.maxChars, request.texts.length / 2)
        : scoreArticles(request.index, request.from, request.to);
    parentPort!.postMessage({ ok: true, result }, buffers(result));
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
