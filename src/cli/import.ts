/**
 * `archive import`: walks the inputs, imports each page, and writes articles
 * without ever losing or clobbering one. Writes are atomic (a temporary file
 * beside the target, then a rename), so an interrupted run leaves no partial
 * file and a second run finishes the job. A run holds a lock on its output
 * folder (src/store/temporary.ts), so two runs over one archive take turns
 * and never both write one page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bodyFingerprint } from '../check/duplicates.ts';
import { StoryIndex, storyPrint, type Headline } from '../content/same-story.ts';
import { importPage, MAX_BYTES, type ImportResult } from '../importer/index.ts';
import { nonPageReason } from '../importer/non-page.ts';
import { parseArticleText } from '../content/frontmatter.ts';
import { articleFilesIn, LINK_SKIPPED, walk } from '../store/content-folder.ts';
import { readUtf8 } from '../store/read.ts';
import { pageUrlOf } from '../content/article.ts';
import type { Registry } from '../content/registry.ts';
import type { OutletRegistry } from '../content/outlets.ts';
import { acquireLock, createExclusive, removeDeadTemporaries, writeFileAtomic } from '../store/temporary.ts';
import { requireOutlets, requireRegistry } from '../store/registries.ts';
import { UsageError } from './errors.ts';
import { isIsoDay } from '../content/dates.ts';
import { localToday } from './today.ts';

export interface ImportCliOptions {
  out: string;
  stdout?: boolean;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  date?: string;
  profiles?: boolean;
}

type Outcome = (
  | { file: string; status: 'imported' | 'unchanged' | 'overwritten'; path: string }
  | { file: string; status: 'duplicate'; path: string; of: string; by: string }
  | { file: string; status: 'failed' | 'skipped'; reason: string }
) & { notes?: string[] };

/** Without a terminal, a progress line at least this often (files, milliseconds). */
const PROGRESS_FILES = 100;
const PROGRESS_MS = 5_000;

/** Runs the import command; resolves to the exit code. */
export async function runImport(inputs: string[], options: ImportCliOptions): Promise<number> {
  if (options.date !== undefined && !isIsoDay(options.date))
    throw new UsageError(`--date must be a real day written YYYY-MM-DD, not "${options.date}"`);
  const { files, links } = collectFiles(inputs);
  if (options.stdout && files.length !== 1) {
    throw new UsageError(`--stdout takes exactly one input file (${files.length} found)`);
  }
  const registry = { people: requireRegistry('content', 'people'), outlets: requireOutlets('content') };
  const today = localToday();

  if (options.stdout) {
    const file = files[0]!;
    const result = importFile(file, options, registry, today);
    if (result.status === 'article') {
      process.stdout.write(result.text);
      return 0;
    }
    // --stdout shows what was found even when the page could not become an
    // article (e.g. no date): the reason goes to stderr; the exit code says
    // whether anything could be printed at all.
    console.error(`${file}: ${result.reason}`);
    if (result.status === 'skipped' || !result.text) return 1;
    process.stdout.write(result.text);
    return 0;
  }

  const outDir = path.resolve(options.out);
  // A dry run writes nothing, so it needs no turn of its own.
  const release = options.dryRun
    ? () => undefined
    : await acquireLock(outDir, (pid) =>
        console.error(
          `archive: another import (process ${pid}) is writing to ${path.relative(process.cwd(), outDir) || '.'}; waiting for it to finish`,
        ),
      );
  try {
    // Only what a run that died left behind: a live run's temporaries are its own.
    if (!options.dryRun) removeDeadTemporaries(outDir);
    const index = ArchiveIndex.load(outDir);
    const outcomes: Outcome[] = links.map((file) => ({ file, status: 'skipped' as const, reason: LINK_SKIPPED }));
    const progress = new Progress(files.length, !options.json);
    for (const file of files) {
      const result = importFile(file, options, registry, today);
      const placed = result.status === 'skipped' ? result : place(file, result, outDir, index, options);
      // The importer's notes (a declared charset it overruled) go with the file's outcome, whatever it is.
      const outcome: Outcome = 'notes' in result && result.notes?.length ? { ...placed, notes: result.notes } : placed;
      outcomes.push(outcome);
      progress.tick(file, outcome.status);
    }
    progress.done();
    report(outcomes, options);
    return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
  } finally {
    release();
  }
}

