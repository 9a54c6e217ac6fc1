import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devIds, evalDir, importForScoring, normTitle } from './metrics.ts';

describe('titles on the dev pages of ../shared/eval/titles', () => {
  it('match at least 85 % of the reference titles exactly', () => {
    const dir = evalDir('titles');
    const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, { title: string }>;
    const ids = devIds('titles');
    const wrong: string[] = [];
    for (const id of ids) {
      const title = importForScoring(path.join(dir, 'html', `${id}.html`)).data.title as string | undefined;
      if (normTitle(title) !== normTitle(gold[id]!.title)) wrong.push(`${id}: "${title}" for "${gold[id]!.title}"`);
    }
    const exact = (ids.length - wrong.length) / ids.length;
    console.log(`titles: ${ids.length - wrong.length}/${ids.length} exact (${(100 * exact).toFixed(1)} %)`);
    for (const line of wrong) console.log(`  ${line}`);
    expect(exact).toBeGreaterThanOrEqual(0.85);
  });
});
