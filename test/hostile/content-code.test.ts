/**
 * Only articles and registries are content: every file Eleventy could read as
 * a template, template data or directory data is planted in a content folder,
 * beside each of the plugin's virtual templates and at every folder level,
 * and the build must read none of it (no code runs, nothing is written outside
 * the output folder, the site is the one the same content builds without
 * them), while `archive check` names each planted file.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_DIR } from '../../src/eleventy/plugin.ts';
import { repoRoot } from '../support/build.ts';
import { listFiles } from '../support/files.ts';

const run = promisify(execFile);

/** The plugin's virtual templates (src/eleventy/plugin.ts `page(...)`), whose data files Eleventy would look for beside them. */
const VIRTUAL = ['home', 'article', 'entity-index', 'entity', 'timeline', 'timeline-year', 'search', '404'].map(
  (name) => `archive-${name}`,
);
/** Every level of a content folder, with the name a directory data file there carries. */
const LEVELS: [folder: string, dirName: string][] = [
  ['', 'content'],
  ['articles/', 'articles'],
  ['articles/2019/', '2019'],
  ['_data/', '_data'],
];
/** Every data file form Eleventy 3 reads: template and directory data (`.11tydata.*` and suffix-less JSON). */
const DATA_SUFFIXES = ['.11tydata.js', '.11tydata.cjs', '.11tydata.mjs', '.11tydata.json', '.json'];
/** Templates of every format Eleventy knows (Markdown only outside `articles/`, where it would be an article). */
const TEMPLATES = ['evil.njk', 'evil.liquid', 'evil.11ty.js', 'evil.html', 'evil.webc', 'evil.hbs', 'evil.mustache'];

let root: string;
let planted: string[];
let output: string;
let code: number;

function markerFor(file: string): string {
  return path.join(root, `ran-${file.replace(/[^a-z0-9]+/gi, '-')}`);
}

/** What a planted file holds: code that leaves a marker when run, data that would move or deface pages. */
function plantText(file: string): string {
  const marker = JSON.stringify(markerFor(file));
  const outside = `/../../../../escaped-${file.replace(/[^a-z0-9]+/gi, '-')}/index.html`;
  if (file.endsWith('.cjs')) return `require('node:fs').writeFileSync(${marker}, 'ran'); module.exports = { title: 'PWNED' };\n`;
  if (/\.(m?js)$/.test(file))
    return `import fs from 'node:fs';\nfs.writeFileSync(${marker}, 'ran');\nexport default { title: 'PWNED', eleventyComputed: { permalink: ${JSON.stringify(outside)} } };\n`;
  if (file.endsWith('.json')) {
    return JSON.stringify({
      title: 'PWNED',
      permalink: outside,
      eleventyComputed: { permalink: outside, title: 'PWNED' },
      site: { name: `<meta http-equiv="refresh" content="0;url=https://evil.example/">PWNED` },
      archive: { articles: [] },
    });
  }
  return `---\npermalink: ${outside}\n---\nPWNED {{ 6 * 7 }} {% raw %}<script>window.pwned = 1</script>\n`;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-content-code-'));
  const content = path.join(root, 'content');
  fs.cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
  planted = [];
  for (const [folder, dirName] of LEVELS) {
    for (const base of [...VIRTUAL, dirName, 'index', 'evil'])
      for (const suffix of DATA_SUFFIXES) planted.push(`${folder}${base}${suffix}`);
    for (const template of TEMPLATES) planted.push(`${folder}${template}`);
    if (!folder.startsWith('articles')) planted.push(`${folder}evil.md`);
  }
  // Global data, in the data folder Eleventy would use, and the one an earlier version pointed it at.
  for (const folder of ['_data/', '.no-eleventy-data/'])
    for (const name of ['site.js', 'site.cjs', 'site.mjs', 'site.json', 'evil.js']) planted.push(`${folder}${name}`);
  planted = [...new Set(planted)].sort();
  for (const file of planted) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), plantText(file));
  }
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['bin/archive.js', 'build', '--content', content, '--out', path.join(root, '_site'), '--allow-example-url'],
      {
        cwd: repoRoot,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    output = `${stdout}${stderr}`;
    code = 0;
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    output = `${failed.stdout}${failed.stderr}`;
    code = failed.code;
  }
}, 300_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a content folder holding every file Eleventy could read as code or data', () => {
  it('plants 260 files, beside each virtual template and at every level', () => {
    expect(planted).toHaveLength(260);
    for (const name of VIRTUAL) expect(planted).toContain(`${name}.11tydata.mjs`);
    expect(planted).toContain('articles/2019/2019.11tydata.js');
    expect(planted).toContain('content.11tydata.json');
  });

  it('builds as if the files were not there, running none of them', () => {
    expect(code, output).toBe(0);
    expect(fs.readdirSync(root).filter((name) => name.startsWith('ran-'))).toEqual([]);
  });

  it('writes nothing outside the output folder', () => {
    // Beside the output folder stands only its build cache (docs/incremental.md), for that folder alone.
    expect(fs.readdirSync(root).sort()).toEqual(['.archive-cache', '_site', 'content']);
    expect(fs.readdirSync(path.join(root, '.archive-cache'))).toEqual(['_site']);
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('escaped-'))).toEqual([]);
    expect(fs.existsSync(path.join(repoRoot, '..', 'escaped-content-json'))).toBe(false);
  });

  it('writes the very site the content builds without them', async () => {
    const clean = path.join(root, 'clean');
    fs.cpSync(path.join(repoRoot, 'content'), path.join(clean, 'content'), { recursive: true });
    await run(
      process.execPath,
      ['bin/archive.js', 'build', '--content', path.join(clean, 'content'), '--out', path.join(clean, '_site'), '--allow-example-url'],
      { cwd: repoRoot },
    );
    const site = path.join(root, '_site');
    const files = listFiles(site);
    expect(files).toEqual(listFiles(path.join(clean, '_site')));
    for (const file of files) {
      const text = fs.readFileSync(path.join(site, file), 'utf8');
      expect(text.includes('PWNED'), file).toBe(false);
      if (file.endsWith('.html')) expect(text, file).toBe(fs.readFileSync(path.join(clean, '_site', file), 'utf8'));
    }
    fs.rmSync(clean, { recursive: true, force: true });
  }, 300_000);

  it('is named, file by file, by archive check as neither an article nor a registry', async () => {
    const content = path.join(root, 'content');
    let printed = '';
    let exit = 0;
    try {
      await run(process.execPath, ['bin/archive.js', 'check', '--content', content, '--json'], {
        cwd: repoRoot,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      printed = (error as { stdout: string }).stdout;
      exit = (error as { code: number }).code;
    }
    expect(exit).toBe(1);
    const issues = JSON.parse(printed) as { file: string; message: string; severity: string }[];
    const named = issues
      .filter((issue) => issue.severity === 'error' && issue.message.startsWith('is neither an article'))
      .map((issue) => path.relative(content, issue.file).split(path.sep).join('/'));
    expect(named).toEqual(planted);
  });

  it("leaves Eleventy's own input folder with nothing to read", () => {
    expect(fs.readdirSync(INPUT_DIR)).toEqual(['README.md']);
  });
});
