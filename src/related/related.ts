/** Related stories for every article of the archive, computed once per build. */
import { indexTerms, orderArticles, prepareIndex, prepareNames, termDocuments, type ArticleOrder, type TermIndex } from './prepare.ts';
import { DEFAULT_LIMIT, SIMILAR_TEXT, TEXT_CHARS, type RelatedArticle, type RelatedLink, type RelatedOptions } from './rule.ts';
import { scoreArticles, type ScoredRange } from './score.ts';
import { countTerms } from './terms.ts';

export {
  DEFAULT_LIMIT,
  KIND_WEIGHTS,
  KINDS,
  MAX_SHARE,
  POSTING_CAP,
  SIMILAR_TEXT,
  SMALL_ARCHIVE,
  TERMS_PER_ARTICLE,
  TEXT_CHARS,
  TEXT_WEIGHT,
  type RelatedArticle,
  type RelatedLink,
  type RelatedOptions,
} from './rule.ts';

/**
 * The rule. For each article, up to `limit` (5) related articles:
 *
 * - Names: each person, organization, tag and place an article shares with
 *   another adds KIND_WEIGHTS[kind] × ln(N / df), N being the number of
 *   articles and df the number naming it (spellings folded: "NATO" = "nato"),
 *   so a rare name says more than a common one, and a person more than a tag.
 *   A name on more than MAX_SHARE (half) of the articles counts for nothing,
 *   as with Hugo's related-content threshold, except in an archive of at most
 *   SMALL_ARCHIVE articles, where only a name on all of them does; a name on
 *   one article links none.
 * - Text: the cosine of the two articles' vectors of their TERMS_PER_ARTICLE
 *   highest terms by (1 + ln tf) × ln(N / df), over the title and the first
 *   TEXT_CHARS characters of the body, stopwords left out, times TEXT_WEIGHT.
 * - Cost: one inverted index, name or term → articles ordered by day. A name
 *   or term on more than POSTING_CAP articles links each article only to the
 *   POSTING_CAP nearest to it in that order, so the work grows linearly with
 *   the archive and no pair of articles is ever compared outright.
 * - Order: higher score (to 6 decimals) first, then nearer in time, then the
 *   earlier in archive order (by day, then URL), so of two stories as near
 *   the same, the one before the article; articles are numbered by day and
 *   URL first, so the output is the same, byte for byte, for the same
 *   articles in any order.
 * - Editors: stories in `related.pin` (URL or slug) come first, in the order
 *   given, then the scored ones; stories in `related.exclude` never appear.
 *   An article never relates to itself.
 * - Reasons: the shared names that scored, strongest first, or "similar
 *   text" when only the text links the two.
 */
export function computeRelated(articles: readonly RelatedArticle[], options: RelatedOptions = {}): Map<string, RelatedLink[]> {
  return relatedLinks(scoreRelated(articles, options));
}

/** The rule's picks, before they are links: the articles in their numbered order, the names' spellings and every article's slots. */
export interface ScoredArchive {
  order: RelatedArticle[];
  /** Shown spelling of each name id. */
  names: string[];
  /** Slots per article. */
  limit: number;
  /** Every article's picks (`from` 0, `to` the article count). */
  range: ScoredRange;
}

/** Numbers, indexes and scores the archive: all of the rule but making the links (`relatedLinks`). */
export function scoreRelated(articles: readonly RelatedArticle[], options: RelatedOptions = {}): ScoredArchive {
  return scoreWithNames(scoreText(articles), options);
}

/**
 * What the rule reads of the articles' text, and of their days and URLs:
 * their numbered order and their terms. It never reads their names or the
 * editors' choices, so the worker (parallel.ts) makes it before the build
 * knows those.
 */
export interface TextPart {
  numbered: ArticleOrder;
  terms: TermIndex;
}

/** The first part of `scoreRelated`: the articles numbered, their terms counted and indexed. */
export function scoreText(articles: readonly RelatedArticle[]): TextPart {
  const numbered = orderArticles(articles);
  const count = numbered.order.length;
  return { numbered, terms: indexTerms(countTerms(termDocuments(numbered.order), TEXT_CHARS, count), count) };
}

/** The rest of `scoreRelated`, once the articles `text` numbered hold their names and the editors' choices. */
export function scoreWithNames(text: TextPart, options: RelatedOptions = {}): ScoredArchive {
  const names = prepareNames(text.numbered, options.limit ?? DEFAULT_LIMIT);
  const prepared = prepareIndex(names, text.terms);
  return {
    order: prepared.order,
    names: prepared.names,
    limit: prepared.index.limit,
    range: scoreArticles(prepared.index, 0, prepared.index.count),
  };
}

/** The links of every article of a scored archive, keyed by article URL, in article order. */
export function relatedLinks({ order, names, limit, range }: ScoredArchive): Map<string, RelatedLink[]> {
  const out = new Map<string, RelatedLink[]>();
  const { picks, pinned, scores, text, reasons } = range;
  for (let article = range.from; article < range.to; article++) {
    const links: RelatedLink[] = [];
    for (let slot = (article - range.from) * limit, end = slot + limit; slot < end && picks[slot] !== -1; slot++) {
      const target = order[picks[slot]!]!;
      const shown: string[] = [];
      for (let entry = reasons.offsets[slot]!; entry < reasons.offsets[slot + 1]!; entry++) {
        const name = names[reasons.values[entry]!]!;
        if (!shown.includes(name)) shown.push(name);
      }
      if (shown.length === 0 && text[slot] === 1) shown.push(SIMILAR_TEXT);
      const link: RelatedLink = {
        url: target.url,
        title: target.title,
        date: target.date,
        score: Math.round(scores[slot]! * 1000) / 1000,
        reasons: shown,
      };
      if (pinned[slot] === 1) link.pinned = true;
      links.push(link);
    }
    out.set(order[article]!.url, links);
  }
  return out;
}
