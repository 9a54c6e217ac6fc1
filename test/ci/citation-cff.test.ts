/** CITATION.cff at the repository root: Citation File Format 1.2.0, the version package.json states. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from '../support/build.ts';

const read = (file: string) => readFileSync(new URL(file, `file://${repoRoot}`), 'utf8');

// The keys of the CFF 1.2.0 schema this file uses, with the schema's rules for them.
const person = z.strictObject({ 'family-names': z.string().min(1), 'given-names': z.string().min(1).optional() });
const entity = z.strictObject({ name: z.string().min(1) });
const cff = z.strictObject({
  'cff-version': z.literal('1.2.0'),
  message: z.string().min(1),
  type: z.enum(['dataset', 'software']),
  title: z.string().min(1),
  abstract: z.string().min(1).optional(),
  authors: z.array(z.union([person, entity])).min(1),
  version: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1).optional(),
});

describe('CITATION.cff', () => {
  it('is valid Citation File Format 1.2.0 with the version of package.json', () => {
    const data = cff.parse(parse(read('CITATION.cff')));
    expect(data.version).toBe((JSON.parse(read('package.json')) as { version: string }).version);
  });
});
