/**
 * Builds the fixture archive once for all site tests and shares where it is.
 * A failed build does not stop the run: each site test then fails with the
 * build's own message, so the report says what broke.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from '../../support/build.ts';
import { writeFixtureArchive, writeFixtureReleases } from '../../support/fixture-archive.ts';
import type { BuiltSite } from './site.ts';

/** Writes and builds the fixture archive; returns the teardown that deletes it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-site-'));
  const site: BuiltSite = { contentDir: path.join(root, 'content'), outDir: path.join(root, '_site'), root, error: '', pages: 0 };
  try {
    await writeFixtureArchive(site.contentDir, repoRoot);
    await writeFixtureReleases(site.contentDir);
    const report = await buildSite({ contentDir: site.contentDir, outDir: site.outDir });
    site.pages = report.pages;
    console.log(`fixture archive: ${report.articles} articles, ${report.pages} pages built in ${report.seconds} s`);
  } catch (error) {
    site.error = error instanceof Error ? error.message : String(error);
  }
  project.provide('site', site);
  return () => rm(root, { recursive: true, force: true });
}
