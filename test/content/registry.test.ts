import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry, parseRegistry } from '../../src/content/registry.ts';
import { repoRoot } from '../support/build.ts';
import { personKey } from '../../src/content/fold.ts';

describe('parseRegistry', () => {
  it('reads the registry shipped in content/_data/people.yaml, which holds the seed people', () => {
    const file = 'content/_data/people.yaml';
    const result = parseRegistry(readFileSync(path.join(repoRoot, file), 'utf8'), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.registry.entries.map((e) => e.name)).toEqual(['Jens Stoltenberg', 'Jeremy Hunt', 'Sergei Skripal', 'Yulia Skripal']);
    expect(result.registry.lookup('Stoltenberg')).toBe('Jens Stoltenberg');
  });

  it('starts the shipped registry with a comment saying what the file is', () => {
    expect(readFileSync(path.join(repoRoot, 'content/_data/people.yaml'), 'utf8')).toMatch(/^# People registry/);
  });

  it('accepts a Wikidata item id: Q and digits, no leading zero', () => {
    const result = parseRegistry('- name: NATO\n  wikidata: Q7184\n', 'organizations.yaml');
    expect(result.ok && result.registry.entries[0]).toEqual({ name: 'NATO', wikidata: 'Q7184' });
  });

  it.each(['Q042', 'q42', 'Q', 'Q12a', 'P31', ' Q42', '42', 'Q0'])(
    'refuses the Wikidata id %j with the file, line and the form it wants',
    (id) => {
      const result = parseRegistry(`- name: NATO\n  description: The alliance.\n  wikidata: ${JSON.stringify(id)}\n`, 'organizations.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues[0]).toMatchObject({
          file: 'organizations.yaml',
          line: 3,
          field: 'organizations[0].wikidata',
          message: expect.stringContaining('Q42'),
        });
    },
  );

  it('refuses a Wikidata id written as a number', () => {
    const result = parseRegistry('- name: NATO\n  wikidata: 7184\n', 'organizations.yaml');
    expect(result.ok || result.issues[0]).toMatchObject({ line: 2, message: expect.stringContaining('Wikidata') });
  });

  it('accepts an empty file as an empty registry', () => {
    const result = parseRegistry('# nobody yet\n', 'people.yaml');
    expect(result.ok && result.registry.entries).toEqual([]);
  });

  it('names the file and the line of an entry without a name', () => {
    const result = parseRegistry('- name: Jens Stoltenberg\n- aliases: [Hunt]\n', 'people.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ file: 'people.yaml', line: 2, field: 'people[1].name' });
  });

  it('names the line of a key it does not know', () => {
    const result = parseRegistry('- name: Jens Stoltenberg\n  nickname: Jens\n', 'people.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ file: 'people.yaml', line: 2 });
  });

  it('refuses an alias that already names another person, since the lookup could not tell them apart', () => {
    const result = parseRegistry(
      '- name: Sergei Skripal\n  aliases: [Skripal]\n- name: Yulia Skripal\n  aliases: [skripal]\n',
      'people.yaml',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ line: 4, message: expect.stringContaining('Sergei Skripal') });
  });

  it('refuses a file that is not a list, and YAML that does not parse, with a line', () => {
    const notList = parseRegistry('name: Jens Stoltenberg\n', 'people.yaml');
    const broken = parseRegistry('- name: [Jens\n', 'people.yaml');
    expect(notList.ok || notList.issues[0]!.line).toBe(1);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]!.file).toBe('people.yaml');
  });
});

describe('registry lookup', () => {
  const registry = createRegistry([
    { name: 'Jens Stoltenberg', aliases: ['Stoltenberg'] },
    { name: 'Aleksandr Bortnikov', aliases: ['Alexander Bortnikov'] },
  ]);

  it('folds aliases onto the canonical name', () => {
    expect(registry.lookup('Alexander Bortnikov')).toBe('Aleksandr Bortnikov');
    expect(registry.lookup('Stoltenberg')).toBe('Jens Stoltenberg');
  });

  it('ignores case, accents, spacing and a possessive', () => {
    expect(registry.lookup('JENS  STOLTENBERG')).toBe('Jens Stoltenberg');
    expect(registry.lookup('Jéns Stoltenbérg')).toBe('Jens Stoltenberg');
    expect(registry.lookup("Stoltenberg's")).toBe('Jens Stoltenberg');
  });

  it('knows nobody it was not told about', () => {
    expect(registry.lookup('Jeremy Hunt')).toBeUndefined();
  });

  it('keys names the same way whatever their hyphens and punctuation', () => {
    expect(personKey('Boutros Boutros-Ghali')).toBe(personKey('boutros boutros ghali'));
  });
});
