/** Citations in the built fixture site: what Zotero reads from each article page, the RIS and CSL-JSON files, and the archive's own citation. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedSite } from '../../support/expected-site.ts';
import { readEmbeddedMetadata } from '../../support/zotero-embedded.ts';
import { builtAndExpected, linkPaths, readPage } from './site.ts';

let outDir: string;
let expected: ExpectedSite;

beforeAll(async () => {
  ({ outDir, expected } = await builtAndExpected());
});

describe('citations in the built site', () => {
  it("give Zotero's Embedded Metadata translator the title, day, outlet, archived URL and language of every article", async () => {
    const wrong: string[] = [];
    for (const article of expected.articles) {
      const document = await readPage(outDir, article.url);
      const canonical = document.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      const item = readEmbeddedMetadata(document);
      const want = {
        title: article.title,
        date: article.date.replaceAll('-', '/'),
        url: canonical,
        language: 'en',
        ...(article.source?.name ? { publicationTitle: article.source.name, publisher: article.source.name } : {}),
        ...(article.summary ? { abstractNote: article.summary } : {}),
      };
      const sorted = (fields: Record<string, string>) => JSON.stringify(Object.entries(fields).sort());
      if (sorted(item.fields) !== sorted(want) || item.creators.length !== article.authors.length)
        wrong.push(`${article.url}: ${JSON.stringify(item)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('offer RIS and CSL-JSON beside APA and BibTeX on every article page, each a file of the site', async () => {
    for (const article of expected.articles) {
      const document = await readPage(outDir, article.url);
      const links = linkPaths(document.querySelector('.cite')!, article.url);
      expect(links).toEqual(expect.arrayContaining([`${article.url}cite.ris`, `${article.url}cite.json`]));
      const ris = await readFile(path.join(outDir, ...article.url.split('/').filter(Boolean), 'cite.ris'), 'utf8');
      expect(ris).toMatch(/^TY {2}- NEWS\r\n/);
      expect(ris).toContain(`\r\nDA  - ${article.date.replaceAll('-', '/')}/\r\n`);
      const csl = JSON.parse(await readFile(path.join(outDir, ...article.url.split('/').filter(Boolean), 'cite.json'), 'utf8')) as {
        title: string;
        URL: string;
      }[];
      expect(csl[0]!.title).toBe(article.title);
      expect(new URL(csl[0]!.URL).pathname).toBe(article.url);
    }
  });

  it('cite the archive as a whole, with its version, on the data page', async () => {
    const page = await readPage(outDir, '/data/');
    const text = page.querySelector('#cite-archive-heading')!.parentElement!.textContent!;
    expect(text).toMatch(/\(Version \d+\.\d+\.\d+\) \[Data set\]/);
    expect(text).toContain('@misc{');
  });
});
