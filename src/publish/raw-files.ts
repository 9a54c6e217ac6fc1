/**
 * Writing the files of the site that are not Eleventy pages (feeds, the
 * sitemap, robots.txt, alias pages): each made and written one at a time, so
 * they are never all in memory. Touches the file system.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RawFile } from '../archive/archive-data.ts';

/** Writes each raw file under `outDir`, made one at a time; refuses a URL that would leave the folder. */
export function writeRawFiles(outDir: string, files: readonly RawFile[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(outDir, ...file.url.split('/').filter(Boolean));
    if (!target.startsWith(outDir + path.sep)) throw new Error(`archive: a file URL leaves the output folder: ${file.url}`);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.render());
  }
}
