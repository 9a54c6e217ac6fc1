/**
 * Registry entries `archive check` proposes: the people and organizations
 * the archive names in at least `min` articles (site setting
 * `registryProposalMin`) that their registry does not know, counted as the
 * build counts them (spellings folded, the archive's own folds applied,
 * drafts left out). A notice for editors, never a problem: it does not fail
 * `check`, and `--fix` does not write it, since what to say about a name is
 * an editor's call.
 */
import { stringify } from 'yaml';
import { asRegistry, derivedAliases } from '../collections/aliases.ts';
import { compareCodePoints, resolveNames } from '../collections/names.ts';
import type { Registry } from '../content/registry.ts';
import { stringItems, type LoadedArticle } from './load.ts';

/** The kinds whose registries get proposals: those the importer finds names of. */
export const PROPOSAL_KINDS = ['people', 'organizations'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The names of one kind to add to its registry file, most named first. */
export interface RegistryProposal {
  kind: ProposalKind;
  /** The registry file, as messages name it. */
  file: string;
  names: { name: string; articles: number }[];
}

/** The proposals for each kind with names to add; `registries` are those read (a kind without a file proposes into `files[kind]`). */
export function proposeRegistryEntries(
  articles: readonly LoadedArticle[],
  registries: Partial<Record<ProposalKind, { file: string; registry: Registry }>>,
  files: Record<ProposalKind, string>,
  min: number,
): RegistryProposal[] {
  const published = articles.filter((article) => article.data && article.data.draft !== true);
  const proposals: RegistryProposal[] = [];
  for (const kind of PROPOSAL_KINDS) {
    const registry = registries[kind]?.registry;
    const entries = registry?.entries ?? [];
    const usages = published.map((article) => stringItems(article.data, kind).map((item) => item.value));
    const resolver = resolveNames(usages, [...entries, ...asRegistry(derivedAliases(kind, usages.flat(), entries))]);
    const counts = new Map<string, number>();
    for (const names of usages) {
      for (const name of new Set(names.map((raw) => resolver.canonical(raw)))) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const names = [...counts]
      .filter(([name, count]) => count >= min && registry?.lookup(name) === undefined)
      .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
      .map(([name, count]) => ({ name, articles: count }));
    if (names.length) proposals.push({ kind, file: registries[kind]?.file ?? files[kind], names });
  }
  return proposals;
}

/**
 * A proposal as the lines `check` prints: a notice naming the file and the
 * threshold, then YAML entries to paste into that file, each with its count
 * as a comment. Names are written by the YAML library, quoted where YAML
 * needs it, so a pasted snippet always reads back as the names it shows.
 */
export function proposalLines(proposal: RegistryProposal, min: number): string[] {
  const count = proposal.names.length;
  const what = proposal.kind === 'people' ? (count === 1 ? 'person' : 'people') : count === 1 ? 'organization' : 'organizations';
  return [
    `notice: ${count} ${what} named in ${min} or more articles ${count === 1 ? 'is' : 'are'} not in ${proposal.file}; to give ${count === 1 ? 'it a page with' : 'each a page with'} a description, role or Wikidata id, paste into it (this never fails check):`,
    ...proposal.names.map(
      ({ name, articles }) => `${stringify([{ name }], { lineWidth: 0 }).trimEnd()} # ${articles} article${articles === 1 ? '' : 's'}`,
    ),
  ];
}
