/** Related stories: the articles that share the most telling names with an article. */
import type { Article } from '../content/article.ts';
import type { EntityIndex, EntityKind } from './entities.ts';
import { compareNewestFirst } from './order.ts';

/** How much one shared name of each kind says about two stories being related. */
export const KIND_WEIGHTS: Record<EntityKind, number> = { people: 3, organizations: 2, tags: 2, places: 1 };

/**
 * A name shared by more articles than this is left out of scoring: it says
 * almost nothing (its weight is under a tenth) and would make scoring
 * quadratic in the size of the archive.
 */
export const MAX_POSTINGS = 1000;

/** One related story and why. */
export interface RelatedStory {
  article: Article;
  score: number;
  /** Shared names, strongest first. */
  shared: string[];
  /** "shares Jens Stoltenberg, NATO", or "chosen by the editors" for a pinned story. */
  reason: string;
}

/**
 * The rule: a candidate scores, for each name it shares with the article,
 * KIND_WEIGHTS[kind] / log2(1 + number of articles naming it), so a shared
 * person outranks a shared tag and a rare name outranks a common one. Only
 * candidates that share at least one name count. Ties go to more shared
 * names, then the archive's newest-first order (day, time, URL), so every build gives the same
 * list. Stories the article pins (`related.pin`, by URL or slug) come first in
 * the order given; stories it excludes never appear.
 */
export function relatedStories(articles: readonly Article[], indexes: readonly EntityIndex[], limit = 5): Map<string, RelatedStory[]> {
  const byReference = new Map<string, Article>();
  for (const article of articles) {
    byReference.set(article.url, article);
    byReference.set(article.slug, article);
  }
  const out = new Map<string, RelatedStory[]>();
  for (const article of articles) {
    const scores = new Map<Article, { score: number; shared: { name: string; weight: number }[] }>();
    for (const index of indexes) {
      const seen = new Set<string>();
      for (const raw of article[index.kind]) {
        const entity = index.get(raw);
        if (!entity || seen.has(entity.url) || entity.count < 2 || entity.count > MAX_POSTINGS) continue;
        seen.add(entity.url);
        const weight = KIND_WEIGHTS[index.kind] / Math.log2(1 + entity.count);
        for (const other of entity.articles) {
          if (other === article) continue;
          const entry = scores.get(other) ?? { score: 0, shared: [] };
          entry.score += weight;
          entry.shared.push({ name: entity.name, weight });
          scores.set(other, entry);
        }
      }
    }
    const excluded = new Set((article.related?.exclude ?? []).map((ref) => byReference.get(ref)).filter((a) => a !== undefined));
    const pinned: RelatedStory[] = [];
    for (const ref of article.related?.pin ?? []) {
      const other = byReference.get(ref);
      if (!other || other === article || excluded.has(other) || pinned.some((p) => p.article === other)) continue;
      pinned.push({ article: other, score: Infinity, shared: [], reason: 'chosen by the editors' });
    }
    const scored = [...scores]
      .filter(([other]) => !excluded.has(other) && !pinned.some((p) => p.article === other))
      .sort((a, b) => b[1].score - a[1].score || b[1].shared.length - a[1].shared.length || compareNewestFirst(a[0], b[0]))
      .slice(0, Math.max(0, limit - pinned.length))
      .map(([other, { score, shared }]) => {
        const names = [...shared].sort((a, b) => b.weight - a.weight).map((s) => s.name);
        return { article: other, score, shared: names, reason: `shares ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}` };
      });
    out.set(article.url, [...pinned, ...scored].slice(0, limit));
  }
  return out;
}
