import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/importer/index.ts';
import { createOutletRegistry, EMPTY_OUTLETS, type OutletRegistry } from '../../src/content/outlets.ts';
import { repoRoot } from '../support/build.ts';
import { parseOutlets } from '../../src/content/outlets.ts';

const registry = createOutletRegistry([{ name: 'Sputnik International', aliases: ['Sputnik'], domains: ['sputniknews.com'] }]);

/** A saved HTML page of `siteName` at `url`, with enough text to be an article. */
function page(url: string, siteName: string): Uint8Array {
  const paragraphs = Array.from(
    { length: 4 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: officials met in Brussels on Thursday to discuss how the alliance should answer cyberattacks on its members and partners.</p>`,
  ).join('\n');
  return new TextEncoder().encode(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Alliance Weighs Cyber Response</title>
<link rel="canonical" href="${url}">
<meta property="og:site_name" content="${siteName}">
<meta property="article:published_time" content="2019-05-23T10:00:00Z">
</head><body><article><h1>Alliance Weighs Cyber Response</h1>
${paragraphs}
</article></body></html>`);
}

function sourceOf(bytes: Uint8Array, outlets: OutletRegistry = registry) {
  const result = importPage(bytes, { fileName: 'page.html', outlets });
  if (result.status !== 'article') throw new Error(result.reason);
  return result.data.source;
}

describe('importPage and the outlets registry', () => {
  it('records a page of a registered domain, a subdomain too, under the registry’s name', () => {
    expect(sourceOf(page('https://sputniknews.com/europe/201905231075.html', 'Sputnik News'))).toMatchObject({
      name: 'Sputnik International',
      url: 'https://sputniknews.com/europe/201905231075.html',
    });
    expect(sourceOf(page('https://de.sputniknews.com/politik/1.html', 'SNA'))?.name).toBe('Sputnik International');
  });

  it('records a page of another domain that names a registered outlet by an alias under its name', () => {
    expect(sourceOf(page('https://mirror.example/x.html', 'sputnik'))?.name).toBe('Sputnik International');
  });

  it('keeps the name an unknown outlet gives itself, and the page’s own name without a registry', () => {
    expect(sourceOf(page('https://therecord.media/x', 'The Record'))?.name).toBe('The Record');
    expect(sourceOf(page('https://sputniknews.com/x', 'Sputnik News'), EMPTY_OUTLETS)?.name).toBe('Sputnik News');
  });

  it('imports the seed page as Sputnik International with the shipped registry', () => {
    const file = 'content/_data/outlets.yaml';
    const shipped = parseOutlets(readFileSync(path.join(repoRoot, file), 'utf8'), file);
    if (!shipped.ok) throw new Error('the shipped outlets registry does not parse');
    const seed = readFileSync(path.join(repoRoot, 'test/fixtures/seed/000_151c953cb90d2c3b.txt'));
    expect(sourceOf(seed, shipped.registry)?.name).toBe('Sputnik International');
  });
});
