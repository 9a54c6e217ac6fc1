import { describe, expect, it } from 'vitest';
import { extractFromTextDump } from '../../../src/importer/text/index.ts';
import { splitLines } from '../../../src/importer/text/lines.ts';
import { detectProfile, SITE_PROFILES } from '../../../src/importer/text/profiles.ts';

const sputnikPage = [
  '21:17 GMT +318 November 2019',
  'Europe',
  'Cyber Drill Ends With Somebody Saying Something Important',
  '21:17 18.11.2019Get short URL',
  '0 0 0',
  '',
  'The first paragraph of the story is a sentence that is long enough to count.',
  '',
  'The second paragraph carries on with more of the same kind of sentence.',
  '',
  'Community standards',
  'The websites’ administration has the right to delete comments made in other languages, it says.',
  'Get push notifications from Sputnik International',
].join('\n');

describe('site profiles', () => {
  it('each declares a name, detectors and furniture as data', () => {
    for (const profile of SITE_PROFILES) {
      expect(profile.name).toMatch(/\S/);
      expect(profile.detect.length).toBeGreaterThan(0);
    }
  });

  it('recognises a Sputnik page by its own push-notification line', () => {
    expect(detectProfile(splitLines(sputnikPage))?.name).toBe('Sputnik International');
    expect(detectProfile(splitLines('Some other page\n\nWith text.'))).toBeUndefined();
  });

  it('names the outlet, drops "Get short URL" and ends the article at the community rules', () => {
    const found = extractFromTextDump(sputnikPage);
    expect(found.source.name).toBe('Sputnik International');
    expect(found.body.split('\n\n')).toEqual([
      'The first paragraph of the story is a sentence that is long enough to count.',
      'The second paragraph carries on with more of the same kind of sentence.',
    ]);
    expect(found.source.retrieved).toBe('2019-11-18T21:17:00+03:00');
  });

  it('are skipped when profiles are turned off', () => {
    expect(extractFromTextDump(sputnikPage, { profiles: false }).source.name).toBeUndefined();
  });
});
