/**
 * The worker thread of `parallel.ts`: runs the rule on the articles it is
 * sent, in two requests. The first gives each article's text, day and URL:
 * the worker numbers them and counts their terms at once (`scoreText`),
 * while the build works out the names. The second gives each article's
 * names and the editors' choices, in the first request's order: the worker
 * scores (`scoreWithNames`) and answers with its picks as typed arrays,
 * moved to the main thread rather than copied, with each picked article's
 * place in the requests; the main thread makes the links (`relatedLinks`)
 * from its own articles, as one thread would.
 */
import { parentPort } from 'node:worker_threads';
import { scoreText, scoreWithNames, type ScoredArchive, type TextPart } from './related.ts';
import type { RelatedArticle, RelatedOptions } from './rule.ts';

/** What the rule reads of an article's text (RelatedArticle but its names and the editors' choices). */
export type RelatedText = Pick<RelatedArticle, 'url' | 'slug' | 'date' | 'title' | 'body'>;

/** What the rule reads of an article besides (RelatedArticle's names and the editors' choices). */
export type RelatedNames = Omit<RelatedArticle, keyof RelatedText>;

/** The first request: the articles' texts, and the rule's options. */
export interface TextRequest {
  texts: RelatedText[];
  options: RelatedOptions;
}

/** The second request: each article's names, in the first request's order. */
export interface NamesRequest {
  names: RelatedNames[];
}

export type WorkerRequest = TextRequest | NamesRequest;

/** The picks, with `positions[i]` the place in the requests of the article numbered i, or why there are none. */
export type WorkerAnswer = { ok: true; result: Omit<ScoredArchive, 'order'> & { positions: Int32Array } } | { ok: false; error: string };

/** The first request's articles (given their names by the second) and what was made of their text. */
let started: { articles: RelatedArticle[]; text: TextPart; options: RelatedOptions } | undefined;

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    if ('texts' in request) {
      // The articles as the rule reads them, their names to come: the same objects throughout, which the text part numbers.
      // Written out, not spread first: a shape per object on Node 20 (test/content/shapes.test.ts).
      const articles = request.texts.map(
        ({ url, slug, date, title, body }): RelatedArticle => ({
          url,
          slug,
          date,
          title,
          body,
          people: [],
          organizations: [],
          tags: [],
          places: [],
        }),
      );
      started = { articles, text: scoreText(articles), options: request.options };
      return;
    }
    if (!started) throw new Error('names before texts');
    const { articles, text, options } = started;
    if (request.names.length !== articles.length) throw new Error(`names of ${request.names.length} articles for ${articles.length} texts`);
    request.names.forEach((names, index) => {
      Object.assign(articles[index]!, names);
    });
    const { order, names, limit, range } = scoreWithNames(text, options);
    const place = new Map(articles.map((article, index) => [article, index]));
    const positions = Int32Array.from(order, (article) => place.get(article)!);
    const answer: WorkerAnswer = { ok: true, result: { names, limit, range, positions } };
    const { picks, pinned, scores, text: similar, reasons } = range;
    const moved = [positions, picks, pinned, scores, similar, reasons.offsets, reasons.values].map((array) => array.buffer as ArrayBuffer);
    parentPort!.postMessage(answer, [...new Set(moved)]);
  } catch (error) {
    parentPort!.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies WorkerAnswer);
  }
});
