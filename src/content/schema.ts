/**
 * The content model: one schema for an article's front matter, used by the
 * importer (what it writes), `archive check` (what it reports) and the build
 * (what it refuses). Pure: no file system, no Eleventy.
 */
import { z } from 'zod';
import { isIsoDay } from './dates.ts';
import { INCIDENT_ID_MESSAGE, parseIncidentId } from './incidents.ts';
import { isDeviceName } from './slug.ts';

/** Front-matter keys in the order a writer puts them. */
export const KEY_ORDER = [
  'title',
  'date',
  'time',
  'authors',
  'tags',
  'people',
  'organizations',
  'places',
  'incidents',
  'story',
  'section',
  'summary',
  'source',
  'image',
  'related_headlines',
  'related',
  'draft',
] as const;

export const SOURCE_KEY_ORDER = ['name', 'url', 'file', 'sha256', 'retrieved'] as const;
export const IMAGE_KEY_ORDER = ['caption', 'credit'] as const;
export const RELATED_KEY_ORDER = ['pin', 'exclude'] as const;

/**
 * Keys that Eleventy would obey if an article could set them. An article must
 * not choose where it is written, what layout runs, or whether it is listed.
 */
export const RESERVED_KEYS = new Set([
  'permalink',
  'layout',
  'eleventyExcludeFromCollections',
  'eleventyComputed',
  'eleventyImport',
  'eleventyNavigation',
  'pagination',
  'templateEngineOverride',
  'eleventyDataSchema',
  'dynamicPermalink',
  'permalinkBypassOutputDir',
  'collections',
  'page',
  'content',
  'pkg',
]);

// Control characters (NUL, escape, ...) have no place in a title or a name and could reach the page.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControl = (value: string) => !CONTROL.test(value);
const controlMessage = 'contains a control character (such as NUL); remove it';
const text = z.string().trim().min(1, 'must not be empty').max(2000, 'is longer than 2,000 characters').refine(noControl, controlMessage);
const longText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20000, 'is longer than 20,000 characters')
  .refine(noControl, controlMessage);
const nameList = z.array(text).max(500, 'has more than 500 items');

/** A real day written YYYY-MM-DD. */
export const isoDay = z
  .string({ error: 'must be a day written YYYY-MM-DD' })
  .refine(isIsoDay, { message: 'must be a real day written YYYY-MM-DD (e.g. 2019-05-23)' });

