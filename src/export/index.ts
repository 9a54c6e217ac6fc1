/**
 * The data export: the archive's records, and the files the build writes
 * under `/data/` and `archive export` prints (`articles.csv`, `articles.json`,
 * `entities.json`, `datapackage.json`). Pure but for reading the version from
 * package.json once (docs/data.md).
 */
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Article } from '../content/article.ts';
import type { RegistryEntry } from '../content/registry.ts';
import type { EntityIndex, PageKind } from '../collections/entities.ts';
import type { OutletEntry } from '../content/outlets.ts';
import { absoluteUrl, type SiteSettings } from '../site/settings.ts';
import { storylineIndex, type StorylineIndex } from '../collections/storylines.ts';
import { toCsv } from './csv.ts';
import { DATA_FILES, dataPackage } from './datapackage.ts';
import { ARTICLE_COLUMNS, articleRecords, entityRecords, type ArticleRecord, type EntityRecord } from './records.ts';

/** The archive's version, as package.json states it: the data package's `version`. */
export const ARCHIVE_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Where the data page and the export's files are. */
export const DATA_URL = '/data/';

/** Everything the export holds. */
export interface ArchiveExport {
  articles: ArticleRecord[];
  entities: EntityRecord[];
  package: Record<string, unknown>;
}

/**
 * The export of an archive's published articles, grouped by `indexes` with
 * `registries` in force (src/collections/indexes.ts). `version` is the
 * package's, or made from the records (the release a site is, src/release/pages.ts).
 */
export function archiveExport(
  articles: readonly Article[],
  indexes: ReadonlyMap<PageKind, EntityIndex>,
  registries: Partial<Record<PageKind, readonly RegistryEntry[]>>,
  settings: SiteSettings,
  version: string | ((records: ArticleRecord[]) => string) = ARCHIVE_VERSION,
  storylines: Pick<StorylineIndex, 'byArticle'> = storylineIndex(articles),
  outlets: ReadonlyMap<string, OutletEntry> = new Map(),
  words?: (article: Article) => number,
): ArchiveExport {
  const records = articleRecords(articles, indexes, settings, (url) => storylines.byArticle.get(url)?.key, words);
  const entities = entityRecords(articles, indexes, registries, settings, outlets);
  return {
    articles: records,
    entities,
    package: dataPackage({
      settings,
      version: typeof version === 'function' ? version(records) : version,
      newest: records.at(-1)?.date,
      homepage: absoluteUrl(settings, DATA_URL),
      articles: records.length,
      entities: entities.length,
    }),
  };
}

/** A JSON array with one record a line: readable, diffable, and parsed by any JSON reader. */
export function jsonLines(records: readonly object[], asArray: boolean): string {
  const lines = records.map((record) => JSON.stringify(record));
  if (!asArray) return lines.length ? `${lines.join('\n')}\n` : '';
  return lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
}

/** The article records in one of the command's formats. */
export function formatArticles(records: readonly ArticleRecord[], format: 'csv' | 'json' | 'jsonl'): string {
  if (format === 'csv') return toCsv(records, ARTICLE_COLUMNS);
  return jsonLines(records, format === 'json');
}

/**
 * The files under `/data/`, each made when it is written (RawFile in
 * src/archive/archive-data.ts). The CSV file's key is a hash of the JSON
 * file, which holds the same records whole: an incremental build whose
 * records are unchanged keeps the CSV file unmade (0.13 s at 10,000 articles).
 */
export function exportFiles(data: () => ArchiveExport): { url: string; render(): string; key?(): string }[] {
  let json: string | undefined;
  const articlesJson = () => (json ??= formatArticles(data().articles, 'json'));
  return [
    {
      url: `${DATA_URL}${DATA_FILES.csv}`,
      render: () => formatArticles(data().articles, 'csv'),
      key: () => hash('sha256', `csv\n${articlesJson()}`, 'hex'),
    },
    { url: `${DATA_URL}${DATA_FILES.json}`, render: articlesJson },
    { url: `${DATA_URL}${DATA_FILES.entities}`, render: () => jsonLines(data().entities, true) },
    { url: `${DATA_URL}${DATA_FILES.package}`, render: () => `${JSON.stringify(data().package, null, 2)}\n` },
  ];
}
