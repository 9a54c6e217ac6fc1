/**
 * Loads the people registry for the command line. A broken registry stops the
 * command with every issue, file and line: importing against a half-read
 * registry would spell people differently from the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EMPTY_REGISTRY, parseRegistry, type Registry } from '../content/registry.ts';
import { formatIssue } from '../content/schema.ts';

/** The registry at `content/_data/people.yaml` (or under `contentDir`), or the empty one if there is none. */
export function loadRegistry(contentDir = 'content'): Registry {
  const file = path.join(contentDir, '_data', 'people.yaml');
  if (!fs.existsSync(file)) return EMPTY_REGISTRY;
  const parsed = parseRegistry(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
  if (!parsed.ok) throw new Error(`the people registry has problems:\n${parsed.issues.map(formatIssue).join('\n')}`);
  return parsed.registry;
}
