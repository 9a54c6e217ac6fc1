import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/build.ts';
import { importPage } from '../../src/importer/index.ts';
import { parseArticleText } from '../../src/content/frontmatter.ts';
import { requireRegistry } from '../../src/store/registries.ts';

/**
 * Reading the eval sets in ../shared/eval and scoring as their scorers do.
 * score-dates.mjs runs on import, so its two small rules are restated here
 * exactly; score-body.mjs exports its metric, which is used as it is.
 */

/** The folder of one eval set, beside the repository. */
export const evalDir = (set: string): string => path.resolve(repoRoot, '../shared/eval', set);

/** The ids of a set's dev split (the body set names its file split.json, the others splits.json). */
export function devIds(set: string): string[] {
  const dir = evalDir(set);
  const file = set === 'body' ? 'split.json' : 'splits.json';
  return (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { dev: string[] }).dev;
}

/** score-dates.mjs normTitle: Unicode, curly quotes, spaces and case forgiven. */
export function normTitle(title: unknown): string {
  return String(title ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The body scorer's exported metric (the public benchmark's evaluate.py). */
export interface BodyScorer {
  shingleCounts: (gold: string, predicted: string) => [number, number, number];
  aggregate: (counts: Array<[number, number, number]>) => { precision: number; recall: number; f1: number };
  pageScores: (counts: [number, number, number]) => { p: number; r: number; f1: number };
  markdownToText: (markdown: string) => string;
}

/** Loads score-body.mjs from ../shared/eval. */
export async function bodyScorer(): Promise<BodyScorer> {
  return (await import(path.join(evalDir('body'), '../score-body.mjs'))) as BodyScorer;
}

const registry = requireRegistry(path.join(repoRoot, 'content'), 'people');

/** What the importer makes of one input: what `archive import --stdout` prints, read back as front matter and body. */
export interface Imported {
  data: Record<string, unknown>;
  body: string;
  /** Whether `archive import` would write it (a refused page names nobody in the archive). */
  written: boolean;
}

/**
 * Imports one eval input through the importer's one entry, exactly as
 * `archive import --stdout` does, minus the process start: the figures here
 * are the command's figures.
 */
export function importForScoring(file: string): Imported {
  const result = importPage(readFileSync(file), { fileName: path.basename(file), registry });
  const text = result.text ?? '';
  const parsed = parseArticleText(text, file);
  const written = result.status === 'article';
  return parsed.ok ? { data: parsed.parsed.data, body: parsed.parsed.body, written } : { data: {}, body: '', written };
}

/** What score-grounded.mjs counts on the body pages in one form: names written, those the gold body never names, ungrounded tags. */
export interface Grounding {
  /** Pages the importer wrote. */
  imported: number;
  /** People, organizations and places written. */
  names: number;
  /** Those the article itself never names, as `kind: name`. */
  ungrounded: string[];
  /** Tags the article itself never names. */
  ungroundedTags: string[];
}

/**
 * Grounding, as score-grounded.mjs measures it: a name is grounded when each
 * of its words of two letters or more (accents, case and punctuation folded)
 * stands in the benchmark's gold body of the page.
 */
export function measureGrounding(mode: 'html' | 'text'): Grounding {
  const dir = evalDir('body');
  const fold = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const out: Grounding = { imported: 0, names: 0, ungrounded: [], ungroundedTags: [] };
  for (const id of devIds('body')) {
    const got = importForScoring(path.join(dir, mode, `${id}.${mode === 'html' ? 'html' : 'txt'}`));
    if (!got.written) continue;
    out.imported++;
    const gold = JSON.parse(readFileSync(path.join(dir, 'gold', `${id}.json`), 'utf8')) as { body: string };
    const words = new Set(fold(gold.body).split(' '));
    const grounded = (name: string): boolean => {
      const parts = fold(name)
        .split(' ')
        .filter((w) => w.length >= 2);
      return parts.length > 0 && parts.every((w) => words.has(w));
    };
    for (const kind of ['people', 'organizations', 'places']) {
      for (const name of (got.data[kind] as string[] | undefined) ?? []) {
        out.names++;
        if (!grounded(name)) out.ungrounded.push(`${kind}: ${name}`);
      }
    }
    for (const tag of (got.data.tags as string[] | undefined) ?? []) if (!grounded(tag)) out.ungroundedTags.push(tag);
  }
  return out;
}
