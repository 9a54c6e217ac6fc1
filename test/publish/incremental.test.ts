import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/archive/fingerprint.ts';
import {
  CACHE_FORMAT,
  cacheFolder,
  KEY_CHANGED,
  manifestDeltaFile,
  manifestFile,
  recordFiles,
  type Manifest,
  writeManifest,
} from '../../src/publish/cache.ts';
import { openAndCheck } from '../../src/publish/check-worker.mjs';
import { INCOMPLETE } from '../../src/publish/manifest-file.mjs';
import { openPrevious, usablePrevious, SiteUpdate, type PreviousSite } from '../../src/publish/incremental.ts';
import { Worker } from 'node:worker_threads';
import { listFiles } from '../support/files.ts';
import { searchView } from '../../src/search/view.mjs';
import { bundleFolder, isBundleFolder } from '../../src/search/plan.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-incremental-unit-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

/** A published site of two pages and a stylesheet, with its manifest. */
function published(name: string): { out: string; manifest: Manifest } {
  const out = path.join(root, name);
  write(out, { 'index.html': 'home', 'a/index.html': 'page a', 'b/index.html': 'page b', 'assets/site.css': 'css' });
  const files = recordFiles(out, new Map());
  files['a/index.html'] = { ...files['a/index.html']!, url: '/a/', fingerprint: 'fa' };
  files['b/index.html'] = { ...files['b/index.html']!, url: '/b/', fingerprint: 'fb' };
  const manifest: Manifest = { format: CACHE_FORMAT, key: 'k', outDir: out, files };
  writeManifest(out, manifest);
  return { out, manifest };
}

/** The previous site of `out` as a build opens it (on the check's worker thread), failing when there is none. */
async function previousOf(out: string): Promise<PreviousSite> {
  const opened = await openPrevious(out);
  if ('reason' in opened) throw new Error(opened.reason);
  return opened;
}

describe('openPrevious', () => {
  it('trusts a file as recorded (same inode and time, or else the same bytes) and names the files the manifest does not list', async () => {
    const { out, manifest } = published('checked');
    fs.writeFileSync(path.join(out, 'index.html'), 'HOME');
    fs.rmSync(path.join(out, 'b/index.html'));
    fs.writeFileSync(path.join(out, 'b/index.html'), 'page b');
    fs.writeFileSync(path.join(out, 'dropped.html'), 'not ours');
    const previous = await previousOf(out);
    expect(previous.manifest).toEqual(manifest);
    const { checked } = previous;
    expect([...checked.trusted.keys()].sort()).toEqual(['a/index.html', 'assets/site.css', 'b/index.html']);
    expect(checked.trusted.get('b/index.html')!.ino).toBe(fs.statSync(path.join(out, 'b/index.html')).ino);
    expect(checked.strays).toEqual(['dropped.html']);
  });

  it('takes a manifest whose columns are not whole (a value missing, a size not a number, a path twice) for none, rather than failing', async () => {
    const { out } = published('corrupt-columns');
    const file = manifestFile(out);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, unknown[] | string> };
    const columns = stored.files as { rels: string[]; size: unknown[]; sha: string; url: string[] };
    const variants = [
      { ...columns, sha: columns.sha.split('\n').slice(1).join('\n') },
      { ...columns, size: columns.size.map(String) },
      { ...columns, rels: columns.rels.map(() => columns.rels[0]) },
      { ...columns, url: columns.url.slice(1) },
    ];
    for (const files of variants) {
      fs.writeFileSync(file, JSON.stringify({ ...stored, files }));
      expect(await openPrevious(out)).toEqual({ reason: 'the cache is corrupt' });
    }
  });

  it('gives the same answer on this thread as in the worker (its fallback)', async () => {
    const { out } = published('same-here');
    fs.writeFileSync(path.join(out, 'a/index.html'), 'page A');
    const here = openAndCheck(cacheFolder(out), out);
    if ('reason' in here) throw new Error(here.reason);
    const worker = await previousOf(out);
    expect(here.stored.files.rels.filter((_, index) => here.answer.trusted[index]).sort()).toEqual(
      [...worker.checked.trusted.keys()].sort(),
    );
    expect(here.answer.strays).toEqual(worker.checked.strays);
  });

  it("is used only for the build's key, and ends its worker when the build stops first", async () => {
    const { out } = published('keys');
    const opened = await openPrevious(out);
    expect('manifest' in usablePrevious(opened, 'k')).toBe(true);
    expect(usablePrevious(opened, 'other')).toEqual({ reason: KEY_CHANGED });
    const stop = new AbortController();
    const stopped = openPrevious(out, stop.signal);
    stop.abort();
    expect(await stopped).toEqual({ reason: 'the build stopped' });
  });
});

