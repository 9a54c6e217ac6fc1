/**
 * One spelling per tag. The build already merges tags that differ only in
 * case or spacing; this rule also catches hyphens and plurals
 * ("cyberattack", "cyber-attack", "Cyberattacks"), which the build would
 * turn into separate pages.
 */
import { compareCodePoints, countSpellings } from '../collections/names.ts';
import type { Registry } from '../content/registry.ts';
import { stringItems, type LoadedArticle } from './load.ts';
import type { CheckIssue } from './types.ts';
import { cleanName, tagKey } from '../content/fold.ts';

/** Per file, each tag spelling to replace and its replacement. */
export type TagRenames = Map<string, Map<string, string>>;

/** The chosen spelling of one group of tags, and why it was chosen. */
export interface TagChoice {
  spelling: string;
  why: string;
}

/**
 * Chooses one spelling for each group of near-duplicate tags: the tag
 * registry's name when it lists one of the spellings (as name or alias), else
 * the spelling most articles use, ties broken by code point order so the
 * choice never depends on file order. Keyed by `tagKey`.
 */
export function chooseTagSpellings(
  articles: readonly LoadedArticle[],
  registry?: { file: string; registry: Registry },
): Map<string, TagChoice> {
  const registered = new Map<string, string>();
  for (const entry of registry?.registry.entries ?? []) {
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      const key = tagKey(spelling);
      if (key && !registered.has(key)) registered.set(key, cleanName(entry.name));
    }
  }
  const groups = countSpellings(
    articles.map((article) => stringItems(article.data, 'tags').map(({ value }) => value)),
    tagKey,
  );
  const chosen = new Map<string, TagChoice>();
  for (const [key, spelling] of registered) chosen.set(key, { spelling, why: `the spelling in ${registry!.file}` });
  for (const [key, spellings] of groups) {
    if (chosen.has(key)) continue;
    const ranked = [...spellings].sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
    const total = ranked.reduce((sum, [, count]) => sum + count, 0);
    const [spelling, count] = ranked[0]!;
    chosen.set(key, {
      spelling,
      why: count === total ? "the archive's spelling" : `the spelling ${count} of the ${total} articles with this tag use`,
    });
  }
  return chosen;
}

/** Reports every tag not written in its group's chosen spelling, and the renames that fix them. */
export function checkTags(
  articles: readonly LoadedArticle[],
  registry?: { file: string; registry: Registry },
): { issues: CheckIssue[]; renames: TagRenames } {
  const chosen = chooseTagSpellings(articles, registry);
  const issues: CheckIssue[] = [];
  const renames: TagRenames = new Map();
  for (const article of articles) {
    for (const { value, index } of stringItems(article.data, 'tags')) {
      const choice = chosen.get(tagKey(value));
      if (!choice || value === choice.spelling) continue;
      issues.push({
        file: article.file,
        line: article.lineOf(`tags.${index}`) ?? article.lineOf('tags') ?? 1,
        field: 'tags',
        message: `"${value}" is another spelling of the tag "${choice.spelling}" (${choice.why}): write "${choice.spelling}" (archive check --fix does it)`,
        severity: 'warning',
      });
      const forFile = renames.get(article.file) ?? new Map<string, string>();
      forFile.set(value, choice.spelling);
      renames.set(article.file, forFile);
    }
  }
  return { issues, renames };
}
