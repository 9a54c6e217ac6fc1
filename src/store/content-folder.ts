/**
 * What a content folder holds, listed in one place so that the build, `check`,
 * `new` and the preview agree on what an article is. Reads the file system
 * (directory entries only, never a file's text).
 *
 * Only three kinds of file are content: articles (`articles/**\/*.md`), the
 * registries and settings (`_data/{site,tags,people,organizations,places,outlets,incident-systems}.yaml`)
 * and the records of releases (`releases/VERSION.json`, src/release/record.ts).
 * Anything else in the folder (a `.njk`, a `*.11tydata.mjs`, a note) is a
 * stray: nothing reads it, and `archive check` names it. Symbolic links are
 * never followed: each one is reported and skipped, so no file outside the
 * folder can be read as content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isLiveTemporary } from './temporary.ts';

/** The registry and settings files the archive reads from `_data/`. */
export const REGISTRY_NAMES = ['site', 'tags', 'people', 'organizations', 'places', 'outlets', 'incident-systems'] as const;

/** Every file and link under a content folder, as paths relative to it with forward slashes, sorted. */
export interface ContentListing {
  /** `articles/**\/*.md`, dot files left out. */
  articles: string[];
  /** `_data/<registry>.yaml` (or `.yml`) that exist. */
  registries: string[];
  /** `releases/*.json`: the records of releases (`archive release`). */
  releases: string[];
  /** Symbolic links anywhere in the folder: never followed. */
  links: string[];
  /** Files that are neither: nothing reads them. */
  strays: string[];
}

/** What kind of content a file at `relative` (forward slashes, relative to the content folder) is. */
export function contentKind(relative: string): 'article' | 'registry' | 'release' | 'stray' {
  const parts = relative.split('/');
  const name = parts.at(-1)!;
  if (parts[0] === 'articles' && parts.length > 1 && !name.startsWith('.') && /\.md$/i.test(name)) return 'article';
  if (
    parts.length === 2 &&
    parts[0] === '_data' &&
    REGISTRY_NAMES.some((registry) => name === `${registry}.yaml` || name === `${registry}.yml`)
  )
    return 'registry';
  if (parts.length === 2 && parts[0] === 'releases' && !name.startsWith('.') && name.endsWith('.json')) return 'release';
  return 'stray';
}

/** Files and symbolic links below `dir` (not following links), relative to it with forward slashes, sorted in code point order. */
export function walk(dir: string): { files: string[]; links: string[]; others: string[] } {
  const files: string[] = [];
  const links: string[] = [];
  const others: string[] = [];
  const visit = (folder: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && prefix) return;
      throw error;
    }
    for (const entry of entries) {
      const relative = `${prefix}${entry.name}`;
      if (entry.isSymbolicLink()) links.push(relative);
      else if (entry.isDirectory()) visit(path.join(folder, entry.name), `${relative}/`);
      else if (entry.isFile()) files.push(relative);
      else others.push(relative);
    }
  };
  visit(dir, '');
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(order), links: links.sort(order), others: others.sort(order) };
}

/**
 * Lists a content folder. A folder that does not exist lists as empty;
 * temporary files of a write still under way (an import, a fix) are left out.
 */
export function listContent(contentDir: string): ContentListing {
  if (!fs.existsSync(contentDir)) return { articles: [], registries: [], releases: [], links: [], strays: [] };
  const { files, links, others } = walk(contentDir);
  const listing: ContentListing = { articles: [], registries: [], releases: [], links, strays: [...others] };
  for (const file of files) {
    if (isLiveTemporary(path.join(contentDir, file))) continue;
    const kind = contentKind(file);
    if (kind === 'article') listing.articles.push(file);
    else if (kind === 'registry') listing.registries.push(file);
    else if (kind === 'release') listing.releases.push(file);
    else listing.strays.push(file);
  }
  listing.strays.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return listing;
}

/**
 * The article files below an articles folder (`content/articles`, or the
 * folder `import --out` writes), relative to it with forward slashes, sorted:
 * `.md` files only, no dot files, no temporaries of a write under way, no
 * symbolic links. The same rule as `listContent`'s articles.
 */
export function articleFilesIn(articlesDir: string): string[] {
  if (!fs.existsSync(articlesDir)) return [];
  return walk(articlesDir).files.filter(
    (file) => contentKind(`articles/${file}`) === 'article' && !isLiveTemporary(path.join(articlesDir, file)),
  );
}

/** The message for a symbolic link found in the content folder or a folder given to `import`. */
export const LINK_SKIPPED = 'is a symbolic link: skipped (the archive follows no links); put the file itself here';

/** The message for a file of the content folder that is neither an article nor a registry. */
export const STRAY_FILE =
  'is neither an article (articles/YYYY/YYYY-MM-DD-slug.md) nor a registry (_data/site.yaml, tags.yaml, people.yaml, organizations.yaml, places.yaml, outlets.yaml, incident-systems.yaml) nor a release record (releases/VERSION.json): nothing reads it, and no other file may sit in the content folder; move it elsewhere or delete it';
