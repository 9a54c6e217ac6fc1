/**
 * The outlets registry (`content/_data/outlets.yaml`): who published a story.
 * Each outlet has its name and other names, the web domains it publishes
 * under, its country, kind and ownership, and labels such as "state-affiliated
 * media", each with the public source that gives it. An article's outlet is
 * found by the domain of its `source.url` (subdomains included), else by its
 * `source.name` or an alias; an outlet the registry does not know is named
 * as the article's source names it (`outletOf`, docs/content-model.md#outlets).
 */
import { z } from 'zod';
import { cleanName, foldKey } from './fold.ts';
import { parseEntryList, RegistryEntrySchema } from './registry.ts';
import { isoDay, webUrl, type ContentIssue, type FrontMatter } from './schema.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A host name as an outlet's pages use it, without scheme, port or path: `sputniknews.com`. */
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a web domain such as sputniknews.com, without https:// or a path',
  );

/** A label an outlet carries, and who gives it where. */
export const OutletLabelSchema = z.strictObject({
  /** The label, in a few words ("state-affiliated media"); `title` says what the source states. */
  label: nonEmpty,
  /** Who says so: a government, a regulator, a platform, a press council. */
  by: nonEmpty,
  /** What the source is: a regulation, a report, a policy page. */
  title: nonEmpty.optional(),
  /** The public page where they say so. */
  url: webUrl,
  /** The day the source gave the label, YYYY-MM-DD. */
  date: isoDay.optional(),
});

/** One outlet of the registry. */
export const OutletEntrySchema = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).optional(),
  domains: z.array(domain).optional(),
  country: nonEmpty.optional(),
  /** What kind of outlet: "news agency", "newspaper", "broadcaster", ... */
  kind: nonEmpty.optional(),
  /** Who owns it. */
  ownership: nonEmpty.optional(),
  description: nonEmpty.optional(),
  /** Its Wikidata item id, as the other registries give it. */
  wikidata: RegistryEntrySchema.shape.wikidata,
  labels: z.array(OutletLabelSchema).optional(),
});

/** One outlet of the registry, as validated. */
export type OutletEntry = z.infer<typeof OutletEntrySchema>;
/** One label of an outlet. */
export type OutletLabel = z.infer<typeof OutletLabelSchema>;

/** A loaded outlets registry: its entries and the lookups by domain and by name. */
export interface OutletRegistry {
  entries: readonly OutletEntry[];
  /** The outlet publishing at `host` or a parent domain of it (`de.sputniknews.com` → sputniknews.com). */
  byHost(host: string): OutletEntry | undefined;
  /** The outlet a name or alias names, ignoring case, accents and spacing. */
  byName(name: string): OutletEntry | undefined;
}

/** Builds the registry from entries already validated; a later entry never overrides an earlier domain or name. */
export function createOutletRegistry(entries: readonly OutletEntry[]): OutletRegistry {
  const domains = new Map<string, OutletEntry>();
  const names = new Map<string, OutletEntry>();
  for (const entry of entries) {
    for (const d of entry.domains ?? []) if (!domains.has(d)) domains.set(d, entry);
    for (const n of [entry.name, ...(entry.aliases ?? [])]) {
      const key = foldKey(n);
      if (key && !names.has(key)) names.set(key, entry);
    }
  }
  return {
    entries,
    byHost(host) {
      // The host and each parent domain in turn: `www.de.example.com`, `de.example.com`, `example.com`.
      const parts = host.toLowerCase().replace(/\.$/, '').split('.');
      for (let i = 0; i < parts.length - 1; i++) {
        const found = domains.get(parts.slice(i).join('.'));
        if (found) return found;
      }
      return undefined;
    },
    byName: (name) => names.get(foldKey(name)),
  };
}

/** The empty registry, for callers without one. */
export const EMPTY_OUTLETS: OutletRegistry = createOutletRegistry([]);

/**
 * Parses and validates the outlets YAML. Pure. Every issue names the file and
 * the line; a name, alias or domain two outlets claim is an error, since a
 * page could not be told to belong to one.
 */
export function parseOutlets(text: string, file: string): { ok: true; registry: OutletRegistry } | { ok: false; issues: ContentIssue[] } {
  const parsed = parseEntryList(text, file, OutletEntrySchema, (entry) => [
    ...[entry.name, ...(entry.aliases ?? [])].map((n) => ({
      field: n === entry.name ? 'name' : 'aliases',
      value: n,
      key: `name:${foldKey(n)}`,
    })),
    ...(entry.domains ?? []).map((d) => ({ field: 'domains', value: d, key: `domain:${d}` })),
  ]);
  return parsed.ok ? { ok: true, registry: createOutletRegistry(parsed.entries) } : parsed;
}

/** The host of a web address, lower case, or undefined when it is not one. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** The registry's outlet for a story's source: by the domain of its URL first, else by its name or an alias. */
export function findOutlet(source: FrontMatter['source'], registry: OutletRegistry): OutletEntry | undefined {
  const host = hostOf(source?.url);
  const byHost = host ? registry.byHost(host) : undefined;
  if (byHost) return byHost;
  return source?.name ? registry.byName(source.name) : undefined;
}

/** An article's outlet: the registry's entry when it knows it, else the name it goes by. */
export type Outlet = { name: string; entry?: OutletEntry };

/**
 * The outlet of a story's source: the registry's outlet (`findOutlet`), else
 * the outlet as `source.name` names it, else the host of `source.url`
 * without `www.`; undefined when the source says neither.
 */
export function outletOf(source: FrontMatter['source'], registry: OutletRegistry): Outlet | undefined {
  const entry = findOutlet(source, registry);
  if (entry) return { name: entry.name, entry };
  const name = source?.name ? cleanName(source.name) : '';
  if (name) return { name };
  const host = hostOf(source?.url)?.replace(/^www\./, '');
  return host ? { name: host } : undefined;
}

/** The outlet's name for a story as its source gives it, without a registry: `source.name`, else the host of `source.url`. */
export function sourceOutlet(article: { source?: FrontMatter['source'] }): string | undefined {
  return outletOf(article.source, EMPTY_OUTLETS)?.name;
}
