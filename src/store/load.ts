/**
 * Reading the content folder: every article once, the name registries and
 * the site settings. This file touches the file system; everything after it
 * works on the plain data it returns.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { slugFromFile, toArticle, type Article } from '../content/article.ts';
import { readArticleText } from '../content/frontmatter.ts';
import { sha256 } from '../archive/fingerprint.ts';
import type { ParseCache } from './parse-cache.ts';
import { formatIssue } from '../content/schema.ts';
import type { EntityKind } from '../collections/entities.ts';
import { resolveSettings, type SiteSettings } from '../site/settings.ts';
import { listContent } from './content-folder.ts';
import { displayPath, fileStatus, NOT_UTF8, readOptional, readUtf8 } from './read.ts';
import { loadIncidentSystems, loadOutlets as readOutlets, loadRegistries as readRegistries } from './registries.ts';
import { unknownIncidents, type IncidentSystem } from '../content/incidents.ts';
import { ContentError } from '../archive/errors.ts';
import type { RegistryEntry } from '../content/registry.ts';
import type { OutletRegistry } from '../content/outlets.ts';
import type { ReleaseRecord } from '../release/record.ts';
import { loadReleases } from './releases.ts';

/** Everything the site is built from. */
export interface LoadedContent {
  /** Published articles (drafts left out). */
  articles: Article[];
  /** How many drafts were left out. */
  drafts: number;
  /** The page addresses the drafts would have, oldest file first, for the preview to name (`archive serve` shows them, the build never). */
  draftUrls?: string[];
  registries: Partial<Record<EntityKind, RegistryEntry[]>>;
  /** The outlets registry (`_data/outlets.yaml`); none is an empty one. */
  outlets?: OutletRegistry;
  /** The record systems incident identifiers resolve through (`_data/incident-systems.yaml`); none when absent. */
  incidentSystems?: IncidentSystem[];
  settings: SiteSettings;
  /** The release records (`releases/VERSION.json`), oldest first; none when left out. */
  releases?: ReleaseRecord[];
  /** Symbolic links in the content folder, as shown to the reader: never followed, so left out. */
  skipped?: string[];
  /**
   * A value derived from an article file's path and text alone (its story print, its word count), made by
   * `make` or remembered from the last build (the parse cache); absent when
   * the build keeps no cache.
   */
  derived?: <T>(article: Article, name: string, make: () => T) => T;
  /**
   * The same for a long text (its body's HTML), as a function that gives it
   * when first called: read from the parse cache only then, or made by `make`.
   */
  text?: (article: Article, name: string, make: () => string) => () => string;
  /**
   * The SHA-256 of the article file's text, as this build read it or, for a file taken by its status, as the
   * last build did (the parse cache); absent when the build keeps no cache.
   */
  textHash?: (article: Article) => string | undefined;
  /** Whether the article's file is new or changed since the last build read it (the parse cache); absent when the build keeps no cache. */
  changed?: (article: Article) => boolean;
  /** Whether the article's file changed since the last build read it in its body alone, its front matter as it was (the parse cache). */
  bodyOnlyChanged?: (article: Article) => boolean;
}

export { displayPath };

/**
 * Reads and validates every `articles/**\/*.md` under `contentDir`. Throws a
 * ContentError listing every problem (`file:line: field: message`) and every
 * pair of articles that would be written to the same URL. With `incidents`,
 * an incident identifier whose prefix no record system has is a problem too.
 * With `cache`, a file whose text is the one the last build parsed is taken
 * from there (unless it names incidents, which are checked against the
 * record systems with the lines a parse gives); one whose status (fileStatus)
 * is the one the last build read it with is not even read: its body is read
 * if something asks for it (the build, for a few pages at most), and refused
 * should its text no longer be the one parsed.
 */