describe("the check's worker", () => {
  /** A thread's nice value, from /proc (the 19th field of its stat). */
  const niceOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);

  it("lowers its own thread's priority on Linux, not the build's", async () => {
    const code = `
      const { parentPort } = require('node:worker_threads');
      const fs = require('node:fs');
      const nice = () => fs.readFileSync('/proc/thread-self/stat', 'utf8');
      import(${JSON.stringify(new URL('../../src/publish/check-worker.mjs', import.meta.url).href)}).then((module) => {
        const before = nice();
        const lowered = module.yieldToBuild();
        parentPort.postMessage({ before, lowered, after: nice() });
      });`;
    const mainBefore = niceOf(fs.readFileSync('/proc/thread-self/stat', 'utf8'));
    const worker = new Worker(code, { eval: true });
    const answer = await new Promise<{ before: string; lowered: boolean; after: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(process.platform, 'this test reads /proc: it runs on Linux, as CI does').toBe('linux');
    expect(answer.lowered).toBe(true);
    expect(niceOf(answer.after)).toBe(Math.min(19, niceOf(answer.before) + 10));
    expect(niceOf(fs.readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(mainBefore);
  });
});

describe('an incremental SiteUpdate', () => {
  it('leaves unchanged files untouched, moves changed ones in, deletes what the new site lacks, and records it all', async () => {
    const { out } = published('site');
    write(out, { 'stray.html': 'left by hand' });
    const staging = path.join(root, '.site.building');
    fs.mkdirSync(staging);
    const inodeOf = (rel: string) => fs.statSync(path.join(out, rel)).ino;
    const before = { a: inodeOf('a/index.html'), css: inodeOf('assets/site.css') };
    const site = new SiteUpdate({
      outDir: out,
      staging,
      key: 'k2',
      previous: await previousOf(out),
      articleUrls: [],
      shardPages: 10,
      index: () => undefined,
    });
    // Page a is unchanged; page b is gone; the home page and the stylesheet are written again, one of them with new bytes.
    expect(site.keepPages([{ url: '/a/', fingerprint: 'fa' }])).toEqual(new Set());
    write(staging, { 'index.html': 'new home', 'assets/site.css': 'css' });
    site.written(path.join(staging, 'index.html'), '/', 'new home', undefined);
    site.written(path.join(staging, 'assets/site.css'), undefined, 'css', undefined);
    await site.rawFiles([{ url: '/feed.xml', key: () => 'feed-1', render: () => '<feed/>' }]);
    expect(site.publish()).toEqual({ written: 2, kept: 2 });
    expect(listFiles(out)).toEqual(['a/index.html', 'assets/site.css', 'feed.xml', 'index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new home');
    expect([inodeOf('a/index.html'), inodeOf('assets/site.css')]).toEqual([before.a, before.css]);
    expect(fs.existsSync(path.join(out, 'b'))).toBe(false);
    expect(fs.existsSync(staging)).toBe(false);
    const next = usablePrevious(await openPrevious(out), 'k2');
    if (!('manifest' in next)) throw new Error(next.reason);
    expect(next.manifest.files['feed.xml']).toMatchObject({ sha: sha256('<feed/>'), key: 'feed-1' });
    expect(next.manifest.files['index.html']).toMatchObject({ sha: sha256('new home'), ino: inodeOf('index.html') });
  });

  it("records a full build's search bundles as each is written, before or after the other files, so the next build trusts every file", async () => {
    const out = path.join(root, 'bundles');
    const staging = path.join(root, '.bundles.building');
    fs.mkdirSync(staging);
    const urls = Array.from({ length: 8 }, (_, at) => `/p${at}/`);
    const finish = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
    const site = new SiteUpdate({
      outDir: out,
      staging,
      key: 'k',
      articleUrls: urls,
      // Eight pages a shard, the newest in quarter shards (src/search/plan.ts): four bundles of two pages, each written (Pagefind's part) when the test says so.
      shardPages: 8,
      index: (shard) => {
        write(staging, {
          [`${bundleFolder(shard)}/entry.json`]: `{"shard":${shard}}`,
          [`${bundleFolder(shard)}/fragment/a.pf_fragment`]: `f${shard}`,
        });
        const written = new Promise<void>((resolve, reject) => finish.set(shard, { resolve, reject }));
        written.catch(() => undefined);
        return written;
      },
    });
    site.start();
    for (const url of urls) {
      write(staging, { [`${url.slice(1)}index.html`]: `<main>${url}</main>` });
      site.written(path.join(staging, `${url.slice(1)}index.html`), url, `<main>${url}</main>`, `f${url}`);
    }
    write(staging, { 'index.html': 'home' });
    site.written(path.join(staging, 'index.html'), '/', 'home', undefined);
    expect([...finish.keys()].sort()).toEqual([0, 1, 2, 3]);
    // One bundle written before the other files are recorded, one after, one failed (left to publish), one still going at publish.
    finish.get(0)!.resolve();
    finish.get(2)!.reject(new Error('Pagefind failed'));
    await new Promise((resolve) => setImmediate(resolve));
    await site.rawFiles([{ url: '/feed.xml', key: () => 'feed-1', render: () => '<feed/>' }]);
    site.recordAhead((top) => !isBundleFolder(top));
    finish.get(1)!.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    // Written again after its first writing: publish records it as it is then.
    write(staging, { [`${bundleFolder(3)}/entry.json`]: '{"shard":3,"again":true}' });
    site.publish();
    const next = usablePrevious(await openPrevious(out), 'k');
    if (!('manifest' in next)) throw new Error(next.reason);
    expect(Object.keys(next.manifest.files).sort()).toEqual(
      listFiles(out)
        .filter((rel) => !rel.startsWith('.'))
        .sort(),
    );
    for (const rel of listFiles(out)) {
      const bytes = fs.readFileSync(path.join(out, rel));
      expect(next.manifest.files[rel], rel).toMatchObject({
        sha: sha256(bytes),
        size: bytes.length,
        ino: fs.statSync(path.join(out, rel)).ino,
      });
    }
    expect(next.checked.strays).toEqual([]);
    expect(next.checked.trusted.size).toBe(listFiles(out).length);
    expect(next.manifest.search?.shards?.map((shard) => shard.files.length)).toEqual([2, 2, 2, 2]);
  });

  it("hears the thread's events while it makes many raw files (a search process asking for its next shard)", async () => {
    const staging = path.join(root, '.raw.building');
    fs.mkdirSync(staging);
    const site = new SiteUpdate({
      outDir: path.join(root, 'raw'),
      staging,
      key: 'k',
      articleUrls: [],
      shardPages: 8,
      index: () => undefined,
    });
    let heard = false;
    setImmediate(() => {
      heard = true;
    });
    let heardBy = -1;
    await site.rawFiles(
      Array.from({ length: 450 }, (_, at) => ({
        url: `/cite/${at}.ris`,
        render: () => {
          if (heard && heardBy < 0) heardBy = at;
          return `TY  - ${at}`;
        },
      })),
    );
    // Heard after the first 200 files, not once all are made.
    expect(heardBy).toBe(199);
    expect(fs.readFileSync(path.join(staging, 'cite/449.ris'), 'utf8')).toBe('TY  - 449');
  });

  it('takes the shard held ahead in an incremental build, releasing it once its pages are known; drops it in any other', async () => {
    const { out } = published('held');
    const urls = ['/p1/', '/p2/', '/p3/'];
    const releases: [number, boolean, readonly string[] | undefined][] = [];
    const make = async (name: string, held: { index: number; at: number; urls: string[] }, previous: boolean) => {
      const staging = path.join(root, `.${name}.building`);
      fs.mkdirSync(staging);
      const indexed: number[] = [];
      const site = new SiteUpdate({
        outDir: out,
        staging,
        key: 'k',
        ...(previous ? { previous: await previousOf(out) } : {}),
        articleUrls: [...urls].reverse(),
        // Small shards of a quarter of that: the three pages are one.
        shardPages: 12,
        index: (shard) => {
          indexed.push(shard);
        },
        held,
        release: (shard, go, expect) => releases.push([shard, go, expect]),
      });
      return { site, staging, indexed };
    };
    // Incremental: released to go on once its pages are written, with the search views of the pages before the hold.
    const { site, staging, indexed } = await make('held-go', { index: 0, at: 2, urls }, true);
    expect(releases).toEqual([]);
    for (const [at, url] of urls.entries()) {
      write(staging, { [`${url.slice(1)}index.html`]: `<main>page ${at}</main>` });
      site.written(path.join(staging, `${url.slice(1)}index.html`), url, `<main>page ${at}</main>`, `f${at}`);
    }
    expect(releases).toEqual([[0, true, [0, 1].map((at) => sha256(searchView(`<main>page ${at}</main>`)))]]);
    expect(indexed, 'not handed over again').toEqual([]);
    // A full build, or a shard of other pages than this site's (the archive sorted otherwise): dropped at once.
    releases.length = 0;
    await make('held-full', { index: 0, at: 2, urls }, false);
    await make('held-other', { index: 0, at: 2, urls: ['/p1/', '/p3/', '/p2/'] }, true);
    await make('held-none', { index: 4, at: 1, urls }, true);
    expect(releases).toEqual([
      [0, false, undefined],
      [0, false, undefined],
      [4, false, undefined],
    ]);
  });

  it('keeps a raw file whose key is the recorded one without making it', async () => {
    const { out, manifest } = published('keyed');
    write(out, { 'feed.xml': '<feed/>' });
    const feed = { ...recordFiles(out, new Map())['feed.xml']!, key: 'feed-1' };
    writeManifest(out, { ...manifest, files: { ...manifest.files, 'feed.xml': feed } });
    const staging = path.join(root, '.keyed.building');
    fs.mkdirSync(staging);
    const site = new SiteUpdate({
      outDir: out,
      staging,
      key: 'k',
      previous: await previousOf(out),
      articleUrls: [],
      shardPages: 10,
      index: () => undefined,
    });
    await site.rawFiles([
      {
        url: '/feed.xml',
        key: () => 'feed-1',
        render: () => {
          throw new Error('made though its key is unchanged');
        },
      },
    ]);
    expect(fs.existsSync(path.join(staging, 'feed.xml'))).toBe(false);
  });
});

/**
 * An incremental build of `out` with `key`: the pages `pages` kept when their fingerprints are the recorded ones,
 * the files `staged` written (each kept untouched when the previous site has its bytes), then published.
 */
async function update(
  out: string,
  key: string,
  pages: { url: string; fingerprint: string }[],
  staged: Record<string, string>,
): Promise<{ written: number; kept: number }> {
  const staging = path.join(root, `.${path.basename(out)}.building`);
  fs.mkdirSync(staging);
  const site = new SiteUpdate({
    outDir: out,
    staging,
    key,
    previous: await previousOf(out),
    articleUrls: [],
    shardPages: 10,
    index: () => undefined,
  });
  expect(site.keepPages(pages)).toEqual(new Set());
  write(staging, staged);
  for (const [rel, text] of Object.entries(staged)) site.written(path.join(staging, rel), undefined, text, undefined);
  return site.publish();
}

/** Fails unless the manifest of `out`, as the next build reads it, records every file of the site as it is, and only those. */
async function expectRecordsTheSite(out: string): Promise<Manifest> {
  const { manifest, checked } = await previousOf(out);
  const files = listFiles(out);
  expect(Object.keys(manifest.files).sort()).toEqual(files);
  for (const rel of files) {
    const stat = fs.lstatSync(path.join(out, rel));
    expect(manifest.files[rel], rel).toMatchObject({
      sha: sha256(fs.readFileSync(path.join(out, rel))),
      size: stat.size,
      ino: stat.ino,
      mtimeMs: stat.mtimeMs,
    });
  }
  expect([...checked.trusted.keys()].sort()).toEqual(files);
  return manifest;
}

const deltaOf = (out: string) =>
  JSON.parse(fs.readFileSync(manifestDeltaFile(out), 'utf8')) as { base: string; files: { rels: string[] }; removed: string[] };

describe("the manifest's delta", () => {
  it('holds what incremental builds changed since the base, which they leave as it was; base and delta read together describe the site', async () => {
    const { out } = published('delta');
    const base = fs.readFileSync(manifestFile(out), 'utf8');
    const token = (JSON.parse(base) as { token: string }).token;
    // Page a kept; the home page written anew; page b dropped; page c added; the stylesheet written with the same bytes.
    expect(
      await update(out, 'k', [{ url: '/a/', fingerprint: 'fa' }], {
        'index.html': 'home 2',
        'c/index.html': 'page c',
        'assets/site.css': 'css',
      }),
    ).toEqual({
      written: 2,
      kept: 2,
    });
    expect(fs.readFileSync(manifestFile(out), 'utf8')).toBe(base);
    expect(deltaOf(out)).toMatchObject({ base: token, removed: ['b/index.html'] });
    expect(deltaOf(out).files.rels.sort()).toEqual(['c/index.html', 'index.html']);
    expect((await expectRecordsTheSite(out)).files['a/index.html']).toMatchObject({ url: '/a/', fingerprint: 'fa' });
    // The next build keeps the first one's changes (in the delta still), adds page b back and rewrites the stylesheet.
    await update(out, 'k', [{ url: '/a/', fingerprint: 'fa' }], {
      'index.html': 'home 2',
      'c/index.html': 'page c',
      'b/index.html': 'b again',
      'assets/site.css': 'CSS',
    });
    expect(fs.readFileSync(manifestFile(out), 'utf8')).toBe(base);
    expect(deltaOf(out).removed).toEqual([]);
    expect(deltaOf(out).files.rels.sort()).toEqual(['assets/site.css', 'b/index.html', 'c/index.html', 'index.html']);
    await expectRecordsTheSite(out);
    // More changes than an eighth of the site besides 64: the manifest is written whole, a new base with an empty delta.
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`many/${index}.html`, `page ${index}`]));
    await update(out, 'k', [{ url: '/a/', fingerprint: 'fa' }], { ...many, 'index.html': 'home 2', 'assets/site.css': 'CSS' });
    const rewritten = JSON.parse(fs.readFileSync(manifestFile(out), 'utf8')) as { token: string; files: { rels: string[] } };
    expect(rewritten.token).not.toBe(token);
    expect(deltaOf(out)).toMatchObject({ base: rewritten.token, removed: [], files: { rels: [] } });
    expect(rewritten.files.rels).toHaveLength(83);
    await expectRecordsTheSite(out);
  });

  it('is no cache when it is missing (a build stopped while publishing), damaged or of another base', async () => {
    const { out } = published('delta-damaged');
    const delta = fs.readFileSync(manifestDeltaFile(out), 'utf8');
    fs.rmSync(manifestDeltaFile(out));
    expect(await openPrevious(out)).toEqual({ reason: INCOMPLETE });
    fs.writeFileSync(manifestDeltaFile(out), delta.slice(0, -3));
    expect(await openPrevious(out)).toEqual({ reason: 'the cache is corrupt' });
    fs.writeFileSync(manifestDeltaFile(out), JSON.stringify({ ...JSON.parse(delta), base: 'another' }));
    expect(await openPrevious(out)).toEqual({ reason: 'the cache is corrupt' });
    fs.writeFileSync(manifestDeltaFile(out), JSON.stringify({ ...JSON.parse(delta), removed: [1] }));
    expect(await openPrevious(out)).toEqual({ reason: 'the cache is corrupt' });
    fs.writeFileSync(manifestDeltaFile(out), delta);
    expect('manifest' in (await openPrevious(out))).toBe(true);
  });
});
