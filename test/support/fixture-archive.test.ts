import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './build.ts';
import { expectedSite } from './expected-site.ts';
import { BUSY_TAG, fixtureArticleFiles, GENERATED_COUNT, loadArchive, writeFixtureArchive } from './fixture-archive.ts';

describe('the fixture archive generator', () => {
  it('writes the same files every time', () => {
    expect(fixtureArticleFiles()).toEqual(fixtureArticleFiles());
  });

  it('writes valid articles with the bundled ones, over several years and many names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'archive-fixture-'));
    try {
      await writeFixtureArchive(dir, repoRoot);
      const site = expectedSite(await loadArchive(dir));
      expect(site.articles.length).toBeGreaterThanOrEqual(GENERATED_COUNT + 1);
      expect(GENERATED_COUNT).toBeGreaterThanOrEqual(50);
      expect(site.years.size).toBeGreaterThanOrEqual(5);
      expect(site.groups.tags.size).toBeGreaterThanOrEqual(10);
      expect(site.groups.people.size).toBeGreaterThanOrEqual(10);
      expect(site.groups.organizations.size).toBeGreaterThanOrEqual(10);
      expect(site.groups.places.size).toBeGreaterThanOrEqual(8);
      expect(site.groups.tags.get(BUSY_TAG)!.length).toBeGreaterThan(20);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
