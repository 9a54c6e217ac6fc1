import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOutlets, loadRegistries, requireOutlets, requireRegistry } from '../../src/store/registries.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-registries-'));
  fs.mkdirSync(path.join(dir, '_data'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the registries of a content folder', () => {
  it('reads the bundled registries the build reads', () => {
    const { registries, issues } = loadRegistries('content');
    expect(issues).toEqual([]);
    expect(Object.keys(registries).sort()).toEqual(['organizations', 'people', 'tags']);
    expect(registries.people!.file).toBe('content/_data/people.yaml');
    expect(registries.people!.registry.lookup('jens stoltenberg')).toBe('Jens Stoltenberg');
  });

  it('reads a .yml registry when there is no .yaml one', () => {
    fs.writeFileSync(path.join(dir, '_data', 'places.yml'), '- name: Côte d’Ivoire\n  aliases: [Ivory Coast]\n');
    const { registries } = loadRegistries(dir, ['places']);
    expect(registries.places!.registry.lookup('Ivory Coast')).toBe('Côte d’Ivoire');
  });

  it('gives every problem of a broken registry with its file and line, and a command that needs it whole stops', () => {
    fs.writeFileSync(path.join(dir, '_data', 'people.yaml'), '- name: A\n- name: B\n  aliases: [A]\n- nome: C\n');
    const { registries, issues } = loadRegistries(dir, ['people']);
    expect(registries.people).toBeUndefined();
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues.every((issue) => issue.file.endsWith('_data/people.yaml') && typeof issue.line === 'number')).toBe(true);
    expect(() => requireRegistry(dir, 'people')).toThrow(/the people registry has problems:\n.*people\.yaml:\d+/);
  });

  it('gives the empty registry when there is none', () => {
    expect(requireRegistry(dir, 'people').entries).toEqual([]);
  });

  it('reads the bundled outlets registry, and an empty one when there is none', () => {
    const { registry, issues } = loadOutlets('content');
    expect(issues).toEqual([]);
    expect(registry.byHost('sputniknews.com')?.name).toBe('Sputnik International');
    expect(requireOutlets(dir).entries).toEqual([]);
  });

  it('gives every problem of a broken outlets registry with its file and line, and import stops', () => {
    fs.writeFileSync(path.join(dir, '_data', 'outlets.yml'), '- name: A\n  domains: [a.example]\n- name: B\n  domains: [a.example]\n');
    expect(loadOutlets(dir).issues).toMatchObject([{ file: expect.stringMatching(/_data\/outlets\.yml$/), line: 4 }]);
    expect(() => requireOutlets(dir)).toThrow(/the outlets registry has problems:\n.*outlets\.yml:4: /);
  });
});
