/**
 * `archive build` publishes all or nothing. The real command builds the
 * fixture archive; then builds of changed content are killed (SIGKILL on the
 * writer, SIGKILL and SIGTERM on the command), starved of disk space, refused
 * by Pagefind and given a missing content folder. Each time the previous site
 * must stand as it was, byte for byte, and pass the link checker; the next
 * whole build must publish the new content and leave nothing behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.ts';
import { writeArticleText } from '../../src/content/frontmatter.ts';
import { cacheFolder } from '../../src/publish/cache.ts';
import { buildLockFile } from '../../src/publish/staging.ts';
import { repoRoot } from '../support/build.ts';
import { fixtureArticleFiles, writeFixtureArchive } from '../support/fixture-archive.ts';
import { discardsDone, listFiles } from '../support/files.ts';
import { checkLinks } from '../support/links.ts';

const LIMIT = { timeout: 300_000 };

let root: string;
let content: string;
let out: string;

/** What `archive build` said and how it ended. */
interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs the real `archive build` (as CI would, with CI=true and an explicit base URL) and waits for it. */
function build(args: string[] = [], options: { shell?: string } = {}): Promise<Ended> {
  const argv = ['bin/archive.js', 'build', '--content', content, '--out', out, ...args];
  const child = options.shell
    ? spawn('/bin/sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, ...argv], {
        cwd: repoRoot,
        env: ciEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, argv, { cwd: repoRoot, env: ciEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return ended(child);
}

function ciEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CI: 'true', ARCHIVE_BASE_URL: 'https://archive.test' };
}

function ended(child: ChildProcess): Promise<Ended> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output })));
}

/** Every file of a folder with the sha256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** The staging and previous-site folders, and the lock, builds leave beside the output folder. */
function leftBeside(): string[] {
  return fs.readdirSync(path.dirname(out)).filter((name) => name.startsWith(`.${path.basename(out)}.`));
}

