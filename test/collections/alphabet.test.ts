import { describe, expect, it } from 'vitest';
import { byInitial, initialOf } from '../../src/collections/alphabet.ts';

describe('the A–Z of an index page', () => {
  it('files a name under its first letter, accents and leading punctuation folded', () => {
    expect(['Jens Stoltenberg', 'věra Jourová', 'Ángela Merkel', 'Čapek', '“Fancy Bear”', 'Œuvre', 'Łódź'].map(initialOf)).toEqual([
      'J',
      'V',
      'A',
      'C',
      'F',
      'O',
      'L',
    ]);
  });

  it('files digits, other scripts and empty names under #', () => {
    expect(['5G', 'Москва', '北京', '', '---'].map(initialOf)).toEqual(['#', '#', '#', '#', '#']);
  });

  it('groups names by letter, # first, keeping their order within a letter, with no empty letter', () => {
    const names = ['5G', 'Brad Smith', 'Ángela Merkel', 'Anne Neuberger', 'Zelensky', 'Bob'].map((name) => ({ name }));
    expect(byInitial(names).map((group) => [group.letter, group.id, group.items.map((item) => item.name)])).toEqual([
      ['#', 'letter-other', ['5G']],
      ['A', 'letter-a', ['Ángela Merkel', 'Anne Neuberger']],
      ['B', 'letter-b', ['Brad Smith', 'Bob']],
      ['Z', 'letter-z', ['Zelensky']],
    ]);
    expect(byInitial([])).toEqual([]);
  });
});
