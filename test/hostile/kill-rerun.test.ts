import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';
import { writeSeedVariants } from './seed-variants.ts';
import { listFiles, readFiles } from '../support/files.ts';

const PAGES = 40;
const run = promisify(execFile);

let root: string;
let pages: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-kill-rerun-'));
  pages = path.join(root, 'pages');
  writeSeedVariants(pages, PAGES);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

async function importInto(out: string): Promise<void> {
  await run(process.execPath, ['bin/archive.js', 'import', pages, '--out', out], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
}

/** Starts `archive import` and kills it with SIGKILL as soon as anything appears in `out`. */
function importKilledPartway(out: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['bin/archive.js', 'import', pages, '--out', out], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Listed, not read: a temporary file (the lock) may go between a listing and a read of it.
  const appeared = () => {
    try {
      return listFiles(out).length > 0;
    } catch {
      return false;
    }
  };
  const poll = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (appeared()) child.kill('SIGKILL');
    else setTimeout(poll, 2);
  };
  poll();
  return exited;
}

describe('archive import killed in the middle of a run', () => {
  it('ends, once run again, with exactly the files of an uninterrupted run and no temporary file', { timeout: 300_000 }, async () => {
    const whole = path.join(root, 'whole');
    await importInto(whole);
    const expected = readFiles(whole);
    expect(expected.size).toBe(PAGES);

    const interrupted = path.join(root, 'interrupted');
    expect(await importKilledPartway(interrupted)).toBe('SIGKILL');
    const left = [...readFiles(interrupted).keys()].filter((file) => !path.basename(file).startsWith('.'));
    // The kill landed partway: some articles, not all.
    expect(left.length).toBeLessThan(PAGES);
    // Every article left behind is whole: atomic writes leave no half file under an article's name.
    for (const file of left) expect(readFiles(interrupted).get(file)).toBe(expected.get(file));

    // A kill during a write leaves the temporary file behind; the next run must clear it.
    const year = path.join(interrupted, '2019');
    fs.mkdirSync(year, { recursive: true });
    fs.writeFileSync(path.join(year, '.import-tmp-99999-2019-01-01-half-written.md'), '---\ntitle: Half');

    await importInto(interrupted);
    expect(readFiles(interrupted)).toEqual(expected);
  });
});
