/**
 * Publishing a build all or nothing. Touches the file system.
 *
 * `archive build` writes the new site to a staging folder beside the output
 * folder (`.<name>.building-<pid>`, on the same file system), checks it, and
 * only then swaps it in with two renames: the output folder becomes
 * `.<name>.previous-<pid>`, the staging folder takes its name, and the
 * previous site is renamed `.<name>.discarded-<pid>` and deleted by a process
 * of its own (`discardInBackground`), which the build does not wait for. Until
 * the swap, the output folder is not touched: a kill, a full disk or a failure
 * leaves the previous site whole. The next build hands what a build whose
 * process is gone left (its staging folder, a discarded site) to such a
 * process, and puts back a previous site a kill left between the two renames.
 * One build at a time: each holds a lock file beside the output folder while
 * it runs (`buildLockFile`), and another waits for it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processAlive } from '../store/temporary.ts';
import { entryPaths } from './site-paths.mjs';

/**
 * The lock file beside `outDir` that a build holds while it runs (src/eleventy/run.ts): one build at a time
 * per output folder. Beside it, not in the cache folder, so a cache restored from another machine (CI) never
 * brings a lock whose holder cannot be judged from here.
 */
export function buildLockFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.build.lock`);
}

/** The folders beside `outDir` a build of process `pid` uses, and the one a discarding process `pid` deletes (discard.mjs names it alike). */
export function stagingNames(outDir: string, pid = process.pid): { staging: string; previous: string; discarded: string } {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  return {
    staging: path.join(parent, `.${name}.building-${pid}`),
    previous: path.join(parent, `.${name}.previous-${pid}`),
    discarded: path.join(parent, `.${name}.discarded-${pid}`),
  };
}

/**
 * Why `outDir` must not be replaced by a build, or undefined when it may:
 * the output folder is deleted and written anew, so it must not hold the
 * content, the code or the working folder, and an existing one must look
 * like a site (an `index.html` at its top) or be empty.
 */
export function unsafeOutput(
  outDir: string,
  keep: { contentDir: string; repoRoot: string; cwd?: string; home?: string },
): string | undefined {
  const out = path.resolve(outDir);
  const within = (inner: string) => {
    const relative = path.relative(out, path.resolve(inner));
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (path.dirname(out) === out) return `--out ${outDir} is the root of the file system`;
  const held = [
    ['the content folder', keep.contentDir],
    ['the archive\u2019s code', keep.repoRoot],
    ['the working folder', keep.cwd ?? process.cwd()],
    ['your home folder', keep.home ?? os.homedir()],
  ].find(([, folder]) => within(folder!));
  if (held)
    return `--out ${outDir} holds ${held[0]}, and the build replaces the output folder whole: choose a folder of its own, such as _site`;
  const inContent = path.relative(path.resolve(keep.contentDir), out);
  if (!inContent.startsWith('..') && !path.isAbsolute(inContent))
    return `--out ${outDir} is inside the content folder, which holds articles and registries only: choose a folder outside it, such as _site`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(out);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return `--out ${outDir} is a file, not a folder`;
  const entries = fs.readdirSync(out);
  if (entries.length && !entries.includes('index.html')) {
    return `--out ${outDir} holds files but no index.html, so it is no site the archive built, and the build would replace it whole: empty it or choose another folder`;
  }
  return undefined;
}

/**
 * Clears what dead builds left beside `outDir` (their staging folders, and
 * sites discarded by a process that died before it was done, handed to
 * `discardInBackground`; a previous site a kill left between the two renames
 * goes back in place), then makes a fresh, empty staging folder for this
 * process and returns it.
 */
export function prepareStaging(outDir: string): string {
  const parent = path.dirname(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(outDir))}\\.(building|previous|discarded)-(\\d+)$`);
  for (const entry of fs.readdirSync(parent)) {
    const match = pattern.exec(entry);
    if (!match || processAlive(Number(match[2]))) continue;
    const left = path.join(parent, entry);
    if (match[1] === 'previous' && !fs.existsSync(outDir)) fs.renameSync(left, outDir);
    else discardInBackground(left, outDir);
  }
  const { staging } = stagingNames(outDir);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  return staging;
}

/** Puts the checked staging folder in the place of `outDir` and discards the previous site (`discardInBackground`). */
export function publishStaging(staging: string, outDir: string): void {
  const { previous } = stagingNames(outDir);
  const hadSite = fs.existsSync(outDir);
  if (hadSite) fs.renameSync(outDir, previous);
  try {
    fs.renameSync(staging, outDir);
  } catch (error) {
    if (hadSite) fs.renameSync(previous, outDir);
    throw error;
  }
  if (hadSite) discardInBackground(previous, outDir);
}

/** The process that deletes a discarded folder (src/publish/discard.mjs). */
const DISCARD = fileURLToPath(new URL('./discard.mjs', import.meta.url));

/**
 * Deletes `folder`, beside `outDir`, in a process of its own that outlives
 * this one, and returns at once: the folder is renamed
 * `.<name>.discarded-<that process's pid>` first, so that a build meanwhile
 * leaves it alone (prepareStaging). Deleting the previous site of 10,000
 * articles (78,000 files and folders) took 12 to 15 s here, after a full
 * build had published the new one (docs/incremental.md). Deletes it here
 * and now should the process not start or the rename fail.
 */
export function discardInBackground(folder: string, outDir: string): void {
  let child: ReturnType<typeof spawn> | undefined;
  try {
    child = spawn(process.execPath, [DISCARD, path.dirname(outDir), path.basename(outDir)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    if (child.pid === undefined) throw new Error('the process did not start');
    fs.renameSync(folder, stagingNames(outDir, child.pid).discarded);
  } catch {
    fs.rmSync(folder, { recursive: true, force: true });
  } finally {
    // Its input ends: it deletes its folder, if the rename made one.
    child?.stdin?.end();
    child?.unref();
  }
}

/**
 * Deletes a staging folder (a failed or interrupted build's). Writes the
 * build had already handed to the thread pool (Eleventy writes pages in
 * parallel, and goes on after the first one fails) may land after a first
 * pass: a second pass, once they have, leaves nothing behind.
 */
export async function discardStaging(staging: string, settleMs = 200): Promise<void> {
  fs.rmSync(staging, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * The files of `dir`, relative to it with forward slashes, under the entries
 * of its top level that `within` takes (default: all): a build looks over the
 * files outside the search bundles while Pagefind writes those.
 */
export function siteFiles(dir: string, within: (top: string) => boolean = () => true): string[] {
  const root = path.resolve(dir);
  const pathsOf = entryPaths(root);
  const out: string[] = [];
  for (const top of fs.readdirSync(root, { withFileTypes: true })) {
    if (!within(top.name)) continue;
    if (top.isFile()) out.push(top.name);
    else if (top.isDirectory())
      for (const entry of fs.readdirSync(path.join(root, top.name), { recursive: true, withFileTypes: true }))
        if (entry.isFile()) out.push(pathsOf(entry).rel);
  }
  return out;
}

/** Files of `dir` with no bytes (of the top-level entries `within` takes), relative to it: a full disk leaves such files behind. */
export function emptyFiles(dir: string, within?: (top: string) => boolean): string[] {
  return siteFiles(dir, within)
    .filter((rel) => fs.statSync(path.join(dir, rel)).size === 0)
    .sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
