import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  incidentPageUrl,
  incidentRecordUrl,
  parseIncidentId,
  parseIncidentSystems,
  unknownIncidents,
} from '../../src/content/incidents.ts';
import { validateFrontMatter } from '../../src/content/schema.ts';
import { repoRoot } from '../support/build.ts';

const SHIPPED = 'content/_data/incident-systems.yaml';

describe('incident identifiers', () => {
  it('split into the record system and the record', () => {
    expect(parseIncidentId('eurepoc:1234')).toEqual({ prefix: 'eurepoc', id: '1234' });
    expect(parseIncidentId('cfr:compromise-of-a-power-grid-in-eastern-ukraine')).toEqual({
      prefix: 'cfr',
      id: 'compromise-of-a-power-grid-in-eastern-ukraine',
    });
  });

  it('refuse what cannot stand in a page address as written', () => {
    for (const bad of ['eurepoc', ':12', 'EuRepoC:12', 'cfr:Some-Slug', 'cfr:a b', 'cfr:../x', 'cfr:a--b', 'cfr:con', '1x:2', 'cfr:a/b'])
      expect(parseIncidentId(bad), bad).toBeUndefined();
  });

  it('have a page at /incidents/PREFIX/ID/', () => {
    expect(incidentPageUrl('eurepoc:1234')).toBe('/incidents/eurepoc/1234/');
  });

  it('resolve to the record through the system’s address, {id} replaced', () => {
    expect(incidentRecordUrl({ url: 'https://www.cfr.org/cyber-operations/{id}' }, 'cfr:x.y_z')).toBe(
      'https://www.cfr.org/cyber-operations/x.y_z',
    );
  });
});

describe('the schema’s incidents and story keys', () => {
  const check = (data: Record<string, unknown>) =>
    validateFrontMatter({ title: 'T', date: '2019-05-23', ...data }, 'a.md', (p) => (p.startsWith('incidents') ? 7 : 3));

  it('accepts a list of identifiers and an editor’s key', () => {
    expect(check({ incidents: ['eurepoc:1', 'cfr:a-b'], story: 'nato-cyber-doctrine' }).ok).toBe(true);
  });

  it('names the item of a malformed identifier and what to write', () => {
    const result = check({ incidents: ['eurepoc:1', 'EuRepoC 12'] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({ field: 'incidents.1', line: 7, message: expect.stringMatching(/PREFIX:ID in lowercase/) });
  });

  it('refuses a story key that is not a lowercase slug starting with a letter', () => {
    for (const story of ['NATO', '2019-05-23-x', 'a b', 'con', 'x'.repeat(81)]) expect(check({ story }).ok, story).toBe(false);
  });
});

describe('parseIncidentSystems', () => {
  it('reads the shipped registry, EuRepoC and the CFR tracker', () => {
    const result = parseIncidentSystems(readFileSync(path.join(repoRoot, SHIPPED), 'utf8'), SHIPPED);
    expect(result.ok && result.systems.map((s) => s.prefix)).toEqual(['eurepoc', 'cfr']);
  });

  it('names the file, line and entry of an address without {id}', () => {
    const result = parseIncidentSystems(
      '- prefix: a\n  name: A\n  url: https://a.example/{id}\n- prefix: b\n  name: B\n  url: https://b.example/\n',
      'incident-systems.yaml',
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([expect.objectContaining({ file: 'incident-systems.yaml', line: 6, field: 'systems[1].url' })]);
  });

  it('refuses a prefix given twice, at its second line', () => {
    const result = parseIncidentSystems(
      '- prefix: a\n  name: A\n  url: https://a.example/{id}\n- prefix: a\n  name: B\n  url: https://b.example/{id}\n',
      'incident-systems.yaml',
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        line: 4,
        field: 'systems[1]',
        message: '"a" already names A (entry 1)',
      });
  });

  it('refuses an address that is not http(s) and a prefix with capitals', () => {
    const result = parseIncidentSystems('- prefix: Ab\n  name: A\n  url: javascript:alert({id})\n', 'incident-systems.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field).sort()).toEqual(['systems[0].prefix', 'systems[0].url']);
  });
});

describe('unknownIncidents', () => {
  it('names each identifier whose prefix is not a system, at its line, and lists the systems', () => {
    const issues = unknownIncidents(['eurepoc:1', 'cfrr:x', 'cfr:y'], [{ prefix: 'eurepoc' }, { prefix: 'cfr' }], 'a.md', SHIPPED, (p) =>
      p === 'incidents.1' ? 9 : undefined,
    );
    expect(issues).toEqual([
      {
        file: 'a.md',
        line: 9,
        field: 'incidents.1',
        message: `"cfrr" is not a record system of ${SHIPPED} (it has cfr, eurepoc): fix the prefix or add the system there`,
      },
    ]);
  });
});
