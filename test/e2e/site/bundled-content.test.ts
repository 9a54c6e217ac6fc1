import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../../src/publish/cache.ts';
import { buildSite, repoRoot } from '../../support/build.ts';
import { expectedFeedUrls, expectedPageUrls, expectedSite, type ExpectedSite } from '../../support/expected-site.ts';
import { loadArchive } from '../../support/fixture-archive.ts';
import { checkLinks, htmlFiles } from '../../support/links.ts';
import { htmlValidateConfig } from './htmlvalidate.ts';
import { hasUrl } from './site.ts';

const contentDir = path.join(repoRoot, 'content');
let outDir: string;
let expected: ExpectedSite;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'archive-bundled-'));
  expected = expectedSite(await loadArchive(contentDir));
  await buildSite({ contentDir, outDir });
});

// The build's cache lies beside the output folder (cacheFolder), outside it.
afterAll(() => Promise.all([outDir, cacheFolder(outDir)].map((folder) => rm(folder, { recursive: true, force: true }))));

describe('the bundled content, built as it ships', () => {
  it('holds the seed article', () => {
    expect(expected.articles.map((article) => article.url)).toContain(
      '/articles/2019/05/not-limited-to-cyberspace-nato-threatens-physical-response/',
    );
  });

  it('has every page type for the seed article: article, tag, person, organization, place, year, feeds', () => {
    const urls = [...expectedPageUrls(expected), ...expectedFeedUrls(expected), '/sitemap.xml', '/robots.txt', '/404.html'];
    expect(urls.filter((url) => !hasUrl(outDir, url))).toEqual([]);
  });

  it('passes html-validate with no error on every page', async () => {
    const validator = new HtmlValidate(htmlValidateConfig);
    const errors: string[] = [];
    for (const page of await htmlFiles(outDir)) {
      const report = await validator.validateFile(path.join(outDir, page));
      for (const result of report.results)
        for (const message of result.messages)
          if (message.severity === 2) errors.push(`${page}:${message.line} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('has no broken internal link', async () => {
    const { broken } = await checkLinks(outDir);
    expect(broken.map((link) => `${link.page}: ${link.link} ${link.reason}`)).toEqual([]);
  });
});
