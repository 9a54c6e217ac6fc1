import { describe, expect, it } from 'vitest';
import { measureGrounding } from './metrics.ts';

/**
 * Grounding, as score-grounded.mjs measures it on the body pages: of the
 * people, organizations and places written for a page, the share that the
 * article itself (the benchmark's gold body) never names.
 */
function ungrounded(mode: 'html' | 'text'): number {
  const { names, ungrounded: bad } = measureGrounding(mode);
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
