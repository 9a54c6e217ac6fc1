import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importForScoring } from './metrics.ts';
import { repoRoot } from '../support/build.ts';

const bodyDir = path.resolve(repoRoot, '../shared/eval/body');
// The scorer's own metric (the public benchmark's evaluate.py, re-implemented there).
const scorer = (await import(path.join(bodyDir, '../score-body.mjs'))) as {
  shingleCounts: (gold: string, predicted: string) => [number, number, number];
  aggregate: (counts: Array<[number, number, number]>) => { precision: number; recall: number; f1: number };
  markdownToText: (markdown: string) => string;
};

describe('text-dump bodies on the dev pages of ../shared/eval/body', () => {
  it('reach a bench F1 of at least 0.90', () => {
    const split = JSON.parse(readFileSync(path.join(bodyDir, 'split.json'), 'utf8')) as { dev: string[] };
    const counts = split.dev.map((id) => {
      const gold = JSON.parse(readFileSync(path.join(bodyDir, 'gold', `${id}.json`), 'utf8')) as { body: string };
      const predicted = scorer.markdownToText(importForScoring(path.join(bodyDir, 'text', `${id}.txt`)).body);
      return scorer.shingleCounts(gold.body, predicted);
    });
    const { precision, recall, f1 } = scorer.aggregate(counts);
    console.log(`text-dump body bench on ${counts.length} dev pages: P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });
});
