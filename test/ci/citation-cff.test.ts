/** CITATION.cff at the repository root: Citation File Format 1.2.0, the newest release's version and day (else package.json's version). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadReleases } from '../../src/store/releases.ts';
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
  'date-released': z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  keywords: z.array(z.string().min(1)).min(1).optional(),
});

describe('CITATION.cff', () => {
  it("is valid Citation File Format 1.2.0 with the newest release's version and day, or before any release package.json's version", () => {
    const data = cff.parse(parse(read('CITATION.cff')));
    const newest = loadReleases(`${repoRoot}content`).at(-1);
    if (newest) expect([data.version, data['date-released']]).toEqual([newest.version, newest.date]);
    else
      expect([data.version, data['date-released']]).toEqual([(JSON.parse(read('package.json')) as { version: string }).version, undefined]);
  });
});
