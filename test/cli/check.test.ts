import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { runNew } from '../../src/cli/new.ts';
import { buildSite } from '../support/build.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repoRoot, 'test/fixtures/bad-articles/content');
const articleProblems = fs.readFileSync(path.join(fixture, '../expected.txt'), 'utf8').trim().split('\n');
const STRAY =
  'is neither an article (articles/YYYY/YYYY-MM-DD-slug.md) nor a registry (_data/site.yaml, tags.yaml, people.yaml, organizations.yaml, places.yaml, outlets.yaml, incident-systems.yaml) nor a release record (releases/VERSION.json): nothing reads it, and no other file may sit in the content folder; move it elsewhere or delete it';
// The whole-archive check also names the two files of the fixture that are neither articles nor registries.
const expected = [`archive-home.11tydata.json: ${STRAY}`, ...articleProblems, `articles/2019/notes.txt: ${STRAY}`];
const seed = fs.readFileSync(
  path.join(repoRoot, 'content/articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md'),
  'utf8',
);

let out: string[];
let err: string[];
let startDir: string;
let temp: string;

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  startDir = process.cwd();
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-check-'));
});

afterEach(() => {
  process.chdir(startDir);
  vi.restoreAllMocks();
  fs.rmSync(temp, { recursive: true, force: true });
});

/** Writes files into the temporary folder and works from there, as an editor would from the repository root. */
function workIn(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
    fs.writeFileSync(path.join(temp, file), text);
  }
  process.chdir(temp);
}

