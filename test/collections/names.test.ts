import { describe, expect, it } from 'vitest';
import { compareCodePoints, resolveNames } from '../../src/collections/names.ts';
import { cleanName, foldKey } from '../../src/content/fold.ts';

describe('names', () => {
  it('folds case, spacing and Unicode form to one key', () => {
    expect(foldKey('NATO')).toBe(foldKey('nato'));
    expect(foldKey('Nato ')).toBe(foldKey('  nato'));
    expect(foldKey('Jens  Stoltenberg')).toBe(foldKey('jens stoltenberg'));
    // "é" precomposed and as e + combining acute are one name.
    expect(foldKey('Andr\u00e9')).toBe(foldKey('Andre\u0301'));
    // Full-width letters fold to ASCII (NFKC).
    expect(foldKey('ＮＡＴＯ')).toBe('nato');
  });

  it('cleans a name without changing its case', () => {
    expect(cleanName('  Jens\u00a0 Stoltenberg ')).toBe('Jens Stoltenberg');
  });

  it('shows the most used spelling', () => {
    const names = resolveNames([['NATO'], ['nato'], ['NATO'], ['Nato ']]);
    expect(names.canonical('nato')).toBe('NATO');
    expect(names.canonical('Nato')).toBe('NATO');
  });

  it('breaks a tie in use by Unicode order', () => {
    const names = resolveNames([['nato'], ['NATO']]);
    expect(names.canonical('nato')).toBe('NATO');
  });

  it('does not depend on the order of the articles', () => {
    const usages = [['Cyberattack'], ['cyberattack'], ['CYBERATTACK'], ['cyberattack'], ['Cyberattack']];
    const forward = resolveNames(usages).canonical('cyberattack');
    const backward = resolveNames([...usages].reverse()).canonical('cyberattack');
    expect(forward).toBe(backward);
    expect(forward).toBe('Cyberattack');
  });

  it('counts a spelling once per article', () => {
    const names = resolveNames([['nato', 'nato', 'nato'], ['NATO'], ['NATO']]);
    expect(names.canonical('nato')).toBe('NATO');
  });

  it("uses the registry's spelling and folds its aliases onto it", () => {
    const names = resolveNames(
      [['nato'], ['NATO'], ['North Atlantic Treaty Organization']],
      [{ name: 'NATO', aliases: ['North Atlantic Treaty Organization'], description: 'The alliance.' }],
    );
    expect(names.canonical('north atlantic treaty organization')).toBe('NATO');
    expect(names.canonical('Nato')).toBe('NATO');
    expect(names.description('NATO')).toBe('The alliance.');
  });

  it("keeps a person's role from the registry", () => {
    const names = resolveNames(
      [['Stoltenberg']],
      [{ name: 'Jens Stoltenberg', aliases: ['Stoltenberg'], role: 'Secretary General of NATO' }],
    );
    expect(names.canonical('stoltenberg')).toBe('Jens Stoltenberg');
    expect(names.role('Jens Stoltenberg')).toBe('Secretary General of NATO');
  });

  it("keeps the registry's Wikidata id, and the first entry's details when a derived entry of the same name follows", () => {
    const names = resolveNames(
      [['NATO'], ['Nato']],
      [
        { name: 'NATO', description: 'The alliance.', wikidata: 'Q7184' },
        { name: 'NATO', aliases: ['the Alliance'] },
      ],
    );
    expect(names.wikidata('NATO')).toBe('Q7184');
    expect(names.description('NATO')).toBe('The alliance.');
    expect(names.wikidata('EU')).toBeUndefined();
  });

  it('orders by code point, the same in every locale', () => {
    expect(['b', 'B', 'a', 'é'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'é']);
  });
});
