import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Progress, runImport } from '../../src/cli/import.ts';
import { LOCK_NAME } from '../../src/store/temporary.ts';

const seedPage = 'test/fixtures/seed/000_151c953cb90d2c3b.txt';
const bundled = 'content/articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';
const seedTarget = '2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';

let work: string;
let out: string;
let logs: string[];
let errors: string[];

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-import-'));
  out = path.join(work, 'articles');
  logs = [];
  errors = [];
  vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args.join(' ')));
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(work, { recursive: true, force: true });
});

function inputs(files: Record<string, string | Uint8Array>): string {
  const dir = path.join(work, 'in');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('archive import', () => {
  it('turns the seed page into the bundled seed article, byte for byte', async () => {
    expect(await runImport([seedPage], { out })).toBe(0);
    expect(fs.readFileSync(path.join(out, seedTarget), 'utf8')).toBe(fs.readFileSync(bundled, 'utf8'));
  });

  it('changes nothing when the same page is imported again', async () => {
    await runImport([seedPage], { out });
    const before = snapshot(out);
    const mtime = fs.statSync(path.join(out, seedTarget)).mtimeMs;
    expect(await runImport([seedPage], { out })).toBe(0);
    expect(snapshot(out)).toEqual(before);
    expect(fs.statSync(path.join(out, seedTarget)).mtimeMs).toBe(mtime);
    expect(logs.at(-1)).toContain('unchanged 1');
  });

  it("never overwrites an editor's change without --force", async () => {
    await runImport([seedPage], { out });
    const target = path.join(out, seedTarget);
    const edited = fs.readFileSync(target, 'utf8').replace('section: Europe', 'section: World');
    fs.writeFileSync(target, edited);
    expect(await runImport([seedPage], { out })).toBe(1);
    expect(fs.readFileSync(target, 'utf8')).toBe(edited);
    expect(errors.join('\n')).toContain('--force');
    expect(await runImport([seedPage], { out, force: true })).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toBe(fs.readFileSync(bundled, 'utf8'));
  });

  it('reports a second copy of an article as a duplicate and skips it', async () => {
    const text = fs.readFileSync(seedPage);
    const dir = inputs({ 'a/copy-1.txt': text, 'b/copy-2.txt': text, 'c/variant.txt': Buffer.concat([text, Buffer.from('\n\n')]) });
    expect(await runImport([dir], { out })).toBe(0);
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
    expect(logs.join('\n')).toMatch(/duplicate .*copy-2\.txt: same source file \(sha256\)/);
    expect(logs.join('\n')).toMatch(/duplicate .*variant\.txt: same body/);
    expect(logs.at(-1)).toContain('duplicates 2');
  });

  it('gives hostile and empty files a one-line reason while the rest of the folder imports', async () => {
    const invalidUtf8 = Buffer.concat([Buffer.from('Title\n\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' text\n')]);
    const dir = inputs({
      '1-empty.txt': '',
      '3-huge.txt': Buffer.alloc(30 * 1024 * 1024, 0x61),
      '4-invalid-utf8.txt': invalidUtf8,
      '5-no-article.html':
        '<!doctype html><html><head><title>Index</title></head><body><nav><a href="/a">A</a><a href="/b">B</a></nav></body></html>',
      '6-seed.txt': fs.readFileSync(seedPage),
    });
    expect(await runImport([dir], { out })).toBe(1);
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
    const failed = errors.filter((line) => line.startsWith('failed'));
    expect(failed).toHaveLength(4);
    for (const line of failed) expect(line.split('\n')).toHaveLength(1);
    expect(failed[0]).toContain('empty file');
    expect(failed[1]).toContain('larger than 20 MB');
    expect(logs.at(-1)).toBe('imported 1, overwritten 0, unchanged 0, duplicates 0, skipped 0, failed 4');
  });

  it('skips what is no page (data, images, scripts, binaries, links) with a count, and the run succeeds', async () => {
    const dir = inputs({
      'page.txt': fs.readFileSync(seedPage),
      'page_files/data.json': '{"title": "not a page"}',
      'page_files/photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
      'page_files/style.css': 'body { color: black }',
      'page_files/blob': Buffer.from([1, 2, 3, 0, 4, 5]),
      'export.txt': '[{"id": 1}, {"id": 2}]',
      '.hidden.txt': 'an editor swap file',
    });
    fs.symlinkSync(path.resolve(seedPage), path.join(dir, 'linked-page.txt'));
    fs.symlinkSync(path.dirname(path.resolve(seedPage)), path.join(dir, 'linked-folder'));
    expect(await runImport([dir], { out })).toBe(0);
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
    expect(errors).toEqual([]);
    const skipped = logs.filter((line) => line.startsWith('skipped'));
    expect(skipped.map((line) => line.replace(`${dir}/`, ''))).toEqual([
      'skipped    linked-folder: is a symbolic link: skipped (the archive follows no links); put the file itself here',
      'skipped    linked-page.txt: is a symbolic link: skipped (the archive follows no links); put the file itself here',
      'skipped    export.txt: not a page (JSON data)',
      'skipped    page_files/blob: not a page (binary file (it contains NUL bytes))',
      'skipped    page_files/data.json: not a page (a .json file)',
      'skipped    page_files/photo.png: not a page (a .png file)',
      'skipped    page_files/style.css: not a page (a .css file)',
    ]);
    expect(logs.at(-1)).toBe('imported 1, overwritten 0, unchanged 0, duplicates 0, skipped 7, failed 0');
  });

  it('says "would import" on every line of a dry run', async () => {
    const dir = inputs({ 'seed.txt': fs.readFileSync(seedPage) });
    expect(await runImport([dir], { out, dryRun: true })).toBe(0);
    expect(logs).toEqual([
      `would import ${path.join(dir, 'seed.txt')} -> ${path.relative(process.cwd(), path.join(out, seedTarget))}`,
      'would import 1, would overwrite 0, unchanged 0, duplicates 0, skipped 0, failed 0',
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a page dated after tomorrow as if it had no date, unless --date is given', async () => {
    const future = fs.readFileSync(seedPage, 'utf8').replaceAll('2019-05-23', '2099-05-23').replaceAll('23 May 2019', '23 May 2099');
    const dir = inputs({ 'future.txt': future });
    expect(await runImport([dir], { out })).toBe(1);
    expect(errors.join('\n')).toMatch(
      /future\.txt: the page is dated 2099-05-23, after tomorrow: pass the real day with --date YYYY-MM-DD/,
    );
    expect(snapshot(out)).toEqual({});
    expect(await runImport([dir], { out, date: '2019-05-23' })).toBe(0);
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
  });

  it('reads valid UTF-8 declared as windows-1251 as UTF-8, and says so in --json', async () => {
    const words = 'Кибербезопасность и НАТО: министры обсудили новые правила ответа на кибератаки. '.repeat(6);
    const html = `<!doctype html><html><head><meta charset="windows-1251"><title>НАТО и киберугрозы</title>
      <meta property="article:published_time" content="2019-05-23T10:00:00Z"></head>
      <body><article><h1>НАТО и киберугрозы</h1><p>${words}</p><p>${words}</p></article></body></html>`;
    const dir = inputs({ 'utf8-as-1251.html': Buffer.from(html, 'utf8') });
    expect(await runImport([dir], { out, json: true })).toBe(0);
    const summary = JSON.parse(logs.join('\n')) as { files: { status: string; path: string; notes?: string[] }[] };
    expect(summary.files[0]!.status).toBe('imported');
    expect(summary.files[0]!.notes).toEqual([
      'the page declares the charset windows-1251, but its bytes are valid UTF-8 (read as declared, they would be mojibake): read as utf-8',
    ]);
    const text = Object.values(snapshot(out))[0]!;
    expect(text).toContain('title: НАТО и киберугрозы');
    // The same page in the charset it declares is read in that charset, with no note.
    const real = inputs({ 'real-1251.html': iconv.encode(html, 'windows-1251') });
    logs = [];
    expect(await runImport([path.join(real, 'real-1251.html')], { out: path.join(work, 'other'), json: true })).toBe(0);
    const again = JSON.parse(logs.join('\n')) as { files: { notes?: string[] }[] };
    expect(again.files[0]!.notes).toBeUndefined();
    // Only the record of the raw file differs: its name and its bytes' sha256.
    const withoutSource = (article: string) => article.replace(/\n {2}(file|sha256): .*/g, '');
    expect(withoutSource(Object.values(snapshot(path.join(work, 'other')))[0]!)).toBe(withoutSource(text));
  });

  it('does not write a page whose date cannot be found, and takes --date for it', async () => {
    const page = fs.readFileSync(seedPage, 'utf8').split('\n').slice(2).join('\n');
    const dir = inputs({ 'undated.txt': page });
    expect(await runImport([dir], { out })).toBe(1);
    expect(errors.join('\n')).toContain('no date found');
    expect(snapshot(out)).toEqual({});
    expect(await runImport([dir], { out, date: '2019-05-24' })).toBe(0);
    expect(Object.keys(snapshot(out))).toEqual(['2019/2019-05-24-not-limited-to-cyberspace-nato-threatens-physical-response.md']);
  });

  it('prints one article with --stdout and writes nothing', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await runImport([seedPage], { out, stdout: true })).toBe(0);
    expect(write.mock.calls.map((call) => String(call[0])).join('')).toBe(fs.readFileSync(bundled, 'utf8'));
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes nothing on a dry run and prints the summary as JSON', async () => {
    expect(await runImport([seedPage], { out, dryRun: true, json: true })).toBe(0);
    expect(fs.existsSync(out)).toBe(false);
    const summary = JSON.parse(logs.join('\n'));
    expect(summary).toMatchObject({ dryRun: true, imported: 1, failed: 0, duplicates: 0 });
  });

  it('clears the temporary files of a run that died, and leaves those of a live run alone', async () => {
    const dead = deadPid();
    fs.mkdirSync(path.join(out, '2019'), { recursive: true });
    fs.writeFileSync(path.join(out, '2019', `.import-tmp-${dead}-half.md`), '---\ntitle: half');
    const live = `.import-tmp-${process.ppid}-being-written.md`;
    fs.writeFileSync(path.join(out, '2019', live), '---\ntitle: being written');
    await runImport([seedPage], { out });
    expect(Object.keys(snapshot(out)).sort()).toEqual([`2019/${live}`, seedTarget]);
  });

  it('waits for the import that holds the lock, and breaks the lock of one that died', async () => {
    fs.mkdirSync(out, { recursive: true });
    const lock = path.join(out, LOCK_NAME);
    // A lock whose process is gone (a run killed with SIGKILL) is provably stale.
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), started: '2026-01-01T00:00:00Z' }));
    expect(await runImport([seedPage], { out })).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);

    // A live holder (this test's parent process stands in for another run) makes the run wait.
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), started: '2026-01-01T00:00:00Z' }));
    const run = runImport([seedPage], { out, force: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual([
      `archive: another import (process ${process.ppid}) is writing to ${path.relative(process.cwd(), out)}; waiting for it to finish`,
    ]);
    fs.rmSync(lock);
    expect(await run).toBe(0);
    expect(logs.at(-1)).toBe('imported 0, overwritten 0, unchanged 1, duplicates 0, skipped 0, failed 0');
  });
});

describe('import progress without a terminal', () => {
  it('prints a line every 100 files or every 5 seconds, whichever comes first, and nothing for a short run', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new Progress(
      250,
      true,
      false,
      () => now,
      (text) => void lines.push(text),
    );
    for (let n = 1; n <= 250; n++) {
      if (n === 150) now += 6_000;
      progress.tick(`page-${n}.txt`, n % 50 === 0 ? 'failed' : 'imported');
    }
    progress.done();
    // The summary, not a progress line, reports the last file.
    expect(lines).toEqual([
      'import: 100 of 250 files (40 %): 98 imported, 2 failed\n',
      'import: 150 of 250 files (60 %): 147 imported, 3 failed\n',
    ]);
    const quiet: string[] = [];
    const short = new Progress(
      5,
      true,
      false,
      () => now,
      (text) => void quiet.push(text),
    );
    for (let n = 0; n < 5; n++) short.tick('p.txt', 'imported');
    expect(quiet).toEqual([]);
  });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