export async function loadArticles(
  contentDir: string,
  articleFiles = listContent(contentDir).articles,
  incidents?: { file: string; systems: readonly IncidentSystem[] },
  cache?: ParseCache,
  // Taken before any file's status: a file changed less than SETTLED_MS before is read (fileStatus). Tests give a later time.
  now = Date.now(),
): Promise<{ articles: Article[]; drafts: number; draftUrls: string[] }> {
  const files = articleFiles.map((file) => path.join(contentDir, file));
  const problems: string[] = [];
  const articles: Article[] = [];
  for (const full of files) {
    const file = path.relative(contentDir, full).split(path.sep).join('/');
    // A file whose status is the one the last build read it with is not read: its text is the one read then.
    const stat = cache ? fileStatus(full, now) : undefined;
    const settled = stat === undefined ? undefined : cache!.lookupStat(file, stat);
    if (settled && !(incidents && settled.data.incidents?.length)) {
      const slug = cache!.derived(file, 'slug', () => slugFromFile(file, settled.data.title));
      articles.push(toArticle(file, settled.data, () => bodyOf(full, settled), slug));
      continue;
    }
    const text = readUtf8(full);
    if (text === undefined) {
      // As `archive check` says: a file that is not UTF-8 is refused (hostile corpus: 2019-06-28-invalid-utf8.md).
      problems.push(formatIssue({ file: displayPath(full), line: 1, message: NOT_UTF8 }));
      continue;
    }
    const sha = cache ? sha256(text) : '';
    const known = cache?.lookup(file, sha, stat);
    if (known) {
      // Made with `file` itself, not copied with it: a copy would lose the Article's own toJSON (src/content/article.ts).
      // Its slug too: a file name longer than a slug may be is slugged from the title, which costs.
      const slug = cache!.derived(file, 'slug', () => slugFromFile(file, known.data.title));
      const article = toArticle(file, known.data, text.slice(known.bodyStart), slug);
      if (!incidents || !article.incidents.length) {
        articles.push(article);
        continue;
      }
    }
    // How messages name the file: made only for a file parsed (for 10,000 files from the cache it cost 0.05 s).
    const shown = displayPath(full);
    const result = readArticleText(text, shown);
    if (!result.ok) {
      problems.push(...result.issues.map(formatIssue));
      continue;
    }
    const article = toArticle(file, result.data, result.body);
    if (incidents && article.incidents.length) {
      const unknown = unknownIncidents(article.incidents, incidents.systems, shown, incidents.file, result.lineOf);
      if (unknown.length) {
        problems.push(...unknown.map(formatIssue));
        continue;
      }
    }
    cache?.store(file, sha, result.data, text.length - result.body.length, { slug: article.slug }, stat);
    articles.push(article);
  }
  if (problems.length)
    throw new ContentError(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the articles; the site was not built:`,
      problems,
    );
  const published = articles.filter((a) => !a.draft);
  const byUrl = new Map<string, Article[]>();
  for (const article of published) byUrl.set(article.url, [...(byUrl.get(article.url) ?? []), article]);
  const clashes = [...byUrl].filter(([, list]) => list.length > 1);
  if (clashes.length) {
    throw new ContentError(
      'Two or more articles would be written to the same URL; rename one file or change its date:',
      clashes.map(([url, list]) => `${url}: ${list.map((a) => displayPath(path.join(contentDir, a.file))).join(' and ')}`),
    );
  }
  const draftUrls = articles.filter((a) => a.draft).map((a) => a.url);
  return { articles: published, drafts: draftUrls.length, draftUrls };
}

/**
 * The body of the article file `full`, not read when its article was made (its
 * status was the one its parse cache entry was read with): read now, and
 * refused unless its text is still the one that entry was made from.
 */
function bodyOf(full: string, entry: { sha: string; bodyStart: number }): string {
  const text = readUtf8(full);
  if (text === undefined || sha256(text) !== entry.sha)
    throw new ContentError('An article file changed while the site was being built; build it again:', [displayPath(full)]);
  return text.slice(entry.bodyStart);
}

/** Reads `_data/{tags,people,organizations,places}.yaml` where they exist (src/store/registries.ts); a broken one stops the build with its file and line. */
export async function loadRegistries(contentDir: string): Promise<Partial<Record<EntityKind, RegistryEntry[]>>> {
  const { registries, issues } = readRegistries(contentDir);
  if (issues.length) throw new ContentError('A name registry is not valid:', issues.map(formatIssue));
  return Object.fromEntries(Object.entries(registries).map(([kind, loaded]) => [kind, [...loaded.registry.entries]]));
}

/** Reads `_data/outlets.yaml` where it exists; a broken one stops the build with its file and line. */
export function loadOutlets(contentDir: string): OutletRegistry {
  const { registry, issues } = readOutlets(contentDir);
  if (issues.length) throw new ContentError('The outlets registry is not valid:', issues.map(formatIssue));
  return registry;
}

/** Reads `_data/site.yaml` (if any) and applies the environment and overrides. */
export async function loadSettings(
  contentDir: string,
  env: Record<string, string | undefined> = process.env,
  overrides: { baseUrl?: string; pathPrefix?: string } = {},
): Promise<SiteSettings> {
  const file = path.join(contentDir, '_data', 'site.yaml');
  const text = readOptional(file);
  const data = text === undefined ? {} : parseYaml(text, { schema: 'core' });
  try {
    return resolveSettings(data, env, overrides);
  } catch (error) {
    throw new ContentError('The site settings are not valid:', [`${displayPath(file)}: ${(error as Error).message}`]);
  }
}

/** Everything under `contentDir` the site needs; with `cache`, unchanged article files are taken from the parse cache. */
export async function loadContent(
  contentDir: string,
  overrides: { baseUrl?: string; pathPrefix?: string } = {},
  cache?: ParseCache,
  now = Date.now(),
): Promise<LoadedContent> {
  const listing = listContent(contentDir);
  const incidents = loadIncidentSystems(contentDir);
  if (incidents.issues.length)
    throw new ContentError('The registry of incident record systems is not valid:', incidents.issues.map(formatIssue));
  const [{ articles, drafts, draftUrls }, registries, settings] = await Promise.all([
    loadArticles(contentDir, listing.articles, incidents, cache, now),
    loadRegistries(contentDir),
    loadSettings(contentDir, process.env, overrides),
  ]);
  const releases = loadReleases(contentDir, listing.releases);
  return {
    articles,
    drafts,
    draftUrls,
    registries,
    outlets: loadOutlets(contentDir),
    incidentSystems: incidents.systems,
    settings,
    releases,
    skipped: listing.links.map((file) => displayPath(path.join(contentDir, file))),
    ...(cache
      ? {
          derived: <T>(article: Article, name: string, make: () => T) => cache.derived(article.file, name, make),
          text: (article: Article, name: string, make: () => string) => cache.text(article.file, name, make),
          textHash: (article: Article) => cache.textHash(article.file),
          changed: (article: Article) => cache.changed(article.file),
          bodyOnlyChanged: (article: Article) => cache.bodyOnlyChanged(article.file),
        }
      : {}),
  };
}
