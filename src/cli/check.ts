/**
 * `archive check`: reads the articles and registries, runs the pure checker
 * (src/check), prints every problem as `file:line: message`, and with `--fix`
 * writes the safe fixes atomically. Checking the whole archive, it also names
 * every file of the content folder that is neither an article nor a registry,
 * and every symbolic link. Exit codes: 0 no errors (warnings are printed; with
 * `--strict` they fail too), 1 errors, 2 usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { proposalLines } from '../check/proposals.ts';
import { checkArchive, sortIssues, type CheckInput, type CheckIssue, type CheckRegistries, type SourceText } from '../check/index.ts';
import { isIsoDay } from '../content/dates.ts';
import { formatIssue } from '../content/schema.ts';
import { LINK_SKIPPED, listContent, STRAY_FILE, walk } from '../store/content-folder.ts';
import { displayPath as display, NOT_UTF8, readUtf8 } from '../store/read.ts';
import { loadIncidentSystems, loadOutlets, loadRegistries } from '../store/registries.ts';
import { readReleases } from '../store/releases.ts';
import { loadSettings } from '../store/load.ts';
import { ContentError } from '../archive/errors.ts';
import { DEFAULT_SETTINGS } from '../site/settings.ts';
import { writeFileAtomic } from '../store/temporary.ts';
import { UsageError } from './errors.ts';
import { localToday } from './today.ts';

/** The options of `archive check`, as commander hands them over. */
export interface CheckCliOptions {
  json?: boolean;
  fix?: boolean;
  /** The content folder (default `content`): its `articles/` are the archive, its `_data/` the registries. */
  content?: string;
  /** Today as `YYYY-MM-DD` (default: the machine's calendar day). */
  now?: string;
  /** Exit 1 on warnings too. */
  strict?: boolean;
}

/** Runs `archive check [PATH...]`; resolves to the exit code. */
export async function runCheck(paths: string[], options: CheckCliOptions): Promise<number> {
  const today = options.now ?? localToday();
  if (!isIsoDay(today)) throw new UsageError(`--now must be a real day written YYYY-MM-DD, not "${today}"`);
  const { input, readIssues, articleCount } = await readArchive(paths, options.content ?? 'content', today);
  let report = checkArchive(input);
  const log = options.json ? (line: string) => console.error(line) : (line: string) => console.log(line);

  if (options.fix) {
    for (const fix of report.fixes) {
      writeFileAtomic(path.resolve(fix.file), fix.text, 'check');
      log(`fixed ${fix.file}: ${fix.changes.join('; ')}`);
    }
    for (const skipped of report.skipped) log(`${skipped.file}: ${skipped.reason}`);
    // The texts are read again, so the second run sees the fixed files.
    if (report.fixes.length > 0) report = checkArchive(input);
  }

  const issues = sortIssues([
    ...readIssues().filter((issue) => !input.only || input.only.has(issue.file) || !issue.file.endsWith('.md')),
    ...report.issues,
  ]);
  if (options.json) {
    console.log(
      JSON.stringify(
        issues.map(({ file, line, field, message, severity }) => ({ file, line: line ?? null, field: field ?? null, message, severity })),
        null,
        2,
      ),
    );
  } else {
    for (const issue of issues) console.log(formatIssue(issue));
  }
  // Notices, not problems: they never change the exit code (with --json they go to stderr with the other notes).
  for (const proposal of report.proposals) for (const line of proposalLines(proposal, input.proposals!.min)) log(line);
  if (!options.json) console.log(summary(issues, articleCount));
  const failing = options.strict ? issues : issues.filter((issue) => issue.severity === 'error');
  return failing.length > 0 ? 1 : 0;
}

