/**
 * `archive import`: walks the inputs, imports each page, and writes articles
 * without ever losing or clobbering one. Writes are atomic (a temporary file
 * beside the target, then a rename), so an interrupted run leaves no partial
 * file and a second run finishes the job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
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
    if (result.text) process.stdout.write(result.text);
    console.error(`${file}: ${result.reason}`);
    return 1;
  }

  const outDir = path.resolve(options.out);
  const index = options.dryRun ? new ArchiveIndex() : ArchiveIndex.load(outDir);
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

/** Decides where one result goes: written, unchanged, a duplicate, or refused. */
function place(file: string, result: ImportResult, outDir: string, index: ArchiveIndex, options: ImportCliOptions): Outcome {
  if (result.status === 'failed') return { file, status: 'failed', reason: result.reason };
  const bodyKey = bodyHash(result.body);
  let relative = result.path;
  let target = path.join(outDir, relative);
  // A different article with the same day and title gets the next free suffix; a stable order keeps names stable.
  for (let n = 2; fs.existsSync(target) && !index.sameArticle(target, result, bodyKey); n++) {
    relative = result.path.replace(/\.md$/, `-${n}.md`);
    target = path.join(outDir, relative);
  }
  const duplicate = index.duplicateOf(result, bodyKey, target);
  if (duplicate) return { file, status: 'duplicate', path: path.relative(process.cwd(), target), of: path.relative(process.cwd(), duplicate.path), by: duplicate.by };

  const shown = path.relative(process.cwd(), target);
  if (fs.existsSync(target)) {
    const existing = fs.readFileSync(target, 'utf8');
    if (existing === result.text) return { file, status: 'unchanged', path: shown };
    if (!options.force) {
      return { file, status: 'failed', reason: `${shown} exists and differs (an editor's change?); pass --force to overwrite it` };
    }
    if (!options.dryRun) writeAtomic(target, result.text);
    index.add(target, result, bodyKey);
    return { file, status: 'overwritten', path: shown };
  }
  if (!options.dryRun) writeAtomic(target, result.text);
  index.add(target, result, bodyKey);
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
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

/** What the archive already holds, to spot second copies of one article. */
class ArchiveIndex {
  private readonly bySha = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  private readonly byBody = new Map<string, string>();

  static load(dir: string): ArchiveIndex {
    const index = new ArchiveIndex();
    if (!fs.existsSync(dir)) return index;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md') || entry.name.startsWith('.')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const parsed = parseArticleText(fs.readFileSync(file, 'utf8'), file);
      if (!parsed.ok) continue;
      const source = (parsed.parsed.data.source ?? {}) as { sha256?: unknown; url?: unknown };
      index.remember(file, typeof source.sha256 === 'string' ? source.sha256 : undefined, typeof source.url === 'string' ? source.url : undefined, bodyHash(parsed.parsed.body));
    }
    return index;
  }

  private remember(file: string, sha: string | undefined, url: string | undefined, body: string): void {
    if (sha && !this.bySha.has(sha)) this.bySha.set(sha, file);
    if (url && !this.byUrl.has(url)) this.byUrl.set(url, file);
    if (!this.byBody.has(body)) this.byBody.set(body, file);
  }

  add(file: string, result: Extract<ImportResult, { status: 'article' }>, body: string): void {
    this.remember(file, result.data.source?.sha256, result.data.source?.url, body);
  }

  /** True when the file at `target` holds this same article (same source or same body), edited or not. */
  sameArticle(target: string, result: Extract<ImportResult, { status: 'article' }>, body: string): boolean {
    const sha = result.data.source?.sha256;
    return (sha !== undefined && this.bySha.get(sha) === target) || this.byBody.get(body) === target || this.byUrl.get(result.data.source?.url ?? '') === target;
  }

  /** The other file this article is a second copy of, and by what. */
  duplicateOf(result: Extract<ImportResult, { status: 'article' }>, body: string, target: string): { path: string; by: string } | undefined {
    const sha = result.data.source?.sha256;
    const url = result.data.source?.url;
    const checks: [string | undefined, string][] = [
      [sha ? this.bySha.get(sha) : undefined, 'same source file (sha256)'],
      [url ? this.byUrl.get(url) : undefined, 'same source URL'],
      [this.byBody.get(body), 'same body'],
    ];
    for (const [found, by] of checks) if (found && found !== target) return { path: found, by };
    return undefined;
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
