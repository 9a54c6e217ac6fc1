/**
 * `archive export`: the data export the build writes under `/data/`
 * (src/export/), printed or written to a file: the article records as CSV,
 * a JSON array or JSON Lines.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archiveIndexes } from '../collections/indexes.ts';
import { archiveExport, formatArticles } from '../export/index.ts';
import { loadContent } from '../store/load.ts';

/** The options of `archive export`, as commander hands them over. */
export interface ExportCliOptions {
  format: 'csv' | 'json' | 'jsonl';
  out?: string;
  content: string;
}

/** Runs `archive export`; resolves to the exit code. */
export async function runExport(options: ExportCliOptions): Promise<number> {
  const content = await loadContent(path.resolve(options.content));
  const { indexes, registries, outlets } = archiveIndexes(content.articles, content.registries, content.outlets);
  const text = formatArticles(
    archiveExport(content.articles, indexes, registries, content.settings, undefined, undefined, outlets).articles,
    options.format,
  );
  if (!options.out || options.out === '-') {
    process.stdout.write(text);
    return 0;
  }
  // Written whole or not at all: a temporary beside the file, renamed over it.
  const target = path.resolve(options.out);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  console.error(
    `Wrote ${content.articles.length} article${content.articles.length === 1 ? '' : 's'} as ${options.format} to ${options.out}.`,
  );
  return 0;
}
