import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (dot files too), relative to it, with forward slashes, sorted; none if `dir` is missing. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file under `dir` (dot files too) with its text, by `listFiles` name. */
export function readFiles(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

/**
 * Resolves once no folder discarded by a build (`.<name>.discarded-<pid>`, deleted by a process of its own:
 * src/publish/staging.ts, discardInBackground) is left in `parent`; rejects, naming them, after `timeoutMs`.
 */
export async function discardsDone(parent: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = fs.readdirSync(parent).filter((name) => /\.discarded-\d+$/.test(name));
    if (!left.length) return;
    if (Date.now() > deadline) throw new Error(`discarded folders still in ${parent} after ${timeoutMs / 1000} s: ${left.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
