import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath, readOptional, readUtf8 } from '../../src/store/read.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-read-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the content store reader', () => {
  it('reads UTF-8 text and refuses bytes that are not, rather than replacing them', () => {
    fs.writeFileSync(path.join(dir, 'good.md'), 'Ünïcode — ok');
    fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    expect(readUtf8(path.join(dir, 'good.md'))).toBe('Ünïcode — ok');
    expect(readUtf8(path.join(dir, 'bad.md'))).toBeUndefined();
  });

  it('reads an optional file only when it exists and is no symbolic link', () => {
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: A\n');
    fs.symlinkSync(path.join(dir, 'site.yaml'), path.join(dir, 'linked.yaml'));
    expect(readOptional(path.join(dir, 'site.yaml'))).toBe('title: A\n');
    expect(readOptional(path.join(dir, 'linked.yaml'))).toBeUndefined();
    expect(readOptional(path.join(dir, 'missing.yaml'))).toBeUndefined();
  });

  it('names files inside the working folder relatively, with forward slashes, and others in full', () => {
    expect(displayPath(path.join(process.cwd(), 'content', 'articles', 'a.md'))).toBe('content/articles/a.md');
    expect(displayPath('content/articles/a.md')).toBe('content/articles/a.md');
    expect(displayPath(path.join(dir, 'a.md'))).toBe(path.join(dir, 'a.md').split(path.sep).join('/'));
  });
});
