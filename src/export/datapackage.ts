/**
 * The Frictionless Data Package (`datapackage.json`) that describes the
 * export: each file with its path, format, media type and a Table Schema
 * (one field per column, with its type), the licence, the archive's version
 * and a `created` date taken from the newest article, never from the clock,
 * so the same content always gives the same bytes.
 */
import type { SiteSettings } from '../site/settings.ts';
import { LIST_SEPARATOR } from './csv.ts';
import { ARTICLE_COLUMNS, ENTITY_COLUMNS, type Column } from './records.ts';

/** The export's files, as `datapackage.json` names them (paths relative to it). */
export const DATA_FILES = {
  csv: 'articles.csv',
  json: 'articles.json',
  entities: 'entities.json',
  package: 'datapackage.json',
} as const;

/** A Table Schema field. */
export interface SchemaField {
  name: string;
  type: string;
  format?: string;
  description: string;
  constraints?: { required: true };
}

/** The Table Schema of `columns`: lists are arrays in JSON, and in CSV strings whose items are joined with "; ". */
export function tableSchema<R>(columns: readonly Column<R>[], as: 'csv' | 'json'): { fields: SchemaField[]; missingValues: string[] } {
  return {
    fields: columns.map((column) => ({
      name: column.name,
      type: column.list ? (as === 'csv' ? 'string' : 'array') : column.type,
      ...(column.format && !column.list ? { format: column.format } : {}),
      description:
        column.list && as === 'csv'
          ? `${column.description} Items are joined with "${LIST_SEPARATOR}"; an item's own ";" and "\\" are written "\\;" and "\\\\".`
          : column.description,
      ...(column.required ? { constraints: { required: true as const } } : {}),
    })),
    missingValues: [''],
  };
}

/** What the package says about the archive besides its files. */
export interface PackageInfo {
  settings: Pick<SiteSettings, 'name' | 'description' | 'publisher' | 'dataLicense'>;
  /** The archive's version (package.json's). */
  version: string;
  /** The newest article's day, YYYY-MM-DD; undefined for an empty archive. */
  newest: string | undefined;
  /** Absolute URL of the data page. */
  homepage: string;
  articles: number;
  entities: number;
}

/** The `datapackage.json` object. */
export function dataPackage(info: PackageInfo): Record<string, unknown> {
  const { settings } = info;
  const csvNote =
    'UTF-8, comma-separated, double quotes, CRLF line ends, a header row. A cell that would start with =, +, -, @, a tab, a carriage return or an apostrophe starts with an added apostrophe (OWASP: CSV injection); drop it when reading.';
  return {
    profile: 'data-package',
    name: 'cyber-policy-news-archive',
    title: settings.name,
    description: `${settings.description} One record per article, and every tag, person, organization, place and outlet.`,
    homepage: info.homepage,
    version: info.version,
    ...(info.newest ? { created: `${info.newest}T00:00:00Z` } : {}),
    licenses: [{ ...settings.dataLicense }],
    contributors: [{ title: settings.publisher, role: 'publisher' }],
    keywords: ['cyber policy', 'news', 'archive'],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'articles',
        title: 'Articles (CSV)',
        description: `${info.articles} articles, one a row. ${csvNote}`,
        path: DATA_FILES.csv,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema(ARTICLE_COLUMNS, 'csv'),
      },
      {
        profile: 'data-resource',
        name: 'articles-json',
        title: 'Articles (JSON)',
        description: `The same ${info.articles} articles as a JSON array of objects; lists are arrays, missing values null.`,
        path: DATA_FILES.json,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: tableSchema(ARTICLE_COLUMNS, 'json'),
      },
      {
        profile: 'data-resource',
        name: 'entities',
        title: 'Tags, people, organizations, places and outlets (JSON)',
        description: `${info.entities} names as a JSON array of objects, with their other spellings, descriptions and article counts.`,
        path: DATA_FILES.entities,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: tableSchema(ENTITY_COLUMNS, 'json'),
      },
    ],
  };
}
