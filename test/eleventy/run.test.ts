import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/archive/fingerprint.ts';
import { cacheFolder, manifestOf } from '../../src/publish/cache.ts';
import { readManifest } from '../../src/publish/manifest-file.mjs';
import { siteFiles } from '../../src/publish/staging.ts';
import { buildSite as build } from '../support/build.ts';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archive-build-test-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  // A build's cache lies beside its output folder (cacheFolder), outside the temporary folder when that is the output.
  await Promise.all(temps.flatMap((dir) => [dir, cacheFolder(dir)].map((folder) => rm(folder, { recursive: true, force: true }))));
});

/** A content folder holding `files` (path under `articles/` → text). */
async function contentWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, 'articles', name);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return dir;
}

const SEED = 'articles/2019/05/not-limited-to-cyberspace-nato-threatens-physical-response/';

// Each test runs a whole build in a child process; the limits guard against hangs on a busy machine.
const LIMIT = { timeout: 120_000 };

describe('building the bundled content', LIMIT, () => {
  let out: string;
  let result: { pages: number; articles: number };
  // Eleventy runs in a child process, as `archive build` runs it (test/support/build.ts).
  beforeAll(async () => {
    out = await tempDir();
    result = await build({ contentDir: 'content', outDir: out });
  }, 120_000);

  it('writes every page type for the seed article', () => {
    const expected = [
      'index.html',
      `${SEED}index.html`,
      'tags/index.html',
      'tags/cyberattack/index.html',
      'people/index.html',
      'people/jens-stoltenberg/index.html',
      'organizations/index.html',
      'organizations/nato/index.html',
      'places/index.html',
      'places/united-kingdom/index.html',
      'timeline/index.html',
      'timeline/2019/index.html',
      'feed.xml',
      'feed.json',
      'sitemap.xml',
      'robots.txt',
      '404.html',
      'search/index.html',
      'assets/site.css',
      'assets/cite.js',
      'assets/search.js',
      'assets/search-state.js',
    ];
    expect(expected.filter((file) => !existsSync(path.join(out, file)))).toEqual([]);
    // One article is fewer than the 5 a tag or person needs for feeds of its own (site setting entityFeedMin).
    const entityFeeds = ['tags/cyberattack/feed.xml', 'tags/cyberattack/feed.json', 'people/jens-stoltenberg/feed.xml'];
    expect(entityFeeds.filter((file) => existsSync(path.join(out, file)))).toEqual([]);
    expect(result.articles).toBeGreaterThanOrEqual(1);
  });

  it("records every file of the new site in the build cache's manifest as published: its bytes' hash, size, inode and time", async () => {
    // A full build records the files outside the search bundles before it swaps the site in (recordAhead): they must still hold.
    const read = readManifest(cacheFolder(out), path.resolve(out));
    if ('reason' in read) throw new Error(read.reason);
    const manifest = manifestOf(read.stored);
    const files = siteFiles(out);
    expect(Object.keys(manifest.files).sort()).toEqual([...files].sort());
    expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
    const wrong = files.filter((file) => {
      const record = manifest.files[file]!;
      const stat = lstatSync(path.join(out, file));
      return (
        record.size !== stat.size ||
        record.ino !== stat.ino ||
        record.mtimeMs !== stat.mtimeMs ||
        record.sha !== sha256(readFileSync(path.join(out, file)))
      );
    });
    expect(wrong).toEqual([]);
  });

  it('shows the stated day, the names as links and a citation on the article page', async () => {
    const html = await readFile(path.join(out, SEED, 'index.html'), 'utf8');
    expect(html).toContain('<time datetime="2019-05-23" data-pagefind-filter="month:2019-05">23 May 2019</time>');
    expect(html).toContain('<a href="/people/jens-stoltenberg/">Jens Stoltenberg</a>');
    expect(html).toContain('<a href="/organizations/nato/">NATO</a>');
    expect(html).toContain('@misc{notlimitedto2019,');
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain(`<link rel="canonical" href="https://example.org/${SEED}">`);
  });
});

