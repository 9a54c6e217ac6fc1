import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { evalDir } from './metrics.ts';

const inputs = ['body/html', 'body/text', 'dates/html', 'dates/text', 'titles/html', 'titles/text', 'people/docs'].map((set) =>
  evalDir(set),
);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-reimport-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function snapshot(): Map<string, { text: string; mtime: number }> {
  const files = new Map<string, { text: string; mtime: number }>();
  for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(out, file), { text: fs.readFileSync(file, 'utf8'), mtime: fs.statSync(file).mtimeMs });
  }
  return files;
}

async function importAll(): Promise<{ imported: number; unchanged: number; duplicates: number; failed: number }> {
  const logs: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')));
  try {
    await runImport(inputs, { out, json: true });
  } finally {
    log.mockRestore();
  }
  return JSON.parse(logs.join('\n')) as { imported: number; unchanged: number; duplicates: number; failed: number };
}

describe('importing every dev input of ../shared/eval twice', () => {
  it('changes no file the second time', async () => {
    const first = await importAll();
    const before = snapshot();
    const second = await importAll();
    const counts = ({ imported, unchanged, duplicates, failed }: typeof first) =>
      `imported ${imported}, unchanged ${unchanged}, duplicates ${duplicates}, failed ${failed}`;
    console.log(`first run: ${counts(first)}; second run: ${counts(second)}`);
    expect(first.imported).toBeGreaterThan(100);
    expect(second).toMatchObject({ imported: 0, unchanged: first.imported, duplicates: first.duplicates, failed: first.failed });
    expect(snapshot()).toEqual(before);
  }, 600_000);
});
