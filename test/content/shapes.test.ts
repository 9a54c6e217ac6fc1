/**
 * Articles and pages keep V8's fast properties and share one shape per kind
 * (src/content/article.ts, src/archive/derived-fields.ts): a getter of each
 * object's own had left them in dictionary mode, tens of megabytes at
 * 10,000 articles that every build's garbage collector copied. V8 tells this
 * only to code run with --allow-natives-syntax, so a child process asks it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'archive-shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * What V8 says of the objects `probe` makes (a module body that sets `objects`, a record of lists):
 * whether all are fast, whether those with the same own keys share one shape, and how many the largest such group holds.
 */
function shapes(probe: string): Record<string, { fast: boolean; sameShape: boolean; count: number }> {
  const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.mts`);
  const src = (module: string) => pathToFileURL(path.join(ROOT, 'src', module)).href;
  writeFileSync(
    file,
    `import { toArticle } from '${src('content/article.ts')}';
import { withDerivedFields } from '${src('archive/derived-fields.ts')}';
import { buildArchiveData } from '${src('archive/archive-data.ts')}';
import { DEFAULT_SETTINGS } from '${src('site/settings.ts')}';
const fast = new Function('o', 'return %HasFastProperties(o)');
const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const data = (i) => ({ title: 'Title ' + i, date: '2020-01-0' + i, tags: ['a'], people: ['B C'] });
let objects = {};
// Objects with the same own keys, in the same order: one shape each group.
const groups = (list) => {
  const by = new Map();
  for (const o of list) by.set(Object.keys(o).join(), [...(by.get(Object.keys(o).join()) ?? []), o]);
  return [...by.values()];
};
${probe}
console.log(JSON.stringify(Object.fromEntries(Object.entries(objects).map(([name, list]) =>
  [name, { fast: list.every((o) => fast(o)), sameShape: groups(list).every((group) => group.every((o) => same(o, group[0]))), count: Math.max(0, ...groups(list).map((g) => g.length)) }]))));
`,
  );
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

describe('object shapes', () => {
  it('articles, their body given or read when first asked for, are fast, one shape for each of the two', () => {
    const found = shapes(`
objects.lazy = [1, 2, 3].map((i) => toArticle('articles/2020/x-' + i + '.md', data(i), () => 'body ' + i));
objects.given = [1, 2, 3].map((i) => toArticle('articles/2020/x-' + i + '.md', data(i), 'body ' + i));
// Read or not, a lazy body keeps the shape.
objects.lazy[1].body;
`);
    expect(found).toEqual({ lazy: { fast: true, sameShape: true, count: 3 }, given: { fast: true, sameShape: true, count: 3 } });
  });

  it('pages given one derive object are fast and share one shape, their fields read or not', () => {
    const found = shapes(`
const derive = { label: (p) => '<' + p.name + '>' };
const lazy = { html: (p) => p.name.toUpperCase() };
objects.pages = [1, 2, 3].map((i) => withDerivedFields({ name: 'page ' + i, url: '/p/' + i + '/' }, derive, lazy));
objects.pages[0].label;
objects.pages[2].html;
`);
    expect(found).toEqual({ pages: { fast: true, sameShape: true, count: 3 } });
  });

  it("the archive's own many objects (article and entity pages, facets, names named together, list controls) share one shape each", () => {
    // A literal that begins with a spread and adds to it ({ ...link, count }) gives, on Node 20, every object a shape
    // of its own: 67,000 of them for the names named together at 10,000 articles.
    const found = shapes(`
// Enough of each for V8's inline caches to warm: the first few objects of a spread took the runtime's path, one shape.
const names = Array.from({ length: 40 }, (_, k) => 'Person ' + String.fromCharCode(65 + (k % 26)) + k);
const tags = Array.from({ length: 30 }, (_, k) => 'tag ' + k);
const articles = [];
for (let i = 0; i < 240; i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  articles.push(toArticle('articles/2020/2020-0' + (1 + (i % 9)) + '-' + day + '-story-' + i + '.md',
    { title: 'Story ' + i, date: '2020-0' + (1 + (i % 9)) + '-' + day, tags: [tags[i % 30], tags[(i * 7) % 11]],
      people: [names[i % 40], names[(i * 3) % 7]], source: { name: 'Outlet ' + (i % 2), url: 'https://example.org/' + i } },
    'Body of story ' + i + '.'));
}
const archive = await buildArchiveData({ articles, drafts: 0, registries: {}, settings: { ...DEFAULT_SETTINGS, yearPagesMin: 5 } }, (b) => '<p>' + b + '</p>');
const many = (list) => list.filter((o) => o !== undefined);
objects.articlePages = archive.articles;
objects.entityPages = archive.entityPages;
objects.facetNames = many(archive.articles.flatMap((p) => p.facets.named.flatMap((g) => g.names)));
objects.namedWith = many(archive.entityPages.flatMap((p) => (p.namedWith ?? []).flatMap((g) => g.names)));
const controls = [...new Set(archive.entityPages.map((p) => p.controls))];
objects.controls = controls.filter((c) => c.oldest === undefined);
objects.controlsWithOldest = controls.filter((c) => c.oldest !== undefined);
objects.outlets = many(archive.articles.map((p) => p.outlet));
`);
    for (const [kind, shape] of Object.entries(found))
      expect({ kind, ...shape }).toEqual({ kind, fast: true, sameShape: true, count: shape.count });
    // Enough of each kind to tell.
    expect(Object.entries(found).filter(([, shape]) => shape.count < 20)).toEqual([]);
  });
});