describe('building a content folder', LIMIT, () => {
  it('stops on a front-matter error, naming the file, the line and the field', async () => {
    const dir = await contentWith({
      '2019/2019-05-23-good.md': '---\ntitle: Good\ndate: 2019-05-23\n---\n\nText.\n',
      '2019/2019-02-30-bad.md': '---\ntitle: Bad\ndate: 2019-02-30\n---\n\nText.\n',
    });
    await expect(build({ contentDir: dir, outDir: await tempDir() })).rejects.toThrow(/2019-02-30-bad\.md:3: date: must be a real day/);
  });

  it('stops when two articles would be written to one URL, naming both files', async () => {
    const dir = await contentWith({
      '2019/2019-05-23-same.md': '---\ntitle: Same\ndate: 2019-05-23\n---\n\nOne.\n',
      '2019/2019-05-24-same.md': '---\ntitle: Same\ndate: 2019-05-24\n---\n\nTwo.\n',
    });
    await expect(build({ contentDir: dir, outDir: await tempDir() })).rejects.toThrow(/2019-05-23-same\.md and .*2019-05-24-same\.md/);
  });

  it('leaves drafts out of every page, feed, the sitemap and search, folds tag spellings to one page and never runs template syntax from an article', async () => {
    const dir = await contentWith({
      '2019/2019-05-23-one.md':
        '---\ntitle: One\ndate: 2019-05-23\ntags: [NATO]\n---\n\n{{ site.name }} {% raw %} <script>alert(1)</script>\n',
      '2019/2019-05-24-two.md': '---\ntitle: Two\ndate: 2019-05-24\ntags: ["nato "]\n---\n\nTwo.\n',
      '2019/2019-05-25-three.md': '---\ntitle: Three\ndate: 2019-05-25\ntags: [NATO]\ndraft: true\n---\n\nDraft.\n',
    });
    const out = await tempDir();
    const result = await build({ contentDir: dir, outDir: out, pathPrefix: '/archive/' });
    expect(result.articles).toBe(2);
    expect(existsSync(path.join(out, 'articles/2019/05/three/index.html'))).toBe(false);
    // The draft reaches no list, feed, sitemap or index page, and the search index counts the two published articles only.
    const files = (await readdir(out, { recursive: true })).filter((file) => /\.(html|xml|json|txt)$/.test(file));
    const naming = [];
    for (const file of files) if ((await readFile(path.join(out, file), 'utf8')).includes('articles/2019/05/three/')) naming.push(file);
    expect(naming).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['feed.xml', 'feed.json', 'sitemap.xml', 'index.html', 'tags/nato/index.html']));
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(2);
    const one = await readFile(path.join(out, 'articles/2019/05/one/index.html'), 'utf8');
    expect(one).toContain('{{ site.name }} {% raw %} &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(one).toContain('<a href="/archive/tags/nato/">NATO</a>');
    const tag = await readFile(path.join(out, 'tags/nato/index.html'), 'utf8');
    expect(tag).toContain('2 articles');
    expect(existsSync(path.join(out, 'tags/nato-2'))).toBe(false);
  });

  it('neither renders a template nor runs a data file that a content folder carries', async () => {
    const dir = await contentWith({ '2019/2019-05-23-one.md': '---\ntitle: One\ndate: 2019-05-23\n---\n\nOne.\n' });
    const marker = path.join(dir, 'ran.txt');
    await writeFile(path.join(dir, 'evil.njk'), '<p>{{ 6 * 7 }}</p>');
    await mkdir(path.join(dir, '_data'), { recursive: true });
    await writeFile(
      path.join(dir, '_data', 'evil.cjs'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};`,
    );
    await writeFile(
      path.join(dir, '_data', 'evil.js'),
      `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'ran'); export default {};`,
    );
    const out = await tempDir();
    await build({ contentDir: dir, outDir: out });
    expect(existsSync(path.join(out, 'evil'))).toBe(false);
    expect(existsSync(path.join(out, 'evil.html'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });
});
