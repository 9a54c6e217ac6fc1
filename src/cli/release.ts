/**
 * `archive release VERSION`: a numbered, citable release of the archive
 * (docs/data.md#releases). It records the release in the content folder
 * (`releases/VERSION.json`: the day and every article's hashes), sets
 * CITATION.cff's version and date, and writes the snapshot: the site as it
 * is with this release, packed as a tar.gz, the data package (the site's
 * `/data/` files) packed the same way, and the changelog against the
 * release before. Nothing is half written: the snapshot is made in a
 * temporary folder and renamed into place, each file is written through a
 * temporary, and the record, written last, is what makes the release exist.
 *
 * `--rebuild` writes the snapshot of a recorded release again, from its
 * record and the content (the release workflow, on the release's tag): it
 * refuses when the articles are not those the record lists.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { isIsoDay } from '../content/dates.ts';
import { DATA_FILES } from '../export/datapackage.ts';
import { changelog, changelogMarkdown, sameIndex } from '../release/changelog.ts';
import { citationForRelease } from '../release/citation-file.ts';
import { RELEASE_NAME, releaseFiles } from '../release/files.ts';
import { contentIndex, formatRecord, recordFile, type ReleaseRecord } from '../release/record.ts';
import { refuseVersion, releaseVersion } from '../release/version.ts';
import { absoluteUrl } from '../site/settings.ts';
import { walk } from '../store/content-folder.ts';
import { loadContent } from '../store/load.ts';
import { displayPath, readOptional } from '../store/read.ts';
import { loadReleases, RELEASES_DIR } from '../store/releases.ts';
import { createExclusive, writeFileAtomic } from '../store/temporary.ts';
import { UsageError } from './errors.ts';
import { localToday } from './today.ts';

/** The options of `archive release`, as commander hands them over. */
export interface ReleaseCliOptions {
  content: string;
  /** Where the snapshot folder `VERSION/` is written. */
  out: string;
  /** The CITATION.cff to update (left alone when it does not exist). */
  citation: string;
  date?: string;
  rebuild?: boolean;
  quiet?: boolean;
}

/** What a release wrote, for the summary line and the tests. */
export interface ReleaseReport {
  record?: string;
  snapshot: string;
  files: { name: string; bytes: number }[];
  added: number;
  changed: number;
  removed: number;
  articles: number;
}

/** Runs `archive release`; resolves to the exit code. */
export async function runRelease(version: string, options: ReleaseCliOptions): Promise<number> {
  const report = await release(version, options);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `${options.rebuild ? 'Rebuilt' : 'Released'} ${version}: ${report.articles} articles (${report.added} added, ${report.changed} changed, ${report.removed} removed); ${report.files
      .map((file) => `${file.name} ${kib(file.bytes)}`)
      .join(', ')} in ${displayPath(report.snapshot)}${report.record ? `; recorded in ${report.record}` : ''}.`,
  );
  return 0;
}

