import { describe, expect, it } from 'vitest';
import { countResults, summaryLine, type VitestJson } from './results.ts';

const report = (over: Partial<VitestJson>): VitestJson => ({ numPassedTests: 0, numFailedTests: 0, testResults: [], ...over });

describe('countResults', () => {
  it('counts passed and failed tests from the JSON report', () => {
    const counts = countResults(report({ numPassedTests: 7, numFailedTests: 2, testResults: [] }), 1);
    expect(summaryLine(counts)).toBe('7 passed, 2 failed');
  });

  it('counts a test file that failed outside its tests as one failure, naming it', () => {
    const counts = countResults(
      report({
        numPassedTests: 3,
        testResults: [{ name: 'test/x.test.ts', status: 'failed', message: 'Cannot find module', assertionResults: [] }],
      }),
      1,
    );
    expect(counts.failed).toBe(1);
    expect(counts.problems[0]).toContain('test/x.test.ts: Cannot find module');
  });

  it('counts a non-zero exit with nothing failed as one failure', () => {
    expect(countResults(report({ numPassedTests: 3 }), 1).failed).toBe(1);
  });

  it('counts a missing report as one failure', () => {
    expect(countResults(undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('says so when no test ran', () => {
    expect(countResults(report({}), 0).problems).toContain('no test ran');
  });

  it('reads a clean run as clean', () => {
    expect(countResults(report({ numPassedTests: 4, numPendingTests: 1 }), 0)).toEqual({ passed: 4, failed: 0, skipped: 1, problems: [] });
  });
});
