/**
 * The versions of releases: semantic versions (semver.org), checked and
 * ordered by the `semver` package, npm's own. Pure.
 */
import semver from 'semver';

/** The version as written (`1.2.0`, `2.0.0-rc.1`) when it is a strict semantic version, else undefined. */
export function releaseVersion(text: string): string | undefined {
  const valid = semver.valid(text);
  return valid !== null && valid === text ? valid : undefined;
}

/** Versions in release order, oldest first. */
export function sortVersions(versions: readonly string[]): string[] {
  return [...versions].sort(semver.compare);
}

/**
 * Why `version` cannot be the next release after `existing`, or undefined
 * when it can: it must be a semantic version, new, and higher than every
 * release so far.
 */
export function refuseVersion(version: string, existing: readonly string[]): string | undefined {
  if (releaseVersion(version) === undefined) {
    const hint = /^v\d/.test(version) && releaseVersion(version.slice(1)) ? ` (write ${version.slice(1)}, without the "v")` : '';
    return `"${version}" is not a semantic version such as 1.2.0 or 2.0.0-rc.1${hint}`;
  }
  if (existing.includes(version)) return `release ${version} exists already; choose a higher version`;
  const newest = sortVersions(existing).at(-1);
  if (newest && semver.lte(version, newest))
    return `release ${version} is lower than the newest release, ${newest}; choose a higher version`;
  return undefined;
}
