import { describe, expect, it } from 'vitest';
import { findChromium, playwrightChromiums, SYSTEM_CHROMIUMS } from './chromium.ts';

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('findChromium', () => {
  it('takes CHROME_PATH first', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({
      ok: true,
      path: '/opt/chrome/chrome',
      source: 'CHROME_PATH',
    });
  });

  it('refuses a CHROME_PATH that names no file rather than looking elsewhere', () => {
    const found = findChromium({ CHROME_PATH: '/nowhere/chrome' }, only('/usr/bin/chromium'));
    expect(found.ok).toBe(false);
    expect(!found.ok && found.reason).toContain('CHROME_PATH is set to /nowhere/chrome');
  });

  it("falls back to the system's Chromium", () => {
    expect(findChromium({}, only('/usr/bin/google-chrome'))).toMatchObject({ ok: true, path: '/usr/bin/google-chrome', source: 'system' });
    expect(SYSTEM_CHROMIUMS[0]).toBe('/usr/bin/chromium');
  });

  it('says how to get Chromium when there is none', () => {
    const found = findChromium({ PLAYWRIGHT_BROWSERS_PATH: '/nowhere' }, () => false);
    expect(!found.ok && found.reason).toMatch(/apt-get install -y chromium.*CHROME_PATH/s);
  });
});

describe('playwrightChromiums', () => {
  it('finds nothing in a cache folder that does not exist', () => {
    expect(playwrightChromiums('/nowhere/ms-playwright')).toEqual([]);
  });
});