describe('archive check', () => {
  it('prints every planted problem of the fixture as file:line: message and exits 1', async () => {
    process.chdir(fixture);
    expect(await runCheck([], { content: '.', now: '2026-11-25' })).toBe(1);
    expect(out.slice(0, -1)).toEqual(expected);
    expect(out.at(-1)).toBe(`checked 20 articles: ${expected.length} problems in 20 files (12 errors, ${expected.length - 12} warnings)`);
  });

  it('gives machines the same problems as JSON', async () => {
    process.chdir(fixture);
    expect(await runCheck([], { content: '.', now: '2026-11-25', json: true })).toBe(1);
    const issues = JSON.parse(out.join('\n')) as { file: string; line: number; field: string | null; message: string; severity: string }[];
    expect(
      issues.map((issue) => `${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`),
    ).toEqual(expected);
    expect(issues[0]).toEqual({ file: 'archive-home.11tydata.json', line: null, field: null, message: STRAY, severity: 'error' });
    expect(issues[1]).toEqual({
      file: 'articles/2019/2019-02-30-impossible-date.md',
      line: 3,
      field: 'date',
      message: 'must be a real day written YYYY-MM-DD (e.g. 2019-05-23)',
      severity: 'error',
    });
  });

  it('checks only the files it is given, and exits 0 on warnings alone unless --strict', async () => {
    process.chdir(fixture);
    expect(await runCheck(['articles/2019/2019-05-14-key-order.md'], { content: '.', now: '2026-11-25' })).toBe(0);
    expect(out).toEqual([
      expected.find((line) => line.includes('key-order'))!,
      'checked 1 article: 1 problem in 1 file (0 errors, 1 warning)',
    ]);
    out = [];
    expect(await runCheck(['articles/2019/2019-05-14-key-order.md'], { content: '.', now: '2026-11-25', strict: true })).toBe(1);
    expect(out.at(-1)).toBe('checked 1 article: 1 problem in 1 file (0 errors, 1 warning)');
  });

  it('names every symbolic link of the content folder as an error, and reads no file through one', async () => {
    workIn({ 'content/articles/2019/2019-05-23-seed.md': seed, 'outside/secret.md': seed.replace('title:', 'title: Secret') });
    fs.symlinkSync(path.join(temp, 'outside/secret.md'), 'content/articles/2019/2019-05-24-linked.md');
    fs.symlinkSync(path.join(temp, 'outside'), 'content/articles/linked-folder');
    expect(await runCheck([], { now: '2026-11-25' })).toBe(1);
    expect(out).toEqual([
      'content/articles/2019/2019-05-24-linked.md: is a symbolic link: skipped (the archive follows no links); put the file itself here',
      'content/articles/linked-folder: is a symbolic link: skipped (the archive follows no links); put the file itself here',
      'checked 1 article: 2 problems in 2 files (2 errors, 0 warnings)',
    ]);
  });

  it('passes the bundled content and exits 0', async () => {
    process.chdir(repoRoot);
    expect(await runCheck([], {})).toBe(0);
    expect(out.at(-1)).toMatch(/^checked \d+ articles?: no problems$/);
  });

  it('fixes the fixable problems of the fixture and leaves the rest listed', async () => {
    fs.cpSync(fixture, temp, { recursive: true });
    process.chdir(temp);
    expect(await runCheck([], { content: '.', now: '2026-11-25', fix: true })).toBe(1);
    const fixed = out.filter((line) => line.startsWith('fixed '));
    expect(fixed).toEqual([
      'fixed articles/2019/2019-05-06-tag-variants.md: tags: "cyber-attack" → "cyberattack"; tags: "Cyberattacks" → "cyberattack"; tags: "Ransomware" → "ransomware"',
      'fixed articles/2019/2019-05-14-key-order.md: front-matter keys put in order',
    ]);
    const fixable = (line: string) => line.includes('tag-variants.md') || line.includes('key-order.md');
    expect(out.slice(fixed.length, -1)).toEqual(expected.filter((line) => !fixable(line)));
  });

  it('reports a file that is not UTF-8 text', async () => {
    workIn({ 'content/articles/2019/2019-05-01-cafe.md': '' });
    fs.writeFileSync(
      'content/articles/2019/2019-05-01-cafe.md',
      Buffer.from('---\ntitle: Caf\xe9\ndate: 2019-05-01\n---\n\nBody.\n', 'latin1'),
    );
    expect(await runCheck([], { now: '2026-11-25' })).toBe(1);
    expect(out[0]).toBe('content/articles/2019/2019-05-01-cafe.md:1: is not UTF-8 text: save it as UTF-8');
  });

  it('refuses a wrong invocation with a usage error', async () => {
    workIn({});
    await expect(runCheck([], {})).rejects.toThrow(UsageError);
    await expect(runCheck(['no-such-file.md'], {})).rejects.toThrow('no-such-file.md: no such file or folder');
    await expect(runCheck([], { content: fixture, now: '2019-02-30' })).rejects.toThrow('--now must be a real day');
  });

  it('names the file and line of a bad outlets registry entry as an error', async () => {
    workIn({
      'content/_data/outlets.yaml':
        '- name: Sputnik International\n  domains: [sputniknews.com]\n- name: Other\n  domains: [https://sputniknews.com/]\n',
      'content/articles/2019/2019-05-23-seed.md': seed,
    });
    expect(await runCheck([], { now: '2026-11-25' })).toBe(1);
    expect(out[0]).toMatch(/^content\/_data\/outlets\.yaml:4: outlets\[1\]\.domains\.0: must be a web domain/);
  });

  it('names the file and line of a broken release record as an error, and passes a good one', async () => {
    const record = '{\n"version": "1.0.0",\n"date": "2026-12-01",\n"articles": 0,\n"index": []\n}\n';
    workIn({
      'content/releases/1.0.0.json': record,
      'content/releases/1.1.0.json': record.replace('"articles": 0', '"articles": 2').replace('1.0.0', '1.1.0'),
      'content/articles/2019/2019-05-23-seed.md': seed,
    });
    expect(await runCheck([], { now: '2026-11-25' })).toBe(1);
    expect(out.filter((line) => line.startsWith('content/releases/'))).toEqual([
      'content/releases/1.1.0.json:4: articles: says 2, but the index lists 0',
    ]);
  });

  it('fixes tag spellings and key order with --fix, lists what it changed, and a second run reports nothing', async () => {
    workIn({
      'content/_data/tags.yaml': '- name: ransomware\n',
      'content/articles/2019/2019-05-23-seed.md': seed,
      'content/articles/2019/2019-05-24-other.md': '---\ntitle: Other\ndate: 2019-05-24\ntags:\n  - cyberattack\n---\n\nAnother story.\n',
      'content/articles/2019/2019-05-25-variants.md':
        '---\ndate: 2019-05-25\ntitle: Variants\ntags:\n  - Cyberattacks\n  - cyber-attack\n  - Ransom-ware\n---\n\nA third story.\n',
    });
    expect(await runCheck([], { now: '2026-11-25' })).toBe(0);
    expect(out).toHaveLength(5);
    expect(await runCheck([], { now: '2026-11-25', strict: true })).toBe(1);

    out = [];
    expect(await runCheck([], { fix: true, now: '2026-11-25' })).toBe(0);
    expect(out).toEqual([
      'fixed content/articles/2019/2019-05-25-variants.md: tags: "Cyberattacks" → "cyberattack"; tags: "cyber-attack" → "cyberattack"; tags: "Ransom-ware" → "ransomware"; front-matter keys put in order',
      'checked 3 articles: no problems',
    ]);
    expect(fs.readFileSync('content/articles/2019/2019-05-25-variants.md', 'utf8')).toBe(
      '---\ntitle: Variants\ndate: 2019-05-25\ntags:\n  - cyberattack\n  - ransomware\n---\n\nA third story.\n',
    );
    expect(fs.readdirSync('content/articles/2019').filter((name) => name.startsWith('.'))).toEqual([]);

    out = [];
    expect(await runCheck([], { now: '2026-11-25' })).toBe(0);
    expect(out).toEqual(['checked 3 articles: no problems']);
  });
});

