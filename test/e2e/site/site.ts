/**
 * What every site test shares: the fixture archive the global setup built,
 * and reading its pages.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { inject } from 'vitest';
import { type ExpectedSite, expectedSite, fileOfUrl } from '../../support/expected-site.ts';
import { loadArchive } from '../../support/fixture-archive.ts';

/** Where the global setup put the fixture archive and its build. */
export interface BuiltSite {
  root: string;
  contentDir: string;
  outDir: string;
  /** The build's error message, empty when it worked. */
  error: string;
  /** HTML pages the build reported. */
  pages: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: BuiltSite;
  }
}

/** The built fixture archive; throws the build's own error when the build failed. */
export function builtSite(): BuiltSite {
  const site = inject('site');
  if (site.error) throw new Error(site.error);
  return site;
}

/** The built fixture archive's output folder and the site its articles should make (test/support/expected-site.ts). */
export async function builtAndExpected(): Promise<{ outDir: string; expected: ExpectedSite }> {
  const site = builtSite();
  return { outDir: site.outDir, expected: expectedSite(await loadArchive(site.contentDir)) };
}

/** Whether the built site has a page or file at `url`. */
export function hasUrl(outDir: string, url: string): boolean {
  return existsSync(fileOfUrl(outDir, url));
}

/** The page at `url`, parsed. */
export async function readPage(outDir: string, url: string): Promise<Document> {
  const { document } = parseHTML(await readFile(fileOfUrl(outDir, url), 'utf8'));
  return document as unknown as Document;
}

/** The site paths of the links in `scope` (a page, or a part of the page at `pageUrl`), without query or fragment. */
export function linkPaths(scope: ParentNode, pageUrl = '/'): string[] {
  return [...scope.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, `http://site.invalid${pageUrl}`).pathname);
}
