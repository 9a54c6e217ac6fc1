import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { citationForRelease } from '../../src/release/citation-file.ts';
import { repoRoot } from '../support/build.ts';

describe('citationForRelease', () => {
  const text = readFileSync(path.join(repoRoot, 'CITATION.cff'), 'utf8');

  it("sets the repository's CITATION.cff version and release day, keeping its comments and other keys", () => {
    const updated = citationForRelease(text, '1.2.0', '2026-12-01');
    const { version, 'date-released': released, ...rest } = parse(updated) as Record<string, unknown>;
    const { version: _v, 'date-released': _d, ...before } = parse(text) as Record<string, unknown>;
    expect([version, released]).toEqual(['1.2.0', '2026-12-01']);
    expect(rest).toEqual(before);
    // Every other line stays as it was, comments and folded text included.
    const kept = (cff: string) => cff.split('\n').filter((line) => !/^(version|date-released):/.test(line));
    expect(kept(updated)).toEqual(kept(text));
  });

  it('replaces the values where they stand, or adds them at the end', () => {
    const cff = '# a comment\ncff-version: 1.2.0\nversion: 0.1.0 # the old one\ntitle: X\n';
    const first = citationForRelease(cff, '1.2.0', '2026-12-01');
    expect(first).toBe('# a comment\ncff-version: 1.2.0\nversion: 1.2.0 # the old one\ntitle: X\ndate-released: 2026-12-01\n');
    expect(citationForRelease(first, '1.3.0', '2026-12-24')).toBe(
      '# a comment\ncff-version: 1.2.0\nversion: 1.3.0 # the old one\ntitle: X\ndate-released: 2026-12-24\n',
    );
  });

  it('refuses a file that is not YAML, naming its line', () => {
    expect(() => citationForRelease('title: x\nversion: [1.0\n', '1.2.0', '2026-12-01')).toThrow(/^CITATION\.cff:\d+: not valid YAML/);
    expect(() => citationForRelease('- a list\n', '1.2.0', '2026-12-01')).toThrow('CITATION.cff:1: is not a Citation File Format mapping');
  });
});
