/**
 * `archive check`, the pure part: article texts and registries in, every
 * problem out, each with its file and line, plus the safe fixes. The CLI
 * (src/cli/check.ts) reads and writes the files.
 */
import { pageUrlOf } from '../content/article.ts';
import { compareCodePoints } from '../collections/names.ts';
import { isIsoDay } from '../content/dates.ts';
import { checkDuplicates } from './duplicates.ts';
import { planFixes, type FileFix, type SkippedFix } from './fix.ts';
import { checkLinks } from './links.ts';
import { loadArticle, stringAt, type LoadedArticle } from './load.ts';
import { checkKeyOrder } from './order.ts';
import { checkFoldedPeople, checkPeople } from './people.ts';
import { proposeRegistryEntries, type RegistryProposal } from './proposals.ts';
import { checkTags } from './tags.ts';
import { unknownIncidents } from '../content/incidents.ts';
import { checkStoryKeys } from './storylines.ts';
import type { CheckInput, CheckIssue } from './types.ts';

export type { CheckInput, CheckIssue, CheckRegistries, SourceText } from './types.ts';
export type { FileFix, SkippedFix } from './fix.ts';
export type { RegistryProposal } from './proposals.ts';

/** What one run found: the issues, sorted by file and line, the fixes it could apply, and the registry entries it proposes. */
export interface CheckReport {
  issues: CheckIssue[];
  fixes: FileFix[];
  skipped: SkippedFix[];
  proposals: RegistryProposal[];
}

/** Checks the archive; reports only files in `input.only` when given, comparing them against every article. */
export function checkArchive(input: CheckInput): CheckReport {
  const all = input.articles.map(loadArticle);
  const inScope = (file: string) => !input.only || input.only.has(file);
  const scoped = all.filter((article) => inScope(article.file));
  const urlOf = (article: LoadedArticle) => {
    const date = stringAt(article.data, 'date');
    const title = stringAt(article.data, 'title');
    return date && isIsoDay(date) && title ? pageUrlOf(article.file, date, title.trim()) : undefined;
  };
  const urls = new Set<string>();
  const slugs = new Set<string>();
  for (const article of all) {
    const url = urlOf(article);
    if (!url) continue;
    urls.add(url);
    slugs.add(url.split('/').at(-2)!);
  }
  const files = new Set(all.map((article) => article.file.replaceAll('\\', '/')));

  const tags = checkTags(all, input.registries?.tags);
  const issues = [
    ...scoped.flatMap((article) => article.issues),
    ...scoped.flatMap((article) => checkFuture(article, input.today)),
    ...scoped.flatMap(checkEmptyBody),
    ...scoped.flatMap(checkKeyOrder),
    ...scoped.flatMap((article) => checkIncidents(article, input.incidentSystems)),
    ...tags.issues,
    ...checkPeople(scoped, input.registries?.people),
    ...checkFoldedPeople(all, scoped, input.registries?.people),
    ...checkDuplicates(all, urlOf),
    ...checkStoryKeys(all),
    ...checkLinks(scoped, { urls, slugs, files }),
  ].filter((issue) => inScope(issue.file));
  const { fixes, skipped } = planFixes(scoped, tags.renames);
  const proposals =
    input.proposals && !input.only ? proposeRegistryEntries(all, input.registries ?? {}, input.proposals.files, input.proposals.min) : [];
  return { issues: sortIssues(issues), fixes, skipped, proposals };
}

/** Incident identifiers whose prefix no record system has: the build refuses them with the same words. */
function checkIncidents(article: LoadedArticle, registry: CheckInput['incidentSystems']): CheckIssue[] {
  if (!article.valid?.incidents?.length) return [];
  const { file, systems } = registry ?? { file: 'content/_data/incident-systems.yaml', systems: [] };
  return unknownIncidents(article.valid.incidents, systems, article.file, file, article.lineOf).map((issue) => ({
    ...issue,
    severity: 'error' as const,
  }));
}

/** A body with no text (an `archive new` skeleton not yet written): the page would show a headline and nothing under it. */
function checkEmptyBody(article: LoadedArticle): CheckIssue[] {
  if (!article.data || article.bodyKey !== undefined) return [];
  const draft = article.data.draft === true;
  return [
    {
      file: article.file,
      line: article.bodyLine,
      field: 'body',
      message: `is empty: write the story below the front matter${draft ? ', then remove `draft: true` to publish it' : ''}`,
      severity: 'warning',
    },
  ];
}

function checkFuture(article: LoadedArticle, today: string): CheckIssue[] {
  const date = stringAt(article.data, 'date');
  if (!date || !isIsoDay(date) || date <= today) return [];
  return [
    {
      file: article.file,
      line: article.lineOf('date') ?? 1,
      field: 'date',
      message: `${date} is in the future (today is ${today}): write the day the source states`,
      severity: 'warning',
    },
  ];
}

/** Sorts by file, then line, then message, in code point order, so output never depends on the file system. */
export function sortIssues(issues: CheckIssue[]): CheckIssue[] {
  return [...issues].sort(
    (a, b) => compareCodePoints(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareCodePoints(a.message, b.message),
  );
}
