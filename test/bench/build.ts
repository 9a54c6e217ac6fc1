/**
 * Benchmark of the full site build against plain Eleventy (issue 6). For each
 * size it writes a deterministic synthetic archive to a temporary folder,
 * builds the project's site, the baseline of `baseline/` (the same
 * Markdown built the way eleventy-base-blog builds a blog) and the bare
 * baseline of `bare/` (issue 13: one layout, one page per tag and per
 * person, nothing else), each in its own child process, so peak memory (maxRSS) is each build's own; then it times a
 * new article's way into a running preview of the 10,000 archive.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHeapFlags } from '../../bin/heap.js';
import type { BenchRow } from './related.ts';
import { newArticle, writeSyntheticArchive } from './synthetic.ts';

/** Sizes measured by default; `--sizes 30000,100000` (or BENCH_SIZES) adds more. */
export const DEFAULT_SIZES = [1_000, 10_000] as const;

/** The budgets of issue 6. */
export const BUDGET = {
  /** Project build time at 10,000 over the baseline's. */
  baselineRatio: 1.3,
  /** Project build time at 10,000 over bare Eleventy's (issue 13). */
  bareRatio: 1.3,
  /** Peak memory at 30,000. */
  bytes: 2 * 1024 ** 3,
  /** Build time at 30,000 over build time at 10,000. */
  growth: 3.3,
  /** From writing a new article to its page served by a running preview. */
  previewSeconds: 2,
  /** The built site, search index included, per article at 10,000 articles (issue 15). */
  bytesPerArticle: 150 * 1024,
} as const;

/** The pages of an entity's other views (oldest first, a year) and of an index by count (docs/pages.md), by their path in the site. */
const LIST_VIEW = /^(tags|people|organizations|places)\/([^/]+\/(oldest|\d{4})|by-count)\//;

/**
 * What a built site weighs: every file's bytes, and among them those of the
 * feeds (`feed.xml`, `feed.json`), of the search index (`pagefind*` folders)
 * and of the lists' other orders and years (`LIST_VIEW`).
 */
export function siteBytes(dir: string): { total: number; feeds: number; search: number; views: number } {
  const weight = { total: 0, feeds: 0, search: 0, views: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const size = statSync(file).size;
    weight.total += size;
    if (entry.name === 'feed.xml' || entry.name === 'feed.json') weight.feeds += size;
    else if (rel.startsWith('pagefind')) weight.search += size;
    else if (LIST_VIEW.test(rel)) weight.views += size;
  }
  return weight;
}

/** The size the preview is measured on. */
const PREVIEW_SIZE = 10_000;

const BASELINE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline');
/** Issue 13's bare baseline: the Markdown through one layout, one page per tag and per person, nothing else. */
const BARE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare');
const THIS_FILE = fileURLToPath(import.meta.url);

/** The sizes asked for on the command line (`--sizes 30000,100000`) or in BENCH_SIZES, merged with the defaults. */
export function parseSizes(argv: readonly string[], env: Record<string, string | undefined> = process.env): number[] {
  const at = argv.indexOf('--sizes');
  const given = [at >= 0 ? argv[at + 1] : undefined, env.BENCH_SIZES].filter((value): value is string => Boolean(value));
  const extra = given.flatMap((list) => list.split(',')).map((value) => Number(value.replace(/_/g, '')));
  for (const size of extra) if (!Number.isInteger(size) || size <= 0) throw new Error(`--sizes: not a whole number of articles: ${size}`);
  return [...new Set([...DEFAULT_SIZES, ...extra])].sort((a, b) => a - b);
}

/** What one build measured in its child process. */
export interface BuildFigures {
  /** Wall time of the build itself, Node and module start-up excluded. */
  seconds: number;
  /** CPU time (user + system) of the whole child. */
  cpuSeconds: number;
  maxRssBytes: number;
  pages: number;
  /** Highest sum of resident memory over the build's process and its children (Pagefind), sampled every 0.1 s. */
  treePeakBytes?: number;
  /** Peak resident memory of the largest Pagefind process. */
  indexerPeakBytes?: number;
}

/** In the child: builds the project's site from `contentDir`. */
async function buildProject(contentDir: string, outDir: string): Promise<BuildFigures> {
  const { build } = await import('../../src/eleventy/run.ts');
  const start = performance.now();
  const result = await build({ contentDir, outDir, quiet: true });
  return finish(start, result.pages);
}

