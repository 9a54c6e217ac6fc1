import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devIds, evalDir, importForScoring } from './metrics.ts';

describe('publication days on the dev pages of ../shared/eval/dates', () => {
  it('get at least 90 % of the days exactly as the pages state them', () => {
    const dir = evalDir('dates');
    const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, { date: string | null }>;
    const ids = devIds('dates').filter((id) => gold[id]?.date);
    const wrong: string[] = [];
    for (const id of ids) {
      // Raw bytes as saved: decoding is part of what is measured.
      const { data } = importForScoring(path.join(dir, 'html', `${id}.html`));
      if (data.date !== gold[id]!.date) wrong.push(`${id}: ${String(data.date ?? 'none')} for ${gold[id]!.date}`);
    }
    const accuracy = (ids.length - wrong.length) / ids.length;
    console.log(`dates: ${ids.length - wrong.length}/${ids.length} exact (${(100 * accuracy).toFixed(1)} %)`);
    for (const line of wrong) console.log(`  ${line}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
