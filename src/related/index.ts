/** Related stories: the rule in `related.ts`, outlet headlines in `headlines.ts`. */
export { computeRelated, DEFAULT_LIMIT, SIMILAR_TEXT, type RelatedLink, type RelatedOptions } from './related.ts';
export {
  computeRelatedParallel,
  PARALLEL_FROM,
  startRelated,
  startRelatedWorker,
  type ParallelOptions,
  type RelatedRun,
} from './parallel.ts';
export { linkRelatedHeadlines, normaliseHeadline } from './headlines.ts';
