/**
 * The release records of a content folder (`releases/VERSION.json`, written
 * by `archive release`), read for the build, `check` and the next release.
 * Touches the file system.
 */
import path from 'node:path';
import { ContentError } from '../archive/errors.ts';
import { type ContentIssue, formatIssue } from '../content/schema.ts';
import { parseRecord, recordFile, type ReleaseRecord } from '../release/record.ts';
import { sortVersions } from '../release/version.ts';
import { listContent } from './content-folder.ts';
import { displayPath, NOT_UTF8, readUtf8 } from './read.ts';

/** The folder of the content folder that holds the release records. */
export const RELEASES_DIR = 'releases';

/**
 * Every release record of `contentDir`, oldest version first, and every
 * problem: a record that does not parse, or whose file is not named for its
 * version, is left out and named with its line.
 */
export function readReleases(
  contentDir: string,
  files = listContent(contentDir).releases,
): { records: ReleaseRecord[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const records = new Map<string, ReleaseRecord>();
  for (const relative of files) {
    const full = path.join(contentDir, relative);
    const file = displayPath(full);
    const text = readUtf8(full);
    if (text === undefined) {
      issues.push({ file, line: 1, message: NOT_UTF8 });
      continue;
    }
    const parsed = parseRecord(text);
    if (!parsed.ok) {
      issues.push({ file, ...parsed.issue });
      continue;
    }
    if (path.basename(relative) !== recordFile(parsed.record.version)) {
      issues.push({ file, line: 2, message: `holds release ${parsed.record.version}: name it ${recordFile(parsed.record.version)}` });
      continue;
    }
    records.set(parsed.record.version, parsed.record);
  }
  return { records: sortVersions([...records.keys()]).map((version) => records.get(version)!), issues };
}

/** The release records of `contentDir`, oldest first (`readReleases`); any problem stops with every one as `file:line: message`. */
export function loadReleases(contentDir: string, files = listContent(contentDir).releases): ReleaseRecord[] {
  const { records, issues } = readReleases(contentDir, files);
  if (issues.length) throw new ContentError('A release record is not valid:', issues.map(formatIssue));
  return records;
}
