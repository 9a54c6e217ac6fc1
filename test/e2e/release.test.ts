/**
 * `archive release` on the fixture archive, as a maintainer runs it: two
 * releases with a changelog of what was added, changed and removed between
 * them; the versions it refuses; nothing half written when it fails; the
 * same archives again from a release's record (`--rebuild`, the release
 * workflow); and the version on the site each release packs.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/build.ts';
import { writeFixtureArchive } from '../support/fixture-archive.ts';

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-release-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const content = path.join(root, 'content');
const out = path.join(root, '_release');
const citation = path.join(root, 'CITATION.cff');
const name = (version: string, what: 'data' | 'site' | 'changelog') =>
  `cyber-policy-news-archive-${version}-${what}${what === 'changelog' ? '.md' : '.tar.gz'}`;

/** Runs `archive ARGS`; never rejects. */
async function archive(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { CI: _ci, ARCHIVE_BASE_URL: _base, ARCHIVE_RELEASES_URL: _releases, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/archive.js', ...args], { cwd: repoRoot, env, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const release = (version: string, ...more: string[]) =>
  archive(['release', version, '--content', content, '--out', out, '--citation', citation, ...more]);

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file below `dir`, relative, sorted (the dot files of temporaries included). */
const filesBelow = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort() : [];

/** Unpacks a release's tar.gz into a folder of its own and returns that folder. */
async function unpack(file: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(root, 'unpacked-'));
  await tar.extract({ file, cwd: dir });
  const [top] = fs.readdirSync(dir);
  return path.join(dir, top!);
}
const page = (site: string, url: string) => parseHTML(fs.readFileSync(path.join(site, url, 'index.html'), 'utf8')).document;

/** The Markdown article files of the fixture, relative to its articles folder. */
const articleFiles = () => filesBelow(path.join(content, 'articles')).filter((f) => f.endsWith('.md'));

let changes: { added: string; retitled: string; rewritten: string; removed: string };

beforeAll(async () => {
  await writeFixtureArchive(content, repoRoot);
  fs.copyFileSync(path.join(repoRoot, 'CITATION.cff'), citation);
}, 120_000);

describe('archive release', () => {
  it('makes the first release: its record, CITATION.cff, the data package, the site and a changelog', async () => {
    const result = await release('1.0.0', '--date', '2026-11-02');
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Released 1\.0\.0: 57 articles \(57 added, 0 changed, 0 removed\); /m);
    expect(filesBelow(path.join(content, 'releases'))).toEqual(['1.0.0.json']);
    expect(filesBelow(out)).toEqual(['1.0.0', ...['changelog', 'data', 'site'].map((w) => `1.0.0/${name('1.0.0', w as 'data')}`)]);
    const cff = parse(fs.readFileSync(citation, 'utf8')) as Record<string, string>;
    expect([cff.version, cff['date-released']]).toEqual(['1.0.0', '2026-11-02']);
    const data = await unpack(path.join(out, '1.0.0', name('1.0.0', 'data')));
    expect(filesBelow(data)).toEqual(['articles.csv', 'articles.json', 'datapackage.json', 'entities.json']);
    expect(JSON.parse(fs.readFileSync(path.join(data, 'datapackage.json'), 'utf8')).version).toBe('1.0.0');
    expect(fs.readFileSync(path.join(out, '1.0.0', name('1.0.0', 'changelog')), 'utf8')).toBe(
      '# Cyber Policy News Archive 1.0.0 (2026-11-02)\n\n57 articles: the first release.\n',
    );
  }, 240_000);

  it('makes a second release whose changelog names what was added, changed (metadata or text) and removed', async () => {
    const files = articleFiles();
    const edit = (file: string, change: (text: string) => string) => {
      const full = path.join(content, 'articles', file);
      fs.writeFileSync(full, change(fs.readFileSync(full, 'utf8')));
    };
    const titleOf = (file: string) =>
      (parse(fs.readFileSync(path.join(content, 'articles', file), 'utf8').split('---\n')[1]!) as { title: string }).title;
    const [retitled, rewritten, removed] = [files[3]!, files[7]!, files[12]!];
    changes = {
      added: 'A Release Test Adds This Story',
      retitled: `${titleOf(retitled)} (corrected)`,
      rewritten: titleOf(rewritten),
      removed: titleOf(removed),
    };
    edit(retitled, (text) => text.replace(/^title: .*$/m, `title: ${JSON.stringify(changes.retitled)}`));
    // A word's case: the text changes, its word count (a field of the metadata) does not.
    edit(rewritten, (text) => {
      const [, front, body] = text.split('---\n');
      expect(body).toMatch(/\bthe\b/);
      return `---\n${front}---\n${body!.replace(/\bthe\b/, 'THE')}`;
    });
    fs.rmSync(path.join(content, 'articles', removed));
    fs.mkdirSync(path.join(content, 'articles', '2026'), { recursive: true });
    fs.writeFileSync(
      path.join(content, 'articles', '2026', '2026-10-01-a-release-test-adds-this-story.md'),
      `---\ntitle: ${changes.added}\ndate: 2026-10-01\n---\n\nThe story the second release adds.\n`,
    );

    const result = await release('1.1.0', '--date', '2026-12-01');
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Released 1\.1\.0: 57 articles \(1 added, 2 changed, 1 removed\); /m);
    const log = fs.readFileSync(path.join(out, '1.1.0', name('1.1.0', 'changelog')), 'utf8');
    const section = (title: string) => (log.split(`## ${title}\n\n`)[1]?.split('\n\n')[0]?.split('\n') ?? []).filter(Boolean);
    expect(log).toContain('57 articles. Since 1.0.0: 1 added, 2 changed, 1 removed.');
    expect(section('Added')).toEqual([
      expect.stringMatching(
        /^- \[2026-10-01: A Release Test Adds This Story\]\(<https:\/\/example\.org\/articles\/2026\/10\/a-release-test-adds-this-story\/>\)$/,
      ),
    ]);
    const changed = section('Changed').map((line) => line.replace(/\\/g, ''));
    expect(changed).toHaveLength(2);
    expect(changed.find((line) => line.includes(changes.retitled))).toMatch(/\(metadata\)$/);
    expect(changed.find((line) => line.includes(changes.rewritten))).toMatch(/\(text\)$/);
    expect(section('Removed')).toHaveLength(1);
    expect(section('Removed')[0]!.replace(/\\/g, '')).toContain(changes.removed);
    const cff = parse(fs.readFileSync(citation, 'utf8')) as Record<string, string>;
    expect([cff.version, cff['date-released']]).toEqual(['1.1.0', '2026-12-01']);
  }, 240_000);

  it('packs a site that states its version, cites it, and shows every release and its changelog', async () => {
    const site = await unpack(path.join(out, '1.1.0', name('1.1.0', 'site')));
    const data = page(site, 'data');
    expect(data.querySelector('#cite-archive-heading')?.textContent).toBe('Cite this version');
    expect(data.querySelector('.cite')?.textContent).toContain('release 1.1.0 of 1 December 2026');
    expect(data.querySelector('.cite .citation')?.textContent).toContain('(Version 1.1.0) [Data set]. (2026).');
    expect([...data.querySelectorAll('.releases tbody th')].map((th) => th.textContent)).toEqual(['1.1.0', '1.0.0']);
    const second = page(site, 'data/releases/1.1.0');
    expect(second.querySelector('h1')?.textContent).toBe('Release 1.1.0');
    expect(second.querySelector('.changelog-added a')?.textContent).toBe(changes.added);
    expect(second.querySelectorAll('.changelog-changed li')).toHaveLength(2);
    // A removed article has no page to link to.
    expect(second.querySelector('.changelog-removed li')?.textContent).toContain(changes.removed);
    expect(second.querySelector('.changelog-removed a')).toBeNull();
    expect(fs.existsSync(path.join(site, 'data/releases/1.0.0/index.html'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(site, 'data', 'datapackage.json'), 'utf8')).version).toBe('1.1.0');
  });

  it('refuses an existing, a lower or a malformed version, writing nothing', async () => {
    const before = {
      records: filesBelow(path.join(content, 'releases')),
      out: filesBelow(out),
      citation: fs.readFileSync(citation, 'utf8'),
    };
    const existing = await release('1.1.0');
    expect([existing.code, existing.stderr.trim().split('\n').at(-1)]).toEqual([
      1,
      'archive: release 1.1.0 exists already; choose a higher version',
    ]);
    const lower = await release('1.0.5');
    expect([lower.code, lower.stderr.trim().split('\n').at(-1)]).toEqual([
      1,
      'archive: release 1.0.5 is lower than the newest release, 1.1.0; choose a higher version',
    ]);
    const malformed = await release('v2.0.0');
    expect([malformed.code, malformed.stderr.trim().split('\n').at(-1)]).toEqual([
      2,
      'archive: "v2.0.0" is not a semantic version such as 1.2.0 or 2.0.0-rc.1 (write 2.0.0, without the "v")',
    ]);
    const early = await release('2.0.0', '--date', '2026-11-30');
    expect([early.code, early.stderr.trim().split('\n').at(-1)]).toEqual([
      1,
      'archive: --date 2026-11-30 is before release 1.1.0 of 2026-12-01',
    ]);
    expect({
      records: filesBelow(path.join(content, 'releases')),
      out: filesBelow(out),
      citation: fs.readFileSync(citation, 'utf8'),
    }).toEqual(before);
  });

  it('leaves nothing half written when it fails at its last step', async () => {
    const before = {
      records: filesBelow(path.join(content, 'releases')),
      out: filesBelow(out),
      citation: fs.readFileSync(citation, 'utf8'),
    };
    // A folder where the record goes: everything else is written before the record fails, then undone.
    fs.mkdirSync(path.join(content, 'releases', '2.0.0.json'));
    const failed = await release('2.0.0', '--date', '2026-12-24');
    fs.rmdirSync(path.join(content, 'releases', '2.0.0.json'));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('release 2.0.0 was recorded meanwhile by another run');
    expect({
      records: filesBelow(path.join(content, 'releases')),
      out: filesBelow(out),
      citation: fs.readFileSync(citation, 'utf8'),
    }).toEqual(before);
  }, 240_000);

  it('writes the same archives again from the record on its tag, and refuses once the articles differ', async () => {
    const files = Object.fromEntries(filesBelow(path.join(out, '1.1.0')).map((f) => [f, sha(path.join(out, '1.1.0', f))]));
    const cff = fs.readFileSync(citation, 'utf8');
    const again = await release('1.1.0', '--rebuild');
    expect(again.code).toBe(0);
    expect(Object.fromEntries(filesBelow(path.join(out, '1.1.0')).map((f) => [f, sha(path.join(out, '1.1.0', f))]))).toEqual(files);
    expect(fs.readFileSync(citation, 'utf8')).toBe(cff);
    fs.rmSync(path.join(content, 'articles', articleFiles()[0]!));
    const drifted = await release('1.1.0', '--rebuild');
    expect([drifted.code, drifted.stderr.trim().split('\n').at(-1)]).toEqual([
      1,
      'archive: the articles are not those of release 1.1.0 (0 added, 0 changed, 1 removed since): rebuild a release from its own tag',
    ]);
  }, 240_000);

  it('makes the next build a full one, as the release records are in the build cache key, and that build says the site changed since', async () => {
    const site = path.join(root, '_site');
    const build = () => archive(['build', '--content', content, '--out', site, '--quiet']);
    expect((await build()).code).toBe(0);
    expect((await build()).stdout).toMatch(/incremental: /);
    const record = path.join(content, 'releases', '1.1.0.json');
    const text = fs.readFileSync(record, 'utf8');
    fs.writeFileSync(record, text.replace('"date": "2026-12-01"', '"date": "2026-12-02"'));
    const after = await build();
    fs.writeFileSync(record, text);
    expect(after.stdout).toMatch(/full build: the code, templates, settings, releases or dependencies changed/);
    const data = page(site, 'data');
    expect(data.querySelector('#cite-archive-heading')?.textContent).toBe('Cite the archive');
    expect(data.querySelector('.cite')?.textContent).toContain('(1.1.0+unreleased), which has changed since release 1.1.0');
  }, 240_000);
});
