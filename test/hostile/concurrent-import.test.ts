/**
 * Two `archive import` runs over the same folder of pages into the same
 * archive, started together: neither may write a second copy of a page, nor
 * remove the other's temporary files, and together they must leave exactly
 * the archive one run leaves.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';
import { readFiles } from '../support/files.ts';
import { writeSeedVariants } from './seed-variants.ts';

const PAGES = 200;
const run = promisify(execFile);

let root: string;
let pages: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-concurrent-import-'));
  pages = path.join(root, 'pages');
  writeSeedVariants(pages, PAGES);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function importInto(out: string): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['bin/archive.js', 'import', pages, '--out', out], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
}

describe('two archive import runs over one folder at the same time', () => {
  it('leave exactly the archive one run leaves: no second copy, no temporary, no lock', { timeout: 300_000 }, async () => {
    const alone = path.join(root, 'alone');
    await importInto(alone);
    const expected = readFiles(alone);
    expect(expected.size).toBe(PAGES);

    const shared = path.join(root, 'shared');
    const [first, second] = await Promise.all([importInto(shared), importInto(shared)]);
    // One file a page, byte for byte those of the lone run: no page written twice.
    expect(readFiles(shared)).toEqual(expected);

    // One run imported every page; the other waited its turn, then found each page already there.
    const summaries = [first, second].map((result) => result.stdout.trim().split('\n').at(-1));
    expect(summaries.sort()).toEqual([
      `imported 0, overwritten 0, unchanged ${PAGES}, duplicates 0, skipped 0, failed 0`,
      `imported ${PAGES}, overwritten 0, unchanged 0, duplicates 0, skipped 0, failed 0`,
    ]);
    expect(`${first.stderr}${second.stderr}`).toMatch(/archive: another import \(process \d+\) is writing to .*; waiting for it to finish/);
    // Without a terminal, the run that imported said how far it had got, on stderr (every 100 files or 5 s).
    expect(`${first.stderr}${second.stderr}`).toMatch(/^import: \d+ of 200 files \(\d+ %\): \d+ imported$/m);
  });
});
