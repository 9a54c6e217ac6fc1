import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/archive/fingerprint.ts';
import { storyPrint } from '../../src/content/same-story.ts';
import { loadContent } from '../../src/store/load.ts';
import { PARSE_CACHE_DELTA, PARSE_CACHE_FILE, ParseCache } from '../../src/store/parse-cache.ts';
import { repoRoot } from '../support/build.ts';
import { fixtureArticleFiles } from '../support/fixture-archive.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-parse-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The bundled content with the fixture archive's articles that a build accepts. */
function contentFolder(name = 'content'): string {
  const dir = path.join(root, name);
  fs.cpSync(path.join(repoRoot, 'content'), dir, { recursive: true });
  for (const file of fixtureArticleFiles().filter((f) => !f.path.includes('hostile'))) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.text);
  }
  return dir;
}

describe('the parse cache', () => {
  const content = contentFolder();
  const cacheDir = path.join(root, 'cache');

  it('gives the very articles a fresh parse gives, undefined keys and all, and parses a changed file anew', async () => {
    const fresh = await loadContent(content);
    const first = ParseCache.open(cacheDir, 'k');
    expect((await loadContent(content, {}, first)).articles).toStrictEqual(fresh.articles);
    first.write().commit();
    const again = ParseCache.open(cacheDir, 'k');
    const fromCache = await loadContent(content, {}, again);
    expect(fromCache.articles).toStrictEqual(fresh.articles);
    expect(fresh.articles.length).toBeGreaterThan(50);
    // Every file came from the cache: a lookup with the same text finds its entry.
    const [one] = fresh.articles;
    const file = path.join(content, one!.file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A title changed by an editor'));
    const changed = await loadContent(content, {}, ParseCache.open(cacheDir, 'k'));
    expect(changed.articles.find((a) => a.file === one!.file)!.title).toBe('A title changed by an editor');
  });

  it('tells a file changed in its body alone from one whose front matter changed, and from a new file', async () => {
    const dir = contentFolder('body-only');
    const folder = path.join(root, 'cache-body-only');
    const first = ParseCache.open(folder, 'k');
    const before = await loadContent(dir, {}, first);
    first.write().commit();
    const [bodyEdited, titleEdited, unchanged] = before.articles;
    const edit = (article: typeof bodyEdited, change: (text: string) => string) => {
      const file = path.join(dir, article!.file);
      fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
    };
    edit(bodyEdited, (text) => `${text}\nA paragraph an editor added.\n`);
    edit(titleEdited, (text) => `${text.replace(/^title: .*$/m, 'title: A title changed by an editor')}\nA paragraph too.\n`);
    const added = 'articles/2031/2031-01-02-an-added-article.md';
    fs.mkdirSync(path.dirname(path.join(dir, added)), { recursive: true });
    fs.writeFileSync(path.join(dir, added), '---\ntitle: An added article\ndate: 2031-01-02\n---\nIts body.\n');
    const after = await loadContent(dir, {}, ParseCache.open(folder, 'k'));
    const of = (file: string) => after.articles.find((article) => article.file === file)!;
    expect(after.changed!(of(bodyEdited!.file))).toBe(true);
    expect(after.bodyOnlyChanged!(of(bodyEdited!.file))).toBe(true);
    expect(after.changed!(of(titleEdited!.file))).toBe(true);
    expect(after.bodyOnlyChanged!(of(titleEdited!.file))).toBe(false);
    expect(after.bodyOnlyChanged!(of(unchanged!.file))).toBe(false);
    expect(after.changed!(of(added))).toBe(true);
    expect(after.bodyOnlyChanged!(of(added))).toBe(false);
  });

  it('gives each build its own copy of what it holds: a build that changes an article changes nothing saved; and its remembered slugs are those a parse gives', async () => {
    const fresh = await loadContent(content);
    const first = ParseCache.open(cacheDir, 'k-copies');
    await loadContent(content, {}, first);
    first.write().commit();
    // The second build takes every file from the cache, remembers each slug, and changes its articles.
    const second = ParseCache.open(cacheDir, 'k-copies');
    const changed = await loadContent(content, {}, second);
    for (const article of changed.articles) {
      article.tags.push('changed by the build');
      if (article.source) article.source.name = 'changed by the build';
      // A value derived anew for each: every entry is written again.
      changed.derived!(article, 'mark', () => 1);
    }
    expect(changed.articles.some((article) => article.source)).toBe(true);
    second.write().commit();
    const third = await loadContent(content, {}, ParseCache.open(cacheDir, 'k-copies'));
    expect(third.articles).toStrictEqual(fresh.articles);
    expect(third.derived!(third.articles[0]!, 'slug', () => 'not remembered')).toBe(fresh.articles[0]!.slug);
  });

  it('remembers what is derived from a text, and only for the key it was made under', async () => {
    const cache = ParseCache.open(cacheDir, 'k2');
    const loaded = await loadContent(content, {}, cache);
    const article = loaded.articles[3]!;
    expect(loaded.derived!(article, 'storyPrint', () => storyPrint(article.body))).toEqual(storyPrint(article.body));
    cache.write().commit();
    const next = await loadContent(content, {}, ParseCache.open(cacheDir, 'k2'));
    const remembered = next.derived!(next.articles[3]!, 'storyPrint', () => {
      throw new Error('made again');
    });
    expect(remembered).toEqual(storyPrint(article.body));
    expect(remembered).toBeInstanceOf(Uint32Array);
    // Another key (other code): nothing is taken from the cache.
    const other = await loadContent(content, {}, ParseCache.open(cacheDir, 'other'));
    expect(other.derived!(other.articles[3]!, 'storyPrint', () => 'made')).toBe('made');
  });

  it('is written aside and takes the place of the last one only when committed; a discarded write leaves nothing', async () => {
    const folder = path.join(root, 'cache-aside');
    const saved = ParseCache.open(folder, 'k3');
    const { articles } = await loadContent(content, {}, saved);
    saved.write().commit();
    const file = articles[0]!.file;
    const sha = sha256(fs.readFileSync(path.join(content, file), 'utf8'));
    const holds = (key: string) => ParseCache.open(folder, key).lookup(file, sha) !== undefined;
    expect(holds('k3')).toBe(true);
    // A build that fails after writing (its search index, say): the last cache stands, no temporary file is left.
    const failed = ParseCache.open(folder, 'k4');
    await loadContent(content, {}, failed);
    const pending = failed.write();
    expect(fs.readdirSync(folder)).toHaveLength(2);
    expect(holds('k3')).toBe(true);
    pending.discard();
    expect(fs.readdirSync(folder)).toEqual([PARSE_CACHE_FILE]);
    expect([holds('k3'), holds('k4')]).toEqual([true, false]);
    // A build that publishes: committed, the new cache is the one the next build opens.
    const next = ParseCache.open(folder, 'k4');
    await loadContent(content, {}, next);
    next.write().commit();
    expect(fs.readdirSync(folder)).toEqual([PARSE_CACHE_FILE]);
    expect([holds('k3'), holds('k4')]).toEqual([false, true]);
  });

  it('writes the entries a build changed beside the base, as its delta, and the base anew once they are many', async () => {
    const folder = path.join(root, 'cache-delta');
    const dir = path.join(root, 'content-delta');
    fs.cpSync(content, dir, { recursive: true });
    const first = ParseCache.open(folder, 'k5', false, 2);
    const { articles } = await loadContent(dir, {}, first);
    first.write().commit();
    const base = fs.readFileSync(path.join(folder, PARSE_CACHE_FILE));
    const edit = (index: number, title: string) => {
      const file = path.join(dir, articles[index]!.file);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
      return sha256(fs.readFileSync(file, 'utf8'));
    };
    // One file edited, one value derived: two entries changed, written as the delta; the base is left as it was.
    const sha = edit(0, 'Edited once');
    const second = ParseCache.open(folder, 'k5', false, 2);
    const loaded = await loadContent(dir, {}, second);
    loaded.derived!(loaded.articles.find((a) => a.file === articles[5]!.file)!, 'wordCount', () => 42);
    second.write().commit();
    expect(fs.readdirSync(folder).sort()).toEqual([PARSE_CACHE_DELTA, PARSE_CACHE_FILE].sort());
    expect(fs.readFileSync(path.join(folder, PARSE_CACHE_FILE)).equals(base)).toBe(true);
    const third = ParseCache.open(folder, 'k5', false, 2);
    const again = await loadContent(dir, {}, third);
    expect(again.articles.find((a) => a.file === articles[0]!.file)!.title).toBe('Edited once');
    expect(third.changed(articles[0]!.file)).toBe(false);
    expect(again.derived!(again.articles.find((a) => a.file === articles[5]!.file)!, 'wordCount', () => 0)).toBe(42);
    expect(again.articles).toStrictEqual((await loadContent(dir)).articles);
    // A delta of another base is never read: with a new base (other key, then this one), the old delta's entry is gone.
    const oldDelta = fs.readFileSync(path.join(folder, PARSE_CACHE_DELTA));
    const twice = edit(0, 'Edited twice');
    const rebuilt = ParseCache.open(folder, 'k5', true, 2);
    await loadContent(dir, {}, rebuilt);
    rebuilt.write().commit();
    expect(fs.readdirSync(folder)).toEqual([PARSE_CACHE_FILE]);
    fs.writeFileSync(path.join(folder, PARSE_CACHE_DELTA), oldDelta);
    const stale = ParseCache.open(folder, 'k5');
    expect(stale.lookup(articles[0]!.file, sha)).toBeUndefined();
    expect(stale.lookup(articles[0]!.file, twice)).toBeDefined();
    // Many files edited (more than the delta may hold: 2 and an eighth of the entries): the base is written anew, the delta removed.
    for (let index = 0; index < 20; index++) edit(index, `Edited again ${index}`);
    const many = ParseCache.open(folder, 'k5', false, 2);
    await loadContent(dir, {}, many);
    many.write().commit();
    expect(fs.readdirSync(folder)).toEqual([PARSE_CACHE_FILE]);
    const last = ParseCache.open(folder, 'k5', false, 2);
    await loadContent(dir, {}, last);
    expect(articles.slice(0, 20).filter((article) => last.changed(article.file))).toEqual([]);
  });

  it('keeps long texts apart, reads one only when asked, and makes it anew when its bytes are not those written', async () => {
    const folder = path.join(root, 'cache-texts');
    const dir = path.join(root, 'content-texts');
    fs.cpSync(content, dir, { recursive: true });
    const htmlOf = (body: string) => `<p>${body.length} characters</p>`;
    const first = ParseCache.open(folder, 'k6', false, 2);
    const loaded = await loadContent(dir, {}, first);
    const [one, two, three] = loaded.articles;
    // Made when first asked, and only then.
    let made = 0;
    const make = (body: string) => () => {
      made++;
      return htmlOf(body);
    };
    const text = loaded.text!(one!, 'html', make(one!.body));
    expect(made).toBe(0);
    expect([text(), text()]).toEqual([htmlOf(one!.body), htmlOf(one!.body)]);
    expect(made).toBe(1);
    loaded.text!(two!, 'html', make(two!.body))();
    loaded.text!(three!, 'html', make(three!.body))();
    first.write().commit();
    // Read from the file, not made: the texts lie after the serialized entries, each in its bytes.
    const file = path.join(folder, PARSE_CACHE_FILE);
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from(htmlOf(one!.body)))).toBe(true);
    const again = await loadContent(dir, {}, ParseCache.open(folder, 'k6', false, 2));
    const never = () => {
      throw new Error('made again');
    };
    expect(again.text!(again.articles[0]!, 'html', never)()).toBe(htmlOf(one!.body));
    // A text whose bytes changed in the file (a damaged disk) is made anew, not read; the others are still read.
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf(Buffer.from(htmlOf(two!.body)));
    damaged[at + 1] = 'q'.charCodeAt(0);
    fs.writeFileSync(file, damaged);
    const hurt = await loadContent(dir, {}, ParseCache.open(folder, 'k6', false, 2));
    expect(hurt.text!(hurt.articles[1]!, 'html', () => 'made anew')()).toBe('made anew');
    expect(hurt.text!(hurt.articles[2]!, 'html', never)()).toBe(htmlOf(three!.body));
    // A file cut short: the texts past its end are made anew.
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    const cut = await loadContent(dir, {}, ParseCache.open(folder, 'k6', false, 2));
    expect(cut.text!(cut.articles[2]!, 'html', () => 'made anew')()).toBe('made anew');
    fs.writeFileSync(file, bytes);
    // Carried over when the base is written anew (many entries changed), and beside a delta that holds an edited file's entry.
    const next = ParseCache.open(folder, 'k6', false, 2);
    const nextLoaded = await loadContent(dir, {}, next);
    for (let index = 3; index < 30; index++) nextLoaded.derived!(nextLoaded.articles[index]!, 'wordCount', () => index);
    next.write().commit();
    expect(fs.readdirSync(folder)).toEqual([PARSE_CACHE_FILE]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(false);
    const edited = path.join(dir, one!.file);
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace(/^title: .*$/m, 'title: Edited with its text apart'));
    const withDelta = ParseCache.open(folder, 'k6', false, 2);
    const deltaLoaded = await loadContent(dir, {}, withDelta);
    const editedArticle = deltaLoaded.articles.find((a) => a.file === one!.file)!;
    expect(deltaLoaded.text!(editedArticle, 'html', () => 'the edited one')()).toBe('the edited one');
    withDelta.write().commit();
    expect(fs.readdirSync(folder).sort()).toEqual([PARSE_CACHE_DELTA, PARSE_CACHE_FILE].sort());
    const last = await loadContent(dir, {}, ParseCache.open(folder, 'k6', false, 2));
    const byFile = (f: string) => last.articles.find((a) => a.file === f)!;
    expect(last.text!(byFile(one!.file), 'html', never)()).toBe('the edited one');
    expect(last.text!(byFile(two!.file), 'html', never)()).toBe(htmlOf(two!.body));
    expect(last.text!(byFile(three!.file), 'html', never)()).toBe(htmlOf(three!.body));
  });

  it('is empty when its file is not one it wrote: a header naming more bytes than the file holds, or other bytes', async () => {
    const folder = path.join(root, 'cache-broken');
    const saved = ParseCache.open(folder, 'k7');
    const { articles } = await loadContent(content, {}, saved);
    saved.write().commit();
    const file = path.join(folder, PARSE_CACHE_FILE);
    const sha = sha256(fs.readFileSync(path.join(content, articles[0]!.file), 'utf8'));
    const holds = () => ParseCache.open(folder, 'k7').lookup(articles[0]!.file, sha) !== undefined;
    expect(holds()).toBe(true);
    const bytes = fs.readFileSync(file);
    const header = Buffer.from(bytes.subarray(0, 8));
    header.writeUInt32LE(bytes.length, 0);
    fs.writeFileSync(file, Buffer.concat([header, bytes.subarray(8)]));
    expect(holds()).toBe(false);
    fs.writeFileSync(file, 'not a cache at all');
    expect(holds()).toBe(false);
    fs.writeFileSync(file, bytes);
    expect(holds()).toBe(true);
  });
});

