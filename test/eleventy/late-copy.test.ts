import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';

/** Runs, in a Node process of its own that calls tolerateLateCopyFailures, a promise rejected with `name` and left unhandled. */
function rejectUnhandled(name: string): { status: number | null; output: string } {
  const run = path.join(repoRoot, 'src', 'eleventy', 'run.ts');
  const script = `
    const { tolerateLateCopyFailures } = await import(${JSON.stringify(run)});
    tolerateLateCopyFailures();
    class Named extends Error { constructor(m) { super(m); this.name = ${JSON.stringify(name)}; } }
    Promise.reject(new Named('could not copy'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log('still running');
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('a command that runs builds (tolerateLateCopyFailures)', () => {
  it("lets an asset copy Eleventy failed to handle pass, which the run's own failure reports", () => {
    const copy = rejectUnhandled('TemplatePassthroughManagerCopyError');
    expect(copy.output).toContain('still running');
    expect(copy.status).toBe(0);
  }, 60_000);

  it('still ends the process on any other unhandled rejection', () => {
    const other = rejectUnhandled('TypeError');
    expect(other.output).not.toContain('still running');
    expect(other.output).toContain('could not copy');
    expect(other.status).not.toBe(0);
  }, 60_000);
});
