/**
 * The release records of a content folder (`releases/VERSION.json`, written
 * by `archive release`), read for the build, `check` and the next release.
 * Touches the file system.
 */
import path from 'node:path';
import { ContentError } from '../archive/errors.ts';
import { formatIssue } from '../content/schema.ts';
import { parseRecord, recordFile, type ReleaseRecord } from '../release/record.ts';
import { sortVersions } from '../release/version.ts';
import { listContent } from './content-folder.ts';
import { displayPath, NOT_UTF8, readUtf8 } from './read.ts';

/** The folder of the content folder that holds the release records. */
export const RELEASES_DIR = 'releases';

/**
 * Every release record of `contentDir`, oldest version first. A record that
 * does not parse, or whose file is not named for its version, stops with
 * every problem as `file:line: message`.
 */
export function loadReleases(contentDir: string, files = listContent(contentDir).releases): ReleaseRecord[] {
  const problems: string[] = [];
  const records = new Map<string, ReleaseRecord>();
  for (const relative of files) {
    const full = path.join(contentDir, relative);
    const file = displayPath(full);
    const text = readUtf8(full);
    if (text === undefined) {
      problems.push(formatIssue({ file, line: 1, message: NOT_UTF8 }));
      continue;
    }
    const parsed = parseRecord(text);
    if (!parsed.ok) {
      problems.push(formatIssue({ file, ...parsed.issue }));
      continue;
    }
    if (path.basename(relative) !== recordFile(parsed.record.version)) {
      problems.push(
        formatIssue({ file, line: 2, message: `holds release ${parsed.record.version}: name it ${recordFile(parsed.record.version)}` }),
      );
      continue;
    }
    records.set(parsed.record.version, parsed.record);
  }
  if (problems.length) throw new ContentError('A release record is not valid:', problems);
  return sortVersions([...records.keys()]).map((version) => records.get(version)!);
}
