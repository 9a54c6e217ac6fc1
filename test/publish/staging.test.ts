import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardStaging, emptyFiles, prepareStaging, publishStaging, stagingNames, unsafeOutput } from '../../src/publish/staging.ts';
import { discardsDone, listFiles } from '../support/files.ts';

let root: string;
let out: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-staging-'));
  out = path.join(root, '_site');
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('publishing through a staging folder', () => {
  it('swaps the new site in whole and deletes the previous one in a process of its own, leaving nothing beside it', async () => {
    write(path.join(out, 'index.html'), 'old');
    write(path.join(out, 'articles/gone/index.html'), 'an article since removed');
    // Enough files that the process deleting them, which starts a Node of its own first, is not done at once.
    for (let n = 0; n < 300; n++) write(path.join(out, `articles/${n}/index.html`), 'an article');
    const staging = prepareStaging(out);
    expect(staging).toBe(stagingNames(out).staging);
    write(path.join(staging, 'index.html'), 'new');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
    publishStaging(staging, out);
    expect(listFiles(out)).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    // The previous site, renamed for the process that deletes it, is gone once that process is done.
    const discarded = fs.readdirSync(root).filter((name) => name !== '_site');
    expect(discarded).toEqual([expect.stringMatching(/^\._site\.discarded-\d+$/)]);
    await discardsDone(root);
    expect(fs.readdirSync(root)).toEqual(['_site']);
  });

  it('removes what dead builds left, puts back a previous site a kill left between the renames, and leaves a live build alone', async () => {
    const dead = deadPid();
    write(path.join(root, `._site.building-${dead}`, 'index.html'), 'half');
    write(path.join(root, `._site.previous-${dead}`, 'index.html'), 'the previous site');
    write(path.join(root, `._site.discarded-${dead}`, 'index.html'), 'a site whose deleting process died');
    write(path.join(root, `._site.building-${process.ppid}`, 'index.html'), 'a live build');
    write(path.join(root, `._site.discarded-${process.ppid}`, 'index.html'), 'a site a live process deletes');
    const staging = prepareStaging(out);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the previous site');
    // A live process's folders are left to it (this test's parent stands for one here).
    expect(fs.readFileSync(path.join(root, `._site.discarded-${process.ppid}`, 'index.html'), 'utf8')).toBe(
      'a site a live process deletes',
    );
    fs.rmSync(path.join(root, `._site.discarded-${process.ppid}`), { recursive: true });
    await discardsDone(root);
    expect(fs.readdirSync(root).sort()).toEqual([`._site.building-${process.pid}`, `._site.building-${process.ppid}`, '_site'].sort());
    expect(fs.readdirSync(staging)).toEqual([]);
  });

  it('discards a staging folder, also what lands in it just after', async () => {
    const staging = prepareStaging(out);
    write(path.join(staging, 'a/index.html'), 'x');
    const late = setTimeout(() => write(path.join(staging, 'b/index.html'), 'late'), 50);
    await discardStaging(staging);
    clearTimeout(late);
    expect(fs.existsSync(staging)).toBe(false);
  });

  it('finds the files a full disk left empty', () => {
    write(path.join(root, 'site/index.html'), 'x');
    write(path.join(root, 'site/pagefind/pagefind.js'), '');
    expect(emptyFiles(path.join(root, 'site'))).toEqual(['pagefind/pagefind.js']);
  });
});

describe('unsafeOutput', () => {
  const keep = { contentDir: '/repo/content', repoRoot: '/repo', cwd: '/repo', home: '/home/editor' };

  it('refuses an output folder that holds the content, the code, the working folder or the home folder, or lies in the content', () => {
    expect(unsafeOutput('/', keep)).toMatch(/root of the file system/);
    for (const out of ['/repo', '/home', '/home/editor'])
      expect(unsafeOutput(out, keep), out).toMatch(/holds (the content folder|the archive’s code|the working folder|your home folder)/);
    expect(unsafeOutput('/repo/content/site', keep)).toMatch(/inside the content folder/);
  });

  it('refuses an existing folder that is no site, and accepts a missing, empty or built one', () => {
    const here = { ...keep, contentDir: path.join(root, 'content'), repoRoot: path.join(root, 'repo'), cwd: path.join(root, 'repo') };
    expect(unsafeOutput(out, here)).toBeUndefined();
    fs.mkdirSync(out);
    expect(unsafeOutput(out, here)).toBeUndefined();
    write(path.join(out, 'notes.txt'), 'mine');
    expect(unsafeOutput(out, here)).toMatch(/holds files but no index.html/);
    write(path.join(out, 'index.html'), 'a site');
    expect(unsafeOutput(out, here)).toBeUndefined();
    expect(unsafeOutput(path.join(out, 'index.html'), here)).toMatch(/is a file/);
  });
});
