import { describe, expect, it } from 'vitest';
import { dropClutter, isClutter } from '../../src/importer/clutter.ts';

describe('clutter inside an article', () => {
  it('knows page furniture by what it says', () => {
    for (const text of [
      'Story continues below advertisement',
      '\\- Advertisement -',
      '1-MIN READ',
      '[Next Story](https://example.com/next)',
      '**CLICK HERE TO GET THE FOX NEWS APP**',
      "Don't miss the latest news - Sign up to our daily newsletter here.",
      '(Copyright (c) 2023 Sunbeam Television. All Rights Reserved.)',
      '[ ] Subscribe',
    ]) {
      expect(isClutter(text), text).toBe(true);
    }
  });

  it("leaves the story's own sentences that mention newsletters, apps or advertising", () => {
    expect(isClutter('Operating revenue declined 9.8 per cent as media advertisement revenue fell 31.4 per cent.')).toBe(false);
    expect(isClutter('The company said it would close its app store in Russia after the sanctions.')).toBe(false);
  });

  it("takes a writer's biography only where the piece ends", () => {
    const bio = 'Timothy Nerozzi is a writer for Fox News Digital. You can follow him on Twitter @timothynerozzi.';
    expect(dropClutter(`First.\n\n${bio}\n\nMiddle.\n\nThird.\n\nFourth.`).clutter).toEqual([]);
    expect(dropClutter(`First.\n\nSecond.\n\n${bio}`)).toEqual({ body: 'First.\n\nSecond.', clutter: [bio] });
  });
});
