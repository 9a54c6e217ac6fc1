import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../src/filters/index.ts';
import { MAX_TITLE } from '../../src/filters/page-title.ts';

describe('pageTitle', () => {
  it('names the page and the site when both fit', () => {
    expect(pageTitle('Tags', 'Cyber Policy News Archive')).toBe('Tags – Cyber Policy News Archive');
  });

  it('is the site name alone on the home page', () => {
    expect(pageTitle('', 'Cyber Policy News Archive')).toBe('Cyber Policy News Archive');
  });

  it('cuts a long title on a word boundary, within 70 characters', () => {
    const title = pageTitle('‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks', 'Cyber Policy News Archive');
    expect(title).toBe('‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to…');
    expect([...title].length).toBeLessThanOrEqual(MAX_TITLE);
  });
});
