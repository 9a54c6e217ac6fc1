import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/cli/import.ts';

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
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
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
      '2-binary.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
      '3-huge.txt': Buffer.alloc(30 * 1024 * 1024, 0x61),
      '4-invalid-utf8.txt': invalidUtf8,
      '5-no-article.html': '<!doctype html><html><head><title>Index</title></head><body><nav><a href="/a">A</a><a href="/b">B</a></nav></body></html>',
      '6-seed.txt': fs.readFileSync(seedPage),
    });
    expect(await runImport([dir], { out })).toBe(1);
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
    const failed = errors.filter((line) => line.startsWith('failed'));
    expect(failed).toHaveLength(5);
    for (const line of failed) expect(line.split('\n')).toHaveLength(1);
    expect(failed[0]).toContain('empty file');
    expect(failed[1]).toContain('binary file');
    expect(failed[2]).toContain('larger than 20 MB');
    expect(logs.at(-1)).toBe('imported 1, overwritten 0, unchanged 0, duplicates 0, failed 5');
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

  it('clears temporary files an interrupted run left behind', async () => {
    fs.mkdirSync(path.join(out, '2019'), { recursive: true });
    fs.writeFileSync(path.join(out, '2019', '.import-tmp-999-half.md'), '---\ntitle: half');
    await runImport([seedPage], { out });
    expect(Object.keys(snapshot(out))).toEqual([seedTarget]);
  });
});