describe('archive check proposes registry entries', () => {
  const named = (n: number, people: string) =>
    `---\ntitle: Story ${n}\ndate: 2019-05-2${n}\npeople:\n${people
      .split(', ')
      .map((name) => `  - ${name}\n`)
      .join('')}organizations:\n  - GCHQ\n---\n\nStory ${n}.\n`;
  const archive = {
    'content/_data/people.yaml': '# People registry\n- name: Jens Stoltenberg\n',
    'content/_data/site.yaml': 'registryProposalMin: 3\n',
    'content/articles/2019/2019-05-21-story-1.md': named(1, 'Theresa May, Jens Stoltenberg'),
    'content/articles/2019/2019-05-22-story-2.md': named(2, 'theresa may'),
    'content/articles/2019/2019-05-23-story-3.md': named(3, 'Theresa May, Ciaran Martin'),
  };

  it('prints the people and organizations named in registryProposalMin articles and missing from the registries as a notice with YAML to paste, and never fails for it', async () => {
    workIn(archive);
    expect(await runCheck([], { now: '2026-11-25', strict: true })).toBe(0);
    expect(out).toEqual([
      'notice: 1 person named in 3 or more articles is not in content/_data/people.yaml; to give it a page with a description, role or Wikidata id, paste into it (this never fails check):',
      '- name: Theresa May # 3 articles',
      'notice: 1 organization named in 3 or more articles is not in content/_data/organizations.yaml; to give it a page with a description, role or Wikidata id, paste into it (this never fails check):',
      '- name: GCHQ # 3 articles',
      'checked 3 articles: no problems',
    ]);

    // Pasted as printed, the entries are valid and the notice is gone; a higher threshold says nothing either.
    fs.appendFileSync('content/_data/people.yaml', `${out[1]}\n`);
    fs.writeFileSync('content/_data/organizations.yaml', `${out[3]}\n`);
    out = [];
    expect(await runCheck([], { now: '2026-11-25' })).toBe(0);
    expect(out).toEqual(['checked 3 articles: no problems']);
  });

  it('keeps --json output to the problems, the notice going to stderr, and says nothing when checking some files only', async () => {
    workIn({ ...archive, 'content/_data/site.yaml': '' });
    expect(await runCheck([], { now: '2026-11-25', json: true })).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual([]);
    expect(err).toContain('- name: Theresa May # 3 articles');
    out = [];
    expect(await runCheck(['content/articles/2019/2019-05-21-story-1.md'], { now: '2026-11-25' })).toBe(0);
    expect(out).toEqual(['checked 1 article: no problems']);
  });

  it('refuses a registryProposalMin that is not a whole number, naming the settings file', async () => {
    workIn({ ...archive, 'content/_data/site.yaml': 'registryProposalMin: three\n' });
    expect(await runCheck([], { now: '2026-11-25' })).toBe(1);
    expect(out[0]).toBe('content/_data/site.yaml: site settings: registryProposalMin: must be a whole number of articles, such as 3');
  });
});

