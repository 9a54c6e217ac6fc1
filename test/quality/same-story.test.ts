import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { parseArticleText } from '../../src/content/frontmatter.ts';
import { evalDir } from './metrics.ts';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-same-story-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the body pages of ../shared/eval imported in both forms into one archive', () => {
  it('write each story once: the text dump of a page already imported from its HTML is reported as a duplicate', async () => {
    const logs: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')));
    try {
      await runImport([evalDir('body/html'), evalDir('body/text')], { out, json: true });
    } finally {
      log.mockRestore();
    }
    const report = JSON.parse(logs.join('\n')) as { imported: number; duplicates: number; files: { status: string; by?: string }[] };
    const stories = new Map<string, number>();
    for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const read = parseArticleText(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'), entry.name);
      const page = String((read.ok ? (read.parsed.data.source as { file?: string }) : {}).file ?? '').replace(/\.(html|txt)$/, '');
      stories.set(page, (stories.get(page) ?? 0) + 1);
    }
    console.log(
      `imported ${report.imported}, duplicates ${report.duplicates}: ${report.files.filter((f) => f.by?.startsWith('same story')).length} by the same-story rule`,
    );
    expect([...stories.values()].every((n) => n === 1)).toBe(true);
    expect(stories.size).toBeGreaterThanOrEqual(29);
  }, 300_000);
});
