import { readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { importForScoring } from './metrics.ts';
import { repoRoot } from '../support/build.ts';

const dir = path.resolve(repoRoot, '../shared/eval/people');
// The scorer's own matching (normalisation, strict set comparison), so the figure here is the scorer's figure.
const { scoreDoc } = (await import(path.resolve(repoRoot, '../shared/eval/lib-people.mjs'))) as {
  scoreDoc: (predicted: string[], gold: string[]) => { nPred: number; nGold: number; strictTp: number };
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;

type Extractor = (text: string) => string[];
const ours: Extractor = (file) => ((importForScoring(file).data.people as string[] | undefined) ?? []);
const compromiseAlone: Extractor = (file) => nlp(readFileSync(file, 'utf8')).people().out('array') as string[];

function strictF1(ids: string[], gold: Record<string, string[]>, extract: Extractor = ours): { p: number; r: number; f1: number } {
  let pred = 0;
  let all = 0;
  let tp = 0;
  for (const id of ids) {
    const s = scoreDoc(extract(path.join(dir, 'docs', `${id}.txt`)), gold[id] ?? []);
    pred += s.nPred;
    all += s.nGold;
    tp += s.strictTp;
  }
  const p = pred ? tp / pred : 0;
  const r = all ? tp / all : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

describe('people in the Reuters documents of ../shared/eval/people', () => {
  const gold = readJson<Record<string, string[]>>('gold.json');
  const manifest = readJson<{ docs: Record<string, { genre: string }> }>('manifest.json');
  const dev = readJson<{ dev: string[] }>('splits.json').dev;

  it('are found with a strict F1 of at least 0.70 on the dev documents', () => {
    const { p, r, f1 } = strictF1(dev, gold);
    console.log(`people, strict, ${dev.length} dev docs: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`);
    expect(f1).toBeGreaterThanOrEqual(0.7);
  });

  it('are found with a strict F1 of at least 0.70 on the prose news documents alone', () => {
    const news = dev.filter((id) => manifest.docs[id]?.genre === 'news');
    const { p, r, f1 } = strictF1(news, gold);
    console.log(`people, strict, ${news.length} news docs: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`);
    expect(f1).toBeGreaterThanOrEqual(0.7);
  });

  it("do better than compromise's people() alone, which they start from", () => {
    const base = strictF1(dev, gold, compromiseAlone);
    const mine = strictF1(dev, gold);
    console.log(`people, strict F1 on ${dev.length} dev docs: compromise alone ${base.f1.toFixed(3)}, with the rules ${mine.f1.toFixed(3)}`);
    expect(mine.f1).toBeGreaterThan(base.f1 + 0.1);
  });
});
