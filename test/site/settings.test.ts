import { describe, expect, it } from 'vitest';
import { baseUrlVerdict, DEFAULT_SETTINGS, isExampleBaseUrl, normalizePathPrefix, resolveSettings } from '../../src/site/settings.ts';

describe('site settings', () => {
  it('works with no settings at all', () => {
    expect(resolveSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('lets the environment beat the file, and an explicit option beat both', () => {
    const file = { baseUrl: 'https://file.example', pathPrefix: '/file/' };
    const env = { ARCHIVE_BASE_URL: 'https://env.example/', ARCHIVE_PATH_PREFIX: 'env' };
    expect(resolveSettings(file, env)).toMatchObject({ baseUrl: 'https://env.example', pathPrefix: '/env/' });
    expect(resolveSettings(file, env, { pathPrefix: '/option/' }).pathPrefix).toBe('/option/');
  });

  it('normalizes a path prefix and refuses one that could escape it', () => {
    expect(normalizePathPrefix('')).toBe('/');
    expect(normalizePathPrefix('archive')).toBe('/archive/');
    expect(normalizePathPrefix('//a//b/')).toBe('/a/b/');
    expect(() => normalizePathPrefix('/../x/')).toThrow(/path prefix/);
    expect(() => normalizePathPrefix('/"onload=x/')).toThrow(/path prefix/);
  });

  it('names the key that is wrong', () => {
    expect(() => resolveSettings({ language: 'English' })).toThrow(/language/);
    expect(() => resolveSettings({ baseUrl: 'javascript:alert(1)' })).toThrow(/base URL/);
  });

  it('gives tags and people feeds from 5 articles unless told another whole number', () => {
    expect(resolveSettings(undefined).registryProposalMin).toBe(3);
    expect(resolveSettings({ registryProposalMin: 10 }).registryProposalMin).toBe(10);
    expect(() => resolveSettings({ registryProposalMin: 0 })).toThrow(/^site settings: registryProposalMin: /);
    expect(resolveSettings(undefined).entityFeedMin).toBe(5);
    expect(resolveSettings({ entityFeedMin: 1 }).entityFeedMin).toBe(1);
    for (const entityFeedMin of [0, 2.5, '5', -1])
      expect(() => resolveSettings({ entityFeedMin }), String(entityFeedMin)).toThrow(/^site settings: entityFeedMin: /);
  });

  it('knows the example addresses from a real one', () => {
    for (const url of [DEFAULT_SETTINGS.baseUrl, 'https://example.com', 'http://www.example.net', 'https://docs.EXAMPLE.org/archive'])
      expect(isExampleBaseUrl(url), url).toBe(true);
    for (const url of ['https://archive.example.edu', 'https://notexample.org', 'https://example.org.evil.test', 'https://user.github.io'])
      expect(isExampleBaseUrl(url), url).toBe(false);
  });

  it('builds with the example base URL with a warning, refuses it in CI, and lets a build that is not published through', () => {
    expect(baseUrlVerdict('https://example.org', { ci: false, allowExample: false })).toBe('warn');
    expect(baseUrlVerdict('https://example.org', { ci: true, allowExample: false })).toBe('refuse');
    expect(baseUrlVerdict('https://example.org', { ci: true, allowExample: true })).toBe('publish');
    expect(baseUrlVerdict('https://archive.test', { ci: true, allowExample: false })).toBe('publish');
  });
});
