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