/** In the child: builds the baseline from `inputDir` (the baseline project with the articles copied in). */
async function buildBaseline(inputDir: string, outDir: string): Promise<BuildFigures> {
  const { default: Eleventy } = await import('@11ty/eleventy');
  // The starter is run from its own folder, as `npx @11ty/eleventy` would be.
  process.chdir(inputDir);
  const start = performance.now();
  const eleventy = new Eleventy('.', outDir, { configPath: 'eleventy.config.js', quietMode: true });
  const results = (await eleventy.write()) as unknown as { outputPath?: string | false }[];
  return finish(start, results.flat().filter((r) => r && String(r.outputPath).endsWith('.html')).length);
}

function finish(start: number, pages: number): BuildFigures {
  const usage = process.resourceUsage();
  return {
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssBytes: usage.maxRSS * 1024,
    pages,
  };
}

/** Node's flags for a child: the project builds with the heap limit `archive build` gives it (bin/heap.js); the baseline with 4 GB. */
function nodeArgs(kind: 'project' | 'baseline' | 'preview', articles: number): string[] {
  return ['--import', 'tsx', ...(kind === 'baseline' ? ['--max-old-space-size=4096'] : buildHeapFlags(articles))];
}

/** Resident memory of a process and all its descendants (Pagefind's indexer among them), from /proc. */
function treeRss(root: number): { total: number; processes: Map<number, { name: string; peak: number }> } {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone already.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
  }
  let total = 0;
  const processes = new Map<number, { name: string; peak: number }>();
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      total += field('VmRSS');
      processes.set(pid, { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', peak: field('VmHWM') });
    } catch {
      // Gone already.
    }
  }
  return { total, processes };
}

