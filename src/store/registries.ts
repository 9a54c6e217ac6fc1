/**
 * The registries of a content folder (`_data/{tags,people,organizations,places}.yaml`
 * and `_data/outlets.yaml`), read one way for the build, `check`, `import` and
 * `new`, and parsed by the one registry parser (src/content/registry.ts).
 * Touches the file system.
 */
import path from 'node:path';
import { EMPTY_REGISTRY, parseRegistry, type Registry } from '../content/registry.ts';
import { EMPTY_OUTLETS, parseOutlets, type OutletRegistry } from '../content/outlets.ts';
import { parseIncidentSystems, type IncidentSystem } from '../content/incidents.ts';
import { type ContentIssue, formatIssue } from '../content/schema.ts';
import { displayPath, readOptional } from './read.ts';

/** The kinds of name a registry can hold. */
export const REGISTRY_KINDS = ['tags', 'people', 'organizations', 'places'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** One registry as read: the file it came from (as messages name it) and what it holds. */
export interface LoadedRegistry {
  file: string;
  registry: Registry;
}

/** The registries of `contentDir` that exist (`.yaml`, else `.yml`), and every problem of those that do not parse. */
export function loadRegistries(
  contentDir: string,
  kinds: readonly RegistryKind[] = REGISTRY_KINDS,
): {
  registries: Partial<Record<RegistryKind, LoadedRegistry>>;
  issues: ContentIssue[];
} {
  const registries: Partial<Record<RegistryKind, LoadedRegistry>> = {};
  const issues: ContentIssue[] = [];
  for (const kind of kinds) {
    const read = readDataFile(contentDir, kind, parseRegistry);
    if (read?.registry) registries[kind] = { file: read.file, registry: read.registry };
    issues.push(...(read?.issues ?? []));
  }
  return { registries, issues };
}

/** `_data/NAME.yaml` (else `.yml`) of `contentDir` parsed, or undefined when there is neither. */
function readDataFile<R>(
  contentDir: string,
  name: string,
  parse: (text: string, file: string) => { ok: true; registry: R } | { ok: false; issues: ContentIssue[] },
): { file: string; registry?: R; issues: ContentIssue[] } | undefined {
  for (const ext of ['yaml', 'yml']) {
    const full = path.join(contentDir, '_data', `${name}.${ext}`);
    const text = readOptional(full);
    if (text === undefined) continue;
    const file = displayPath(full);
    const parsed = parse(text, file);
    return parsed.ok ? { file, registry: parsed.registry, issues: [] } : { file, issues: parsed.issues };
  }
  return undefined;
}

/** Where the registry of incident record systems is, in a content folder's `_data/`. */
export const INCIDENT_SYSTEMS = 'incident-systems';

/**
 * The record systems of `contentDir/_data/incident-systems.yaml` (or `.yml`):
 * none when the file does not exist, every problem when it does not parse.
 * `file` is the name messages give it, whether or not it exists.
 */
export function loadIncidentSystems(contentDir: string): { file: string; systems: IncidentSystem[]; issues: ContentIssue[] } {
  const read = readDataFile(contentDir, INCIDENT_SYSTEMS, (text, file) => {
    const parsed = parseIncidentSystems(text, file);
    return parsed.ok ? { ok: true, registry: parsed.systems } : parsed;
  });
  return {
    file: read?.file ?? displayPath(path.join(contentDir, '_data', `${INCIDENT_SYSTEMS}.yaml`)),
    systems: read?.registry ?? [],
    issues: read?.issues ?? [],
  };
}

/** The outlets registry of `contentDir` (`_data/outlets.yaml`): empty when there is none, and every problem of one that does not parse. */
export function loadOutlets(contentDir: string): { registry: OutletRegistry; issues: ContentIssue[] } {
  const read = readDataFile(contentDir, 'outlets', parseOutlets);
  return { registry: read?.registry ?? EMPTY_OUTLETS, issues: read?.issues ?? [] };
}

/** The outlets registry for a command that cannot go on without it whole (import): an error with every problem, file and line. */
export function requireOutlets(contentDir: string): OutletRegistry {
  const { registry, issues } = loadOutlets(contentDir);
  if (issues.length) throw new Error(`the outlets registry has problems:\n${issues.map(formatIssue).join('\n')}`);
  return registry;
}

/**
 * One registry for a command that cannot go on without it whole (import,
 * the quality suite): the empty registry when there is none, and an error
 * with every problem, file and line when it does not parse; importing against
 * a half-read registry would spell names differently from the build.
 */
export function requireRegistry(contentDir: string, kind: RegistryKind): Registry {
  const { registries, issues } = loadRegistries(contentDir, [kind]);
  if (issues.length) throw new Error(`the ${kind} registry has problems:\n${issues.map(formatIssue).join('\n')}`);
  return registries[kind]?.registry ?? EMPTY_REGISTRY;
}
