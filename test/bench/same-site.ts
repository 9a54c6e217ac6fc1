/**
 * Is the site the same as another version of the code builds? Builds the
 * fixture archive (test/support/fixture-archive.ts: the bundled content plus
 * the generated articles) with the code at a git revision and with the
 * working tree, then compares the two output folders file by file, byte for
 * byte. For changes that must not change the site, such as a refactoring:
 *
 *   node --import tsx test/bench/same-site.ts [REVISION]   (default: main)
 *
 * Prints every file that differs or exists on one side only; exits 1 if any.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/build.ts';
import { writeFixtureArchive } from '../support/fixture-archive.ts';
import { listFiles } from '../support/files.ts';

const revision = process.argv[2] ?? 'main';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-same-site-'));
const other = path.join(scratch, 'code');
const content = path.join(scratch, 'content');

function build(codeDir: string, out: string): void {
  // The settings of the content folder alone (no CI, no base URL from outside), so both builds run under the same ones.
  execFileSync(process.execPath, ['bin/archive.js', 'build', '--content', content, '--out', out, '--allow-example-url'], {
    cwd: codeDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !['CI', 'ARCHIVE_BASE_URL', 'ARCHIVE_PATH_PREFIX'].includes(name)),
    ),
  });
}

try {
  execFileSync('git', ['worktree', 'add', '--detach', other, revision], { cwd: repoRoot, stdio: 'ignore' });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(other, 'node_modules'));
  // Code compiled ahead (a `prepare` script) is compiled in the other tree too.
  const scripts = JSON.parse(fs.readFileSync(path.join(other, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts.prepare) execFileSync('npm', ['run', 'prepare'], { cwd: other, stdio: 'ignore' });
  await writeFixtureArchive(content, repoRoot);
  build(other, path.join(scratch, 'before'));
  build(repoRoot, path.join(scratch, 'after'));
  const before = new Set(listFiles(path.join(scratch, 'before')));
  const after = new Set(listFiles(path.join(scratch, 'after')));
  const differ: string[] = [];
  for (const file of new Set([...before, ...after])) {
    if (!before.has(file)) differ.push(`only in the working tree's site: ${file}`);
    else if (!after.has(file)) differ.push(`only in ${revision}'s site: ${file}`);
    else if (!fs.readFileSync(path.join(scratch, 'before', file)).equals(fs.readFileSync(path.join(scratch, 'after', file))))
      differ.push(`differs: ${file}`);
  }
  for (const line of differ.sort()) console.log(line);
  console.log(
    `${before.size} files built by ${revision}, ${after.size} by the working tree: ${differ.length ? `${differ.length} differ` : 'byte-identical'}`,
  );
  process.exitCode = differ.length ? 1 : 0;
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', other], { cwd: repoRoot, stdio: 'ignore' });
  fs.rmSync(scratch, { recursive: true, force: true });
}
