/**
 * Editors' story keys the archive overrules: when the reports of two keys are
 * joined into one storyline (a shared incident, one wire story), the
 * storyline takes one key (src/collections/storylines.ts) and the articles
 * with the other are told, at their `story:` line.
 */
import { toArticle, type Article } from '../content/article.ts';
import { storylineIndex, wireStoryGroups } from '../collections/storylines.ts';
import type { LoadedArticle } from './load.ts';
import type { CheckIssue } from './types.ts';

/** A warning for each published article whose `story:` key is not the key of the storyline it is in. */
export function checkStoryKeys(all: readonly LoadedArticle[]): CheckIssue[] {
  const keyed = all.filter((article) => article.valid?.story && !article.valid.draft);
  // With one key or none, no two keys can meet.
  if (new Set(keyed.map((article) => article.valid!.story)).size < 2) return [];
  const loadedOf = new Map<string, LoadedArticle>();
  const articles: Article[] = [];
  for (const loaded of all) {
    if (!loaded.valid || loaded.valid.draft) continue;
    const article = toArticle(loaded.file, loaded.valid, '');
    if (loadedOf.has(article.url)) continue;
    loadedOf.set(article.url, loaded);
    articles.push(article);
  }
  const wire = wireStoryGroups(articles, (a) => loadedOf.get(a.url)!.print);
  const issues: CheckIssue[] = [];
  for (const storyline of storylineIndex(articles, wire).storylines) {
    for (const report of storyline.reports) {
      if (!report.story || report.story === storyline.key) continue;
      const loaded = loadedOf.get(report.url)!;
      issues.push({
        file: loaded.file,
        line: loaded.lineOf('story') ?? 1,
        field: 'story',
        message: `"${report.story}" is overruled: a shared incident or wire story joins this report to the storyline "${storyline.key}", whose key most of its reports carry; write story: ${storyline.key}, or remove what joins them`,
        severity: 'warning',
      });
    }
  }
  return issues;
}
