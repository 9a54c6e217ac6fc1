import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, serveStatic, type StaticServer } from './static-server.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archive-serve-'));
  await mkdir(path.join(root, 'tags', 'nato'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(path.join(root, 'tags', 'nato', 'index.html'), '<!doctype html><title>nato</title>');
  await writeFile(path.join(root, '404.html'), '<!doctype html><title>missing</title>');
  server = await serveStatic(root);
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves a folder URL from its index.html', async () => {
    const response = await fetch(new URL('tags/nato/', server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>nato</title>');
  });

  it('redirects a folder URL without its slash', async () => {
    const response = await fetch(new URL('tags/nato', server.url), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/tags/nato/');
  });

  it("answers a missing page with 404 and the site's 404 page", async () => {
    const response = await fetch(new URL('tags/none/', server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<title>missing</title>');
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

describe('fileFor', () => {
  it('never leaves the served folder', () => {
    expect(fileFor('/srv/site', '/../etc/passwd')).toBe(path.resolve('/srv/site/etc/passwd'));
    expect(fileFor('/srv/site', '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.resolve('/srv/site/etc/passwd'));
    expect(fileFor('/srv/site', '/a%00b')).toBeUndefined();
    expect(fileFor('/srv/site', '/%E0%A4%A')).toBeUndefined();
  });
});
