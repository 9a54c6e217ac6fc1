/**
 * The archive as data: one record per article and one per tag, person,
 * organization, place and outlet, with the columns and their types that the CSV,
 * the JSON and the data package's schema all take from here. Pure: articles
 * and indexes in, plain records out (docs/data.md describes every field).
 */
import type { Article } from '../content/article.ts';
import { cleanName } from '../content/fold.ts';
import type { RegistryEntry } from '../content/registry.ts';
import { ENTITY_KINDS, entityLinks, type EntityIndex, type EntityKind, type PageKind } from '../collections/entities.ts';
import type { OutletEntry, OutletLabel } from '../content/outlets.ts';
import { compareCodePoints } from '../collections/names.ts';
import { absoluteUrl, type SiteSettings } from '../site/settings.ts';

/** One article as the export gives it. Lists hold the names the site shows (folded onto one spelling). */
export interface ArticleRecord {
  url: string;
  title: string;
  date: string;
  outlet: string | null;
  authors: string[];
  tags: string[];
  people: string[];
  organizations: string[];
  places: string[];
  incidents: string[];
  storyline: string | null;
  source_url: string | null;
  word_count: number;
  summary: string | null;
}

/** One tag, person, organization, place or outlet as the export gives it. */
export interface EntityRecord {
  kind: PageKind;
  name: string;
  url: string;
  aliases: string[];
  description: string | null;
  role: string | null;
  /** The Wikidata item id (`Q7184`), from the registry. */
  wikidata: string | null;
  /** For an outlet of the registry: its country and labels. */
  country: string | null;
  labels: string[];
  article_count: number;
}

/** A column of a record: its name, its Table Schema type, whether it is a list, and what it holds. */
export interface Column<R> {
  name: keyof R & string;
  type: 'string' | 'date' | 'integer';
  /** A list of text: a JSON array, and in the CSV its items joined with "; " (src/export/csv.ts). */
  list?: boolean;
  /** Always present (never empty). */
  required?: boolean;
  format?: 'uri';
  description: string;
}

/** The columns of `articles.csv` and `articles.json`, in order. */
export const ARTICLE_COLUMNS: readonly Column<ArticleRecord>[] = [
  { name: 'url', type: 'string', format: 'uri', required: true, description: 'The archived copy: the article page of this archive.' },
  { name: 'title', type: 'string', required: true, description: 'The headline as published.' },
  { name: 'date', type: 'date', required: true, description: 'The day the source states (YYYY-MM-DD), never shifted by a time zone.' },
  {
    name: 'outlet',
    type: 'string',
    description:
      "The outlet that published the story: the outlets registry's name (found by the source URL's domain, else by the source's name), else as the article's source names it.",
  },
  { name: 'authors', type: 'string', list: true, description: "The byline's writers, where the page gives them." },
  { name: 'tags', type: 'string', list: true, description: 'Topics, spelled as the site spells them.' },
  { name: 'people', type: 'string', list: true, description: 'People named, folded onto one spelling (content/_data/people.yaml).' },
  { name: 'organizations', type: 'string', list: true, description: 'Organizations named, folded onto one spelling.' },
  { name: 'places', type: 'string', list: true, description: 'Places named, folded onto one spelling.' },
  {
    name: 'incidents',
    type: 'string',
    list: true,
    description:
      'Identifiers of public incident records the story reports on, PREFIX:ID (eurepoc:1234); the data page and content/_data/incident-systems.yaml name each system.',
  },
  {
    name: 'storyline',
    type: 'string',
    description:
      'The key of the storyline the story is in (its page is /storylines/KEY/): reports of one incident, one wire story or one editor’s story key.',
  },
  { name: 'source_url', type: 'string', format: 'uri', description: 'The original page at the outlet, where known.' },
  {
    name: 'word_count',
    type: 'integer',
    required: true,
    description: "Words in the archived text (letters or digits, joined by ' ’ . or -).",
  },
  { name: 'summary', type: 'string', description: 'One or two sentences on the story, where the article has them.' },
];

