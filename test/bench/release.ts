/**
 * Benchmark of `archive release` (src/cli/release.ts) on the synthetic
 * archive: the command's time (building the site once without the cache,
 * packing it and the data package) and the size of each file it writes,
 * the committed record included. Reported, never asserted.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { releaseFiles } from '../../src/release/files.ts';
import { repoRoot } from '../support/build.ts';
import type { BenchRow } from './related.ts';
import { writeSyntheticArchive } from './synthetic.ts';

/** Articles in the released archive. */
export const RELEASE_SIZE = 1_000;

/** Runs `archive release 1.0.0` on a synthetic archive of `size` articles. */
export async function benchRelease(size = RELEASE_SIZE): Promise<BenchRow[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-bench-release-'));
  try {
    const content = path.join(root, 'content');
    writeSyntheticArchive(content, size);
    const out = path.join(root, '_release');
    const started = performance.now();
    await promisify(execFile)(
      process.execPath,
      [
        'bin/archive.js',
        'release',
        '1.0.0',
        '--content',
        content,
        '--out',
        out,
        '--citation',
        path.join(root, 'CITATION.cff'),
        '--date',
        '2026-12-01',
      ],
      { cwd: repoRoot, maxBuffer: 64 * 1024 ** 2 },
    );
    const seconds = (performance.now() - started) / 1000;
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    const record = readFileSync(path.join(content, 'releases', '1.0.0.json'));
    const n = size.toLocaleString('en');
    return [
      { name: `archive release of ${n} articles (site built, both archives packed)`, value: `${seconds.toFixed(1)} s` },
      ...Object.values(releaseFiles('1.0.0')).map((file) => ({
        name: `release ${file.replace('1.0.0', 'VERSION')}`,
        value: kib(statSync(path.join(out, '1.0.0', file)).size),
      })),
      {
        name: `release record of ${n} articles (gzip, as git stores it)`,
        value: `${kib(record.length)} (${kib(gzipSync(record).length)})`,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
