/**
 * What makes the preview rebuild: watching the content folder and the
 * templates, and running one rebuild at a time. Touches the file system.
 *
 * One `fs.watch` per folder, not per file: a folder's watcher reports every
 * change to the files in it (written, added, renamed, deleted), and a folder
 * added later is watched from then on. Node's own `recursive` option would
 * do on Linux what chokidar does, one watcher per file (30,000 articles,
 * 30,000 inotify watches); Eleventy's chokidar is not a dependency of ours.
 * Symbolic links are not followed, as the build follows none.
 */
import { watch, readdirSync, lstatSync, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Quiet time after a change before the rebuild starts: a save, a `git pull` or an import is one burst of changes. */
export const SETTLE_MS = 150;

/** A running watch. */
export interface FolderWatch {
  close(): void;
}

/**
 * Watches `roots` and every folder below them; calls `onChange` once after
 * each burst of changes, when none came for `settleMs`. A root that does not
 * exist is not watched.
 */
export function watchFolders(roots: readonly string[], onChange: () => void, settleMs = SETTLE_MS): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  const unwatch = (folder: string) => {
    for (const [watched, watcher] of watchers)
      if (watched === folder || watched.startsWith(folder + path.sep)) {
        watcher.close();
        watchers.delete(watched);
      }
  };
  const watchTree = (folder: string) => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => {
        changed();
        // A name added or removed may be a folder: watch a new one, forget a gone one.
        if (name) follow(path.join(folder, name.toString()));
      });
    } catch {
      return;
    }
    // A watched folder that is deleted ends its watcher with an error on some systems.
    watcher.on('error', () => unwatch(folder));
    watchers.set(folder, watcher);
    let entries: string[];
    try {
      entries = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(folder, entry.name));
    } catch {
      return;
    }
    for (const entry of entries) watchTree(entry);
  };
  const follow = (file: string) => {
    let isFolder = false;
    try {
      isFolder = lstatSync(file).isDirectory();
    } catch {
      // Gone.
    }
    if (isFolder) watchTree(file);
    else unwatch(file);
  };

  for (const root of roots) watchTree(path.resolve(root));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** A task run one at a time (`oneAtATime`). */
export interface Serial {
  /** Runs the task, or, while it runs, asks for one more run once it ends. Resolves when no run is left. */
  run(): Promise<void>;
  /** Resolves when no run is left (at once when none runs). */
  idle(): Promise<void>;
}

/**
 * `task` run one at a time: calls while it runs ask for one more run once it
 * ends, however many came, so the last change is always built. `task`
 * handles its own errors: one that rejects ends the runs asked for so far.
 */
export function oneAtATime(task: () => Promise<void>): Serial {
  let running: Promise<void> | undefined;
  let again = false;
  return {
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await task();
          } while (again);
        } finally {
          running = undefined;
        }
      })();
      return running;
    },
    idle: () => running ?? Promise.resolve(),
  };
}
