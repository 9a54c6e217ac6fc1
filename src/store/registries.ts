/**
 * The registries of a content folder (`_data/{tags,people,organizations,places}.yaml`),
 * read one way for the build, `check`, `import` and `new`, and parsed by the
 * one registry parser (src/content/registry.ts). Touches the file system.
 */
import path from 'node:path';
import { EMPTY_REGISTRY, parseRegistry, type Registry } from '../content/registry.ts';
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
    for (const ext of ['yaml', 'yml']) {
      const full = path.join(contentDir, '_data', `${kind}.${ext}`);
      const text = readOptional(full);
      if (text === undefined) continue;
      const file = displayPath(full);
      const parsed = parseRegistry(text, file);
      if (parsed.ok) registries[kind] = { file, registry: parsed.registry };
      else issues.push(...parsed.issues);
      break;
    }
  }
  return { registries, issues };
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