const time = z
  .string({ error: 'must be a time such as "14:05" or "14:05+03:00"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/, 'must be a time such as "14:05" or "14:05+03:00"');

/** An http or https URL. */
export const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

const retrieved = z
  .string({ error: 'must be a day or a date-time, e.g. 2019-05-23T22:25:00+03:00' })
  .regex(
    /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'must be a day or a date-time, e.g. 2019-05-23T22:25:00+03:00',
  )
  .refine((value) => isIsoDay(value.slice(0, 10)), 'names a day that does not exist');

const incidentId = z.string({ error: INCIDENT_ID_MESSAGE }).refine((value) => parseIncidentId(value) !== undefined, INCIDENT_ID_MESSAGE);

/**
 * An editor's storyline key: it becomes the storyline's address
 * (`/storylines/KEY/`). It starts with a letter, so it never meets a key the
 * archive makes itself from a report's day (`2019-05-23-...`).
 */
const STORY_MESSAGE =
  'must be a storyline key: lowercase letters, digits and single hyphens, starting with a letter (e.g. "nato-cyber-doctrine")';
const storyKey = z
  .string({ error: STORY_MESSAGE })
  .max(80, 'is longer than 80 characters')
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, STORY_MESSAGE)
  .refine((value) => !isDeviceName(value), 'is a name no folder may have on Windows (con, nul, ...): choose another');

export const sourceSchema = z.strictObject({
  name: text.optional(),
  url: webUrl.optional(),
  file: text.optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')
    .optional(),
  retrieved: retrieved.optional(),
});

export const imageSchema = z.strictObject({
  caption: longText.optional(),
  credit: text.optional(),
});

/** Editor's hand on related stories: article URLs or file slugs to pin first or to leave out. */
export const relatedSchema = z.strictObject({
  pin: z.array(text).max(20).optional(),
  exclude: z.array(text).max(200).optional(),
});

export const frontMatterSchema = z.strictObject({
  title: text,
  date: isoDay,
  time: time.optional(),
  /** Who wrote the story (its byline): credited, never filed as people the story is about. */
  authors: nameList.optional(),
  tags: nameList.optional(),
  people: nameList.optional(),
  organizations: nameList.optional(),
  places: nameList.optional(),
  /** Identifiers of public incident records (`eurepoc:1234`), resolved by content/_data/incident-systems.yaml. */
  incidents: z.array(incidentId).max(50, 'has more than 50 items').optional(),
  /** The editor's storyline key: reports with one key are one storyline. */
  story: storyKey.optional(),
  section: text.optional(),
  summary: longText.optional(),
  source: sourceSchema.optional(),
  image: imageSchema.optional(),
  related_headlines: z.array(longText).max(100).optional(),
  related: relatedSchema.optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});

/** Front matter as validated: what an article file states. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** One problem with one article, located as precisely as the input allows. */
export interface ContentIssue {
  /** The file, as given to the loader (relative to the repository where possible). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Dotted front-matter path, e.g. `source.url`, when the problem is one field. */
  field?: string;
  message: string;
}

/** `file:line: field: message`, the one format every command prints. */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/**
 * Validates parsed front matter. `lineOf` maps a dotted key path to its line
 * in the file so every issue can point at the offending key.
 */
export function validateFrontMatter(
  data: unknown,
  file: string,
  lineOf: (path: string) => number | undefined = () => undefined,
): { ok: true; value: FrontMatter } | { ok: false; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const key of Object.keys(data)) {
      if (RESERVED_KEYS.has(key)) {
        issues.push({
          file,
          line: lineOf(key),
          field: key,
          message: `is not allowed in an article: the archive decides where and how each article is published`,
        });
      }
    }
  }
  const result = frontMatterSchema.safeParse(data, { reportInput: true });
  if (result.success && issues.length === 0) return { ok: true, value: result.data };
  if (!result.success) {
    for (const problem of result.error.issues) {
      if (problem.code === 'unrecognized_keys') {
        const parent = problem.path.map(String);
        for (const key of problem.keys) {
          if (parent.length === 0 && RESERVED_KEYS.has(key)) continue;
          const fieldPath = [...parent, key].join('.');
          const known = knownKeysAt(parent);
          const guess = closest(key, known);
          issues.push({
            file,
            line: lineOf(fieldPath),
            field: fieldPath,
            message: `is not a known key${guess ? ` (did you mean "${guess}"?)` : ''}; known keys: ${known.join(', ')}`,
          });
        }
        continue;
      }
      const fieldPath = problem.path.map(String).join('.');
      const message = problem.code === 'invalid_type' ? explainType(fieldPath, valueAt(data, fieldPath)) : problem.message;
      issues.push({ file, line: lineOf(fieldPath) ?? lineOf(String(problem.path[0] ?? '')), field: fieldPath || undefined, message });
    }
  }
  return { ok: false, issues };
}

const HINTS: Record<string, string> = {
  title: 'add a line "title: ..." with the headline as published',
  date: 'add a line "date: YYYY-MM-DD" with the day the source states',
};

const EXPECTED: Record<string, string> = {
  date: 'a day written YYYY-MM-DD (e.g. 2019-05-23)',
  time: 'a time in quotes, such as "14:05"',
  tags: 'a list, one "- item" per line',
  people: 'a list, one "- item" per line',
  organizations: 'a list, one "- item" per line',
  places: 'a list, one "- item" per line',
  incidents: 'a list, one "- prefix:id" per line',
  related_headlines: 'a list, one "- item" per line',
  source: 'a group of keys indented under it',
  image: 'a group of keys indented under it',
  related: 'a group of keys indented under it',
  draft: 'true or false',
};

/** Says what a key of the wrong kind holds and what it should hold, or that a required key is missing. */
function explainType(field: string, value: unknown): string {
  if (value === undefined) return HINTS[field] ? `is required: ${HINTS[field]}` : 'is required';
  if (value === null)
    return `is empty: ${HINTS[field] ? HINTS[field].replace(/^add a line/, 'write') : 'give it a value or remove the key'}`;
  const kind =
    typeof value === 'number' || typeof value === 'boolean'
      ? `the ${typeof value} ${String(value)}`
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a group of keys'
          : 'text';
  const expected = EXPECTED[field.replace(/\.\d+$/, '')] ?? 'text (put it in quotes so YAML does not read it as a number or true/false)';
  return `must be ${expected}, not ${kind}`;
}

function valueAt(data: unknown, field: string): unknown {
  let value: unknown = data;
  for (const part of field.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function knownKeysAt(parent: string[]): string[] {
  if (parent.length === 0) return [...KEY_ORDER];
  if (parent[0] === 'source') return [...SOURCE_KEY_ORDER];
  if (parent[0] === 'image') return [...IMAGE_KEY_ORDER];
  if (parent[0] === 'related') return [...RELATED_KEY_ORDER];
  return [];
}

/** The known key nearest to `key` by edit distance, if it is near enough to be a typo. */
export function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
