import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/content/registry.ts';
import { classifyNames } from '../../../src/importer/people/index.ts';
import { repoRoot } from '../../support/build.ts';

const reference = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/seed/000_151c953cb90d2c3b.expected.json'), 'utf8')) as {
  tags_line: string[];
  body_paragraphs: string[];
};

describe('classifyNames', () => {
  it("sorts the seed's Tags line into people, organisations, places and tags", () => {
    expect(classifyNames(reference.tags_line, reference.body_paragraphs.join('\n\n'))).toEqual({
      people: ['Jeremy Hunt', 'Jens Stoltenberg'],
      organizations: ['NATO'],
      places: ['United Kingdom'],
      tags: ['cyberattack'],
    });
  });

  it('puts every item in exactly one list', () => {
    const items = ['ransomware', 'GCHQ', 'Russia', 'European Union', 'Microsoft', 'Donald Trump', 'AI', 'Ministry of Defence', 'Hong Kong'];
    const c = classifyNames(items, '');
    expect([...c.people, ...c.organizations, ...c.places, ...c.tags].sort()).toEqual([...items].sort());
    expect(c.places).toEqual(['Russia', 'Hong Kong']);
    expect(c.people).toEqual(['Donald Trump']);
    expect(c.organizations).toEqual(['GCHQ', 'European Union', 'Microsoft', 'Ministry of Defence']);
    expect(c.tags).toEqual(['ransomware', 'AI']);
  });

  it('takes a surname tag for the full name the article gives', () => {
    expect(classifyNames(['Stoltenberg'], 'Jens Stoltenberg spoke. Stoltenberg said more.').people).toEqual(['Jens Stoltenberg']);
  });

  it('uses the canonical name of a registry alias', () => {
    const registry = createRegistry([{ name: 'Sergei Skripal', aliases: ['Sergey Skripal'] }]);
    expect(classifyNames(['Sergey Skripal'], '', registry).people).toEqual(['Sergei Skripal']);
  });
});
