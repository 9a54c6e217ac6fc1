import { describe, expect, it } from 'vitest';
import { extractFromTextDump } from '../../../src/importer/text/index.ts';

const SENTENCES = [
  'The council voted on Tuesday to close the old bridge for repairs, which are expected to last a year.',
  'Drivers will be sent along the river road instead, adding about ten minutes to the morning journey.',
  'Shop owners near the bridge said they feared losing trade during the busiest months of the season.',
  'The mayor promised a fund to help them, though she gave no figure and no date for the first payments.',
  'Engineers first warned about cracks in the supports three years ago, according to documents seen here.',
];
const sentence = (n: number): string => SENTENCES[n - 1]!;
const story = (n: number): string[] => Array.from({ length: n }, (_, i) => ['', sentence(i + 1)]).flat();
const paragraphsOf = (page: string[]): string[] => extractFromTextDump(page.join('\n')).body.split('\n\n');

describe('the article region', () => {
  it('stops at a comments heading, however much readers wrote below it', () => {
    const comments = Array.from({ length: 20 }, (_, i) => [
      '',
      `${i + 1}. reader${i} says:`,
      'November 19, 2019 at 6:34 am',
      `I have a long opinion about this story and I will write it out in full sentences, number ${i}.`,
    ]).flat();
    const page = ['Menu', 'A Headline For The Story', ...story(4), '', 'Permalink 34 Comments Feed for comments Back to top', ...comments];
    expect(paragraphsOf(page)).toEqual([1, 2, 3, 4].map(sentence));
  });

  it('leaves out a photo caption set with its agency credit', () => {
    const page = [
      'A Headline For The Story',
      ...story(2),
      '',
      'In this photo a man stands in front of a building during the event in the city on Tuesday.',
      'ITV, ASSOCIATED PRESS',
      ...story(4).slice(4),
    ];
    const found = extractFromTextDump(page.join('\n'));
    expect(found.body).not.toContain('In this photo');
    expect(found.outside).toContain('In this photo a man stands in front of a building during the event in the city on Tuesday.');
  });

  it('leaves out gallery captions cut from one template', () => {
    const captions = ['Boris', 'Jeremy', 'Both men'].map(
      (who) => `In this photo issued by ITV, ${who} reacts during the debate live on TV in Salford, England.`,
    );
    const page = ['A Headline For The Story', ...story(3), '', ...captions, 'View all (3)', ...story(5).slice(6)];
    expect(paragraphsOf(page)).toEqual([1, 2, 3, 4, 5].map(sentence));
    expect(extractFromTextDump(page.join('\n')).body).not.toContain('In this photo issued by ITV');
  });

  it('keeps one copy of an article the page prints twice', () => {
    const page = ['A Headline For The Story', ...story(4), '', story(4).filter(Boolean).join(' ')];
    expect(paragraphsOf(page)).toEqual([1, 2, 3, 4].map(sentence));
  });

  it('keeps the menu, the tag line and the related list out', () => {
    const page = [
      '  • Home',
      '  • World',
      '  • Business',
      'A Headline For The Story',
      ...story(3),
      '',
      'Related:',
      '',
      'Some Other Story About Things',
      'And Another One About Stuff',
      'Tags:',
      'alpha, beta, gamma',
    ];
    const found = extractFromTextDump(page.join('\n'));
    expect(found.body.split('\n\n')).toEqual([1, 2, 3].map(sentence));
    expect(found.related_headlines).toEqual(['Some Other Story About Things', 'And Another One About Stuff']);
    expect(found.tags).toEqual(['alpha', 'beta', 'gamma']);
  });
});

describe('the end of the article', () => {
  it('drops trailing calls to follow the outlet, not a last line that merely names a network', () => {
    const promo = ['A Headline For The Story', ...story(3), '', 'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.'];
    expect(paragraphsOf(promo)).toEqual([1, 2, 3].map(sentence));
    const plain = ['A Headline For The Story', ...story(3), '', 'Facebook did not respond to a request for comment.'];
    expect(paragraphsOf(plain)).toEqual([...[1, 2, 3].map(sentence), 'Facebook did not respond to a request for comment.']);
  });
});
