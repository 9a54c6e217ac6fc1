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
import { rawRequest } from '../support/raw-request.ts';

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

/** Starts `archive serve` with `args`; resolves once it prints a line matching `until`, with everything it printed. */
function startServe(args: string[], until: RegExp): Promise<{ child: ChildProcess; output: string; match: RegExpExecArray }> {
  const child = spawn(
    process.execPath,
    ['bin/archive.js', 'serve', '--content', content, '--out', path.join(root, '_site'), '--port', '0', ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = until.exec(output);
      if (match) resolve({ child, output, match });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`archive serve ended (exit ${code}) before printing ${until}:\n${output}`)));
  });
}

describe('archive serve', () => {
  let base: string;
  let child: ChildProcess;

  beforeAll(async () => {
    const started = await startServe([], /Serving \S+ at (http:\/\/\S+\/) /);
    base = started.match[1]!;
    child = started.child;
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

  it('warns when told to listen on another address', async () => {
    const other = await startServe(['--host', '0.0.0.0'], /listens on 0\.0\.0\.0/);
    expect(other.output).toContain(
      'archive: warning: the preview listens on 0.0.0.0: anyone who can reach this machine there can read the site',
    );
    other.child.kill('SIGTERM');
  });
});