function importFile(
  file: string,
  options: ImportCliOptions,
  registry: { people: Registry; outlets: OutletRegistry },
  today: string,
): ImportResult | { file: string; status: 'skipped'; reason: string } {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_BYTES) return { status: 'failed', reason: `file is larger than 20 MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = fs.readFileSync(file);
    const notAPage = nonPageReason(file, bytes);
    if (notAPage) return { file, status: 'skipped', reason: notAPage };
    return importPage(bytes, {
      fileName: path.basename(file),
      date: options.date,
      profiles: options.profiles,
      registry: registry.people,
      outlets: registry.outlets,
      today,
    });
  } catch (error) {
    // An extractor bug must not stop the rest of the folder; the reason names it.
    return { status: 'failed', reason: `could not be imported: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * Decides where one result goes. The file at the article's own path may hold
 * the very same page imported before (unchanged, or edited by an editor: kept
 * unless --force), or another copy of the same article (a duplicate), or a
 * different article with the same day and title (the next free suffix).
 */
function place(file: string, result: ImportResult, outDir: string, index: ArchiveIndex, options: ImportCliOptions): Outcome {
  if (result.status === 'failed') return { file, status: 'failed', reason: result.reason };
  const entry = index.entryFor(result);
  let relative = result.path;
  let target = path.join(outDir, relative);
  // A file of another article there, or another article's page at the URL this one would get (same month and slug, another day): the next suffix.
  const taken = (candidate: string): boolean =>
    (fs.existsSync(candidate) && !index.sameArticle(candidate, entry)) ||
    index.urlTakenByOther(pageUrlOf(candidate, result.data.date, result.data.title), candidate);
  for (let n = 2; taken(target); n++) {
    relative = result.path.replace(/\.md$/, `-${n}.md`);
    target = path.join(outDir, relative);
  }
  const shown = path.relative(process.cwd(), target);
  const reimport = fs.existsSync(target) && index.samePage(target, entry);
  if (!reimport) {
    const duplicate = index.duplicateOf(entry, options.force);
    if (duplicate) return { file, status: 'duplicate', path: shown, of: path.relative(process.cwd(), duplicate.path), by: duplicate.by };
  } else {
    const existing = readUtf8(target);
    if (existing === result.text) return { file, status: 'unchanged', path: shown };
    if (!options.force) {
      return { file, status: 'failed', reason: `${shown} exists and differs (an editor's change?); pass --force to overwrite it` };
    }
    if (!options.dryRun) writeFileAtomic(target, result.text, 'import');
    index.add(target, entry);
    return { file, status: 'overwritten', path: shown };
  }
  // A new file is created only where none is: under the lock only `archive new` could race it.
  if (!options.dryRun && !createExclusive(target, result.text, 'import')) {
    return { file, status: 'failed', reason: `${shown} appeared while this run was writing; import the page again` };
  }
  index.add(target, entry);
  return { file, status: 'imported', path: shown };
}

/**
 * Every input file below the given paths, sorted so runs are repeatable, and
 * the symbolic links met inside folders (never followed; a path named on the
 * command line is used as given). Dot files are left out.
 */
export function collectFiles(inputs: string[]): { files: string[]; links: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const found = walk(input);
      const visible = (relative: string) => !relative.split('/').some((part) => part.startsWith('.'));
      files.push(...found.files.filter(visible).map((file) => path.join(input, file)));
      links.push(...found.links.filter(visible).map((file) => path.join(input, file)));
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], links: [...new Set(links)] };
}

function bodyHash(body: string): string {
  return bodyFingerprint(body) ?? '';
}

interface IndexEntry {
  sha?: string;
  url?: string;
  sourceFile?: string;
  body: string;
  /** The body's story print (see same-story.ts). */
  print: Uint32Array;
  headline?: Headline;
}

/** What the archive already holds, to spot second copies of one article. */
class ArchiveIndex {
  private readonly files = new Map<string, IndexEntry>();
  private readonly bySha = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  private readonly byBody = new Map<string, string>();
  private readonly stories = new StoryIndex<string>();
  private readonly urls = new Map<string, string>();

  static load(dir: string): ArchiveIndex {
    const index = new ArchiveIndex();
    // The articles as the content store lists them (no links, no temporaries), read strictly as UTF-8.
    for (const relative of articleFilesIn(dir)) {
      const file = path.join(dir, relative);
      const raw = readUtf8(file);
      const parsed = raw === undefined ? undefined : parseArticleText(raw, file);
      if (!parsed?.ok) continue;
      const source = (parsed.parsed.data.source ?? {}) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const body = parsed.parsed.body;
      const data = parsed.parsed.data;
      const headline = typeof data.title === 'string' && typeof data.date === 'string' ? { day: data.date, title: data.title } : undefined;
      index.add(file, {
        sha: text(source.sha256),
        url: text(source.url),
        sourceFile: text(source.file),
        body: bodyHash(body),
        print: storyPrint(body),
        headline,
      });
    }
    return index;
  }

  entryFor(result: Extract<ImportResult, { status: 'article' }>): IndexEntry {
    const source = result.data.source ?? {};
    return {
      sha: source.sha256,
      url: source.url,
      sourceFile: source.file,
      body: bodyHash(result.body),
      print: storyPrint(result.body),
      headline: { day: result.data.date, title: result.data.title },
    };
  }

  add(file: string, entry: IndexEntry): void {
    this.files.set(file, entry);
    if (entry.sha && !this.bySha.has(entry.sha)) this.bySha.set(entry.sha, file);
    if (entry.url && !this.byUrl.has(entry.url)) this.byUrl.set(entry.url, file);
    if (!this.byBody.has(entry.body)) this.byBody.set(entry.body, file);
    this.stories.add(file, entry.print, entry.headline);
    const url = entry.headline ? pageUrlOf(file, entry.headline.day, entry.headline.title) : undefined;
    if (url && !this.urls.has(url)) this.urls.set(url, file);
  }

