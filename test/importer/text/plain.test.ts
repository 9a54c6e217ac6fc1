import { describe, expect, it } from 'vitest';
import { extractFromTextDump } from '../../../src/importer/text/index.ts';

const story = (lines: string[]): string => lines.join('\n\n');

describe('plain stories (a headline, a byline, a dateline, paragraphs)', () => {
  const wire = story([
    'HAVEL PRAISES CZECH NATIVE ALBRIGHT AS FRIEND.',
    'Klara Gajduskova',
    'PRAGUE 1996-12-06',
    'Czech President Vaclav Havel on Friday welcomed the appointment of Madeleine Albright as Secretary of State.',
    '"She is a distinguished friend and a tested diplomat," Havel said in a statement released by his office.',
    '-- Prague Newsroom, +420 2 2423 0003',
  ]);
  const found = extractFromTextDump(wire);

  it('takes the first line as the headline, without the agency full stop', () => {
    expect(found.title).toBe('HAVEL PRAISES CZECH NATIVE ALBRIGHT AS FRIEND');
  });

  it('reads the day and the place from the dateline, which leaves the body', () => {
    expect(found.date).toBe('1996-12-06');
    expect(found.places).toEqual(['Prague']);
    expect(found.body.startsWith('Czech President Vaclav Havel')).toBe(true);
  });

  it('credits the byline as the author and keeps it, and the desk signature, out of the body', () => {
    expect(found.authors).toEqual(['Klara Gajduskova']);
    expect(found.body).not.toContain('Klara Gajduskova');
    expect(found.body).not.toContain('Newsroom');
    expect(found.outside).toContain('Klara Gajduskova');
  });

  it('keeps a dateline that opens the first paragraph as part of it', () => {
    const inline = extractFromTextDump(
      story([
        'Estonian bank posts profit',
        'TALLINN, Dec 6 (Reuters) - Tallinna Pank, one of the largest banks in Estonia, made a net profit in November.',
        'It said in a statement that it made profits of 4.5 million kroons in the month, up from a year earlier.',
      ]),
    );
    expect(inline.title).toBe('Estonian bank posts profit');
    expect(inline.places).toEqual(['Tallinn']);
    expect(inline.body.startsWith('TALLINN, Dec 6 (Reuters) - Tallinna Pank')).toBe(true);
    // The dateline gives a month and a day but no year: no day is guessed.
    expect(inline.date).toBeUndefined();
  });

  it('recognises a story without a dateline by its shape: one paragraph a block, mostly sentences', () => {
    const bare = extractFromTextDump(
      story([
        'Council closes the old bridge for a year',
        'The council voted on Tuesday to close the old bridge for repairs, which are expected to last a year.',
        'Drivers will be sent along the river road instead, adding about ten minutes to the morning journey.',
        'Shop owners near the bridge said they feared losing trade during the busiest months of the season.',
      ]),
    );
    expect(bare.title).toBe('Council closes the old bridge for a year');
    expect(bare.body.split('\n\n')).toHaveLength(3);
  });

  it('does not read a web page with menus as a plain story', () => {
    const page = [
      '  • Home',
      '  • World',
      'A Headline For The Story',
      '',
      'LONDON 2019-05-23',
      '',
      'First sentence of the story, which runs on for a while.',
      '  • Share',
      '  • Tweet',
      '  • Email',
    ].join('\n');
    expect(extractFromTextDump(page).authors).toBeUndefined();
    expect(extractFromTextDump(page).title).not.toBe('• Home');
  });
});
