/**
 * A child process's output (stdout and stderr together) as it comes, for
 * tests that wait for a line before they act: `line` resolves with the first
 * match of a pattern, or rejects, with all the output, once the process has
 * ended without printing it.
 */
import type { ChildProcess } from 'node:child_process';

export interface WatchedOutput {
  /** All the output so far. */
  text: () => string;
  /** The first match of `pattern` in the output, once printed. */
  line: (pattern: RegExp) => Promise<RegExpExecArray>;
  /** The process's exit code once it has ended and its output is read (null when a signal ended it). */
  closed: Promise<number | null>;
}

/** Starts watching `child`'s output: call it right after spawning, with stdout and stderr piped. */
export function watchOutput(child: ChildProcess): WatchedOutput {
  let text = '';
  const waiting: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];
  const look = () => {
    for (const wait of [...waiting]) {
      const match = wait.pattern.exec(text);
      if (match) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(match);
      }
    }
  };
  const read = (chunk: Buffer | string) => {
    text += chunk.toString();
    look();
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    text: () => text,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ pattern, resolve });
        look();
        void closed.then((code) => reject(new Error(`the process ended (exit ${code}) before printing ${pattern}:\n${text}`)));
      }),
    closed,
  };
}
