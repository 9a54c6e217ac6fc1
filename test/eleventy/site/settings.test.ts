import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizePathPrefix, resolveSettings } from '../../../src/site/settings.ts';

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
});
