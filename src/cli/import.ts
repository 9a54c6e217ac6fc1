/**
 * `archive import`: walks the inputs, imports each page, and writes articles
 * without ever losing or clobbering one. Writes are atomic (a temporary file
 * beside the target, then a rename), so an interrupted run leaves no partial
 * file and a second run finishes the job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bodyFingerprint } from '../check/duplicates.ts';
import { StoryIndex, storyPrint, type Headline } from '../content/same-story.ts';
import { importPage, MAX_BYTES, type ImportResult } from '../importer/index.ts';
import { parseArticleText } from '../content/frontmatter.ts';
import { loadRegistry } from './registry.ts';
import { UsageError } from './errors.ts';
import { isIsoDay } from '../content/dates.ts';

export interface ImportCliOptions {
  out: string;
  stdout?: boolean;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  date?: string;
  profiles?: boolean;
}

type Outcome =
  | { file: string; status: 'imported' | 'unchanged' | 'overwritten'; path: string }
  | { file: string; status: 'duplicate'; path: string; of: string; by: string }
  | { file: string; status: 'failed'; reason: string };

const TEMP_MARK = '.import-tmp-';

/** Runs the import command; resolves to the exit code. */
export async function runImport(inputs: string[], options: ImportCliOptions): Promise<number> {
  if (options.date !== undefined && !isIsoDay(options.date)) throw new UsageError(`--date must be a real day written YYYY-MM-DD, not "${options.date}"`);
  const files = collectFiles(inputs);
  if (options.stdout && files.length !== 1) {
    throw new UsageError(`--stdout takes exactly one input file (${files.length} found)`);
  }
  const registry = loadRegistry();

  if (options.stdout) {
    const file = files[0]!;
    const result = importFile(file, options, registry);
    if (result.status === 'article') {
      process.stdout.write(result.text);
      return 0;
    }
    // --stdout shows what was found even when the page could not become an
    // article (e.g. no date): the reason goes to stderr; the exit code says
    // whether anything could be printed at all.
    console.error(`${file}: ${result.reason}`);
    if (!result.text) return 1;
    process.stdout.write(result.text);
    return 0;
  }

  const outDir = path.resolve(options.out);
  const index = ArchiveIndex.load(outDir);
  if (!options.dryRun) removeStaleTemporaries(outDir);
  const outcomes: Outcome[] = [];
  const progress = new Progress(files.length, !options.json);
  for (const file of files) {
    progress.tick(file);
    const result = importFile(file, options, registry);
    outcomes.push(place(file, result, outDir, index, options));
  }
  progress.done();
  report(outcomes, options);
  return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
}

function importFile(file: string, options: ImportCliOptions, registry: ReturnType<typeof loadRegistry>): ImportResult {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_BYTES) return { status: 'failed', reason: `file is larger than 20 MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = fs.readFileSync(file);
    return importPage(bytes, { fileName: path.basename(file), date: options.date, profiles: options.profiles, registry });
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
    (fs.existsSync(candidate) && !index.sameArticle(candidate, entry)) || index.urlTakenByOther(pageUrlOf(candidate), candidate);
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
    const existing = fs.readFileSync(target, 'utf8');
    if (existing === result.text) return { file, status: 'unchanged', path: shown };
    if (!options.force) {
      return { file, status: 'failed', reason: `${shown} exists and differs (an editor's change?); pass --force to overwrite it` };
    }
    if (!options.dryRun) writeAtomic(target, result.text);
    index.add(target, entry);
    return { file, status: 'overwritten', path: shown };
  }
  if (!options.dryRun) writeAtomic(target, result.text);
  index.add(target, entry);
  return { file, status: 'imported', path: shown };
}

/** Writes through a temporary file in the same folder, then renames: readers never see half a file. */
export function writeAtomic(target: string, text: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `${TEMP_MARK}${process.pid}-${path.basename(target)}`);
  const handle = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(handle, text);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, target);
}

/** Temporary files left by an interrupted run are removed before a new run writes. */
function removeStaleTemporaries(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.startsWith(TEMP_MARK)) fs.rmSync(path.join(entry.parentPath, entry.name), { force: true });
  }
}

/** Every input file below the given paths, sorted so runs are repeatable. */
export function collectFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const found = fs
        .readdirSync(input, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => path.join(entry.parentPath, entry.name));
      files.push(...found.sort());
    } else {
      files.push(input);
    }
  }
  return [...new Set(files)];
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

/** The page URL of an article file: `/articles/YYYY/MM/SLUG/`, as the build gives it. */
function pageUrlOf(file: string): string {
  const name = path.basename(file, '.md');
  const m = /^(\d{4})-(\d{2})-\d{2}-(.+)$/.exec(name);
  return m ? `/articles/${m[1]}/${m[2]}/${m[3]}/` : name;
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
    if (!fs.existsSync(dir)) return index;
    for (const found of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!found.isFile() || !found.name.endsWith('.md') || found.name.startsWith('.')) continue;
      const file = path.join(found.parentPath, found.name);
      const parsed = parseArticleText(fs.readFileSync(file, 'utf8'), file);
      if (!parsed.ok) continue;
      const source = (parsed.parsed.data.source ?? {}) as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const body = parsed.parsed.body;
      const data = parsed.parsed.data;
      const headline = typeof data.title === 'string' && typeof data.date === 'string' ? { day: data.date, title: data.title } : undefined;
      index.add(file, { sha: text(source.sha256), url: text(source.url), sourceFile: text(source.file), body: bodyHash(body), print: storyPrint(body), headline });
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
    if (!this.urls.has(pageUrlOf(file))) this.urls.set(pageUrlOf(file), file);
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
    return (entry.sha !== undefined && held.sha === entry.sha) || (entry.url !== undefined && held.url === entry.url) || held.body === entry.body;
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

/** A one-line progress bar on a terminal, for more than a few files; silent otherwise. */
class Progress {
  private done_ = 0;
  private readonly active: boolean;
  constructor(private readonly total: number, allowed: boolean) {
    this.active = allowed && total > 5 && Boolean(process.stderr.isTTY);
  }
  tick(file: string): void {
    this.done_++;
    if (!this.active) return;
    const width = 30;
    const filled = Math.round((this.done_ / this.total) * width);
    const name = path.basename(file).slice(0, 40);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done_}/${this.total} ${name}`.padEnd(100));
  }
  done(): void {
    if (this.active) process.stderr.write(`\r${' '.repeat(100)}\r`);
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
          failed: count('failed'),
          files: outcomes,
        },
        null,
        2,
      ),
    );
    return;
  }
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') console.error(`failed     ${outcome.file}: ${outcome.reason}`);
    else if (outcome.status === 'duplicate') console.log(`duplicate  ${outcome.file}: ${outcome.by} as ${outcome.of}; skipped`);
    else if (outcome.status !== 'unchanged') console.log(`${outcome.status.padEnd(10)} ${outcome.file} -> ${outcome.path}`);
  }
  const verb = options.dryRun ? 'would import' : 'imported';
  console.log(
    `${verb} ${count('imported')}, overwritten ${count('overwritten')}, unchanged ${count('unchanged')}, duplicates ${count('duplicate')}, failed ${count('failed')}`,
  );
}
