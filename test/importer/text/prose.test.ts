import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/importer/text/lines.ts';
import { isCommentsHeading, isCredit, isGluedTeaser, isItemList, isLabelledTeaser, isProse } from '../../../src/importer/text/prose.ts';

const line = (text: string) => splitLines(text)[0]!;

describe('prose rules', () => {
  it('take sentences as prose and menus, headlines and credits as not', () => {
    expect(isProse(line('Moscow has repeatedly denied allegations that it has carried out attacks.'))).toBe(true);
    expect(isProse(line('Turkey RULES OUT Russian-Made S-400 Integration With NATO Infrastructure'))).toBe(false);
    expect(isProse(line('Log inPrivacy Policy'))).toBe(false);
    expect(isProse(line('© Sputnik / Aleksei Vitvitsky'))).toBe(false);
  });

  it('recognise credits by their shape', () => {
    expect(isCredit('© REUTERS / Kacper Pempel/Files')).toBe(true);
    expect(isCredit('Image copyright Getty Images')).toBe(true);
    expect(isCredit('China has warned they will cease control of Hong Kong (Image: GETTY )')).toBe(true);
    expect(isCredit('The cause of the crash is under investigation, officials said.')).toBe(false);
    expect(isCredit('Investigators traced the photo source to a cafe in Minsk, the report said.')).toBe(false);
  });

  it('tell a labelled teaser, an item list and a comments heading apart from text', () => {
    expect(isLabelledTeaser('Read more: Tencent profit falls as Alibaba threat and economic woes weigh')).toBe(true);
    expect(isLabelledTeaser('Cheuk Hau-yip said: “These rioters, they are also criminals.”')).toBe(false);
    expect(isItemList('cyberattack, NATO, Jeremy Hunt, Jens Stoltenberg, United Kingdom')).toBe(true);
    expect(isItemList('He came, he saw, he went home, and then he slept, as one does after a long day.')).toBe(false);
    expect(isCommentsHeading('34 responses to “Anthony Lynn: “We needed to win this game””')).toBe(true);
    expect(isCommentsHeading('Comments (12)')).toBe(true);
    expect(isCommentsHeading('There are 13 comments')).toBe(true);
    expect(isCommentsHeading('12 thoughts on “Stack Overflow Jobs Data”')).toBe(true);
    expect(isGluedTeaser('How To: 6 Easy Steps To Make Homemade Soft PretzelsLearn how to make your own pretzels!')).toBe(true);
    expect(isGluedTeaser('The new YouTube app lets you watch videos offline, the company said.')).toBe(false);
    expect(isCommentsHeading('Comments aside, the vote went ahead.')).toBe(false);
  });
});
