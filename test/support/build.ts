/**
 * Builds a site for the tests in a child process, from the TypeScript sources
 * (`node --import tsx`; the command line runs the same code compiled into
 * dist/), so Eleventy runs outside the test runner's module system and a
 * crash cannot take the runner with it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What to build and where. */
export interface BuildRequest {
  contentDir: string;
  outDir: string;
  pathPrefix?: string;
  /** Article and entity pages per Eleventy run; the build's own default unless given. */
  pagesPerRun?: number;
  /** Article pages per search-index shard; the build's own default unless given. */
  searchShardPages?: number;
  /** Print `waiting for <pid>` when the build waits for another's lock on its output folder. */
  reportWait?: boolean;
}

/** What the build reported, and how long it took. */
export interface BuildReport {
  pages: number;
  articles: number;
  seconds: number;
}

/** The child process that runs one build (`buildSite`). */
export const BUILD_CHILD = fileURLToPath(new URL('./build-child.ts', import.meta.url));

/** A build that runs longer than this has hung: a limit, not a speed requirement. */
const BUILD_LIMIT_MS = 5 * 60_000;

/** Runs `build()` from src/eleventy/run.ts on `request`; rejects with the build's own words on failure. */
export function buildSite(request: BuildRequest): Promise<BuildReport> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BUILD_CHILD, JSON.stringify(request)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: BUILD_LIMIT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) {
        const result = JSON.parse(last) as { pages: number; articles: number };
        resolve({ pages: result.pages, articles: result.articles, seconds });
        return;
      }
      const said = `${stderr}\n${stdout}`.trim().split('\n').slice(-40).join('\n');
      const how = signal ? `was stopped by ${signal} after ${seconds} s (limit ${BUILD_LIMIT_MS / 1000} s)` : `failed (exit ${code})`;
      reject(new Error(`The build of ${request.contentDir} ${how}:\n${said}`));
    });
  });
}
