import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { hasRoom, indexSite, SearchIndexer, searchRuns, startSearchEarly } from '../../src/search/indexer.ts';
import { searchBundles } from '../../src/search/plan.ts';
import { searchView } from '../../src/search/view.mjs';
import { createHash } from 'node:crypto';

const execFileAsync = promisify(execFile);

let site: string;

const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

async function writePage(url: string, html: string): Promise<void> {
  await mkdir(path.join(site, url), { recursive: true });
  await writeFile(path.join(site, url, 'index.html'), html);
}

beforeEach(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'archive-search-'));
  await writePage(
    'articles/2019/05/nato-warns/',
    page('<article data-pagefind-body><h1 data-pagefind-meta="title">NATO warns</h1><p>Stoltenberg spoke.</p></article>'),
  );
  // A listing page that repeats the article's words: it must never become a result.
  await writePage('tags/nato/', page('<h1>NATO</h1><p>NATO warns. Stoltenberg spoke.</p>'));
});

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

describe('indexSite', () => {
  it('indexes the article pages alone and writes the bundle into pagefind/', async () => {
    const report = await indexSite(site);
    expect(report).toEqual({ pages: 1, outputPath: path.join(site, 'pagefind'), bundles: ['pagefind/'] });
    const entry = JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: { en: { page_count: number } };
    };
    expect(entry.languages.en.page_count).toBe(1);
  });

  it('indexes the article pages alone even when none marks its body', async () => {
    await writePage('articles/2019/05/nato-warns/', page('<h1>NATO warns</h1>'));
    expect((await indexSite(site)).pages).toBe(1);
  });

  it('replaces the bundle of an earlier build instead of adding to it', async () => {
    await indexSite(site);
    const before = await readdir(path.join(site, 'pagefind'));
    await writePage('articles/2019/06/eu-sanctions/', page('<article data-pagefind-body><h1>EU sanctions</h1></article>'));
    await indexSite(site);
    const after = await readdir(path.join(site, 'pagefind'));
    expect(after.filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
    expect(after.length).toBe(before.length);
  });

  it('indexes a larger archive in shards, the bundles the search page names, and drops shards a smaller rebuild no longer needs', async () => {
    for (let day = 10; day < 15; day++)
      await writePage(
        `articles/2019/06/story-${day}/`,
        page(`<article data-pagefind-body><h1>Story ${day}</h1><p>Sanctions day ${day}.</p></article>`),
      );
    const report = await indexSite(site, { shardPages: 2 });
    // Six article pages: two full shards of two, and the newest two (at least a quarter of a full shard, one) in shards of one.
    expect(report.bundles).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/', 'pagefind-4/']);
    expect(report.pages).toBe(6);
    expect(searchBundles(6, 2)).toEqual(report.bundles);
    let counted = 0;
    for (const bundle of report.bundles) {
      const entry = JSON.parse(await readFile(path.join(site, bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: { en: { page_count: number } };
      };
      counted += entry.languages.en.page_count;
    }
    expect(counted).toBe(6);
    const again = await indexSite(site, { shardPages: 5 });
    expect(again.bundles).toEqual(['pagefind/', 'pagefind-2/']);
    expect((await readdir(site)).filter((name) => name.startsWith('pagefind')).sort()).toEqual(['pagefind', 'pagefind-2']);
  });
});

describe('what Pagefind is given', () => {
  it("is each page's search view, which makes the same bundle, file for file, as the whole page", async () => {
    const whole = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>NATO warns | Archive</title>
<link rel="stylesheet" href="/style.css"></head><body><header><nav><a href="/">Home</a> <a href="/tags/">Tags</a></nav></header>
<main><article data-pagefind-body><h1 data-pagefind-meta="title">NATO warns</h1>
<p class="meta"><time datetime="2019-05-02">2 May 2019</time> <span data-pagefind-filter="tag">NATO</span></p>
<p>Stoltenberg said allies would answer <em>cyber attacks</em> together.</p><div data-pagefind-ignore><p>Cite this</p></div></article>
<aside><h2>Related stories</h2><ul><li><a href="/articles/2019/04/eu/">EU sanctions hackers</a></li></ul></aside></main>
<footer><p>Cookie notice, licence.</p></footer></body></html>`;
    await writePage('articles/2019/05/nato-warns/', whole);
    await indexSite(site);
    const direct = await mkdtemp(path.join(tmpdir(), 'archive-search-whole-'));
    try {
      const pagefind = await import('pagefind');
      const { index } = await pagefind.createIndex({});
      await index!.addHTMLFile({ sourcePath: 'articles/2019/05/nato-warns/index.html', content: whole });
      await index!.writeFiles({ outputPath: direct });
      await pagefind.close();
      const files = async (folder: string) => (await readdir(folder, { recursive: true })).map(String).sort();
      const ours = await files(path.join(site, 'pagefind'));
      expect(ours).toEqual(await files(direct));
      expect(ours.some((file) => file.startsWith('fragment/'))).toBe(true);
      for (const file of ours.filter((name) => name.includes('.')))
        expect(await readFile(path.join(site, 'pagefind', file)), file).toEqual(await readFile(path.join(direct, file)));
    } finally {
      await rm(direct, { recursive: true, force: true });
    }
  });
});

describe('searchRuns', () => {
  it('runs two shards at once up to 500 pages a shard (one on a one-core machine), and one from larger shards on, for memory', () => {
    expect(searchRuns(125)).toBe(Math.min(2, availableParallelism()));
    expect(searchRuns(500)).toBe(Math.min(2, availableParallelism()));
    expect(searchRuns(1_000)).toBe(1);
    expect(searchRuns(1_500)).toBe(1);
  });
});

describe('hasRoom', () => {
  const shards = (...sizes: number[]) => sizes.map((size) => ({ pages: Array.from({ length: size }, (_, page) => page) }));
  it('gives a Pagefind process shards while it holds fewer than four or fewer than 2,000 pages', () => {
    // A full build's first shards are the newest, small ones: four of them must not be all a process holds through a run.
    expect(hasRoom(shards(3, 125, 125, 125))).toBe(true);
    expect(hasRoom(shards(3, 125, 125, 125, 125, 500, 500))).toBe(true);
    expect(hasRoom(shards(3, 125, 125, 125, 125, 500, 500, 500))).toBe(false);
    expect(hasRoom(shards(500, 500, 500, 500))).toBe(false);
    expect(hasRoom(shards(250, 250, 250, 250, 250, 250, 250, 250))).toBe(false);
    // Shards of 1,000 pages (from 16,000 articles): four, as before.
    expect(hasRoom(shards(1_000, 1_000, 1_000))).toBe(true);
    expect(hasRoom(shards(1_000, 1_000, 1_000, 1_000))).toBe(false);
    expect(hasRoom([])).toBe(true);
  });
});

describe('SearchIndexer', () => {
  it('indexes shards two at a time once widened, each into its own bundle, counting every page once', async () => {
    const urls = ['a', 'b', 'c', 'd'].map((slug) => `articles/2019/05/${slug}/`);
    for (const url of urls) await writePage(url, page(`<article data-pagefind-body><h1>${url}</h1><p>Words.</p></article>`));
    const indexer = await SearchIndexer.create(site);
    indexer.widen(2);
    urls.forEach((url, index) => {
      indexer.indexShard(index, [`${url}index.html`]);
    });
    expect(await indexer.settled()).toBe(4);
    for (const folder of ['pagefind', 'pagefind-2', 'pagefind-3', 'pagefind-4']) {
      const entry = JSON.parse(await readFile(path.join(site, folder, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([1]);
    }
  });

  it('holds a shard before a page until released: going on, it writes the very bundle indexShard writes; dropped, nothing', async () => {
    const { pages, expected } = await threePagesIndexed();
    const bundle = () => bundleIn(path.join(site, 'pagefind'));

    // The last page is not there yet while the first two are indexed: read before the release, it would fail the shard.
    const last = await readFile(path.join(site, pages[2]!), 'utf8');
    await rm(path.join(site, pages[2]!));
    const held = await SearchIndexer.create(site);
    held.holdShard(0, pages, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await writeFile(path.join(site, pages[2]!), last);
    held.release(0, true);
    expect(await held.settled()).toBe(3);
    expect(await bundle()).toEqual(expected);

    // Released with the search views the pages before the hold must have: those it read, so it goes on (the same bundle) ...
    const view = (html: string) => createHash('sha256').update(searchView(html)).digest('hex');
    const first = await readFile(path.join(site, pages[0]!), 'utf8');
    const second = await readFile(path.join(site, pages[1]!), 'utf8');
    const checked = await SearchIndexer.create(site);
    checked.holdShard(0, pages, 2);
    checked.release(0, true, [view(first), view(second)]);
    expect(await checked.settled()).toBe(3);
    expect(await bundle()).toEqual(expected);
    // ... unless one of them was read before its new version was written: then the shard is indexed anew, whole.
    const stale = await SearchIndexer.create(site);
    stale.holdShard(0, pages, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const edited = page('<article data-pagefind-body><h1>articles/2019/05/a/</h1><p>Words written again.</p></article>');
    await writeFile(path.join(site, pages[0]!), edited);
    stale.release(0, true, [view(edited), view(second)]);
    expect(await stale.settled()).toBe(3);
    const anew = await bundle();
    const whole2 = await SearchIndexer.create(site);
    whole2.indexShard(0, pages);
    await whole2.settled();
    expect(anew).toEqual(await bundle());
    expect(anew).not.toEqual(expected);
    await writeFile(path.join(site, pages[0]!), first);

    const dropped = await SearchIndexer.create(site);
    dropped.holdShard(0, pages, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    dropped.release(0, false);
    expect(await dropped.settled()).toBe(0);
    expect((await readdir(site)).filter((name) => name.startsWith('pagefind'))).toEqual([]);

    // Never released (the build failed first): dropped when the indexer ends, which does not wait for ever.
    const abandoned = await SearchIndexer.create(site);
    abandoned.holdShard(0, pages, 1);
    await abandoned.settle();
    expect((await readdir(site)).filter((name) => name.startsWith('pagefind'))).toEqual([]);
  });

  it('indexes a held shard anew at its release when a page before the hold could not be read, and reads a held shard from its own folders', async () => {
    const { pages, expected } = await threePagesIndexed();
    const bundle = (folder = path.join(site, 'pagefind')) => bundleIn(folder);

    // The first page is missing while the shard is held (a held shard starts before the build knows what the previous
    // site has): no failure; once released, with every page written, the shard is indexed anew and comes out whole.
    const first = await readFile(path.join(site, pages[0]!), 'utf8');
    await rm(path.join(site, pages[0]!));
    const held = await SearchIndexer.create(site);
    held.holdShard(0, pages, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await writeFile(path.join(site, pages[0]!), first);
    held.release(0, true, ['', '']);
    expect(await held.settled()).toBe(3);
    expect(await bundle()).toEqual(expected);
    // Dropped instead, it writes nothing and fails nothing.
    await rm(path.join(site, pages[0]!));
    const dropped = await SearchIndexer.create(site);
    dropped.holdShard(0, pages, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    dropped.release(0, false);
    expect(await dropped.settled()).toBe(0);
    expect((await readdir(site)).filter((name) => name.startsWith('pagefind'))).toEqual([]);
    await writeFile(path.join(site, pages[0]!), first);

    // A held shard's own folders: its pages are read from the first that has each, the bundle written into the indexer's site.
    const other = await mkdtemp(path.join(tmpdir(), 'archive-indexer-from-'));
    try {
      const staging = path.join(other, 'staging');
      await mkdir(staging);
      const fromOld = await SearchIndexer.create(staging);
      fromOld.holdShard(0, pages, 3, [staging, site]);
      fromOld.release(0, true);
      expect(await fromOld.settled()).toBe(3);
      expect(await bundle(path.join(staging, 'pagefind'))).toEqual(expected);
      // Without them, the same shard reads the indexer's site alone, which has no pages: it fails.
      const alone = await SearchIndexer.create(staging);
      alone.indexShard(0, pages);
      await expect(alone.settled()).rejects.toThrow(/failed on pagefind\//);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('writes a shard held after its last page, some pages given rather than read, before its release (once past its pause), and keeps that bundle only when released with the views it indexed', async () => {
    const { pages, expected } = await threePagesIndexed();
    const bundle = () => bundleIn(path.join(site, 'pagefind'));
    const view = (html: string) => createHash('sha256').update(searchView(html)).digest('hex');
    const texts = await Promise.all(pages.map((file) => readFile(path.join(site, file), 'utf8')));
    const views = texts.map(view);
    // The last page as the build will write it, given to the indexer while the site still has its old version.
    const newer = page('<article data-pagefind-body><h1>articles/2019/05/c/</h1><p>Words written again.</p></article>');
    const whole = await SearchIndexer.create(site);
    await writeFile(path.join(site, pages[2]!), newer);
    whole.indexShard(0, pages);
    await whole.settled();
    const withNewer = await bundle();
    expect(withNewer).not.toEqual(expected);
    await writeFile(path.join(site, pages[2]!), texts[2]!);

    // Given the newer text, the shard is written before it is released (the site's own page is the old one), once
    // resumed past its pause ...
    const ahead = await SearchIndexer.create(site);
    ahead.holdShard(0, pages, 3, undefined, { 2: newer }, 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readdir(site)).not.toContain('pagefind');
    ahead.resume(0);
    // Pagefind writes the bundle file by file: wait for its entry file.
    const entry = path.join(site, 'pagefind', 'pagefind-entry.json');
    for (let waited = 0; !(await stat(entry).catch(() => undefined)) && waited < 100; waited++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readdir(path.join(site, 'pagefind'))).toContain('pagefind-entry.json');
    // ... and kept, released with the views it indexed: the bundle of the newer page, read from the site.
    ahead.release(0, true, [views[0]!, views[1]!, view(newer)]);
    expect(await ahead.settled()).toBe(3);
    expect(ahead.keptAhead).toBe(1);
    expect(await bundle()).toEqual(withNewer);

    // Released with another view of the given page (the build rendered it otherwise): removed, and made anew from the site.
    const wrong = await SearchIndexer.create(site);
    wrong.holdShard(0, pages, 3, undefined, { 2: newer });
    wrong.release(0, true, views);
    expect(await wrong.settled()).toBe(3);
    expect(wrong.keptAhead).toBe(0);
    expect(await bundle()).toEqual(expected);

    // Dropped (the previous bundle kept after all): removed, and nothing written.
    const dropped = await SearchIndexer.create(site);
    dropped.holdShard(0, pages, 3, undefined, { 2: newer });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    dropped.release(0, false);
    expect(await dropped.settled()).toBe(0);
    expect((await readdir(site)).filter((name) => name.startsWith('pagefind'))).toEqual([]);
  });

  it('reports the shard that failed, and starts none of the shards queued after it', async () => {
    const indexer = await SearchIndexer.create(site);
    indexer.indexShard(0, ['articles/2019/05/nato-warns/index.html']);
    indexer.indexShard(1, ['articles/2019/05/no-such-page/index.html']);
    indexer.indexShard(2, ['articles/2019/05/nato-warns/index.html']);
    await expect(indexer.settled()).rejects.toThrow(/failed on pagefind-2\/.*no-such-page/);
    const bundles = (await readdir(site)).filter((name) => name.startsWith('pagefind')).sort();
    expect(bundles).toEqual(['pagefind']);
  });

  it('takes the Pagefind process started early, which indexes the first shard and ends with the indexer', async () => {
    const pid = startSearchEarly();
    expect(pid).toBeTypeOf('number');
    expect(startSearchEarly(), 'one spare at a time').toBe(pid);
    const indexer = await SearchIndexer.create(site);
    indexer.indexShard(0, ['articles/2019/05/nato-warns/index.html']);
    expect(await indexer.settled()).toBe(1);
    // Taken by the indexer, it was told to end with it; left untaken, it would still run.
    await waitUntil(() => !running(pid!));
  });

  it('leaves a process started early and never taken to end with the process that started it', async () => {
    const script = [
      `const { startSearchEarly } = await import(${JSON.stringify(pathToFileURL(path.resolve('src/search/indexer.ts')).href)});`,
      'console.log(startSearchEarly());',
    ].join('\n');
    const started = performance.now();
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    // The starting process was not held open by it (it ends at once), and it follows.
    expect(performance.now() - started).toBeLessThan(30_000);
    await waitUntil(() => !running(pid));
  });
});

/** Whether process `pid` still runs. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `done()` holds; fails after ten seconds. */
async function waitUntil(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done(); ) {
    if (Date.now() - start > 10_000) throw new Error('still running after 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every file of the bundle in `folder`, by name, with its bytes (base64). */
async function bundleIn(folder: string): Promise<string[][]> {
  const names = (await readdir(folder, { recursive: true })).sort();
  return Promise.all(
    names.map(async (name) => [name, (await readFile(path.join(folder, name)).catch(() => Buffer.alloc(0))).toString('base64')]),
  );
}

/** Three article pages written into the site and indexed whole into its first bundle: their paths, and that bundle's files. */
async function threePagesIndexed(): Promise<{ pages: string[]; expected: string[][] }> {
  const urls = ['a', 'b', 'c'].map((slug) => `articles/2019/05/${slug}/`);
  for (const url of urls) await writePage(url, page(`<article data-pagefind-body><h1>${url}</h1><p>Words of ${url}.</p></article>`));
  const pages = urls.map((url) => `${url}index.html`);
  const whole = await SearchIndexer.create(site);
  whole.indexShard(0, pages);
  expect(await whole.settled()).toBe(3);
  return { pages, expected: await bundleIn(path.join(site, 'pagefind')) };
}