/** Runs one build in a fresh Node process and reads its figures from the last line it prints; samples the memory of its process tree meanwhile. */
export async function buildInChild(kind: 'project' | 'baseline', input: string, outDir: string, articles: number): Promise<BuildFigures> {
  const child = spawn(process.execPath, [...nodeArgs(kind, articles), THIS_FILE, kind, input, outDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
  const memory = watchMemory(child);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { treePeakBytes, indexerPeakBytes } = memory.stop();
  if (code !== 0) throw new Error(`${kind} build failed (exit ${code}):\n${stderr.slice(-4000)}`);
  const figures = JSON.parse(stdout.trim().split('\n').pop()!) as BuildFigures;
  return { ...figures, treePeakBytes: Math.max(treePeakBytes, figures.maxRssBytes), indexerPeakBytes };
}

/**
 * Samples the resident memory of `child` and its descendants (Pagefind's
 * processes) every 0.1 s until `stop()`: the highest sum, and the peak of
 * the largest Pagefind process.
 */
export function watchMemory(child: ChildProcess): { stop(): { treePeakBytes: number; indexerPeakBytes: number } } {
  let treePeak = 0;
  const indexerPeaks = new Map<number, number>();
  const sample = (): void => {
    if (!child.pid) return;
    const { total, processes } = treeRss(child.pid);
    treePeak = Math.max(treePeak, total);
    for (const [pid, { name, peak }] of processes)
      if (/pagefind/i.test(name)) indexerPeaks.set(pid, Math.max(indexerPeaks.get(pid) ?? 0, peak));
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      return { treePeakBytes: treePeak, indexerPeakBytes: Math.max(0, ...indexerPeaks.values()) };
    },
  };
}

/** A baseline's input folder: its project's files (the starter's, or the bare one's) with the same articles copied in. */
function prepareBaseline(contentDir: string, inputDir: string, from = BASELINE_DIR): void {
  cpSync(from, inputDir, { recursive: true });
  cpSync(path.join(contentDir, 'articles'), path.join(inputDir, 'articles'), { recursive: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers 200 or `timeoutMs` passes; the seconds it took, or undefined. */
async function waitFor(url: string, timeoutMs: number, everyMs = 50): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const response = await fetch(url, { cache: 'no-store' });
      await response.arrayBuffer();
      if (response.ok) return (performance.now() - start) / 1000;
    } catch {
      // Not listening yet.
    }
    await sleep(everyMs);
  }
  return undefined;
}

/** What the preview measured: start-up until the home page is served, then a new article's way to its page. */
export interface PreviewFigures {
  startSeconds?: number;
  newArticleSeconds?: number;
  timeoutSeconds: number;
}

/**
 * Starts `archive serve` on the archive in `contentDir`, waits for its home
 * page, writes a new article and polls the article's URL over HTTP.
 */
async function measurePreview(contentDir: string, outDir: string, port: number, timeoutSeconds: number): Promise<PreviewFigures> {
  const child = spawn(process.execPath, [...nodeArgs('preview', PREVIEW_SIZE), THIS_FILE, 'preview', contentDir, outDir, String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    const startSeconds = await waitFor(`${base}/`, timeoutSeconds * 1000, 250);
    if (startSeconds === undefined) return { timeoutSeconds };
    // Let the watcher settle after the first build, as an editor's preview would have.
    await sleep(2000);
    const article = newArticle();
    const file = path.join(contentDir, article.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, article.text);
    const newArticleSeconds = await waitFor(`${base}${article.url}`, timeoutSeconds * 1000);
    return { startSeconds, timeoutSeconds, ...(newArticleSeconds === undefined ? {} : { newArticleSeconds }) };
  } catch (error) {
    throw new Error(`preview failed: ${(error as Error).message}\n${stderr}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** One size's figures. */
export interface SizeFigures {
  articles: number;
  generateSeconds: number;
  project: BuildFigures;
  baseline: BuildFigures;
}

const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const seconds = (value: number): string => `${value.toFixed(1)} s`;

/** Measures every size, prints each as it ends, and returns the rows for the table. */
export async function benchBuild(sizes: readonly number[] = parseSizes(process.argv.slice(2))): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const figures = new Map<number, SizeFigures>();
  const work = mkdtempSync(path.join(tmpdir(), 'archive-bench-'));
  console.log(
    `load average before: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}; archives in ${work}`,
  );
  try {
    for (const count of sizes) {
      const contentDir = path.join(work, `content-${count}`);
      const start = performance.now();
      writeSyntheticArchive(contentDir, count);
      const generateSeconds = (performance.now() - start) / 1000;
      const baselineDir = path.join(work, `baseline-${count}`);
      prepareBaseline(contentDir, baselineDir);
      const project = await buildInChild('project', contentDir, path.join(work, `site-${count}`), count);
      const weight = siteBytes(path.join(work, `site-${count}`));
      rmSync(path.join(work, `site-${count}`), { recursive: true, force: true });
      const baseline = await buildInChild('baseline', baselineDir, path.join(work, `baseline-site-${count}`), count);
      rmSync(path.join(work, `baseline-site-${count}`), { recursive: true, force: true });
      rmSync(baselineDir, { recursive: true, force: true });
      const bareDir = path.join(work, `bare-${count}`);
      prepareBaseline(contentDir, bareDir, BARE_DIR);
      const bare = await buildInChild('baseline', bareDir, path.join(work, `bare-site-${count}`), count);
      rmSync(path.join(work, `bare-site-${count}`), { recursive: true, force: true });
      rmSync(bareDir, { recursive: true, force: true });
      figures.set(count, { articles: count, generateSeconds, project, baseline });
      const ratio = project.seconds / baseline.seconds;
      console.log(
        `build ${count}: project ${seconds(project.seconds)} (CPU ${seconds(project.cpuSeconds)}), ${project.pages} pages, max RSS ${mib(project.maxRssBytes)} ` +
          `(with Pagefind at once ${mib(project.treePeakBytes ?? 0)}; Pagefind alone ${mib(project.indexerPeakBytes ?? 0)}); ` +
          `baseline ${seconds(baseline.seconds)} (CPU ${seconds(baseline.cpuSeconds)}), ${baseline.pages} pages, max RSS ${mib(baseline.maxRssBytes)}; ratio ${ratio.toFixed(2)}×`,
      );
      const judged = count === 10_000;
      rows.push(
        { name: `build ${count}: project time`, value: `${seconds(project.seconds)} (CPU ${seconds(project.cpuSeconds)})` },
        { name: `build ${count}: project pages`, value: String(project.pages) },
        {
          name: `build ${count}: site bytes per article (search index included; feeds, search index, other orders and years of lists)`,
          value: `${kib(weight.total / count)} (feeds ${kib(weight.feeds / count)}, search ${kib(weight.search / count)}, views ${kib(weight.views / count)})`,
          ...(judged ? { budget: `≤ ${BUDGET.bytesPerArticle / 1024} KiB`, met: weight.total / count <= BUDGET.bytesPerArticle } : {}),
        },
        { name: `build ${count}: project max RSS (the build's process)`, value: mib(project.maxRssBytes) },
        { name: `build ${count}: Pagefind's max RSS (its own process)`, value: mib(project.indexerPeakBytes ?? 0) },
        {
          name: `build ${count}: peak memory, build and Pagefind together`,
          value: mib(project.treePeakBytes ?? project.maxRssBytes),
          ...(count === 30_000
            ? { budget: `≤ ${mib(BUDGET.bytes)}`, met: (project.treePeakBytes ?? project.maxRssBytes) <= BUDGET.bytes }
            : {}),
        },
        { name: `build ${count}: baseline time`, value: `${seconds(baseline.seconds)} (CPU ${seconds(baseline.cpuSeconds)})` },
        { name: `build ${count}: baseline pages`, value: String(baseline.pages) },
        { name: `build ${count}: baseline max RSS`, value: mib(baseline.maxRssBytes) },
        {
          name: `build ${count}: bare Eleventy time`,
          value: `${seconds(bare.seconds)} (CPU ${seconds(bare.cpuSeconds)}), ${bare.pages} pages`,
        },
        {
          name: `build ${count}: project / bare Eleventy time`,
          value: `${(project.seconds / bare.seconds).toFixed(2)}×`,
          ...(judged ? { budget: `≤ ${BUDGET.bareRatio}×`, met: project.seconds / bare.seconds <= BUDGET.bareRatio } : {}),
        },
        {
          name: `build ${count}: project / bare Eleventy CPU time`,
          value: `${(project.cpuSeconds / bare.cpuSeconds).toFixed(2)}×`,
          ...(judged ? { budget: `≤ ${BUDGET.bareRatio}×`, met: project.cpuSeconds / bare.cpuSeconds <= BUDGET.bareRatio } : {}),
        },
        {
          name: `build ${count}: project / baseline time`,
          value: `${ratio.toFixed(2)}×`,
          ...(judged ? { budget: `≤ ${BUDGET.baselineRatio}×`, met: ratio <= BUDGET.baselineRatio } : {}),
        },
        // On a shared machine wall time measures the neighbours too; CPU time does not.
        {
          name: `build ${count}: project / baseline CPU time`,
          value: `${(project.cpuSeconds / baseline.cpuSeconds).toFixed(2)}×`,
          ...(judged
            ? { budget: `≤ ${BUDGET.baselineRatio}×`, met: project.cpuSeconds / baseline.cpuSeconds <= BUDGET.baselineRatio }
            : {}),
        },
      );
      if (count === PREVIEW_SIZE) {
        // The same archive, now with a running preview: the build folder is the preview's own.
        const preview = await measurePreview(contentDir, path.join(work, 'preview-site'), 18_000 + (process.pid % 1000), 600);
        const value =
          preview.startSeconds === undefined
            ? `did not start within ${preview.timeoutSeconds} s`
            : preview.newArticleSeconds === undefined
              ? `not served within ${preview.timeoutSeconds} s`
              : seconds(preview.newArticleSeconds);
        console.log(
          `preview ${count}: first served after ${preview.startSeconds === undefined ? '-' : seconds(preview.startSeconds)}; new article served after ${value}`,
        );
        rows.push(
          {
            name: `preview ${count}: start until home page served`,
            value: preview.startSeconds === undefined ? 'n/a' : seconds(preview.startSeconds),
          },
          {
            name: `preview ${count}: new article until served`,
            value,
            budget: `≤ ${BUDGET.previewSeconds} s`,
            met: preview.newArticleSeconds !== undefined && preview.newArticleSeconds <= BUDGET.previewSeconds,
          },
        );
      }
      rmSync(contentDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const base = figures.get(10_000);
  const large = figures.get(30_000);
  if (base && large) {
    const growth = large.project.seconds / base.project.seconds;
    rows.push({
      name: 'build time 30000 / 10000',
      value: `${growth.toFixed(2)}× (linear 3×)`,
      budget: `≤ ${BUDGET.growth}×`,
      met: growth <= BUDGET.growth,
    });
    const cpuGrowth = large.project.cpuSeconds / base.project.cpuSeconds;
    rows.push({
      name: 'build CPU time 30000 / 10000',
      value: `${cpuGrowth.toFixed(2)}× (linear 3×)`,
      budget: `≤ ${BUDGET.growth}×`,
      met: cpuGrowth <= BUDGET.growth,
    });
  }
  rows.push({ name: 'load average (1 min) after builds', value: loadavg()[0]!.toFixed(1) });
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, input, output, port] = process.argv.slice(2);
  if (mode === 'project' && input && output) console.log(JSON.stringify(await buildProject(input, output)));
  else if (mode === 'baseline' && input && output) console.log(JSON.stringify(await buildBaseline(input, output)));
  else if (mode === 'preview' && input && output && port) {
    const { serve } = await import('../../src/eleventy/run.ts');
    await serve({ contentDir: input, outDir: output, port: Number(port) });
  } else {
    for (const row of await benchBuild())
      console.log(`${row.name}\t${row.value}\t${row.budget ?? ''}\t${row.met === undefined ? '' : row.met ? 'met' : 'missed'}`);
  }
}
