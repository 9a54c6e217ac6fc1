/**
 * Import throughput: pages per second on one core (one Node thread), for text
 * dumps and for HTML, in-process so start-up is not counted. Uses the eval
 * pages in ../shared/eval/body when they are there, else the seed page only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importPage } from '../../src/importer/index.ts';
import type { BenchRow } from './related.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const evalBody = path.resolve(repo, '../shared/eval/body');
const seed = path.join(repo, 'test/fixtures/seed/000_151c953cb90d2c3b.txt');

function pagesIn(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((name) => path.join(dir, name))
    : [];
}

/** Imports every page `rounds` times after one warm-up pass; returns pages per second. */
export function throughput(files: readonly string[], rounds = 3): { pages: number; perSecond: number; msPerPage: number } {
  const pages = files.map((file) => ({ name: path.basename(file), bytes: fs.readFileSync(file) }));
  for (const page of pages) importPage(page.bytes, { fileName: page.name });
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) for (const page of pages) importPage(page.bytes, { fileName: page.name });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const count = pages.length * rounds;
  return { pages: count, perSecond: count / seconds, msPerPage: (seconds * 1000) / count };
}

/** The bench module: one row per kind of input. */
export async function benchImport(): Promise<BenchRow[]> {
  const text = pagesIn(path.join(evalBody, 'text'));
  const html = pagesIn(path.join(evalBody, 'html'));
  const sets: [string, string[]][] = [
    [text.length ? `import text dumps (${text.length} eval pages)` : 'import text dumps (seed page only)', text.length ? text : [seed]],
    ...(html.length ? ([[`import HTML (${html.length} eval pages)`, html]] as [string, string[]][]) : []),
  ];
  const rows: BenchRow[] = [];
  for (const [name, files] of sets) {
    const result = throughput(files);
    console.log(`${name}: ${result.perSecond.toFixed(1)} pages/s, ${result.msPerPage.toFixed(1)} ms a page`);
    rows.push({ name, value: `${result.perSecond.toFixed(1)} pages/s (${result.msPerPage.toFixed(1)} ms a page)` });
  }
  if (!html.length) console.log('(no ../shared/eval/body/html beside the repository: HTML throughput not measured)');
  return rows;
}