/** Starts the real `archive build` and resolves, once its writer has written a page into its staging folder, to the writer's pid. */
async function buildCaughtWriting(): Promise<{ child: ChildProcess; done: Promise<Ended>; writer: number }> {
  const before = new Set(leftBeside());
  const child = spawn(process.execPath, ['bin/archive.js', 'build', '--content', content, '--out', out], {
    cwd: repoRoot,
    env: ciEnv(),
    stdio: 'ignore',
  });
  const done = ended(child);
  for (;;) {
    if (child.exitCode !== null) throw new Error('the build ended before it could be caught writing');
    for (const name of leftBeside().filter((left) => !before.has(left))) {
      const match = /\.building-(\d+)$/.exec(name);
      if (match && listFiles(path.join(path.dirname(out), name)).some((file) => file.endsWith('.html')))
        return { child, done, writer: Number(match[1]) };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function gone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts the output folder holds exactly `site` and that its links all resolve. */
async function expectSite(site: Map<string, string>): Promise<void> {
  expect(snapshot(out)).toEqual(site);
  const { broken, pages } = await checkLinks(out, { siteUrl: 'https://archive.test' });
  expect(pages).toBeGreaterThan(100);
  expect(broken).toEqual([]);
}

const ADDED = 'articles/2020/2020-02-02-a-story-added-later.md';
const REMOVED = 'articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';
const REMOVED_URL = 'articles/2019/05/not-limited-to-cyberspace-nato-threatens-physical-response/';

let previous: Map<string, string>;
/** A generated article of the fixture archive that becomes a draft, and its page. */
let DRAFTED: string;
let draftedUrl: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-publish-'));
  content = path.join(root, 'content');
  out = path.join(root, '_site');
  await writeFixtureArchive(content, repoRoot);
  const generated = fixtureArticleFiles()[1]!;
  DRAFTED = generated.path;
  const parsed = parseArticle(generated.text, generated.path);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  draftedUrl = parsed.article.url;
  const first = await build();
  if (first.code !== 0) throw new Error(first.output);
  previous = snapshot(out);
  // What every build below is asked to publish: one article more, one article fewer, one turned into a draft.
  fs.writeFileSync(
    path.join(content, ADDED),
    writeArticleText({ title: 'A story added later', date: '2020-02-02', tags: ['sanctions'] }, 'Added after the first build.'),
  );
  fs.rmSync(path.join(content, REMOVED));
  const drafted = path.join(content, DRAFTED);
  fs.writeFileSync(drafted, fs.readFileSync(drafted, 'utf8').replace(/\n---\n/, '\ndraft: true\n---\n'));
}, 300_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a build that does not finish', LIMIT, () => {
  it('leaves the previous site whole when its writer is killed with SIGKILL while writing, and the next build clears what it left', async () => {
    const { done, writer } = await buildCaughtWriting();
    process.kill(writer, 'SIGKILL');
    const end = await done;
    expect(end.signal).toBe('SIGKILL');
    await expectSite(previous);
    // Its staging folder, and its lock (buildLockFile), which the next build breaks since its process is gone.
    expect(leftBeside().sort()).toEqual([`.${path.basename(out)}.build.lock`, `.${path.basename(out)}.building-${writer}`]);
    expect(JSON.parse(fs.readFileSync(buildLockFile(out), 'utf8')).pid).toBe(writer);
  });

  it('stops its writer when the command is killed with SIGKILL: the writer dies with it', async () => {
    const { child, done, writer } = await buildCaughtWriting();
    child.kill('SIGKILL');
    await done;
    await gone(writer);
    await expectSite(previous);
  });

  it('passes SIGTERM to its writer, which deletes its unfinished site and dies of it', async () => {
    const { child, done, writer } = await buildCaughtWriting();
    child.kill('SIGTERM');
    const end = await done;
    expect(end.signal).toBe('SIGTERM');
    await gone(writer);
    expect(leftBeside().filter((name) => name.endsWith(`-${writer}`))).toEqual([]);
    // Nor its lock: it released it before it died.
    expect(fs.existsSync(buildLockFile(out))).toBe(false);
    await expectSite(previous);
  });

  it('is refused with exit 2, changing nothing, when --content is missing', async () => {
    const end = await build(['--content', path.join(root, 'no-such-folder')]);
    expect(end.code, end.output).toBe(2);
    expect(end.output.trim().split('\n')).toEqual([expect.stringMatching(/^archive: --content .*no-such-folder: no such folder/)]);
    await expectSite(previous);
  });

  it('ends with one archive: line saying why when Pagefind fails (a file-size limit kills it while it writes), and leaves the previous site', async () => {
    // `ulimit -f` in 512-byte blocks (dash) or 1 KiB blocks (bash): either way every page fits, and Pagefind's largest files do not.
    const end = await build([], { shell: 'ulimit -f 150' });
    expect(end.code, end.output).toBe(1);
    const said = end.output
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('archive:'));
    expect(said).toEqual([
      expect.stringMatching(/^archive: Search index: Pagefind failed on pagefind\/: .*(SIGXFSZ|too large|File too large)/),
    ]);
    await expectSite(previous);
    // The parse cache, written while Pagefind worked, is not left half-made beside the last one.
    expect(fs.readdirSync(cacheFolder(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

/** Whether this process may mount a tmpfs (root, with the right to mount). */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return mounted;
}

const TMPFS = canMountTmpfs();

describe('a build that runs out of disk space', LIMIT, () => {
  let disk: string | undefined;
  afterAll(() => {
    if (!disk) return;
    spawnSync('umount', [disk]);
    fs.rmSync(disk, { recursive: true, force: true });
  });

  it(
    TMPFS
      ? 'leaves the previous site whole on a full tmpfs, with one archive: line naming the cause'
      : 'leaves the previous site whole when every write past a size limit fails (no tmpfs can be mounted here: ulimit -f stands in), with one archive: line naming the cause',
    async () => {
      const saved = { out, previous };
      try {
        if (TMPFS) {
          disk = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-full-disk-'));
          expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', disk]).status).toBe(0);
          out = path.join(disk, '_site');
          const first = await build();
          expect(first.code, first.output).toBe(0);
          previous = snapshot(out);
          // Fill the disk until less room is left than half the site: the next build runs out partway.
          const { bavail, bsize } = fs.statfsSync(disk);
          const siteBytes = listFiles(out).reduce((sum, file) => sum + Math.ceil(fs.statSync(path.join(out, file)).size / 4096) * 4096, 0);
          fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - Math.floor(siteBytes / 2))));
        }
        // --clean: an incremental build would link the unchanged pages and need little room; a whole one runs out.
        const end = await build(['--clean'], TMPFS ? {} : { shell: 'ulimit -f 40' });
        expect(end.code, end.output).toBe(1);
        const said = end.output
          .trim()
          .split('\n')
          .filter((line) => line.startsWith('archive:'));
        expect(said, end.output).toEqual([expect.stringMatching(TMPFS ? /no space left on device|ENOSPC/i : /EFBIG|too large|SIGXFSZ/i)]);
        expect(leftBeside()).toEqual([]);
        await expectSite(previous);
      } finally {
        ({ out, previous } = saved);
      }
    },
  );
});

describe('the next whole build', LIMIT, () => {
  it('publishes the new content, drops the pages of removed and draft articles, and leaves nothing beside the site', async () => {
    expect(previous.has(`${REMOVED_URL}index.html`) && previous.has(`${draftedUrl.slice(1)}index.html`)).toBe(true);
    const end = await build();
    expect(end.code, end.output).toBe(0);
    // The previous site is deleted by a process of its own, which the build does not wait for.
    await discardsDone(path.dirname(out));
    expect(leftBeside()).toEqual([]);
    expect(fs.existsSync(path.join(out, REMOVED_URL))).toBe(false);
    expect(fs.existsSync(path.join(out, draftedUrl))).toBe(false);
    expect(fs.existsSync(path.join(out, 'articles/2020/02/a-story-added-later/index.html'))).toBe(true);
    expect((await checkLinks(out, { siteUrl: 'https://archive.test' })).broken).toEqual([]);
  });
});
