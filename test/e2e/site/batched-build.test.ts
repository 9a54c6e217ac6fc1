import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../support/build.ts';
import { listFiles } from '../../support/files.ts';
import { GENERATED_COUNT } from '../../support/fixture-archive.ts';
import { builtSite } from './site.ts';

describe('a build written in several Eleventy runs (as a large archive is)', () => {
  it('writes the very same site as one run: every file, byte for byte, and the same page count', async () => {
    const site = builtSite();
    const outDir = path.join(site.root, '_site-batched');
    // 57 articles and their entity pages, 25 pages a run: runs of articles only, of both, of entity
    // pages only, the last also writing every other page and file.
    const report = await buildSite({ contentDir: site.contentDir, outDir, pagesPerRun: 25 });
    expect(report.articles).toBe(GENERATED_COUNT + 1);
    expect(report.pages).toBe(site.pages);
    const whole = listFiles(site.outDir);
    const batched = listFiles(outDir);
    expect(batched).toEqual(whole);
    const differing: string[] = [];
    for (const file of whole) {
      // Pagefind names its files by content hash: equal names mean equal index.
      if (file.startsWith('pagefind/')) continue;
      const [a, b] = await Promise.all([readFile(path.join(site.outDir, file)), readFile(path.join(outDir, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
