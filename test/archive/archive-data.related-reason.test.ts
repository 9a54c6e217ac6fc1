import { describe, expect, it } from 'vitest';
import { relatedReason } from '../../src/archive/archive-data.ts';

describe('relatedReason', () => {
  const link = { url: '/a/', title: 'A', date: '2019-05-23', score: 1 };

  it('names up to three shared names, strongest first', () => {
    expect(relatedReason({ ...link, reasons: ['Jens Stoltenberg', 'NATO', 'cyberattack', 'London'] })).toBe(
      'shares Jens Stoltenberg, NATO, cyberattack',
    );
  });

  it('says when only the text links two stories', () => {
    expect(relatedReason({ ...link, reasons: ['similar text'] })).toBe('similar text');
  });

  it('says when an editor chose the story', () => {
    expect(relatedReason({ ...link, reasons: ['NATO'], pinned: true })).toBe('chosen by the editors');
  });
});
