import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadArticle } from '../../src/check/load.ts';
import { proposalLines, proposeRegistryEntries } from '../../src/check/proposals.ts';
import { parseRegistry, type Registry } from '../../src/content/registry.ts';

const FILES = { people: 'content/_data/people.yaml', organizations: 'content/_data/organizations.yaml' };

const article = (n: number, front: string) =>
  loadArticle({
    file: `articles/2019/2019-05-${String(n).padStart(2, '0')}-a${n}.md`,
    text: `---\ntitle: A${n}\ndate: 2019-05-${String(n).padStart(2, '0')}\n${front}---\n\nText.\n`,
  });

const registry = (text: string, file: string): { file: string; registry: Registry } => {
  const parsed = parseRegistry(text, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { file, registry: parsed.registry };
};

const archive = [
  article(1, 'people: [Theresa May, Jens Stoltenberg]\norganizations: [GCHQ, "Foo: Bar #1"]\n'),
  article(2, 'people: [theresa may, Stoltenberg, May, ciaran martin]\norganizations: [GCHQ, "Foo: Bar #1"]\n'),
  article(3, 'people: [Theresa  May, Ciaran Martin]\norganizations: [gchq, "Foo: Bar #1"]\n'),
  article(4, 'people: [Ciaran Martin]\norganizations: [NATO]\n'),
  article(5, 'people: [Ciaran Martin, Jens Stoltenberg]\ndraft: true\n'),
  article(6, 'people: [Ciaran Martin]\n'),
];

describe('proposeRegistryEntries', () => {
  it('lists the people and organizations named in at least min articles that their registry lacks, most named first, counted as the build counts', () => {
    const people = registry('- name: Jens Stoltenberg\n  aliases: [Stoltenberg]\n', 'content/_data/people.yaml');
    const proposals = proposeRegistryEntries(archive, { people }, FILES, 3);
    expect(proposals).toEqual([
      // Spellings fold onto one name, written as most articles do, "May" onto the one Theresa May; the draft does not count.
      {
        kind: 'people',
        file: 'content/_data/people.yaml',
        names: [
          { name: 'Ciaran Martin', articles: 4 },
          { name: 'Theresa May', articles: 3 },
        ],
      },
      {
        kind: 'organizations',
        file: 'content/_data/organizations.yaml',
        names: [
          { name: 'Foo: Bar #1', articles: 3 },
          { name: 'GCHQ', articles: 3 },
        ],
      },
    ]);
  });

  it('proposes nothing the registry knows, by name or alias, and nothing below min', () => {
    const organizations = registry('- name: Government Communications Headquarters\n  aliases: [GCHQ]\n', 'org.yaml');
    const proposals = proposeRegistryEntries(archive, { organizations }, FILES, 3);
    expect(proposals.find((p) => p.kind === 'organizations')?.names.map((n) => n.name)).toEqual(['Foo: Bar #1']);
    expect(proposeRegistryEntries(archive, {}, FILES, 5)).toEqual([]);
  });
});

describe('proposalLines', () => {
  it('prints a notice and YAML entries that read back as the names, each with its count as a comment', () => {
    const [proposal] = proposeRegistryEntries(archive, {}, FILES, 3).filter((p) => p.kind === 'organizations');
    const lines = proposalLines(proposal!, 3);
    expect(lines[0]).toBe(
      'notice: 2 organizations named in 3 or more articles are not in content/_data/organizations.yaml; to give each a page with a description, role or Wikidata id, paste into it (this never fails check):',
    );
    expect(lines.slice(1)).toEqual(['- name: "Foo: Bar #1" # 3 articles', '- name: GCHQ # 3 articles']);
    const snippet = lines.slice(1).join('\n');
    expect(parse(snippet)).toEqual([{ name: 'Foo: Bar #1' }, { name: 'GCHQ' }]);
    expect(parseRegistry(`- name: NATO\n${snippet}\n`, 'organizations.yaml').ok).toBe(true);
  });
});