/** The columns of `entities.json`, in order. */
export const ENTITY_COLUMNS: readonly Column<EntityRecord>[] = [
  { name: 'kind', type: 'string', required: true, description: 'tags, people, organizations, places or outlets.' },
  { name: 'name', type: 'string', required: true, description: 'The name as the site spells it, as the article records do.' },
  { name: 'url', type: 'string', format: 'uri', required: true, description: 'Its page on the site.' },
  {
    name: 'aliases',
    type: 'string',
    list: true,
    description: 'Other spellings folded onto the name: the registry’s and those the articles use.',
  },
  { name: 'description', type: 'string', description: 'A description, from the registry.' },
  { name: 'role', type: 'string', description: 'A role (for people), from the registry.' },
  {
    name: 'wikidata',
    type: 'string',
    description:
      'Its Wikidata item id (Q and digits, such as Q7184), from the registry; its page is https://www.wikidata.org/wiki/ and the id.',
  },
  { name: 'country', type: 'string', description: 'For an outlet: its country, from the outlets registry.' },
  {
    name: 'labels',
    type: 'string',
    list: true,
    description: 'For an outlet: what public sources call it, each as "label (who says so: the source URL)", from the outlets registry.',
  },
  { name: 'article_count', type: 'integer', required: true, description: 'How many articles name it.' },
];

/** Words in a Markdown body: runs of letters or digits joined by an apostrophe, a dot or a hyphen; link targets and tags are not words. */
export function wordCount(markdown: string): number {
  const text = markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\s]+:[^>\s]*>/g, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ');
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** A label as the export writes it: "state-affiliated media (Some Platform: https://...)". */
export function labelText(label: OutletLabel): string {
  return `${label.label} (${label.by}: ${label.url})`;
}

/** One record per article, oldest first (then by URL): the same order every build. */
export function articleRecords(
  articles: readonly Article[],
  indexes: ReadonlyMap<PageKind, EntityIndex>,
  settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>,
  storylineOf: (url: string) => string | undefined = () => undefined,
  /** The article's word count: `wordCount` of its body, or the build's remembered count of it (src/store/parse-cache.ts). */
  words: (article: Article) => number = (article) => wordCount(article.body),
): ArticleRecord[] {
  const names = (article: Article, kind: EntityKind) => entityLinks(indexes.get(kind)!, article[kind]).map((link) => link.name);
  const outlets = indexes.get('outlets');
  const outletOf = (article: Article) => (outlets ? (entityLinks(outlets, outlets.names(article))[0]?.name ?? null) : null);
  return (
    [...articles]
      // URLs are ASCII slugs: plain comparison is code-point order, without compareCodePoints' cost at 30,000 articles.
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
      .map((article) => ({
        url: absoluteUrl(settings, article.url),
        title: article.title,
        date: article.date,
        outlet: outletOf(article),
        authors: [...article.authors],
        tags: names(article, 'tags'),
        people: names(article, 'people'),
        organizations: names(article, 'organizations'),
        places: names(article, 'places'),
        incidents: [...article.incidents],
        storyline: storylineOf(article.url) ?? null,
        source_url: article.source?.url ?? null,
        word_count: words(article),
        summary: article.summary ?? null,
      }))
  );
}

/**
 * One record per tag, person, organization, place and outlet, kind by kind
 * in the site's order, names in the site's order. Aliases are the registry's
 * (including the folds the archive derives) and every other spelling an
 * article uses for the name.
 */
export function entityRecords(
  articles: readonly Article[],
  indexes: ReadonlyMap<PageKind, EntityIndex>,
  registries: Partial<Record<PageKind, readonly RegistryEntry[]>>,
  settings: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>,
  outlets: ReadonlyMap<string, OutletEntry> = new Map(),
): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const kind of [...ENTITY_KINDS, 'outlets'] as const) {
    const index = indexes.get(kind);
    if (!index) continue;
    const aliases = new Map<string, Set<string>>();
    const add = (raw: string) => {
      const entity = index.get(raw);
      const spelling = cleanName(raw);
      if (!entity || !spelling || spelling === entity.name) return;
      aliases.set(entity.name, (aliases.get(entity.name) ?? new Set()).add(spelling));
    };
    // A registry alias resolves to its entity as any spelling does; entries of names no article uses have no record.
    for (const entry of registries[kind] ?? []) for (const alias of entry.aliases ?? []) add(alias);
    for (const article of articles) for (const raw of index.names(article)) add(raw);
    for (const entity of index.entities) {
      const outlet = kind === 'outlets' ? outlets.get(entity.name) : undefined;
      records.push({
        kind,
        name: entity.name,
        url: absoluteUrl(settings, entity.url),
        aliases: [...(aliases.get(entity.name) ?? [])].sort(compareCodePoints),
        description: entity.description ?? null,
        role: entity.role ?? null,
        wikidata: entity.wikidata ?? null,
        country: outlet?.country ?? null,
        labels: (outlet?.labels ?? []).map(labelText),
        article_count: entity.count,
      });
    }
  }
  return records;
}
