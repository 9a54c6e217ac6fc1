/**
 * Incidents: identifiers of public incident records (`eurepoc:123`,
 * `cfr:compromise-of-a-power-grid-in-eastern-ukraine`) that an article's
 * `incidents:` lists, and the registry of record systems
 * (`content/_data/incident-systems.yaml`) that resolves each identifier to
 * the record's address. Pure: no files (docs/content-model.md#incidents).
 */
import { z } from 'zod';
import { parseEntryList } from './registry.ts';
import type { ContentIssue } from './schema.ts';
import { isDeviceName } from './slug.ts';

/**
 * `prefix:id`: the prefix names a record system (lowercase letters and
 * digits), the id is the record's own (lowercase letters and digits, with
 * single `-`, `.` or `_` between them), so both stand in a page address as
 * they are written.
 */
export const INCIDENT_ID = /^([a-z][a-z0-9]*):([a-z0-9]+(?:[-._][a-z0-9]+)*)$/;

/** What a malformed identifier is told. */
export const INCIDENT_ID_MESSAGE =
  'must be an incident record written PREFIX:ID in lowercase, e.g. "eurepoc:1234" or "cfr:compromise-of-a-power-grid-in-eastern-ukraine"';

/** An identifier split into its record system's prefix and the record's own id, or undefined when it is not one. */
export function parseIncidentId(identifier: string): { prefix: string; id: string } | undefined {
  const match = INCIDENT_ID.exec(identifier);
  if (!match || isDeviceName(match[2]!)) return undefined;
  return { prefix: match[1]!, id: match[2]! };
}

/** The page of an incident on the site: `/incidents/PREFIX/ID/`. */
export function incidentPageUrl(identifier: string): string {
  const parsed = parseIncidentId(identifier);
  if (!parsed) throw new Error(`not an incident identifier: ${identifier}`);
  return `/incidents/${parsed.prefix}/${parsed.id}/`;
}

/** One record system of the registry: the prefix its identifiers use, its name, and the address of a record, `{id}` standing for the record's id. */
export const IncidentSystemSchema = z.strictObject({
  prefix: z.string().regex(/^[a-z][a-z0-9]*$/, 'must be lowercase letters and digits, starting with a letter (e.g. "eurepoc")'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  url: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value.replace('{id}', 'id'));
        return (url.protocol === 'https:' || url.protocol === 'http:') && value.split('{id}').length === 2;
      } catch {
        return false;
      }
    }, 'must be an http or https address holding "{id}" once, where the record\'s id goes (e.g. https://www.cfr.org/cyber-operations/{id})'),
  description: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
});

/** A record system, as validated. */
export type IncidentSystem = z.infer<typeof IncidentSystemSchema>;

/** The address of the record `identifier` names in `system`: its URL template with the id put in (percent-encoded, though ids need none). */
export function incidentRecordUrl(system: Pick<IncidentSystem, 'url'>, identifier: string): string {
  const parsed = parseIncidentId(identifier);
  if (!parsed) throw new Error(`not an incident identifier: ${identifier}`);
  return system.url.replace('{id}', encodeURIComponent(parsed.id));
}

/**
 * Parses and validates `incident-systems.yaml` with the one registry reader
 * (src/content/registry.ts): a list of systems, each prefix once. Every issue
 * names the file, the line and the entry (`systems[1].url`).
 */
export function parseIncidentSystems(
  text: string,
  file: string,
): { ok: true; systems: IncidentSystem[] } | { ok: false; issues: ContentIssue[] } {
  const parsed = parseEntryList(text, file, IncidentSystemSchema, (system) => [
    { field: 'prefix', value: system.prefix, key: system.prefix },
  ]);
  return parsed.ok ? { ok: true, systems: parsed.entries } : parsed;
}

/**
 * The identifiers among `incidents` whose prefix no record system of the
 * registry has, as issues at the line of each (`incidents.2`): `archive
 * check` reports them and the build refuses them, with the same words.
 */
export function unknownIncidents(
  incidents: readonly string[],
  systems: readonly Pick<IncidentSystem, 'prefix'>[],
  file: string,
  registryFile: string,
  lineOf: (path: string) => number | undefined,
): ContentIssue[] {
  const known = new Set(systems.map((system) => system.prefix));
  const issues: ContentIssue[] = [];
  incidents.forEach((identifier, index) => {
    const parsed = parseIncidentId(identifier);
    if (!parsed || known.has(parsed.prefix)) return;
    const names = [...known].sort();
    issues.push({
      file,
      line: lineOf(`incidents.${index}`) ?? lineOf('incidents'),
      field: `incidents.${index}`,
      message: `"${parsed.prefix}" is not a record system of ${registryFile} (${names.length ? `it has ${names.join(', ')}` : 'it has none'}): fix the prefix or add the system there`,
    });
  });
  return issues;
}
