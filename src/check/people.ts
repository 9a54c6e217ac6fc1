/**
 * People not in the registry who look like someone who is: "J. Stoltenberg"
 * or "Jens Stoltenburg" beside the registry's "Jens Stoltenberg". A name the
 * registry knows (as name or alias) is never reported, so an editor settles
 * each case for good by adding the spelling to the registry.
 */
import { editDistance } from '../content/schema.ts';
import type { Registry } from '../content/registry.ts';
import { stringItems, type LoadedArticle } from './load.ts';
import { derivedAliases } from '../collections/aliases.ts';
import type { CheckIssue } from './types.ts';
import { foldKey, personKey } from '../content/fold.ts';

/**
 * True when two names may be one person: the same surname and given names
 * that agree where both are given ("J." agrees with "Jens", a missing given
 * name agrees with any), or a small typing distance between the whole names
 * (one edit per ten letters, at least one).
 */
export function resemblesPerson(name: string, known: string): boolean {
  const a = personKey(name);
  const b = personKey(known);
  if (!a || !b || a === b) return false;
  const left = a.split(' ');
  const right = b.split(' ');
  if (left.at(-1) === right.at(-1) && left.at(-1)!.length > 1) {
    const givenLeft = left.slice(0, -1);
    const givenRight = right.slice(0, -1);
    const shared = Math.min(givenLeft.length, givenRight.length);
    let agree = true;
    for (let i = 0; i < shared && agree; i++) agree = compatibleGiven(givenLeft[i]!, givenRight[i]!);
    if (agree) return true;
  }
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 10));
}

function compatibleGiven(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return false;
}

/** Reports each person an article names who is not in the registry but resembles someone who is. */
export function checkPeople(articles: readonly LoadedArticle[], registry?: { file: string; registry: Registry }): CheckIssue[] {
  if (!registry || registry.registry.entries.length === 0) return [];
  const { file: registryFile, registry: people } = registry;
  const issues: CheckIssue[] = [];
  const cache = new Map<string, string[]>();
  for (const article of articles) {
    for (const { value, index } of stringItems(article.data, 'people')) {
      if (people.lookup(value) !== undefined) continue;
      let matches = cache.get(value);
      if (!matches) {
        matches = people.entries
          .filter((entry) => [entry.name, ...(entry.aliases ?? [])].some((spelling) => resemblesPerson(value, spelling)))
          .map((entry) => entry.name);
        cache.set(value, matches);
      }
      if (matches.length === 0) continue;
      const names = matches.map((match) => `"${match}"`).join(' or ');
      issues.push({
        file: article.file,
        line: article.lineOf(`people.${index}`) ?? article.lineOf('people') ?? 1,
        field: 'people',
        message: `"${value}" is not in ${registryFile} but resembles ${names}: write ${matches.length === 1 ? names : 'the right one'}, or if this is someone else, add "${value}" to ${registryFile}`,
        severity: 'warning',
      });
    }
  }
  return issues;
}

/**
 * Reports each one-word name the build files under the one person of that
 * surname the archive names in full (src/collections/aliases.ts): "Trump" is
 * shown as Donald Trump. `all` is the archive the rule is judged on.
 */
export function checkFoldedPeople(
  all: readonly LoadedArticle[],
  scoped: readonly LoadedArticle[],
  registry?: { file: string; registry: Registry },
): CheckIssue[] {
  const spellings = all.flatMap((article) => stringItems(article.data, 'people').map((item) => item.value));
  const folds = new Map(derivedAliases('people', spellings, registry?.registry.entries ?? []).map((fold) => [foldKey(fold.alias), fold]));
  if (folds.size === 0) return [];
  const registryFile = registry?.file ?? 'content/_data/people.yaml';
  const issues: CheckIssue[] = [];
  for (const article of scoped) {
    for (const { value, index } of stringItems(article.data, 'people')) {
      const fold = folds.get(foldKey(value));
      if (!fold) continue;
      issues.push({
        file: article.file,
        line: article.lineOf(`people.${index}`) ?? article.lineOf('people') ?? 1,
        field: 'people',
        message: `"${value}" is filed as "${fold.name}", ${fold.why}: write the full name, or if this is someone else, add "${value}" to ${registryFile}`,
        severity: 'warning',
      });
    }
  }
  return issues;
}
