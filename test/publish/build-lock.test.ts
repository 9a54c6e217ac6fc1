/**
 * One build at a time per output folder (src/eleventy/run.ts, with the lock
 * of src/store/temporary.ts beside the folder, buildLockFile): a build started
 * while another live process holds the folder's build lock waits, publishes
 * nothing meanwhile, and goes on once that process is gone, even when it died
 * holding the lock (SIGKILL). Real processes: the lock's holder and the build
 * are each a child of their own, as `archive serve` and `archive build` are.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLockFile } from '../../src/publish/staging.ts';
import { BUILD_CHILD, buildSite, repoRoot } from '../support/build.ts';
import { watchOutput } from '../support/child-output.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'archive-build-lock-'));
const out = path.join(root, '_site');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('two builds into one output folder', { timeout: 120_000 }, () => {
  it('waits while another live process holds the folder, publishes nothing meanwhile, and breaks the lock of one that died holding it', async () => {
    // The holder takes the lock as a build does, says so, and lives until killed.
    const temporary = pathToFileURL(path.join(repoRoot, 'src/store/temporary.ts')).href;
    const lock = buildLockFile(out);
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { acquireLock } = await import(${JSON.stringify(temporary)});
         await acquireLock(${JSON.stringify(path.dirname(lock))}, () => {}, 100, { name: ${JSON.stringify(path.basename(lock))}, writer: 'build', flush: false });
         console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(holder);
    await watchOutput(holder).line(/^held$/m);
    expect(existsSync(lock)).toBe(true);

    const builder = spawn(
      process.execPath,
      ['--import', 'tsx', BUILD_CHILD, JSON.stringify({ contentDir: 'content', outDir: out, reportWait: true })],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(builder);
    const build = watchOutput(builder);
    const [, pid] = await build.line(/^waiting for (\d+)$/m);
    expect(Number(pid)).toBe(holder.pid);
    // Waiting, it has made nothing: no site, no staging folder, no cache beside it; only the holder's lock.
    expect(readdirSync(root)).toEqual([path.basename(lock)]);

    // The holder dies without releasing the lock: the build breaks it and goes on.
    holder.kill('SIGKILL');
    expect(await build.closed, build.text()).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    // Released once the build is done.
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['.archive-cache', '_site']);
  });

  it('releases the lock when the build fails, so the next one does not wait', async () => {
    await expect(buildSite({ contentDir: 'test/fixtures/bad-articles/content', outDir: out })).rejects.toThrow(/front matter|field|line/i);
    expect(existsSync(buildLockFile(out))).toBe(false);
  });
});
