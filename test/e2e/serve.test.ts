/**
 * `archive serve` as an editor runs it: the real command in a process of its
 * own, on a small content folder, asked for hostile paths while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArticleText } from '../../src/content/frontmatter.ts';
import { repoRoot } from '../support/build.ts';
import { watchOutput } from '../support/child-output.ts';
import { rawRequest } from '../support/raw-request.ts';
import { parseHTML } from 'linkedom';

/** A limit on a busy machine, not a speed requirement: the bundled archive rebuilds in about 2 s. */
const LISTED_WITHIN_MS = 30_000;

let root: string;
let content: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-serve-'));
  content = path.join(root, 'content');
  fs.cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

/** Starts `archive serve` with `args`; resolves once it prints a line matching `until`, with everything it printed then and `printed()`, all it has printed so far. */
async function startServe(
  args: string[],
  until: RegExp,
): Promise<{ child: ChildProcess; output: string; match: RegExpExecArray; printed: () => string }> {
  const child = spawn(
    process.execPath,
    ['bin/archive.js', 'serve', '--content', content, '--out', path.join(root, '_site'), '--port', '0', ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const output = watchOutput(child);
  const match = await output.line(until);
  return { child, output: output.text(), match, printed: output.text };
}

describe('archive serve', () => {
  let base: string;
  let child: ChildProcess;
  let printed: () => string;

  beforeAll(async () => {
    const started = await startServe([], /Serving \S+ at (http:\/\/\S+\/) /);
    base = started.match[1]!;
    child = started.child;
    printed = started.printed;
  }, 120_000);

  it('listens on 127.0.0.1 by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers malformed and traversal paths with 400 and 404, and keeps serving', async () => {
    expect((await rawRequest(base, '/%')).status).toBe(400);
    const traversal = await rawRequest(base, '/..%2f..%2fetc%2fpasswd');
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('root:');
    expect((await rawRequest(base, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await rawRequest(base, '/')).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('shows a new article before the rebuild writes it, but never one behind a symbolic link', async () => {
    const article = writeArticleText({ title: 'A new story', date: '2019-06-02' }, 'Written while the preview runs.');
    fs.writeFileSync(path.join(content, 'articles', '2019', '2019-06-02-a-new-story.md'), article);
    fs.writeFileSync(
      path.join(root, 'outside.md'),
      writeArticleText({ title: 'Outside', date: '2019-06-03' }, 'Not in the content folder.'),
    );
    fs.symlinkSync(path.join(root, 'outside.md'), path.join(content, 'articles', '2019', '2019-06-03-outside.md'));
    const page = await rawRequest(base, '/articles/2019/06/a-new-story/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Written while the preview runs.');
    const linked = await rawRequest(base, '/articles/2019/06/outside/');
    expect(linked.status).toBe(404);
    expect(linked.body).not.toContain('Not in the content folder.');
  });

  it(
    'lists a new article on its tag, person, timeline and home pages within seconds, through the incremental build',
    async () => {
      const started = performance.now();
      fs.writeFileSync(
        path.join(content, 'articles', '2019', '2019-06-04-listed-at-once.md'),
        writeArticleText(
          { title: 'Listed at once', date: '2019-06-04', tags: ['preview listing'], people: ['Jen Easterly'] },
          'Its tag page must list it.',
        ),
      );
      const pages = ['/tags/preview-listing/', '/people/jen-easterly/', '/timeline/2019/', '/'];
      const listed = new Set<string>();
      while (listed.size < pages.length && performance.now() - started < LISTED_WITHIN_MS) {
        for (const page of pages) if ((await rawRequest(base, page)).body.includes('Listed at once')) listed.add(page);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect([...listed].sort()).toEqual([...pages].sort());
      console.log(
        `archive serve: a new article listed on ${pages.join(', ')} after ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      // The preview's build is `archive build`'s: incremental, from the cache beside its output folder.
      expect(printed()).toMatch(/Built \d+ articles into \d+ pages in \S+ \([\d.]+ s; incremental: \d+ files written, \d+ unchanged\)/);
    },
    LISTED_WITHIN_MS + 10_000,
  );

  it(
    'shows a draft at its address under a visible "draft" banner and names it in its log, while the site it builds leaves the draft out',
    async () => {
      const file = path.join(content, 'articles', '2019', '2019-06-06-work-in-progress.md');
      fs.writeFileSync(
        file,
        writeArticleText({ title: 'Work in progress', date: '2019-06-06', tags: ['preview listing'], draft: true }, 'Half a story.'),
      );
      const url = '/articles/2019/06/work-in-progress/';
      const started = performance.now();
      while (
        !printed().includes(`Draft, shown only by this preview under a "draft" banner: ${url}`) &&
        performance.now() - started < LISTED_WITHIN_MS
      )
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(printed()).toContain(`Draft, shown only by this preview under a "draft" banner: ${url}`);
      const page = await rawRequest(base, url);
      expect(page.status).toBe(200);
      const { document } = parseHTML(page.body);
      const banner = document.querySelector('main .draft-banner');
      expect(banner?.textContent).toMatch(/^Draft: only this preview shows this article/);
      expect(document.querySelector('h1')?.textContent).toBe('Work in progress');
      expect(document.querySelector('.article-body')?.textContent).toContain('Half a story.');
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      // The built site, which `archive build` would publish, holds no page of it and lists it nowhere.
      expect(fs.existsSync(path.join(root, '_site', 'articles', '2019', '06', 'work-in-progress'))).toBe(false);
      for (const listing of ['/', '/tags/preview-listing/', '/timeline/2019/'])
        expect((await rawRequest(base, listing)).body, listing).not.toContain('Work in progress');
      // Published, it is an article like any other, without the banner.
      fs.writeFileSync(
        file,
        writeArticleText({ title: 'Work in progress', date: '2019-06-06', tags: ['preview listing'] }, 'Half a story.'),
      );
      while (
        !(await rawRequest(base, '/tags/preview-listing/')).body.includes('Work in progress') &&
        performance.now() - started < 2 * LISTED_WITHIN_MS
      )
        await new Promise((resolve) => setTimeout(resolve, 200));
      const published = await rawRequest(base, url);
      expect(published.body).toContain('Half a story.');
      expect(published.body).not.toContain('draft-banner');
      expect(fs.existsSync(path.join(root, '_site', 'articles', '2019', '06', 'work-in-progress', 'index.html'))).toBe(true);
    },
    3 * LISTED_WITHIN_MS,
  );

  it(
    'says what is wrong with an article saved broken, and goes on serving the last site',
    async () => {
      const broken = path.join(content, 'articles', '2019', '2019-06-05-broken.md');
      fs.writeFileSync(broken, '---\ntitle: Broken\ndate: 2019-13-45\n---\nA date no calendar has.\n');
      const started = performance.now();
      while (!printed().includes('2019-06-05-broken.md:') && performance.now() - started < LISTED_WITHIN_MS)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(printed()).toMatch(/2019-06-05-broken\.md:\d+: date: /);
      expect((await rawRequest(base, '/tags/preview-listing/')).body).toContain('Listed at once');
      expect(child.exitCode).toBeNull();
      fs.rmSync(broken);
    },
    LISTED_WITHIN_MS + 10_000,
  );

  it('warns when told to listen on another address', async () => {
    const other = await startServe(['--host', '0.0.0.0', '--out', path.join(root, '_site-other')], /listens on 0\.0\.0\.0/);
    expect(other.output).toContain(
      'archive: warning: the preview listens on 0.0.0.0: anyone who can reach this machine there can read the site',
    );
    other.child.kill('SIGTERM');
  });
});
