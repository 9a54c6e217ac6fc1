/**
 * Reading files of the content folder the one way every command reads them:
 * strict UTF-8 (a file that is not is refused, never shown with its bytes
 * replaced), never through a symbolic link, and named in messages the one
 * way. Touches the file system.
 */
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The message for a file that is not UTF-8 text. */
export const NOT_UTF8 = 'is not UTF-8 text: save it as UTF-8';

/** A file's text, or undefined when its bytes are not UTF-8. Read synchronously: ten thousand small files read in turn beat the thread pool's round trips (docs/speed.md). */
export function readUtf8(file: string): string | undefined {
  try {
    return strictUtf8.decode(readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** A file's text when it exists and is no symbolic link, else undefined. */
export function readOptional(file: string): string | undefined {
  try {
    if (lstatSync(file).isSymbolicLink()) return undefined;
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * How long a file must have been left unchanged before its status is taken
 * to tell its text: more than the coarsest timestamps a file system keeps (two
 * seconds), so a change made after the status was taken always gives
 * another status, however coarse the clock that stamps it.
 */
export const SETTLED_MS = 2_000;

/**
 * The status of `file` that stands for its text (device, inode, size, and the
 * times of its last write and of its last change, which no program can set
 * back), or undefined when it changed less than SETTLED_MS before `now`
 * (a change made in the same tick, at the same size, could go unseen).
 * Symbolic links are not followed.
 */
export function fileStatus(file: string, now: number): string | undefined {
  const stat = lstatSync(file);
  if (!(Math.max(stat.mtimeMs, stat.ctimeMs) < now - SETTLED_MS)) return undefined;
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/** How a file is named in messages: relative to the working folder when inside it, with forward slashes on every system. */
export function displayPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute).split(path.sep).join('/');
}