/** Reads the articles to check, the archive around them, the registries and the site settings. */
async function readArchive(
  paths: string[],
  content: string,
  today: string,
): Promise<{ input: CheckInput; readIssues: () => CheckIssue[]; articleCount: number }> {
  const articlesDir = path.join(content, 'articles');
  const hasArchive = fs.existsSync(articlesDir) && fs.statSync(articlesDir).isDirectory();
  if (paths.length === 0 && !hasArchive) {
    throw new UsageError(
      `there is no ${display(articlesDir)} folder here: run archive check from the repository root, or pass --content DIR or the files to check`,
    );
  }
  const listing = hasArchive ? listContent(content) : undefined;
  const context = (listing?.articles ?? []).map((file) => display(path.join(content, file)));
  const given = paths.flatMap((input) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) return markdownFiles(input);
    if (!/\.md$/i.test(input)) throw new UsageError(`${input}: not an article (articles are .md files)`);
    return [display(input)];
  });
  const files = [...new Set([...context, ...given])];
  const notUtf8 = new Map<string, CheckIssue>();
  // Texts are read when the checker asks and not kept: a large archive need not fit in memory twice.
  const articles: SourceText[] = files.map((file) => ({
    file,
    get text() {
      const text = readUtf8(file);
      if (text !== undefined) return text;
      // Read on with replacement characters, so the file's other problems are reported too.
      notUtf8.set(file, { file, line: 1, message: NOT_UTF8, severity: 'error' });
      return fs.readFileSync(file, 'utf8');
    },
  }));

  // The registries the build reads, read the same way (src/store/registries.ts): every problem is an error here as it stops the build there.
  const loaded = loadRegistries(content);
  const registries: CheckRegistries = {
    tags: loaded.registries.tags,
    people: loaded.registries.people,
    organizations: loaded.registries.organizations,
  };
  const incidents = loadIncidentSystems(content);
  const registryIssues: CheckIssue[] = [
    ...loaded.issues,
    ...loadOutlets(content).issues,
    ...incidents.issues,
    ...readReleases(content, listing?.releases ?? []).issues,
  ].map((issue) => ({
    ...issue,
    severity: 'error' as const,
  }));
  // The settings the build reads; settings it would refuse are an error here too.
  const settingsIssues: CheckIssue[] = [];
  let proposalMin = DEFAULT_SETTINGS.registryProposalMin;
  try {
    proposalMin = (await loadSettings(content)).registryProposalMin;
  } catch (error) {
    const file = display(path.join(content, '_data', 'site.yaml'));
    const message =
      error instanceof ContentError ? error.problems.map((p) => p.replace(`${file}: `, '')).join('; ') : (error as Error).message;
    settingsIssues.push({ file, message, severity: 'error' });
  }
  const registryFile = (kind: string) => display(path.join(content, '_data', `${kind}.yaml`));
  const proposals = { min: proposalMin, files: { people: registryFile('people'), organizations: registryFile('organizations') } };
  const only = paths.length > 0 ? new Set(given) : undefined;
  // Checking the whole archive: no other file may sit in the content folder, and no link is followed.
  const folderIssues: CheckIssue[] = only
    ? []
    : [
        ...(listing?.strays ?? []).map((file) => ({
          file: display(path.join(content, file)),
          message: STRAY_FILE,
          severity: 'error' as const,
        })),
        ...(listing?.links ?? []).map((file) => ({
          file: display(path.join(content, file)),
          message: LINK_SKIPPED,
          severity: 'error' as const,
        })),
      ];
  const readIssues = () => [...registryIssues, ...settingsIssues, ...folderIssues, ...notUtf8.values()];
  const incidentSystems = { file: incidents.file, systems: incidents.systems };
  return {
    input: { articles, only, registries, incidentSystems, today, proposals },
    readIssues,
    articleCount: only ? only.size : files.length,
  };
}

/** Every `.md` file below a folder, as display names, sorted; dot-files (such as an interrupted write's temporary) and links are skipped. */
function markdownFiles(dir: string): string[] {
  return walk(dir)
    .files.filter((file) => /\.md$/i.test(file) && !path.posix.basename(file).startsWith('.'))
    .map((file) => display(path.join(dir, file)));
}

function summary(issues: CheckIssue[], articleCount: number): string {
  const checked = `checked ${articleCount} article${articleCount === 1 ? '' : 's'}`;
  if (issues.length === 0) return `${checked}: no problems`;
  const files = new Set(issues.map((issue) => issue.file)).size;
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return `${checked}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'})`;
}
