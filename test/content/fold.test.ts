import { describe, expect, it } from 'vitest';
import { cleanName, foldKey, personKey, placeKey, tagKey } from '../../src/content/fold.ts';

describe('the name-folding family', () => {
  it('cleanName keeps the spelling and only cleans white space and Unicode form', () => {
    expect(cleanName('  Jens \t Stoltenberg ')).toBe('Jens Stoltenberg');
    expect(cleanName('Cafe\u0301')).toBe('Café');
  });

  it('foldKey joins case and width, not accents or punctuation', () => {
    expect(foldKey('NATO')).toBe(foldKey(' nato '));
    expect(foldKey('ＮＡＴＯ')).toBe(foldKey('NATO'));
    expect(foldKey('Café')).not.toBe(foldKey('Cafe'));
    expect(foldKey('U.S.')).not.toBe(foldKey('US'));
  });

  it('personKey also joins accents, hyphens and possessives, as a registry looks names up', () => {
    expect(personKey("Jens Stoltenberg's")).toBe(personKey('JENS STOLTENBERG'));
    expect(personKey('Jean-Yves Le Drian')).toBe(personKey('Jean Yves Le Drián'));
  });

  it('tagKey joins spellings that differ in spaces, hyphens and a plural s, keeping "ss" and short acronyms', () => {
    expect(tagKey('cyber-attacks')).toBe(tagKey('Cyber attack'));
    expect(tagKey('access')).toBe('access');
    expect(tagKey('iOS')).toBe('ios');
  });

  it('placeKey also joins dots and ampersands, as the gazetteer looks places up', () => {
    expect(placeKey('U.S.')).toBe(placeKey('US'));
    expect(placeKey('AL-AIN')).toBe(placeKey('Al Ain'));
    expect(placeKey('Trinidad & Tobago')).toBe(placeKey('Trinidad and Tobago'));
  });
});
