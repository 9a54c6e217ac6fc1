/**
 * Writing into the content folder without ever leaving half a file, and
 * without one run touching another's work. Touches the file system.
 *
 * Every write goes through a temporary file beside its target, named for the
 * process that made it (`.import-tmp-<pid>-<name>`), then a rename: readers
 * never see half a file. A temporary is removed by the run that made it, or
 * by a later run once the process named in it is gone; never while it lives.
 * `archive import` also holds a lock file on its output folder for the whole
 * run (`acquireLock`), so two runs never decide at the same time where an
 * article goes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The writers that leave temporaries, each with its own prefix. */
export type Writer = 'import' | 'check' | 'new' | 'release' | 'build';

const TEMPORARY = /^\.(import|check|new|release|build)-tmp-(\d+)-/;

/** The lock file `archive import` holds in its output folder. */
export const LOCK_NAME = '.archive-import.lock';

/** Whether process `pid` exists on this machine (one we may not signal exists too). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The temporary path for writing `target`, named for `writer` and this process. */
export function temporaryFor(target: string, writer: Writer): string {
  return path.join(path.dirname(target), `.${writer}-tmp-${process.pid}-${path.basename(target)}`);
}

/** Whether `file` is a temporary or lock of a write still under way (its process lives). */
export function isLiveTemporary(file: string): boolean {
  const name = path.basename(file);
  const match = TEMPORARY.exec(name);
  if (match) return processAlive(Number(match[2]));
  if (name === LOCK_NAME) return lockHolder(file)?.alive ?? false;
  return false;
}

/** Replaces `target` through a temporary beside it and a rename, flushed to disk first. */
export function writeFileAtomic(target: string, text: string, writer: Writer): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryFor(target, writer);
  try {
    writeFlushed(temporary, text);
    fs.renameSync(temporary, target);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Creates `target` only if no file is there: a temporary linked into place,
 * which fails if the target appeared meanwhile. Resolves to false when it existed.
 */
export function createExclusive(target: string, text: string, writer: Writer, flush = true): boolean {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryFor(target, writer);
  try {
    writeFlushed(temporary, text, flush);
    fs.linkSync(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function writeFlushed(file: string, text: string, flush = true): void {
  const handle = fs.openSync(file, 'wx');
  try {
    fs.writeSync(handle, text);
    if (flush) fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Removes the temporaries below `dir` whose process is gone; those of live runs stay. Returns what it removed. */
export function removeDeadTemporaries(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const match = TEMPORARY.exec(entry.name);
    if (!entry.isFile() || !match || processAlive(Number(match[2]))) continue;
    const file = path.join(entry.parentPath, entry.name);
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

interface LockRecord {
  pid: number;
  host: string;
  started: string;
}

/** Who holds the lock file `file`, and whether that process lives; undefined when it cannot be read (being written, or gone). */
function lockHolder(file: string): (LockRecord & { alive: boolean }) | undefined {
  let record: LockRecord;
  try {
    record = JSON.parse(fs.readFileSync(file, 'utf8')) as LockRecord;
  } catch {
    return undefined;
  }
  if (!record || typeof record.pid !== 'number') return undefined;
  // A lock taken on another machine (a shared folder) cannot be judged from here: it counts as live.
  const alive = record.host !== os.hostname() || processAlive(record.pid);
  return { ...record, alive };
}

/**
 * Takes the lock `name` of `dir` (by default `archive import`'s of its
 * output folder), waiting while another live run holds it (`onWait` is told
 * once, with the holder's pid). A lock whose process is gone (a run killed
 * with SIGKILL) is provably stale and is broken. Resolves to the function
 * that releases it (once: calls after the first do nothing). The lock file
 * is flushed to disk before it counts unless `flush` is false: `archive
 * build` holds one beside its output folder (buildLockFile,
 * src/publish/staging.ts) without, since no build outlives a crash of the
 * machine that would lose its lock.
 */
export async function acquireLock(
  dir: string,
  onWait: (pid: number) => void,
  pollMs = 100,
  { name = LOCK_NAME, writer = 'import', flush = true }: { name?: string; writer?: Writer; flush?: boolean } = {},
): Promise<() => void> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const mine: LockRecord = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  let told = false;
  for (;;) {
    // A lock a live run holds is waited for without a try: each try writes a temporary beside it.
    let holder = lockHolder(file);
    if (!holder?.alive) {
      try {
        // Written to a temporary first, then linked: the lock file is never seen half written.
        if (createExclusive(file, JSON.stringify(mine), writer, flush)) {
          // Once: a second call must not remove a lock another run of this process took since.
          let held = true;
          return () => {
            if (held && lockHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
            held = false;
          };
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      holder = lockHolder(file);
    }
    if (holder && !holder.alive) {
      breakStaleLock(file, holder.pid);
      continue;
    }
    if (holder && !told) {
      told = true;
      onWait(holder.pid);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Moves a dead run's lock aside and deletes it; puts it back if, meanwhile, a live run had taken the lock. */
function breakStaleLock(file: string, deadPid: number): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  const moved = lockHolder(aside);
  if (moved && moved.pid !== deadPid) {
    // Another run broke the stale lock and took its own between our read and our rename: give it back.
    try {
      fs.linkSync(aside, file);
    } catch {
      // Only if a third run took the lock in that same instant: three runs racing over one stale lock.
    }
  }
  fs.rmSync(aside, { force: true });
}
