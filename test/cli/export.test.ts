import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runExport } from '../../src/cli/export.ts';
import { main } from '../../src/cli/main.ts';
import { repoRoot } from '../support/build.ts';
import { writeFixtureArchive } from '../support/fixture-archive.ts';

let temp: string;
let content: string;
let stdout: string[];

beforeEach(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-export-'));
  content = path.join(temp, 'content');
  await writeFixtureArchive(content, repoRoot);
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('archive export', () => {
  it('prints the articles as CSV by default, one row per article', async () => {
    expect(await main(['node', 'archive', 'export', '--content', content])).toBe(0);
    const rows = parse(stdout.join(''), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(57);
    expect(Object.keys(rows[0]!)[0]).toBe('url');
  });

  it('writes JSON and JSON Lines to a file, the same records either way', async () => {
    const json = path.join(temp, 'articles.json');
    const jsonl = path.join(temp, 'articles.jsonl');
    expect(await runExport({ format: 'json', out: json, content })).toBe(0);
    expect(await runExport({ format: 'jsonl', out: jsonl, content })).toBe(0);
    const records = JSON.parse(fs.readFileSync(json, 'utf8')) as unknown[];
    const lines = fs
      .readFileSync(jsonl, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(records);
    expect(fs.readdirSync(temp).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an unknown format as a usage error', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['node', 'archive', 'export', '--format', 'xml', '--content', content])).toBe(2);
  });
});
