/**
 * Site settings: name, description, base URL, path prefix, language,
 * publisher, the fewest articles for a tag's or person's own feeds and for
 * `check` to propose a registry entry, the data export's licence, where
 * releases are downloaded. Read from `content/_data/site.yaml`; a deployer
 * overrides the base URL, path prefix and releases address with
 * ARCHIVE_BASE_URL, ARCHIVE_PATH_PREFIX and ARCHIVE_RELEASES_URL, and a
 * build option beats the first two.
 */
import { z } from 'zod';

/** Settings every page uses. */
export interface SiteSettings {
  name: string;
  description: string;
  /** Scheme and host, no trailing slash: `https://example.org`. */
  baseUrl: string;
  /** `/` or `/archive/`: where the site sits under the host. */
  pathPrefix: string;
  language: string;
  publisher: string;
  /**
   * The fewest articles a tag or person needs for feeds of its own (each
   * holding its newest ENTITY_FEED_SIZE articles): feeds of one-article names
   * made most of a site's bytes (issue 15).
   */
  entityFeedMin: number;
  /**
   * The fewest articles an entity's list needs for a page per year
   * (`/tags/SLUG/2019/`, src/collections/list-views.ts): year pages of short
   * lists hold a few articles each and cost a page per entity and year.
   */
  yearPagesMin: number;
  /**
   * The fewest articles a person or organization missing from its registry
   * must be named in for `archive check` to propose an entry for it
   * (src/check/proposals.ts).
   */
  registryProposalMin: number;
  /** The licence of the archive's data export (src/export/): an SPDX identifier, its title and the URL of its text. */
  dataLicense: DataLicense;
  /**
   * The repository's releases (`https://github.com/OWNER/REPO/releases`), whose
   * assets hold each release's archives (docs/data.md#releases); unset, the
   * site lists releases without download links.
   */
  releasesUrl?: string;
}

/** A licence as a Frictionless data package names it. */
export interface DataLicense {
  name: string;
  title: string;
  path: string;
}

/** Defaults that work with no settings file at all. */
export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Cyber Policy News Archive',
  description: 'A searchable, citable archive of news on cyber policy: attacks, defence, diplomacy and law.',
  baseUrl: 'https://example.org',
  pathPrefix: '/',
  language: 'en',
  publisher: 'Cyber Policy News Archive',
  entityFeedMin: 5,
  yearPagesMin: 100,
  registryProposalMin: 3,
  dataLicense: {
    name: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
};

const settingsSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(60),
    description: z.string().trim().min(1).max(300),
    baseUrl: z.string().trim(),
    pathPrefix: z.string().trim(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"'),
    publisher: z.string().trim().min(1).max(200),
    entityFeedMin: z
      .number({ error: 'must be a whole number of articles, such as 5' })
      .int('must be a whole number of articles, such as 5')
      .min(1)
      .max(1_000_000),
    yearPagesMin: z
      .number({ error: 'must be a whole number of articles, such as 100' })
      .int('must be a whole number of articles, such as 100')
      .min(1)
      .max(1_000_000),
    registryProposalMin: z
      .number({ error: 'must be a whole number of articles, such as 3' })
      .int('must be a whole number of articles, such as 3')
      .min(1)
      .max(1_000_000),
    dataLicense: z.strictObject({
      name: z.string().trim().min(1).max(100),
      title: z.string().trim().min(1).max(200),
      path: z.url({ protocol: /^https?$/ }),
    }),
    releasesUrl: z.url({ protocol: /^https?$/ }),
  })
  .partial();

/** `/`, `/archive/`: leading and trailing slash, no doubled slashes, only safe URL path characters. */
export function normalizePathPrefix(prefix: string): string {
  const parts = prefix.split('/').filter(Boolean);
  for (const part of parts) {
    if (!/^[A-Za-z0-9._~-]+$/.test(part) || part === '.' || part === '..')
      throw new Error(`path prefix "${prefix}" may only hold letters, digits and . _ ~ - between slashes`);
  }
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** An http(s) origin without a trailing slash. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`base URL "${value}" is not a URL such as https://example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`base URL "${value}" must start with http:// or https://`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Merges defaults, the settings file's data, the environment and explicit overrides (strongest last). */
export function resolveSettings(
  fileData: unknown,
  env: Record<string, string | undefined> = {},
  overrides: { baseUrl?: string; pathPrefix?: string } = {},
): SiteSettings {
  const parsed = settingsSchema.safeParse(fileData ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`site settings: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const merged = { ...DEFAULT_SETTINGS, ...parsed.data };
  const baseUrl = overrides.baseUrl ?? env.ARCHIVE_BASE_URL ?? merged.baseUrl;
  const pathPrefix = overrides.pathPrefix ?? env.ARCHIVE_PATH_PREFIX ?? merged.pathPrefix;
  const releasesUrl = env.ARCHIVE_RELEASES_URL || merged.releasesUrl;
  if (releasesUrl !== undefined && !/^https?:\/\/[^\s"<>]+$/.test(releasesUrl))
    throw new Error(`releasesUrl "${releasesUrl}" is not an http(s) address such as https://github.com/OWNER/REPO/releases`);
  return {
    ...merged,
    baseUrl: normalizeBaseUrl(baseUrl),
    pathPrefix: normalizePathPrefix(pathPrefix),
    ...(releasesUrl ? { releasesUrl: releasesUrl.replace(/\/+$/, '') } : {}),
  };
}

/** The absolute URL of a site-relative path (`/tags/nato/`), with base URL and path prefix. */
export function absoluteUrl(settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>, path: string): string {
  return `${settings.baseUrl}${settings.pathPrefix}${path.replace(/^\/+/, '')}`;
}

/**
 * Whether a base URL is a placeholder rather than the site's address: a host
 * under example.org, example.com or example.net (RFC 2606), such as the
 * default `https://example.org`. A site built with one cites and links to an
 * address that is not its own.
 */
export function isExampleBaseUrl(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(^|\.)example\.(org|com|net)$/.test(host);
}

/**
 * What a build does about its base URL: `publish` a real address; `warn`
 * when it is the example (canonical links, feeds and citations would point
 * there); `refuse` it in CI, where the site is likely to be published,
 * unless the build says it will not be (`allowExample`, `--allow-example-url`).
 */
export function baseUrlVerdict(baseUrl: string, context: { ci: boolean; allowExample: boolean }): 'publish' | 'warn' | 'refuse' {
  if (context.allowExample || !isExampleBaseUrl(baseUrl)) return 'publish';
  return context.ci ? 'refuse' : 'warn';
}
