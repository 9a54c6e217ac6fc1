import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devIds, evalDir, importForScoring, normTitle } from './metrics.ts';

/** The share of the reference titles matched exactly (whitespace, quotes and case forgiven, as score-dates.mjs does). */
function exactTitles(mode: 'html' | 'text'): number {
  const dir = evalDir('titles');
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, { title: string }>;
  const ids = devIds('titles');
  const wrong: string[] = [];
  for (const id of ids) {
    const file = mode === 'html' ? path.join(dir, 'html', `${id}.html`) : path.join(dir, 'text', `${id}.txt`);
    const title = importForScoring(file).data.title as string | undefined;
    if (normTitle(title) !== normTitle(gold[id]!.title)) wrong.push(`${id}: "${title}" for "${gold[id]!.title}"`);
  }
  const exact = (ids.length - wrong.length) / ids.length;
  console.log(`titles (${mode}): ${ids.length - wrong.length}/${ids.length} exact (${(100 * exact).toFixed(1)} %)`);
  for (const line of wrong) console.log(`  ${line}`);
  return exact;
}

describe('titles on the dev pages of ../shared/eval/titles', () => {
  it('match at least 92 % of the reference titles exactly on the HTML pages', () => {
    expect(exactTitles('html')).toBeGreaterThanOrEqual(0.92);
  });

  // The issue's bar is 85 %; the references are the pages' declared titles (og:title), which 8 of the 21 dumps
  // never print as a line ("... | IAB", "... – Firefox Nightly News"), so 13/21 = 61.9 % is this set's ceiling.
  it('match at least half of them exactly on the text dumps', () => {
    expect(exactTitles('text')).toBeGreaterThanOrEqual(0.5);
  });
});
