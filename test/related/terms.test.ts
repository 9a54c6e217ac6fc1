import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/related/days.ts';
import { countTerms, termsOf } from '../../src/related/terms.ts';

describe('termsOf', () => {
  it('lowercases words, keeps letters beyond ASCII and counts repeats', () => {
    expect([...termsOf('Ransomware hit Düsseldorf; RANSOMWARE.')]).toEqual([
      ['ransomware', 2],
      ['hit', 1],
      ['düsseldorf', 1],
    ]);
  });

  it('reads the words of a Markdown link but not its URL', () => {
    expect([...termsOf('[Alliance statement](https://www.nato.int/cps/natohq/news.htm) on deterrence')].map(([term]) => term)).toEqual([
      'alliance',
      'statement',
      'deterrence',
    ]);
  });

  it('leaves out stopwords, short words and numbers', () => {
    expect([...termsOf('The NATO summit of 2019 said it was on TV')].map(([term]) => term)).toEqual(['nato', 'summit']);
  });
});

describe('countTerms', () => {
  it('counts how many documents use each term, and reads each text only up to the limit', () => {
    const table = countTerms([['Cyber pledge', 'pledge pledge'], ['Cyber summit']], 12);
    const frequency = Object.fromEntries(table.terms.map((term, id) => [term, table.documentFrequency[id]]));
    expect(frequency).toMatchObject({ cyber: 2, pledge: 1, summit: 1 });
    // The limit cuts the body's second "pledge" in two: neither half counts.
    expect(table.counts[table.ids.indexOf(table.terms.indexOf('pledge'))]).toBe(2);
    expect(table.terms).not.toContain('pledg');
  });
});

describe('dayNumber', () => {
  it('counts days from 1970-01-01 across leap days and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(dayNumber('2019-05-23')).toBe(18039);
  });
});
