import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devIds, evalDir, importForScoring } from './metrics.ts';

/**
 * Grounding, as score-grounded.mjs measures it on the body pages: of the
 * people, organizations and places written for a page, the share that the
 * article itself (the benchmark's gold body) never names.
 */
function ungrounded(mode: 'html' | 'text'): number {
  const dir = evalDir('body');
  const fold = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  let names = 0;
  const bad: string[] = [];
  for (const id of devIds('body')) {
    const got = importForScoring(path.join(dir, mode, `${id}.${mode === 'html' ? 'html' : 'txt'}`));
    if (!got.written) continue;
    const words = new Set(
      fold((JSON.parse(readFileSync(path.join(dir, 'gold', `${id}.json`), 'utf8')) as { body: string }).body).split(' '),
    );
    for (const kind of ['people', 'organizations', 'places']) {
      for (const name of (got.data[kind] as string[] | undefined) ?? []) {
        names++;
        const parts = fold(name)
          .split(' ')
          .filter((w) => w.length >= 2);
        if (parts.length === 0 || !parts.every((w) => words.has(w))) bad.push(`${kind}: ${name}`);
      }
    }
  }
  console.log(`ungrounded (${mode}): ${bad.length} of ${names} (${((100 * bad.length) / names).toFixed(1)} %): ${bad.join('; ')}`);
  return bad.length / names;
}

describe('names written for the body pages of ../shared/eval/body', () => {
  it('are named in the article itself: at most 3 % not for the HTML pages', () => {
    expect(ungrounded('html')).toBeLessThanOrEqual(0.03);
  });

  it('and at most 5 % not for their text dumps', () => {
    expect(ungrounded('text')).toBeLessThanOrEqual(0.05);
  });
});