describe('an article file whose status the parse cache recorded', () => {
  const content = contentFolder('status-content');
  const cacheDir = path.join(root, 'status-cache');
  const later = (seconds: number) => Date.now() + seconds * 1000;
  /** A second after the article file changed first: every one changed less than two seconds before (SETTLED_MS), however long ago they were written. */
  const justAfter = () => {
    const folder = path.join(content, 'articles');
    const files = (fs.readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.md'));
    return (
      Math.min(
        ...files.map((file) => Math.max(fs.statSync(path.join(folder, file)).mtimeMs, fs.statSync(path.join(folder, file)).ctimeMs)),
      ) + 1000
    );
  };
  const unread = (article: { body: string }) => Object.getOwnPropertyDescriptor(article, 'body')!.get !== undefined;

  it('is not read while its status is the one recorded once it had settled; its body, read when asked, is the file body', async () => {
    const fresh = await loadContent(content);
    // Read just after it was written: not settled, so its status is not recorded and the next build reads it again.
    const first = ParseCache.open(cacheDir, 'k-status');
    await loadContent(content, {}, first, justAfter());
    first.write().commit();
    const next = await loadContent(content, {}, ParseCache.open(cacheDir, 'k-status'), justAfter());
    expect(next.articles.filter(unread)).toEqual([]);
    // A build that reads them when they have settled records their status, and the build after it does not read them.
    const settled = ParseCache.open(cacheDir, 'k-status');
    await loadContent(content, {}, settled, later(10));
    settled.write().commit();
    const trusted = await loadContent(content, {}, ParseCache.open(cacheDir, 'k-status'), later(20));
    const withoutIncidents = trusted.articles.filter((article) => article.incidents.length === 0);
    expect(withoutIncidents.length).toBeGreaterThan(50);
    expect(withoutIncidents.every(unread)).toBe(true);
    // Articles naming incidents are parsed again, for their incidents' lines (loadArticles).
    expect(trusted.articles.filter((article) => article.incidents.length > 0 && unread(article))).toEqual([]);
    expect(trusted.articles).toStrictEqual(fresh.articles);
    expect(trusted.changed!(withoutIncidents[0]!)).toBe(false);
  });

  it('is read again once it changes, even at the same size; and a body asked for after its file changed is refused, naming the file', async () => {
    const first = ParseCache.open(cacheDir, 'k-status-change');
    const fresh = await loadContent(content, {}, first, later(10));
    first.write().commit();
    const [one, two] = fresh.articles.filter((article) => article.incidents.length === 0);
    const edit = (article: typeof one) => {
      const file = path.join(content, article!.file);
      const text = fs.readFileSync(file, 'utf8');
      const title = /^title: (.*)$/m.exec(text)![1]!;
      const edited = text.replace(/^title: .*$/m, `title: ${'X'.repeat(title.length)}`);
      expect(edited.length).toBe(text.length);
      fs.writeFileSync(file, edited);
      return file;
    };
    edit(one);
    const after = await loadContent(content, {}, ParseCache.open(cacheDir, 'k-status-change'), later(20));
    const edited = after.articles.find((article) => article.file === one!.file)!;
    expect(unread(edited)).toBe(false);
    expect(edited.title).toMatch(/^X+$/);
    expect(after.changed!(edited)).toBe(true);
    const other = after.articles.find((article) => article.file === two!.file)!;
    expect(unread(other)).toBe(true);
    const file = edit(two);
    expect(() => other.body).toThrow(`changed while the site was being built`);
    expect(() => other.body).toThrow(path.basename(file));
  });
});
