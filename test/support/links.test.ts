import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from './links.ts';

let root: string;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title><link rel="canonical" href="https://example.org/archive/"></head><body>${body}</body></html>`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archive-links-'));
  await mkdir(path.join(root, 'tags', 'nato'), { recursive: true });
  await writeFile(path.join(root, 'style.css'), '');
  await writeFile(
    path.join(root, 'index.html'),
    page(
      '<main id="main"><a href="#main">skip</a><a href="tags/nato/">nato</a><a href="/archive/tags/nato/#list">list</a>' +
        '<a href="/archive/tags/cisa/">cisa</a><a href="/tags/nato/">no prefix</a><a href="#nowhere">bad fragment</a>' +
        '<a href="https://example.org/archive/style.css">own absolute</a><a href="https://example.com/x">external</a>' +
        '<a href="mailto:a@example.org">mail</a><img src="missing.png" alt=""></main>',
    ),
  );
  await writeFile(path.join(root, 'tags', 'nato', 'index.html'), page('<ul id="list"><li><a href="../../">home</a></li></ul>'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('checkLinks', () => {
  it('reports each broken internal link with its page and reason, and nothing else', async () => {
    const { pages, broken } = await checkLinks(root, { prefix: '/archive/', siteUrl: 'https://example.org/archive/' });
    expect(pages).toBe(2);
    expect(broken).toEqual([
      { page: '/archive/', link: '/archive/tags/cisa/', reason: 'no tags/cisa/index.html in the built site' },
      { page: '/archive/', link: '/tags/nato/', reason: 'points outside the path prefix /archive/' },
      { page: '/archive/', link: '#nowhere', reason: 'no element with id "nowhere" on /archive/' },
      { page: '/archive/', link: 'missing.png', reason: 'no missing.png in the built site' },
    ]);
  });
});
