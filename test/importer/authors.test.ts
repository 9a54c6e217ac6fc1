import { describe, expect, it } from 'vitest';
import { bylineNames, isWriterName } from '../../src/importer/authors.ts';
import { dropCredits, isCreditLine } from '../../src/importer/credits.ts';

describe('bylines', () => {
  it('reads one or several writers, without "By", dates or roles', () => {
    expect(bylineNames('By Stella Kim and Jennifer Jett')).toEqual(['Stella Kim', 'Jennifer Jett']);
    expect(bylineNames('By GILLIAN MOHNEY March 11, 2015 3:46 PM')).toEqual(['Gillian Mohney']);
    expect(bylineNames('By Evan Symon, August 14, 2020 2:30 pm')).toEqual(['Evan Symon']);
    expect(bylineNames('Nathan Bernier | KUT')).toEqual(['Nathan Bernier']);
  });

  it('is not a desk, a staff or a web address', () => {
    expect(isWriterName('Our Foreign Staff')).toBe(false);
    expect(isWriterName('Riga Newsroom')).toBe(false);
    expect(isWriterName('https://example.com/profile/someone')).toBe(false);
    expect(isWriterName('Eleanor Ainge Roy')).toBe(true);
  });
});

describe('credit lines', () => {
  it('knows contributed reporting and agency credits', () => {
    expect(isCreditLine('Keith Bradsher contributed reporting from Hong Kong.')).toBe(true);
    expect(isCreditLine('Reporting by Jan Lopatka; Editing by Alison Williams')).toBe(true);
    expect(isCreditLine('The report said reporting of attacks had risen.')).toBe(false);
  });

  it('takes them off the end of a body only', () => {
    const body =
      'First paragraph.\n\nReporting by the ministry was late, officials said.\n\nLast paragraph.\n\nKeith Bradsher contributed reporting.';
    expect(dropCredits(body)).toEqual({
      body: 'First paragraph.\n\nReporting by the ministry was late, officials said.\n\nLast paragraph.',
      credits: ['Keith Bradsher contributed reporting.'],
    });
  });
});

describe('bylines with roles', () => {
  it('stop at the first part that is not a name', () => {
    expect(bylineNames('By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project')).toEqual([
      'Daniel Kahn Gillmor',
    ]);
  });
});