describe('archive new', () => {
  it('writes a draft skeleton at content/articles/YYYY/YYYY-MM-DD-SLUG.md, prints its path, and check only warns that its body is empty', async () => {
    workIn({ 'content/articles/2019/2019-05-23-seed.md': seed });
    expect(await runNew('‘Not Limited’ to Cyberspace: A Follow-up', { date: '2019-06-01', tags: 'cyber-attack, NATO' })).toBe(0);
    const file = 'content/articles/2019/2019-06-01-not-limited-to-cyberspace-a-follow-up.md';
    expect(out).toEqual([file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '---\ntitle: "‘Not Limited’ to Cyberspace: A Follow-up"\ndate: 2019-06-01\ntags:\n  - cyberattack\n  - NATO\ndraft: true\n---\n\n\n',
    );
    out = [];
    err = [];
    expect(await runCheck([], {})).toBe(0);
    expect([...out, ...err].join('\n')).toContain(
      `${file}:9: body: is empty: write the story below the front matter, then remove \`draft: true\` to publish it`,
    );
  });

  it('refuses to overwrite an existing article', async () => {
    workIn({});
    expect(await runNew('Seed', { date: '2019-05-23' })).toBe(0);
    fs.writeFileSync('content/articles/2019/2019-05-23-seed.md', 'edited');
    expect(await runNew('Seed', { date: '2019-05-23' })).toBe(1);
    expect(fs.readFileSync('content/articles/2019/2019-05-23-seed.md', 'utf8')).toBe('edited');
    expect(err.at(-1)).toBe(
      'archive: content/articles/2019/2019-05-23-seed.md exists already: edit it, or give the new article another title',
    );
  });

  it('refuses an impossible or future date and an empty title as usage errors', async () => {
    workIn({});
    await expect(runNew('A Title', { date: '2019-02-30' })).rejects.toThrow(UsageError);
    await expect(runNew('A Title', { date: '9999-01-01' })).rejects.toThrow('is in the future');
    await expect(runNew('  ', { date: '2019-05-23' })).rejects.toThrow('title: must not be empty');
    expect(fs.existsSync('content')).toBe(false);
  });

  it('refuses tags holding a line break or another control character, writing nothing', async () => {
    workIn({});
    for (const tags of ['cyberattack,NATO\nsummit', 'tab\there', 'bell\u0007', 'c1\u0085']) {
      await expect(runNew('A Title', { date: '2019-05-23', tags })).rejects.toThrow(
        /^--tags: ".*" holds a control character \(a line break, tab or the like\): write each tag as plain text on one line, separated by commas$/,
      );
    }
    expect(fs.existsSync('content')).toBe(false);
  });

  it('writes a draft the site leaves out, and builds it once `draft: true` is removed', async () => {
    fs.cpSync(path.join(repoRoot, 'content'), path.join(temp, 'content'), { recursive: true });
    process.chdir(temp);
    expect(await runNew('A New Story', { date: '2020-01-02' })).toBe(0);
    const page = path.join(temp, '_site/articles/2020/01/a-new-story/index.html');
    const draft = await buildSite({ contentDir: path.join(temp, 'content'), outDir: path.join(temp, '_site') });
    expect(draft.articles).toBe(1);
    expect(fs.existsSync(page)).toBe(false);
    const file = path.join(temp, 'content/articles/2020/2020-01-02-a-new-story.md');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').replace('draft: true\n', '')}The story.\n`);
    const published = await buildSite({ contentDir: path.join(temp, 'content'), outDir: path.join(temp, '_site') });
    expect(published.articles).toBe(2);
    expect(fs.existsSync(page)).toBe(true);
  }, 180_000);
});
