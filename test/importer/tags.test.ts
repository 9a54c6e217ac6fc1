import { describe, expect, it } from 'vitest';
import { tidyTags } from '../../src/importer/tags.ts';

describe("the topics among a page's tag items", () => {
  it('keeps topics as written, once each', () => {
    expect(tidyTags(['Impeachment', 'Elections, Governors', 'Customs (Tariff)', 'impeachment', 'ブログ'])).toEqual([
      'Impeachment',
      'Elections, Governors',
      'Customs (Tariff)',
      'ブログ',
    ]);
  });

  it('drops copyright and address lines, character references, labels, slugs and CMS codes', () => {
    expect(
      tidyTags([
        '© Future US',
        '15th Floor',
        'NY 10036.',
        '&quot',
        'terms:',
        'star-wars-jedi-fallen-order',
        'pfi',
        'Premium Content',
        'Front Page',
      ]),
    ).toEqual([]);
  });

  it('drops ticker symbols and sentences stuffed into keywords', () => {
    expect(tidyTags(['HD', 'LOW', 'NATO', 'Russian and Syrian claims are false', 'a senior military analyst at Stratfor'])).toEqual([
      'NATO',
    ]);
  });

  it("drops the headline and the authors' names", () => {
    expect(
      tidyTags(['Tanza Loudenback', 'Retirement', 'How to retire early'], { title: 'How to retire early', authors: ['Tanza Loudenback'] }),
    ).toEqual(['Retirement']);
  });
});
