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

/** What V8 says of the objects `probe` makes (a module body that sets `objects`, a record of lists). */
function shapes(probe: string): Record<string, { fast: boolean; sameShape: boolean }> {
  const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.mts`);
  const src = (module: string) => pathToFileURL(path.join(ROOT, 'src', module)).href;
  writeFileSync(
    file,
    `import { toArticle } from '${src('content/article.ts')}';
import { withDerivedFields } from '${src('archive/derived-fields.ts')}';
const fast = new Function('o', 'return %HasFastProperties(o)');
const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const data = (i) => ({ title: 'Title ' + i, date: '2020-01-0' + i, tags: ['a'], people: ['B C'] });
let objects = {};
${probe}
console.log(JSON.stringify(Object.fromEntries(Object.entries(objects).map(([name, list]) =>
  [name, { fast: list.every((o) => fast(o)), sameShape: list.every((o) => same(o, list[0])) }]))));
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
    expect(found).toEqual({ lazy: { fast: true, sameShape: true }, given: { fast: true, sameShape: true } });
  });

  it('pages given one derive object are fast and share one shape, their fields read or not', () => {
    const found = shapes(`
const derive = { label: (p) => '<' + p.name + '>' };
const lazy = { html: (p) => p.name.toUpperCase() };
objects.pages = [1, 2, 3].map((i) => withDerivedFields({ name: 'page ' + i, url: '/p/' + i + '/' }, derive, lazy));
objects.pages[0].label;
objects.pages[2].html;
`);
    expect(found).toEqual({ pages: { fast: true, sameShape: true } });
  });
});
