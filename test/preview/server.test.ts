import fc from 'fast-check';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequest, startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { rawRequest } from '../support/raw-request.ts';

const SECRET = 'the secret beside the site';

let root: string;
let site: string;
let server: PreviewServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archive-preview-'));
  site = path.join(root, '_site');
  await mkdir(path.join(site, 'tags', 'nato'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>home</title><body><p>home</p></body>');
  await writeFile(path.join(site, 'tags', 'nato', 'index.html'), '<!doctype html><title>nato</title>');
  await writeFile(path.join(site, '404.html'), '<!doctype html><title>missing</title>');
  await writeFile(path.join(site, 'feed.xml'), '<feed/>');
  // Beside the site, and reachable through links inside it: none of it may be served.
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await writeFile(path.join(site, '.hidden'), SECRET);
  await symlink(path.join(root, 'secret.txt'), path.join(site, 'linked.txt'));
  await symlink(root, path.join(site, 'linked-folder'));
  server = await startPreview({
    root: site,
    port: 0,
    render: async (page) => (page === '/articles/2019/05/new/' ? '<!doctype html><title>new</title><body>rendered</body>' : undefined),
    log: () => undefined,
  });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** A request to the server with its target sent byte for byte. */
const request = (target: string, method?: string) => rawRequest(server.url, target, method);

describe('resolveRequest', () => {
  it('names the path under the served folder, and whether it is a folder', () => {
    expect(resolveRequest('/tags/nato/?q=1#x')).toEqual({ status: 200, segments: ['tags', 'nato'], folder: true, page: '/tags/nato/' });
    expect(resolveRequest('/caf%C3%A9.html')).toEqual({ status: 200, segments: ['café.html'], folder: false, page: '/caf%C3%A9.html' });
  });

  it('answers a malformed path 400 and a path that would leave the folder 404', () => {
    for (const target of [
      '/%',
      '/%zz',
      '/%E0%A4%A',
      '/a%00b',
      '/a%0d%0a',
      '/a\\b',
      '/a%5cb',
      'relative',
      'http://elsewhere/',
      `/${'a'.repeat(5000)}`,
    ]) {
      expect(resolveRequest(target), target).toEqual({ status: 400 });
    }
    for (const target of [
      '/..%2f..%2fetc%2fpasswd',
      '/../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/a/../../b',
      '/./a',
      '//etc/passwd',
      '/.git/config',
      '/a%2fb',
    ]) {
      expect(resolveRequest(target), target).toEqual({ status: 404 });
    }
  });

  it('serves a site under its path prefix only', () => {
    expect(resolveRequest('/', '/archive/')).toEqual({ status: 302, location: '/archive/' });
    expect(resolveRequest('/tags/', '/archive/')).toEqual({ status: 404 });
    expect(resolveRequest('/archive/tags/', '/archive/')).toEqual({ status: 200, segments: ['tags'], folder: true, page: '/tags/' });
  });
});

describe('the preview server', () => {
  it('listens on 127.0.0.1 unless told otherwise', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves a folder from its index.html, redirects a folder without its slash, and answers a missing page with the 404 page', async () => {
    const folder = await fetch(new URL('tags/nato/', server.url));
    expect(folder.status).toBe(200);
    expect(folder.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await folder.text()).toContain('<title>nato</title>');
    const bare = await fetch(new URL('tags/nato', server.url), { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/tags/nato/']);
    const missing = await fetch(new URL('tags/none/', server.url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>missing</title>');
    expect((await fetch(new URL('feed.xml', server.url))).headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it("renders a page the folder does not hold yet through the preview's renderer", async () => {
    const page = await fetch(new URL('articles/2019/05/new/', server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('rendered');
  });

  it('answers GET /% with 400 and GET /..%2f..%2fetc%2fpasswd with 404, and keeps serving', async () => {
    expect((await request('/%')).status).toBe(400);
    const traversal = await request('/..%2f..%2fetc%2fpasswd');
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('root:');
    expect((await request('/')).status).toBe(200);
  });

  it('follows no symbolic link and serves no hidden file', async () => {
    for (const target of ['/linked.txt', '/linked-folder/secret.txt', '/linked-folder/', '/.hidden']) {
      const answer = await request(target);
      expect(answer.status, target).toBe(404);
      expect(answer.body, target).not.toContain(SECRET);
    }
  });

  it('survives 500 requests made of any bytes, answering each with a status it means, and never shows what lies outside the site', {
    timeout: 120_000,
  }, async () => {
    const pieces = fc.oneof(
      fc.constantFrom(
        '/',
        '..',
        '.',
        '%',
        '%2e',
        '%2E%2E',
        '%2f',
        '%5c',
        '%00',
        '%c0%af',
        '%ff',
        '\\',
        'tags',
        'nato',
        'linked.txt',
        'linked-folder',
        'secret.txt',
        '?',
        '#',
        '~',
        'index.html',
        '%%',
        '%0a',
        '%20',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }).map((text) => Buffer.from(text, 'utf8').toString('latin1')),
    );
    const target = fc.array(pieces, { maxLength: 12 }).map((parts) => `/${parts.join('')}`.replace(/[\r\n ]/g, '%20'));
    await fc.assert(
      fc.asyncProperty(target, async (path) => {
        const answer = await request(path);
        expect([200, 301, 302, 400, 404], path).toContain(answer.status);
        expect(answer.body, path).not.toContain(SECRET);
      }),
      { numRuns: 500, seed: 16 },
    );
    expect((await request('/tags/nato/')).status).toBe(200);
  });
});

describe('the preview server with live reload', () => {
  it('puts its reload script into each page it serves and tells open pages to reload', async () => {
    const live = await startPreview({ root: site, port: 0, liveReload: true });
    try {
      const html = await (await fetch(live.url)).text();
      expect(html).toContain('<script src="/__archive-preview/reload.js"></script></body>');
      expect((await fetch(new URL('__archive-preview/reload.js', live.url))).status).toBe(200);
      const events = await fetch(new URL('__archive-preview/events', live.url));
      const reader = events.body!.getReader();
      await reader.read();
      live.reload();
      const { value } = await reader.read();
      expect(Buffer.from(value!).toString()).toBe('data: reload\n\n');
      await reader.cancel();
    } finally {
      await live.close();
    }
  });
});
