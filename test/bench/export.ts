/**
 * Benchmark of the data export (src/export/) on the synthetic archive of
 * related.ts at 30,000 articles: the time to make the records and write all
 * four files' text, and each file's size. Reported, never asserted.
 */
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { archiveExport, exportFiles } from '../../src/export/index.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { type BenchRow, syntheticArchive } from './related.ts';

/** Articles in the measured archive. */
export const EXPORT_SIZE = 30_000;

/** Times the export of a synthetic archive of `size` articles. */
export async function benchExport(size = EXPORT_SIZE): Promise<BenchRow[]> {
  const articles = syntheticArchive(size);
  const started = performance.now();
  const { indexes, registries } = archiveIndexes(articles, {});
  const exported = archiveExport(articles, indexes, registries, DEFAULT_SETTINGS);
  const sizes = exportFiles(() => exported).map((file) => [file.url, Buffer.byteLength(file.render())] as const);
  const seconds = (performance.now() - started) / 1000;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  return [
    { name: `export of ${size.toLocaleString('en')} articles (records and all four files)`, value: `${seconds.toFixed(2)} s` },
    ...sizes.map(([url, bytes]) => ({ name: `export ${url}`, value: kib(bytes) })),
  ];
}
