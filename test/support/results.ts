/**
 * Counting a vitest run from its JSON report, so every runner prints the same
 * `N passed, N failed` line and `.ci/run` can add the runs up.
 */

/** The parts of vitest's JSON report the count needs. */
export interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  success?: boolean;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

/** A run's totals. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Why the run failed beyond its failed tests, one line each. */
  problems: string[];
}

/**
 * Counts a run. A test file that fails before any of its tests fail (it does
 * not load, or a hook throws) counts as one failure, and so does a run that
 * exited non-zero with nothing failed, so a broken run can never read as clean.
 */
export function countResults(report: VitestJson | undefined, exitCode: number | null): Counts {
  if (!report) {
    return { passed: 0, failed: 1, skipped: 0, problems: [`vitest wrote no JSON report (exit ${exitCode})`] };
  }
  const problems: string[] = [];
  let failed = report.numFailedTests;
  for (const file of report.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
      failed += 1;
      problems.push(`${file.name}: ${(file.message ?? 'failed outside its tests').split('\n')[0]}`);
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    problems.push(`vitest exited with code ${exitCode} (an error outside the tests; see its output above)`);
  }
  const passed = report.numPassedTests;
  if (passed + failed === 0) problems.push('no test ran');
  return { passed, failed, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0), problems };
}

/** The one plain summary line. */
export function summaryLine(counts: Pick<Counts, 'passed' | 'failed'>): string {
  return `${counts.passed} passed, ${counts.failed} failed`;
}
