/**
 * `archive build` as CI and editors run it: the base URL it publishes under,
 * and the folders it refuses to replace.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-cli-build-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs `archive build ARGS` with `env` in place of CI and ARCHIVE_BASE_URL; never rejects. */
async function archiveBuild(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { CI: _ci, ARCHIVE_BASE_URL: _base, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/archive.js', 'build', ...args], {
      cwd: repoRoot,
      env: { ...rest, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('archive build and the base URL', () => {
  it('refuses the example base URL in CI with a usage error, writing nothing', async () => {
    const out = path.join(root, 'refused');
    const result = await archiveBuild(['--out', out, '--quiet'], { CI: 'true' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'archive: the base URL is the example https://example.org (from content/_data/site.yaml or the default) and this is CI: set ARCHIVE_BASE_URL to the address the site is published at, or pass --allow-example-url for a build that is not published',
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('builds with the example base URL outside CI, warning that it will be cited', { timeout: 120_000 }, async () => {
    const out = path.join(root, 'warned');
    const result = await archiveBuild(['--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'archive: warning: the base URL is the example https://example.org (from content/_data/site.yaml or the default): canonical links, feeds and citations will point there',
    );
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('https://example.org/');
  });
});

describe('archive build and its folders', () => {
  // Every kind of folder refused is a unit test of unsafeOutput (test/publish/staging.test.ts); here, that the command refuses.
  it('refuses, changing nothing, to replace a folder that is no site', async () => {
    fs.mkdirSync(path.join(root, 'mine'));
    fs.writeFileSync(path.join(root, 'mine', 'notes.txt'), 'not a site');
    const result = await archiveBuild(['--out', path.join(root, 'mine'), '--allow-example-url']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^archive: --out .*mine holds files but no index\.html, so it is no site the archive built/);
    expect(fs.readdirSync(path.join(root, 'mine'))).toEqual(['notes.txt']);
  });
});
