/**
 * Benchmark of incremental builds (issue 13). For each size it writes a
 * synthetic archive and builds it four times, in the order: without the
 * cache, clean with an empty cache, clean again, without the cache (the
 * clean builds' mean is set against the others', and is what each
 * incremental build is set against). Then it applies one
 * change after another, each followed by an incremental build from the cache
 * of the build before: add one article (dated the archive's newest day, as
 * the day's news is) and edit one article's body (each three times, to
 * three articles, judged by the median build), edit one article's tags,
 * delete one, and add the first article of a new year (which every entity
 * page's citation of the archive names: a once-a-year cost). Last, a build that renders every page, as a
 * template edit causes (a template is part of the cache's key, so its edit
 * starts a full build; measured with the cache turned off, into a folder of
 * its own), whose output is compared with the incremental site byte for byte.
 * Every build runs in a child process of its own, on the compiled code
 * (compiled first), as `archive build` runs it (incremental-child.mjs).
 *
 * `npm run bench -- --only incremental --incremental-sizes 10000,30000`
 * (default 10000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHeapFlags } from '../../bin/heap.js';
import { readArticleText, writeArticleText } from '../../src/content/frontmatter.ts';
import { watchMemory } from './build.ts';
import type { BenchRow } from './related.ts';
import { newArticle, writeSyntheticArchive } from './synthetic.ts';

/** Each build's process: the compiled code, as `archive build` runs it (incremental-child.mjs). */
const CHILD = fileURLToPath(new URL('./incremental-child.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bars of issue 13: an added article or an edited body rebuilds in this share of a clean build's time. */
export const BUDGET = { ratio: 0.1, bytes: 2 * 1024 ** 3 } as const;

/**
 * Times each judged change (an added article, an edited body) is made, each
 * time to another article, and judged by the median build: one build of a
 * few seconds varies by a fifth or more with the machine.
 */
export const REPEATS = 3;

/** The build of median time among `builds` (an odd number of them). */
function median<T extends { seconds: number }>(builds: readonly T[]): T {
  return [...builds].sort((a, b) => a.seconds - b.seconds)[Math.floor(builds.length / 2)]!;
}

/** Sizes asked for with `--incremental-sizes 10000,30000`, else 10,000. */
export function incrementalSizes(argv: readonly string[]): number[] {
  const at = argv.indexOf('--incremental-sizes');
  const given = at >= 0 ? argv[at + 1] : undefined;
  if (!given) return [10_000];
  const sizes = given.split(',').map((value) => Number(value.replace(/_/g, '')));
  for (const size of sizes) if (!Number.isInteger(size) || size <= 0) throw new Error(`--incremental-sizes: not a whole number: ${size}`);
  return sizes;
}

/** What one build measured in its child. */
interface Figures {
  seconds: number;
  written: number;
  reused: number;
  pages: number;
  fullBuild?: string;
  maxRssBytes: number;
}

/** One build in a child process: its figures, and the highest sum of its process and its Pagefind processes (watchMemory). */
async function buildInChild(
  contentDir: string,
  outDir: string,
  articles: number,
  mode: 'cache' | 'no-cache',
): Promise<Figures & { treePeakBytes: number }> {
  const child = spawn(process.execPath, [...buildHeapFlags(articles), CHILD, contentDir, outDir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const memory = watchMemory(child);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { treePeakBytes } = memory.stop();
  if (code !== 0) throw new Error(`build failed (exit ${code}):\n${stderr.slice(-4000)}`);
  const figures = JSON.parse(stdout.trim().split('\n').pop()!) as Figures;
  return { ...figures, treePeakBytes: Math.max(treePeakBytes, figures.maxRssBytes) };
}

/** Files of the two folders that differ, or are in one only. */
function differing(a: string, b: string): string[] {
  const list = (dir: string) =>
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  const left = list(a);
  const right = new Set(list(b));
  const out = [...left.filter((file) => !right.has(file)), ...[...right].filter((file) => !left.includes(file))];
  for (const file of left)
    if (right.has(file) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) out.push(file);
  return out;
}

/** The article files of the archive, sorted. */
function articleFiles(contentDir: string): string[] {
  return (readdirSync(path.join(contentDir, 'articles'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(contentDir, 'articles', file))
    .sort();
}

function rewrite(file: string, change: (data: Record<string, unknown>, body: string) => [Record<string, unknown>, string]): void {
  const read = readArticleText(readFileSync(file, 'utf8'), file);
  if (!read.ok) throw new Error(`${file} does not parse`);
  const [data, body] = change(read.data as Record<string, unknown>, read.body);
  writeFileSync(file, writeArticleText(data as Parameters<typeof writeArticleText>[0], body));
}

const seconds = (value: number): string => `${value.toFixed(1)} s`;

/** Measures every size, prints each build as it ends, and returns the rows for the table. */
export async function benchIncremental(sizes: readonly number[] = incrementalSizes(process.argv.slice(2))): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The builds run the compiled code: compiled now from the sources as they are.
  const compiled = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'build-code.js')], { stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('incremental bench: `npm run build:code` failed (above)');
  const work = mkdtempSync(path.join(tmpdir(), 'archive-bench-incremental-'));
  try {
    for (const count of sizes) {
      console.log(
        `incremental ${count}: load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(' ')}`,
      );
      const contentDir = path.join(work, `content-${count}`);
      const outDir = path.join(work, `site-${count}`);
      const newest = writeSyntheticArchive(contentDir, count)
        .map((article) => article.date)
        .sort()
        .at(-1)!;
      // Two builds without the cache and two clean builds with an empty cache, in the order without, clean,
      // clean, without, on the same content: a single pair put a machine that drifts by 10 % within minutes on one
      // side, and one build varies by ±10 s at 10,000 (docs/incremental.md, Figures); the order cancels a steady
      // drift, and each side is the mean of two. The second clean build's cache and site are the incremental builds' start.
      const withoutDir = path.join(work, `without-${count}`);
      const firstCleanDir = path.join(work, `first-clean-${count}`);
      const withouts: Figures[] = [];
      const cleans: (Figures & { treePeakBytes: number })[] = [];
      for (const [mode, dir] of [
        ['no-cache', withoutDir],
        ['cache', firstCleanDir],
        ['cache', outDir],
        ['no-cache', withoutDir],
      ] as const) {
        const figures = await buildInChild(contentDir, dir, count, mode);
        if (mode === 'no-cache') withouts.push(figures);
        else cleans.push(figures);
        if (dir !== outDir) {
          rmSync(dir, { recursive: true, force: true });
          rmSync(path.join(work, '.archive-cache', path.basename(dir)), { recursive: true, force: true });
        }
        console.log(
          `incremental ${count}: ${mode === 'cache' ? 'clean build, empty cache' : 'a build without the cache'}: ${seconds(figures.seconds)}, ${figures.written} files written, peak memory ${(figures.treePeakBytes / 1024 ** 3).toFixed(2)} GB (the build's process and its Pagefind processes together; the build's alone ${(figures.maxRssBytes / 1024 ** 3).toFixed(2)} GB)`,
        );
      }
      const mean = (builds: readonly Figures[]) => builds.reduce((sum, build) => sum + build.seconds, 0) / builds.length;
      // The clean build every incremental build is set against: the mean of the two.
      const clean = { seconds: mean(cleans), written: cleans[1]!.written };
      const without = mean(withouts);
      const peakBytes = Math.max(...cleans.map((build) => build.treePeakBytes));
      const peak = `${(peakBytes / 1024 ** 3).toFixed(2)} GB`;
      const both = (builds: readonly Figures[]) => builds.map((build) => seconds(build.seconds)).join(' and ');
      console.log(
        `incremental ${count}: clean build, empty cache: mean ${seconds(clean.seconds)} (${both(cleans)}), peak memory ${peak}; without the cache: mean ${seconds(without)} (${both(withouts)})`,
      );
      rows.push({
        name: `incremental ${count}: clean build (empty cache)`,
        value: `${seconds(clean.seconds)} (mean of ${both(cleans)}), ${clean.written} files`,
      });
      rows.push({
        name: `incremental ${count}: clean build's peak memory (with Pagefind)`,
        value: peak,
        ...(count >= 30_000 ? { budget: '≤ 2 GB', met: peakBytes <= BUDGET.bytes } : {}),
      });
      console.log(`incremental ${count}: clean build with an empty cache / without the cache: ${(clean.seconds / without).toFixed(2)}×`);
      rows.push({
        name: `incremental ${count}: clean build with an empty cache / without the cache`,
        value: `${(clean.seconds / without).toFixed(2)}× (mean of ${both(cleans)} / mean of ${both(withouts)})`,
        budget: '≤ 1.05×',
        met: clean.seconds / without <= 1.05,
      });
      const files = articleFiles(contentDir);
      const addArticle = (article: { file: string; text: string }) => {
        mkdirSync(path.dirname(path.join(contentDir, article.file)), { recursive: true });
        writeFileSync(path.join(contentDir, article.file), article.text);
      };
      const middle = (share: number, round = 0) => files[Math.floor(files.length * share) + round]!;
      // The judged changes are made REPEATS times (each round another article) and judged by the median build.
      const changes: { name: string; judged: boolean; apply: (round: number) => void }[] = [
        {
          name: 'add one article',
          judged: true,
          apply: (round) => addArticle(newArticle(newest, `bench-new-article-${round + 1}`)),
        },
        {
          name: "edit one article's body",
          judged: true,
          apply: (round) => rewrite(middle(0.5, round), (data, body) => [data, `${body}\n\nA paragraph added by an editor.`]),
        },
        {
          name: "edit one article's tags",
          judged: false,
          apply: () => rewrite(middle(0.25), (data, body) => [{ ...data, tags: [...((data.tags as string[]) ?? []), 'bench tag'] }, body]),
        },
        { name: 'delete one article', judged: false, apply: () => rmSync(middle(0.75)) },
        {
          name: 'add the first article of a new year',
          judged: false,
          apply: () => addArticle(newArticle(`${Number(newest.slice(0, 4)) + 1}-01-02`, 'bench-new-year-article')),
        },
      ];
      for (const change of changes) {
        const rounds: (Figures & { treePeakBytes: number })[] = [];
        for (let round = 0; round < (change.judged ? REPEATS : 1); round++) {
          change.apply(round);
          const figures = await buildInChild(contentDir, outDir, count, 'cache');
          rounds.push(figures);
          console.log(
            `incremental ${count}: ${change.name}${change.judged ? ` (${round + 1} of ${REPEATS})` : ''}: ${seconds(figures.seconds)}, ${figures.written} files written, ${figures.reused} unchanged` +
              `${figures.fullBuild ? ` (full build: ${figures.fullBuild})` : ''}; ${((figures.seconds / clean.seconds) * 100).toFixed(1)} % of the clean build`,
          );
        }
        const figures = median(rounds);
        const ratio = figures.seconds / clean.seconds;
        const of = rounds.length > 1 ? ` (median of ${rounds.map((round) => seconds(round.seconds)).join(', ')})` : '';
        if (rounds.length > 1)
          console.log(
            `incremental ${count}: ${change.name}: median ${seconds(figures.seconds)}, ${(ratio * 100).toFixed(1)} % of the clean build`,
          );
        rows.push({
          name: `incremental ${count}: ${change.name}`,
          value: `${seconds(figures.seconds)}${of}, ${figures.written} files written, ${(ratio * 100).toFixed(1)} % of clean`,
          ...(change.judged ? { budget: `≤ ${BUDGET.ratio * 100} %`, met: ratio <= BUDGET.ratio } : {}),
        });
      }
      // A template is part of the cache's key: its edit renders every page, as a build without the cache does.
      const wholeDir = path.join(work, `whole-${count}`);
      const whole = await buildInChild(contentDir, wholeDir, count, 'no-cache');
      const ratio = whole.seconds / clean.seconds;
      console.log(
        `incremental ${count}: edit a template (every page rendered; measured as a build without the cache): ${seconds(whole.seconds)}, ${whole.written} files written; ${(ratio * 100).toFixed(1)} % of the clean build`,
      );
      rows.push({
        name: `incremental ${count}: edit a template (every page rendered)`,
        value: `${seconds(whole.seconds)}, ${whole.written} files written, ${(ratio * 100).toFixed(1)} % of clean`,
      });
      const differ = differing(outDir, wholeDir);
      console.log(
        `incremental ${count}: after every change, the incremental site and a whole build ${differ.length ? `differ in ${differ.length} files, such as ${differ.slice(0, 3).join(', ')}` : 'are the same, byte for byte'}`,
      );
      rows.push({
        name: `incremental ${count}: incremental site = whole build`,
        value: differ.length ? `${differ.length} files differ` : 'byte for byte',
        budget: 'equal',
        met: differ.length === 0,
      });
      // A site setting (or a template, or the stylesheet) is part of the cache's key: its edit is a full build over
      // the previous site, as `archive serve` and CI make it, which swaps the new site in whole and discards the
      // previous one (src/publish/staging.ts: in a process of its own, 12 to 15 s at 10,000 articles).
      mkdirSync(path.join(contentDir, '_data'), { recursive: true });
      writeFileSync(path.join(contentDir, '_data', 'site.yaml'), 'name: A renamed archive\n');
      const rekeyed = await buildInChild(contentDir, outDir, count, 'cache');
      const rekeyedRatio = rekeyed.seconds / clean.seconds;
      console.log(
        `incremental ${count}: edit a site setting (a full build over the previous site${rekeyed.fullBuild ? `: ${rekeyed.fullBuild}` : ', NOT a full build'}): ${seconds(rekeyed.seconds)}, ${rekeyed.written} files written; ${(rekeyedRatio * 100).toFixed(1)} % of the clean build`,
      );
      rows.push({
        name: `incremental ${count}: edit a site setting (a full build over the previous site)`,
        value: `${seconds(rekeyed.seconds)}, ${rekeyed.written} files written, ${(rekeyedRatio * 100).toFixed(1)} % of clean`,
      });
      rmSync(contentDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
      rmSync(wholeDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchIncremental()) console.log(`${row.name}\t${row.value}\t${row.budget ?? ''}`);
}
