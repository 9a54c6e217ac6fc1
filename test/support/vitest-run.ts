/**
 * Runs one vitest suite for `npm test` or `npm run quality`: the default
 * reporter on the terminal, the JSON reporter into a temporary file, then one
 * plain `N passed, N failed` line counted from the JSON. When
 * `ARCHIVE_COUNTS_DIR` is set (by `.ci/run`), the counts are also written
 * there as `<suite>.json` so the CI script can add the suites up.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './build.ts';
import { countResults, summaryLine, type Counts, type VitestJson } from './results.ts';

/** Which suite to run and with what extra arguments (file filters from the command line). */
export interface SuiteRun {
  suite: 'unit' | 'quality';
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/** Runs the suite and returns the exit code the runner should end with. */
export async function runSuite({ suite, args, env = {} }: SuiteRun): Promise<number> {
  const work = await mkdtemp(path.join(tmpdir(), `archive-${suite}-`));
  const jsonFile = path.join(work, 'results.json');
  const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...args],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env, ARCHIVE_SUITE: suite } },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
  const report = await readFile(jsonFile, 'utf8').then(
    (text) => JSON.parse(text) as VitestJson,
    () => undefined,
  );
  await rm(work, { recursive: true, force: true });
  const counts = countResults(report, exitCode);
  for (const problem of counts.problems) console.log(`! ${problem}`);
  if (counts.skipped) console.log(`(${counts.skipped} skipped)`);
  console.log(summaryLine(counts));
  await recordCounts(suite, counts);
  return counts.failed > 0 || counts.problems.length > 0 ? 1 : 0;
}

/** Writes a suite's counts for `.ci/run` when `ARCHIVE_COUNTS_DIR` asks for them. */
export async function recordCounts(suite: SuiteRun['suite'], counts: Pick<Counts, 'passed' | 'failed'>): Promise<void> {
  const countsDir = process.env.ARCHIVE_COUNTS_DIR;
  if (!countsDir) return;
  await mkdir(countsDir, { recursive: true });
  await writeFile(path.join(countsDir, `${suite}.json`), `${JSON.stringify({ passed: counts.passed, failed: counts.failed })}\n`);
}

/** Ends a suite that could not start: says why, prints the summary line, records one failure. */
export async function failBeforeStart(suite: SuiteRun['suite'], message: string): Promise<number> {
  console.log(message);
  const counts = { passed: 0, failed: 1 };
  console.log(summaryLine(counts));
  await recordCounts(suite, counts);
  return 1;
}
