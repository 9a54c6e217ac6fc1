/** Outlets' "related" headlines linked to the archived articles that carry them. */
import type { Article } from '../content/article.ts';
import { dayNumber } from './days.ts';

/**
 * A headline reduced to what tells two headlines apart: Unicode compatibility
 * form, lowercase, no quotation marks or apostrophes, every dash a space,
 * runs of white space one space.
 */
export function normaliseHeadline(headline: string): string {
  return headline
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["'`´‘’‚‛“”„‟‹›«»]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * For each article (by URL), one entry per `related_headlines` item: the URL
 * of the archived article with that headline, or undefined. Of several with
 * the same headline, the one nearest in time wins, then the earlier, then the
 * first by URL; an article never links to itself.
 */
export function linkRelatedHeadlines(articles: readonly Article[]): Map<string, (string | undefined)[]> {
  const byHeadline = new Map<string, Article[]>();
  for (const article of articles) {
    const key = normaliseHeadline(article.title);
    if (!key) continue;
    const list = byHeadline.get(key);
    if (list) list.push(article);
    else byHeadline.set(key, [article]);
  }
  const out = new Map<string, (string | undefined)[]>();
  for (const article of articles) {
    const day = dayNumber(article.date);
    out.set(
      article.url,
      article.related_headlines.map((headline) => {
        let best: Article | undefined;
        let bestDistance = Infinity;
        for (const candidate of byHeadline.get(normaliseHeadline(headline)) ?? []) {
          if (candidate.url === article.url) continue;
          const distance = Math.abs(dayNumber(candidate.date) - day);
          const wins =
            best === undefined ||
            distance < bestDistance ||
            (distance === bestDistance && (candidate.date < best.date || (candidate.date === best.date && candidate.url < best.url)));
          if (wins) {
            best = candidate;
            bestDistance = distance;
          }
        }
        return best?.url;
      }),
    );
  }
  return out;
}
