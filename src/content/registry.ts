/**
 * The people registry (`content/_data/people.yaml`): one entry per person,
 * with the canonical full name the site uses and the other spellings that
 * mean the same person. The importer folds what a page says onto the
 * canonical name, so one person gets one page whatever the outlet wrote.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { ContentIssue } from './schema.ts';
import { personKey } from './fold.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A Wikidata item id: `Q` and a number without leading zeros (`Q42`, not `Q042` or `q42`). */
export const WIKIDATA_ID = /^Q[1-9][0-9]*$/;

/** The page of a Wikidata item, as entity pages link to it and JSON-LD's `sameAs` names it. */
export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** One entry of a registry: a person, organization, place or tag. */
export const RegistryEntrySchema = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).optional(),
  description: nonEmpty.optional(),
  role: nonEmpty.optional(),
  wikidata: z
    .string({ error: 'must be a Wikidata item id such as Q42' })
    .regex(WIKIDATA_ID, 'must be a Wikidata item id: Q and digits, no leading zero, such as Q42')
    .optional(),
});

/** One entry of a registry, as validated. */
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** A loaded registry: its entries and an alias-folding lookup. */
export interface Registry {
  entries: readonly RegistryEntry[];
  /** The canonical name for a name or alias, ignoring case, accents and punctuation; undefined if unknown. */
  lookup(name: string): string | undefined;
  /** Every folded key (names and aliases) the registry knows, as `personKey` gives them. */
  keys(): Iterable<string>;
}

/** Builds a registry from entries already validated; a later entry never overrides an earlier key. */
export function createRegistry(entries: readonly RegistryEntry[]): Registry {
  const map = new Map<string, string>();
  for (const e of entries) {
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = personKey(n);
      if (k && !map.has(k)) map.set(k, e.name);
    }
  }
  return {
    entries,
    lookup: (name) => map.get(personKey(name)),
    keys: () => map.keys(),
  };
}

/** The empty registry, for callers without one. */
export const EMPTY_REGISTRY: Registry = createRegistry([]);

/**
 * Parses and validates registry YAML. Pure: takes the text and the file name
 * to report. Every issue names the file and the line; a name or alias used
 * by two people is an error, since the lookup could not tell them apart.
 */
export function parseRegistry(text: string, file: string): { ok: true; registry: Registry } | { ok: false; issues: ContentIssue[] } {
  const parsed = parseEntryList(text, file, RegistryEntrySchema, (entry) =>
    [entry.name, ...(entry.aliases ?? [])].map((n) => ({ field: n === entry.name ? 'name' : 'aliases', value: n, key: personKey(n) })),
  );
  return parsed.ok ? { ok: true, registry: parsed.entries.length ? createRegistry(parsed.entries) : EMPTY_REGISTRY } : parsed;
}

/** A value an entry claims for itself alone (a name, an alias, a web domain): the field it is in, as written, and as compared. */
export interface Claim {
  field: string;
  value: string;
  key: string;
}

/**
 * Parses and validates a YAML list of entries with `schema`: the one reader of
 * every registry in `content/_data`. Every issue names the file and the line
 * (of the field, where there is one); a value two entries claim (`claims`,
 * compared by key) is an error naming the entry that has it first.
 */
export function parseEntryList<T extends { name: string }>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  claims: (entry: T) => Claim[],
): { ok: true; entries: T[] } | { ok: false; issues: ContentIssue[] } {
  // Issues name the entry as `people[2]`, `tags[0]`, ... after the file's own name.
  const kind = /([a-z]+)\.ya?ml$/i.exec(file)?.[1] ?? 'entries';
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOfOffset = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  const lineOfNode = (node: Node | null | undefined): number | undefined => lineOfOffset(node?.range?.[0]);
  const issues: ContentIssue[] = [];
  for (const err of doc.errors)
    issues.push({ file, line: lineOfOffset(err.pos[0]), message: `not valid YAML: ${err.message.split('\n')[0]}` });
  if (issues.length > 0) return { ok: false, issues };

  const root = doc.contents;
  if (root === null || root === undefined) return { ok: true, entries: [] };
  if (!isSeq(root)) {
    return { ok: false, issues: [{ file, line: lineOfNode(root as Node), message: `must be a list of ${kind}: "- name: ..." entries` }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    return { ok: false, issues: [{ file, line: 1, message: `cannot be read: ${(e as Error).message}` }] };
  }
  const items = data as unknown[];
  const entries: T[] = [];
  const owner = new Map<string, { name: string; index: number }>();
  items.forEach((item, index) => {
    const node = root.items[index] as Node | undefined;
    // The line of a field of this entry, or of a nested one (`labels.0.url`), else of the entry.
    const fieldLine = (path: readonly PropertyKey[]): number | undefined => {
      let at: unknown = node;
      let line = lineOfNode(node);
      for (const step of path) {
        if (isMap(at)) {
          const pair = at.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
          if (!pair) break;
          line = lineOfNode(pair.key as Node) ?? line;
          at = pair.value;
        } else if (isSeq(at) && typeof step === 'number' && at.items[step]) {
          at = at.items[step];
          line = lineOfNode(at as Node) ?? line;
        } else break;
      }
      return line;
    };
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? `${kind}[${index}].${issue.path.join('.')}` : `${kind}[${index}]`;
        const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        issues.push({
          file,
          line: fieldLine(unknownKey === undefined ? issue.path : [...issue.path, unknownKey]),
          field,
          message: issue.message,
        });
      }
      return;
    }
    const entry = parsed.data;
    for (const claim of claims(entry)) {
      const prior = owner.get(claim.key);
      if (prior !== undefined && prior.index !== index) {
        issues.push({
          file,
          line: fieldLine([claim.field]),
          field: `${kind}[${index}]`,
          message: `"${claim.value}" already names ${prior.name} (entry ${prior.index + 1})`,
        });
      } else if (prior === undefined) {
        owner.set(claim.key, { name: entry.name, index });
      }
    }
    entries.push(entry);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, entries };
}
