import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyScorer, devIds, evalDir, importForScoring } from './metrics.ts';

const scorer = await bodyScorer();

describe('HTML bodies on the dev pages of ../shared/eval/body', () => {
  it('reach a bench F1 of at least 0.95', () => {
    const dir = evalDir('body');
    const pages = devIds('body').map((id) => {
      const gold = JSON.parse(readFileSync(path.join(dir, 'gold', `${id}.json`), 'utf8')) as { body: string; url: string };
      const predicted = scorer.markdownToText(importForScoring(path.join(dir, 'html', `${id}.html`)).body);
      const counts = scorer.shingleCounts(gold.body, predicted);
      return { id, url: gold.url, counts, f1: scorer.pageScores(counts).f1 };
    });
    const { precision, recall, f1 } = scorer.aggregate(pages.map((p) => p.counts));
    console.log(`HTML body bench on ${pages.length} dev pages: P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
    for (const page of [...pages].sort((a, b) => a.f1 - b.f1).slice(0, 3)) {
      console.log(`  weakest: ${page.f1.toFixed(3)} ${page.url}`);
    }
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });
});
