import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { readArticleText } from '../../src/content/frontmatter.ts';
import { createMarkdown } from '../../src/archive/markdown.ts';
import { importPage } from '../../src/importer/index.ts';
import { HOSTILE_TODAY, PAGE_CASES, writeCorpus } from './manifest.ts';
import { listFiles } from '../support/files.ts';

const ALLOWED_ELEMENTS = new Set([
  'P',
  'A',
  'EM',
  'STRONG',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'BR',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'S',
]);

let root: string;
let pages: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-hostile-import-'));
  await writeCorpus(path.join(root, 'corpus'));
  pages = path.join(root, 'corpus', 'pages');
}, 60_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** What markup the Markdown of `body` makes: element names and attributes outside the allowed few. */
function activeMarkup(body: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${createMarkdown().render(body)}</body></html>`);
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (!ALLOWED_ELEMENTS.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of element.attributes) {
      if (!['href', 'rel'].includes(attribute.name)) found.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
      if (attribute.name === 'href' && !/^(https?:|\/|#)/i.test(attribute.value)) found.push(`href=${attribute.value}`);
    }
  }
  return found;
}

/** The text of the page an imported article makes, front matter values included. */
function visibleText(text: string, body: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${createMarkdown().render(body)}</body></html>`);
  return `${text}\n${document.body.textContent}`;
}

describe('importing the hostile pages one by one', () => {
  for (const item of PAGE_CASES) {
    const { expect: expected } = item;
    it(`${expected.outcome === 'refused' ? 'refuses' : 'imports as inert text'} ${item.file} (${item.covers})`, { timeout: 60_000 }, () => {
      const result = importPage(fs.readFileSync(path.join(pages, item.file)), { fileName: item.file, today: HOSTILE_TODAY });
      if (expected.outcome === 'refused') {
        expect(result.status).toBe('failed');
        if (result.status !== 'failed') return;
        expect(result.reason).toMatch(expected.message);
        expect(result.reason).not.toContain('\n');
        return;
      }
      expect(result.status, result.status === 'failed' ? result.reason : '').toBe('article');
      if (result.status !== 'article') return;
      const read = readArticleText(result.text, item.file);
      expect(read.ok).toBe(true);
      expect(result.path).toMatch(/^\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      expect(result.path.length).toBeLessThanOrEqual('2019/2019-07-01-.md'.length + 60);
      expect(activeMarkup(result.body)).toEqual([]);
      const shown = visibleText(JSON.stringify(result.data), result.body);
      for (const text of expected.shows)
        expect(shown.includes(text) || JSON.stringify(result.data).includes(JSON.stringify(text).slice(1, -1)), text).toBe(true);
    });
  }
});

describe('archive import on the whole hostile folder', () => {
  let out: string;
  let printed: string[];
  let summary: { files: { file: string; status: string; path?: string; reason?: string }[] };
  let code: number;

  beforeAll(async () => {
    out = path.join(root, 'content', 'articles');
    printed = [];
    const capture = (line: unknown) => void printed.push(String(line));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
    try {
      code = await runImport([pages], { out, json: true });
    } finally {
      vi.restoreAllMocks();
    }
    summary = JSON.parse(printed.join('\n'));
  }, 300_000);

  it('goes on past every refused file and exits 1', () => {
    expect(code).toBe(1);
    expect(summary.files.map((f) => path.basename(f.file)).sort()).toEqual(PAGE_CASES.map((c) => c.file).sort());
  });

  it('gives each file its expected outcome, refusals as one line naming the file', () => {
    for (const item of PAGE_CASES) {
      const outcome = summary.files.find((f) => path.basename(f.file) === item.file)!;
      expect(outcome.file).toContain(item.file);
      if (item.expect.outcome === 'refused') {
        expect(outcome.status, item.file).toBe('failed');
        expect(outcome.reason).toMatch(item.expect.message);
        expect(outcome.reason).not.toContain('\n');
      } else {
        expect(outcome.status, `${item.file}: ${outcome.reason ?? ''}`).toBe('imported');
      }
    }
  });

  it('prints no stack trace', () => {
    expect(printed.join('\n')).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('writes only article files inside the output folder, named YYYY/YYYY-MM-DD-slug.md', () => {
    const written = listFiles(out);
    expect(written).toHaveLength(PAGE_CASES.filter((c) => c.expect.outcome === 'inert').length);
    for (const file of written) expect(file).toMatch(/^\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
    expect(fs.readdirSync(root).sort()).toEqual(['content', 'corpus']);
    expect(fs.readdirSync(path.join(root, 'content'))).toEqual(['articles']);
    expect(written.some((file) => /(^|-)(con|nul|aux|prn)\.md$/.test(file))).toBe(false);
  });

  it('changes nothing when run again', async () => {
    const before = new Map(listFiles(out).map((file) => [file, fs.readFileSync(path.join(out, file), 'utf8')]));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await runImport([pages], { out });
    } finally {
      vi.restoreAllMocks();
    }
    expect(new Map(listFiles(out).map((file) => [file, fs.readFileSync(path.join(out, file), 'utf8')]))).toEqual(before);
  }, 300_000);
});

describe('a text dump with invalid UTF-8 bytes', () => {
  // One bad byte once made decode.ts read the whole page as windows-1252 ("â€˜Not Limitedâ€™").
  it('keeps the rest of the page as UTF-8 (the bad bytes become U+FFFD)', () => {
    const result = importPage(fs.readFileSync(path.join(pages, 'invalid-utf8.txt')), { fileName: 'invalid-utf8.txt' });
    expect(result.status === 'article' && result.data.title).toBe(
      '‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks',
    );
  });
});