  /** Whether another file than `file` already has the page `url`. */
  urlTakenByOther(url: string, file: string): boolean {
    const holder = this.urls.get(url);
    return holder !== undefined && path.resolve(holder) !== path.resolve(file);
  }

  /** The file at `target` holds this article: the same source or the same body, edited or not. */
  sameArticle(target: string, entry: IndexEntry): boolean {
    const held = this.files.get(target);
    if (!held) return false;
    return (
      (entry.sha !== undefined && held.sha === entry.sha) || (entry.url !== undefined && held.url === entry.url) || held.body === entry.body
    );
  }

  /** The file at `target` was imported from this very page (same raw file name and bytes). */
  samePage(target: string, entry: IndexEntry): boolean {
    const held = this.files.get(target);
    return held !== undefined && held.sha === entry.sha && held.sourceFile === entry.sourceFile;
  }

  /** The file this article is a second copy of, and by what; `force` lets the same story from another page through. */
  duplicateOf(entry: IndexEntry, force = false): { path: string; by: string } | undefined {
    const checks: [string | undefined, string][] = [
      [entry.sha ? this.bySha.get(entry.sha) : undefined, 'same source file (sha256)'],
      [entry.url ? this.byUrl.get(entry.url) : undefined, 'same source URL'],
      [this.byBody.get(entry.body), 'same body'],
    ];
    for (const [found, by] of checks) if (found) return { path: found, by };
    if (force) return undefined;
    const same = this.stories.sameAs(entry.print, undefined, entry.headline)[0];
    return same ? { path: same.key, by: `same story (${Math.round(same.share * 100)} % of its text)` } : undefined;
  }
}

/**
 * Progress on stderr for more than a few files: a bar redrawn in place on a
 * terminal; without one (a pipe, a log), a line every PROGRESS_FILES files or
 * PROGRESS_MS milliseconds, whichever comes first. `now` is the clock.
 */
export class Progress {
  private count = 0;
  private lastLine: number;
  private lastCount = 0;
  private readonly counts = new Map<string, number>();
  private readonly mode: 'bar' | 'lines' | 'off';
  constructor(
    private readonly total: number,
    allowed: boolean,
    terminal = Boolean(process.stderr.isTTY),
    private readonly now: () => number = Date.now,
    private readonly write: (text: string) => void = (text) => void process.stderr.write(text),
  ) {
    this.mode = !allowed || total <= 5 ? 'off' : terminal ? 'bar' : 'lines';
    this.lastLine = now();
  }
  tick(file: string, status: string): void {
    this.count++;
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
    if (this.mode === 'bar') {
      const width = 30;
      const filled = Math.round((this.count / this.total) * width);
      const name = path.basename(file).slice(0, 40);
      this.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.count}/${this.total} ${name}`.padEnd(100));
    } else if (
      this.mode === 'lines' &&
      this.count < this.total &&
      (this.count - this.lastCount >= PROGRESS_FILES || this.now() - this.lastLine >= PROGRESS_MS)
    ) {
      this.lastCount = this.count;
      this.lastLine = this.now();
      const counted = [...this.counts].map(([name, n]) => `${n} ${name}`).join(', ');
      this.write(`import: ${this.count} of ${this.total} files (${Math.floor((this.count / this.total) * 100)} %): ${counted}\n`);
    }
  }
  done(): void {
    if (this.mode === 'bar') this.write(`\r${' '.repeat(100)}\r`);
  }
}

function report(outcomes: Outcome[], options: ImportCliOptions): void {
  const count = (status: Outcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  if (options.json) {
    console.log(
      JSON.stringify(
        {
          dryRun: Boolean(options.dryRun),
          imported: count('imported'),
          overwritten: count('overwritten'),
          unchanged: count('unchanged'),
          duplicates: count('duplicate'),
          skipped: count('skipped'),
          failed: count('failed'),
          files: outcomes,
        },
        null,
        2,
      ),
    );
    return;
  }
  // A dry run says what it would do, on every line as in the summary.
  const verb = (status: 'imported' | 'overwritten') =>
    options.dryRun ? `would ${status === 'imported' ? 'import' : 'overwrite'}` : status;
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') console.error(`failed     ${outcome.file}: ${outcome.reason}`);
    else if (outcome.status === 'skipped') console.log(`skipped    ${outcome.file}: ${outcome.reason}`);
    else if (outcome.status === 'duplicate') console.log(`duplicate  ${outcome.file}: ${outcome.by} as ${outcome.of}; skipped`);
    else if (outcome.status === 'imported' || outcome.status === 'overwritten')
      console.log(`${verb(outcome.status).padEnd(10)} ${outcome.file} -> ${outcome.path}`);
  }
  console.log(
    `${verb('imported')} ${count('imported')}, ${verb('overwritten')} ${count('overwritten')}, unchanged ${count('unchanged')}, duplicates ${count('duplicate')}, skipped ${count('skipped')}, failed ${count('failed')}`,
  );
}
