/**
 * `archive` runs the compiled code in dist/: it says plainly when that is
 * missing or older than src/, and `--help` loads none of the commands. The
 * missing and stale cases run a copy of bin/archive.js in a folder of their
 * own, so the repository's dist/ is never touched.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-cli-compiled-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs `node SCRIPT ARGS`; never rejects. */
async function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A folder laid out like the repository: bin/archive.js, one source, and dist/ built (stamped) or not. */
function project(name: string, dist: 'none' | 'stale'): string {
  const folder = path.join(root, name);
  fs.mkdirSync(path.join(folder, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'bin', 'archive.js'), path.join(folder, 'bin', 'archive.js'));
  fs.mkdirSync(path.join(folder, 'src', 'cli'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'src', 'cli', 'main.ts'), 'export {};\n');
  if (dist === 'stale') {
    fs.mkdirSync(path.join(folder, 'dist'));
    fs.writeFileSync(path.join(folder, 'dist', '.built'), '');
    const before = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(folder, 'dist', '.built'), before, before);
  }
  return path.join(folder, 'bin', 'archive.js');
}

describe('archive and its compiled code', () => {
  it('says to build the code when dist/ is missing', async () => {
    const result = await node([project('missing', 'none'), '--help']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('archive: the compiled code in dist/ is missing: run `npm run build:code` (npm ci runs it too)');
  });

  it('says which source changed when dist/ is older than src/', async () => {
    const result = await node([project('stale', 'stale'), 'check']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'archive: src/cli/main.ts changed after dist/ was compiled: run `npm run build:code` (npm ci runs it too)',
    );
  });

  it('prints its help without loading any command (npm test compiles dist/ first)', async () => {
    const hooks = `data:text/javascript,${encodeURIComponent(
      "export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/dist/')) process.stderr.write('LOADED ' + r.url.slice(r.url.indexOf('/dist/') + 1) + '\\n'); return r; }",
    )}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hooks)});`)}`;
    const result = await node(['--import', register, 'bin/archive.js', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: archive');
    const loaded = result.stderr.match(/^LOADED .*$/gm)?.map((line) => line.slice('LOADED '.length)) ?? [];
    expect(loaded.sort()).toEqual(['dist/cli/errors.js', 'dist/cli/main.js']);
  });
});