/** Makes release `version` of the content folder (or, with `rebuild`, its snapshot again). */
export async function release(version: string, options: ReleaseCliOptions): Promise<ReleaseReport> {
  if (releaseVersion(version) === undefined) throw new UsageError(refuseVersion(version, [])!);
  if (options.date !== undefined && !isIsoDay(options.date))
    throw new UsageError(`--date must be a real day written YYYY-MM-DD, not "${options.date}"`);
  if (options.rebuild && options.date) throw new UsageError('--rebuild takes the day from the release record: leave out --date');
  const contentDir = path.resolve(options.content);
  // The version and the day are judged against the records before any article is read.
  const recorded = loadReleases(contentDir);
  const at = recorded.findIndex((r) => r.version === version);
  const date = options.date ?? localToday();
  if (options.rebuild && at < 0)
    throw new Error(
      `release ${version} is not recorded in ${displayPath(path.join(contentDir, RELEASES_DIR))}: there is nothing to rebuild`,
    );
  if (!options.rebuild) {
    const refused = refuseVersion(
      version,
      recorded.map((r) => r.version),
    );
    if (refused) throw new Error(refused);
    const newest = recorded.at(-1);
    if (newest && date < newest.date) throw new Error(`--date ${date} is before release ${newest.version} of ${newest.date}`);
  }
  const content = await loadContent(contentDir);
  const index = contentIndex(content);
  const record: ReleaseRecord = options.rebuild ? recorded[at]! : { version, date, index };
  const before = options.rebuild ? recorded.slice(0, at) : recorded;
  if (!sameIndex(record.index, index)) {
    const drift = changelog({ version: 'now', date, index }, record);
    throw new Error(
      `the articles are not those of release ${version} (${drift.added.length} added, ${drift.changed.length} changed, ${drift.removed.length} removed since): rebuild a release from its own tag`,
    );
  }
  const log = changelog(record, before.at(-1));

  // Read and update CITATION.cff before anything is written: a broken one stops the release here.
  const citationFile = path.resolve(options.citation);
  const citationBefore = options.rebuild ? undefined : readOptional(citationFile);
  const citationAfter =
    citationBefore === undefined ? undefined : citationForRelease(citationBefore, record.version, record.date, displayPath(citationFile));

  const outRoot = path.resolve(options.out);
  const snapshot = path.join(outRoot, version);
  const staging = path.join(outRoot, `.${version}.building-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  let placed = false;
  let citationWritten = false;
  try {
    // The site with this release recorded, built whole without the build cache.
    const site = path.join(staging, 'site');
    const { build } = await import('../eleventy/run.ts');
    await build({
      contentDir,
      outDir: site,
      quiet: options.quiet ?? true,
      cache: false,
      content: { ...content, releases: [...before, record] },
    });
    const names = releaseFiles(version);
    const mtime = new Date(`${record.date}T00:00:00Z`);
    // The data package: the files the site has under /data/ (not its pages).
    await pack(
      path.join(site, 'data'),
      path.join(staging, names.data),
      `${RELEASE_NAME}-${version}-data`,
      mtime,
      Object.values(DATA_FILES),
    );
    await pack(site, path.join(staging, names.site), `${RELEASE_NAME}-${version}-site`, mtime);
    fs.writeFileSync(
      path.join(staging, names.changelog),
      changelogMarkdown(log, content.settings.name, (url) => absoluteUrl(content.settings, url)),
    );
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.renameSync(staging, snapshot);
    placed = true;
    if (citationAfter !== undefined) {
      writeFileAtomic(citationFile, citationAfter, 'release');
      citationWritten = true;
    }
    const target = path.join(contentDir, RELEASES_DIR, recordFile(version));
    if (!options.rebuild && !createExclusive(target, formatRecord(record), 'release'))
      throw new Error(`release ${version} was recorded meanwhile by another run (${displayPath(target)})`);
    const files = Object.values(names).map((name) => ({ name, bytes: fs.statSync(path.join(snapshot, name)).size }));
    return {
      ...(options.rebuild ? {} : { record: displayPath(target) }),
      snapshot,
      files,
      added: log.added.length,
      changed: log.changed.length,
      removed: log.removed.length,
      articles: record.index.length,
    };
  } catch (error) {
    // Nothing of a failed release stays: the snapshot goes, CITATION.cff gets its text back.
    fs.rmSync(staging, { recursive: true, force: true });
    if (placed) fs.rmSync(snapshot, { recursive: true, force: true });
    if (citationWritten && citationBefore !== undefined) writeFileAtomic(citationFile, citationBefore, 'release');
    throw error;
  }
}

/**
 * Packs the folder `dir` (or only its files `only`) into the tar.gz `file`,
 * entries under `prefix/`, the same bytes for the same files: names sorted,
 * one time (the release's day), fixed modes, no owner (node-tar's portable mode).
 */
async function pack(dir: string, file: string, prefix: string, mtime: Date, only?: readonly string[]): Promise<void> {
  const { files: all, links, others } = walk(dir);
  if (links.length || others.length) throw new Error(`${displayPath(dir)} holds links or special files, which a release does not pack`);
  const files = only ? all.filter((name) => only.includes(name)) : all;
  await tar.create(
    {
      file,
      cwd: dir,
      gzip: { level: 9 },
      portable: true,
      mtime,
      prefix,
      noDirRecurse: true,
      onWriteEntry(entry) {
        if (entry.stat) entry.stat.mode = 0o644;
      },
    },
    files,
  );
}
