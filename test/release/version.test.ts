import { describe, expect, it } from 'vitest';
import { refuseVersion, releaseVersion, sortVersions } from '../../src/release/version.ts';

describe('releaseVersion', () => {
  it('takes strict semantic versions as written and nothing else', () => {
    for (const good of ['0.1.0', '1.2.0', '2.0.0-rc.1']) expect(releaseVersion(good), good).toBe(good);
    // Build metadata ("+...") is refused: it does not order releases, and the site marks its changes since a release with "+unreleased".
    for (const bad of ['1.2', 'v1.2.0', '01.2.0', '1.2.0 ', '', 'latest', '1.2.0-', '1.0.0+build.5'])
      expect(releaseVersion(bad), bad).toBeUndefined();
  });
});

describe('sortVersions', () => {
  it('orders by semantic version, not by text', () => {
    expect(sortVersions(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9'])).toEqual(['0.9.9', '1.2.0-rc.1', '1.2.0', '1.10.0']);
  });
});

describe('refuseVersion', () => {
  it('accepts a first version and one higher than every release', () => {
    expect(refuseVersion('1.0.0', [])).toBeUndefined();
    expect(refuseVersion('1.10.0', ['1.2.0', '1.9.0'])).toBeUndefined();
  });

  it('refuses an existing version, a lower one, and one that is no semantic version, saying which', () => {
    expect(refuseVersion('1.2.0', ['1.2.0'])).toBe('release 1.2.0 exists already; choose a higher version');
    expect(refuseVersion('1.1.0', ['1.0.0', '1.2.0'])).toBe(
      'release 1.1.0 is lower than the newest release, 1.2.0; choose a higher version',
    );
    expect(refuseVersion('1.2.0-rc.1', ['1.2.0'])).toMatch(/is lower than the newest release, 1\.2\.0/);
    expect(refuseVersion('v1.3.0', ['1.2.0'])).toBe(
      '"v1.3.0" is not a semantic version such as 1.2.0 or 2.0.0-rc.1 (write 1.3.0, without the "v")',
    );
    expect(refuseVersion('1.3', [])).toBe('"1.3" is not a semantic version such as 1.2.0 or 2.0.0-rc.1');
  });
});
