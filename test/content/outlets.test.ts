import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutletRegistry, findOutlet, outletOf, parseOutlets, type OutletRegistry } from '../../src/content/outlets.ts';
import { repoRoot } from '../support/build.ts';

const FILE = 'content/_data/outlets.yaml';

function shipped(): OutletRegistry {
  const result = parseOutlets(readFileSync(path.join(repoRoot, FILE), 'utf8'), FILE);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
  return result.registry;
}

function issuesOf(text: string) {
  const result = parseOutlets(text, 'outlets.yaml');
  if (result.ok) throw new Error('expected the registry to be refused');
  return result.issues;
}

describe('the shipped outlets registry', () => {
  it('holds the outlet the seed comes from, with its domains and a sourced label', () => {
    const sputnik = shipped().byName('Sputnik International');
    expect(sputnik).toMatchObject({ country: 'Russia', domains: expect.arrayContaining(['sputniknews.com']) });
    for (const label of sputnik!.labels ?? []) {
      expect(label.by).not.toBe('');
      expect(new URL(label.url).protocol).toBe('https:');
    }
    expect(sputnik!.labels?.length).toBeGreaterThan(0);
  });

  it('gives the seed article, whose source names Sputnik International, that outlet', () => {
    const seed = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/seed/000_151c953cb90d2c3b.expected.json'), 'utf8')) as {
      front_matter: { source: { name: string } };
    };
    expect(outletOf(seed.front_matter.source, shipped())?.entry?.name).toBe('Sputnik International');
  });

  it('starts with a comment saying what the file is', () => {
    expect(readFileSync(path.join(repoRoot, FILE), 'utf8')).toMatch(/^# Outlets registry/);
  });
});

describe('parseOutlets', () => {
  it('accepts an empty file as an empty registry', () => {
    const result = parseOutlets('# none yet\n', 'outlets.yaml');
    expect(result.ok && result.registry.entries).toEqual([]);
  });

  it('names the file and the line of an entry without a name', () => {
    expect(issuesOf('- name: Reuters\n- domains: [example.com]\n')[0]).toMatchObject({
      file: 'outlets.yaml',
      line: 2,
      field: 'outlets[1].name',
    });
  });

  it('names the line of a domain written as an address', () => {
    const [issue] = issuesOf('- name: Reuters\n  aliases: [Thomson Reuters]\n  domains:\n    - https://reuters.com/\n');
    expect(issue).toMatchObject({ line: 4, field: 'outlets[0].domains.0', message: expect.stringContaining('without https://') });
  });

  it('refuses a label without its source, naming the line of the label', () => {
    const [issue] = issuesOf('- name: Reuters\n  labels:\n    - label: wire service\n      by: Somebody\n');
    expect(issue).toMatchObject({ line: 3, field: 'outlets[0].labels.0.url' });
  });

  it('refuses a label source that is not a web address, on its own line', () => {
    const [issue] = issuesOf('- name: Reuters\n  labels:\n    - label: wire service\n      by: Somebody\n      url: javascript:alert(1)\n');
    expect(issue).toMatchObject({ line: 5, field: 'outlets[0].labels.0.url', message: 'must be an http or https URL' });
  });

  it('names the line of a key it does not know, inside a label too', () => {
    expect(issuesOf('- name: Reuters\n  owner: Thomson Reuters\n')[0]).toMatchObject({ line: 2 });
    expect(
      issuesOf('- name: Reuters\n  labels:\n    - label: wire\n      by: A\n      url: https://a.example/\n      source: B\n')[0],
    ).toMatchObject({ line: 6 });
  });

  it('refuses a domain or a name that two outlets claim, since a page could not be told apart', () => {
    const domain = issuesOf('- name: A\n  domains: [a.example]\n- name: B\n  domains: [A.example]\n');
    expect(domain[0]).toMatchObject({ line: 4, message: expect.stringContaining('already names A (entry 1)') });
    const alias = issuesOf('- name: Sputnik International\n- name: Sputnik Radio\n  aliases: [sputnik international]\n');
    expect(alias[0]).toMatchObject({ line: 3, message: expect.stringContaining('Sputnik International') });
  });

  it('refuses a file that is not a list, and YAML that does not parse, with a line', () => {
    expect(issuesOf('name: Reuters\n')[0]!.line).toBe(1);
    expect(issuesOf('- name: [Reuters\n')[0]!.file).toBe('outlets.yaml');
  });
});

describe('findOutlet and outletOf', () => {
  const registry = createOutletRegistry([
    { name: 'Sputnik International', aliases: ['Sputnik'], domains: ['sputniknews.com', 'sputnikglobe.com'] },
    { name: 'Example Wire', domains: ['wire.example.org'] },
  ]);

  it('finds the outlet by the domain of the source URL, subdomains included', () => {
    expect(findOutlet({ url: 'https://sputniknews.com/europe/201905231075.html' }, registry)?.name).toBe('Sputnik International');
    expect(findOutlet({ url: 'https://de.sputniknews.com/politik/x.html' }, registry)?.name).toBe('Sputnik International');
    expect(findOutlet({ url: 'http://WWW.SputnikGlobe.com./x' }, registry)?.name).toBe('Sputnik International');
    expect(findOutlet({ url: 'https://news.wire.example.org/x' }, registry)?.name).toBe('Example Wire');
  });

  it('never takes a domain that merely ends with the same letters, nor the parent of a registered subdomain', () => {
    expect(findOutlet({ url: 'https://notsputniknews.com/x' }, registry)).toBeUndefined();
    expect(findOutlet({ url: 'https://example.org/x' }, registry)).toBeUndefined();
  });

  it('prefers the domain to the name the page gives itself', () => {
    expect(findOutlet({ name: 'Example Wire', url: 'https://sputniknews.com/x' }, registry)?.name).toBe('Sputnik International');
  });

  it('falls back to the name or an alias, ignoring case, spacing and Unicode form', () => {
    expect(findOutlet({ name: 'SPUTNIK ', url: 'https://t.me/x' }, registry)?.name).toBe('Sputnik International');
    expect(findOutlet({ name: 'sputnik  international' }, registry)?.name).toBe('Sputnik International');
    expect(findOutlet({ name: 'Reuters' }, registry)).toBeUndefined();
  });

  it('names an outlet the registry does not know as its source does, else by the host without www', () => {
    expect(outletOf({ name: '  The   Record ' }, registry)).toEqual({ name: 'The Record' });
    expect(outletOf({ url: 'https://www.euractiv.com/section/x/' }, registry)).toEqual({ name: 'euractiv.com' });
    expect(outletOf({ file: 'page.txt' }, registry)).toBeUndefined();
    expect(outletOf(undefined, registry)).toBeUndefined();
  });

  it('gives a known outlet its registry entry', () => {
    expect(outletOf({ name: 'Sputnik' }, registry)).toMatchObject({
      name: 'Sputnik International',
      entry: { domains: ['sputniknews.com', 'sputnikglobe.com'] },
    });
  });
});
