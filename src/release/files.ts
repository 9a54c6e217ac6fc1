/**
 * The files of a release: what `archive release` writes into its snapshot
 * folder and the workflow attaches to the GitHub release, and where the site
 * links to them. Pure.
 */

/** The name every file of a release starts with (the data package's `name`). */
export const RELEASE_NAME = 'cyber-policy-news-archive';

/** The files attached to the GitHub release of `version`, each with what it holds. */
export function releaseFiles(version: string): { data: string; site: string; changelog: string } {
  return {
    data: `${RELEASE_NAME}-${version}-data.tar.gz`,
    site: `${RELEASE_NAME}-${version}-site.tar.gz`,
    changelog: `${RELEASE_NAME}-${version}-changelog.md`,
  };
}

/** The tag of a release: `v` and its version, as the release workflow expects. */
export const releaseTag = (version: string) => `v${version}`;

/**
 * Where a file of a release is downloaded: GitHub's address of a release
 * asset under the repository's releases (`https://github.com/OWNER/REPO/releases`).
 */
export function downloadUrl(releasesUrl: string, version: string, file: string): string {
  return `${releasesUrl.replace(/\/+$/, '')}/download/${releaseTag(version)}/${file}`;
}
