import { describe, expect, it } from 'vitest';
import { sameHeadline, sameStoryGroups, sharedShare, StoryIndex, storyPrint } from '../../src/content/same-story.ts';
import { createRandom } from '../support/random.ts';

const WORDS =
  'the council voted on tuesday to close old bridge for repairs which are expected last year drivers will be sent along river road instead adding about ten minutes morning journey shop owners near said they feared losing trade during busiest months season mayor promised fund help them though she gave no figure date first payments'.split(
    ' ',
  );

/** A story of `n` words drawn by a seeded generator: another seed, another story. */
function story(seed: number, n = 300): string {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

describe('the same story told twice', () => {
  it('is one story when most of the shorter text stands in the longer', () => {
    const text = story(1);
    const copy = `Page furniture around it, a menu and a footer. ${text} Share this story. Follow us.`;
    expect(sharedShare(storyPrint(text), storyPrint(copy))).toBeGreaterThan(0.95);
    expect(sharedShare(storyPrint(text), storyPrint(story(2)))).toBeLessThan(0.1);
  });

  it('needs less of the text when the day and the headline agree', () => {
    const text = story(3);
    const half = `${text.split(' ').slice(0, 180).join(' ')} ${story(4, 120)}`;
    const index = new StoryIndex<string>();
    index.add('page.html', storyPrint(text), { day: '2020-12-18', title: 'These Weeks in Firefox: Issue 85 – Firefox Nightly News' });
    expect(
      index.sameAs(storyPrint(half), undefined, { day: '2020-12-18', title: 'These Weeks in Firefox: Issue 85' }).map((s) => s.key),
    ).toEqual(['page.html']);
    expect(index.sameAs(storyPrint(half), undefined, { day: '2020-12-19', title: 'These Weeks in Firefox: Issue 85' })).toEqual([]);
    expect(sameHeadline({ day: '2019-05-23', title: 'Sport' }, { day: '2019-05-23', title: 'Sport news' })).toBe(false);
  });

  it('groups every copy of one story, and leaves short texts alone', () => {
    const a = story(5);
    const groups = sameStoryGroups([
      { key: 'a', print: storyPrint(a) },
      { key: 'b', print: storyPrint(story(6)) },
      { key: 'a2', print: storyPrint(`${a} and one more line`) },
      { key: 'short', print: storyPrint('too short to tell') },
    ]);
    expect(groups).toEqual([['a', 'a2']]);
  });

  it('finds, in an index of many stories, exactly the pairs a comparison of every two finds, and for each story the same', () => {
    const random = createRandom(11);
    const hash = () => Math.floor(random() * 2 ** 32);
    // Hashes over all 32 bits, some shared by a few stories, and copies of earlier stories with part of their text.
    const shared = Array.from({ length: 40 }, hash);
    const prints: Uint32Array[] = [];
    for (let story = 0; story < 400; story++) {
      const own = new Set<number>();
      const copied = story > 0 && random() < 0.2 ? prints[Math.floor(random() * story)]! : undefined;
      for (const value of copied ?? []) if (random() < 0.9) own.add(value);
      while (own.size < 20 + Math.floor(random() * 40)) own.add(random() < 0.02 ? shared[Math.floor(random() * shared.length)]! : hash());
      prints.push(Uint32Array.from(own).sort());
    }
    const index = new StoryIndex<number>();
    prints.forEach((print, story) => {
      index.add(story, print);
    });
    const expected: string[] = [];
    for (let a = 0; a < prints.length; a++)
      for (let b = a + 1; b < prints.length; b++) if (sharedShare(prints[a]!, prints[b]!) >= 0.8) expected.push(`${a}-${b}`);
    expect(expected.length).toBeGreaterThan(40);
    expect(
      index
        .pairs()
        .map(({ a, b }) => `${a}-${b}`)
        .sort(),
    ).toEqual(expected.sort());
    prints.forEach((print, story) => {
      const same = expected
        .filter((pair) => pair.split('-').includes(String(story)))
        .map((pair) => Number(pair.split('-').find((s) => s !== String(story))));
      expect(
        index
          .sameAs(print, story)
          .map(({ key }) => key)
          .sort((x, y) => x - y),
      ).toEqual(same.sort((x, y) => x - y));
    });
  });
});
