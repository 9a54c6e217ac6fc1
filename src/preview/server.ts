/**
 * The preview's web server (`archive serve`, and the browser tests): serves a
 * built site from its output folder the way a static host does (`/dir/`
 * serves `dir/index.html`, `/dir` redirects to `/dir/`, a missing page gets
 * 404 with the site's `404.html`). Touches the network and the file system.
 *
 * - It listens on 127.0.0.1 unless told another address.
 * - Every request path is judged before any file is touched
 *   (`resolveRequest`): a malformed one gets 400, one that would leave the
 *   folder (`..`, encoded or not, an encoded `/`, a hidden `.name`) gets 404.
 * - It follows no symbolic link: a path through one is answered 404, as
 *   the build and `import` skip links (docs/security.md).
 * - An error while answering one request answers it 500; the server goes on.
 */
import { createReadStream } from 'node:fs';
import { lstat, readFile, stat as statOf } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The content type for a file name; unknown kinds are plain bytes. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Longer request targets are refused unread. */
const MAX_TARGET = 4096;

/** What a request target asks for. */
export type Resolution =
  | { status: 400 | 404 }
  | { status: 302; location: string }
  /** `segments` under the served folder; `folder` when the path ends in `/`; `page` is the path without the path prefix. */
  | { status: 200; segments: string[]; folder: boolean; page: string };

/**
 * Judges a raw request target (`/tags/nato/?q=1`) for a site served under
 * `pathPrefix`: which path under the folder it names, or why it names none.
 * Pure: no file is touched.
 */
export function resolveRequest(target: string, pathPrefix = '/'): Resolution {
  if (target.length > MAX_TARGET || !target.startsWith('/')) return { status: 400 };
  const raw = target.replace(/[?#].*$/s, '');
  // Only visible ASCII travels in a request path; a backslash is a Windows separator, never a URL's.
  if (/[^\x21-\x7e]|\\/.test(raw)) return { status: 400 };
  let pagePath = raw;
  if (pathPrefix !== '/') {
    if (raw === '/' || raw === pathPrefix.slice(0, -1)) return { status: 302, location: pathPrefix };
    if (!raw.startsWith(pathPrefix)) return { status: 404 };
    pagePath = raw.slice(pathPrefix.length - 1);
  }
  const parts = pagePath.slice(1).split('/');
  const folder = parts.at(-1) === '';
  if (folder) parts.pop();
  const segments: string[] = [];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { status: 400 };
    }
    if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return { status: 400 };
    // An empty segment (`//`), `.`, `..`, a hidden name or an encoded `/` names nothing the site has.
    if (!decoded || decoded.startsWith('.') || decoded.includes('/')) return { status: 404 };
    segments.push(decoded);
  }
  return { status: 200, segments, folder, page: pagePath };
}

/** How to start the server. */
export interface PreviewOptions {
  /** The built site. */
  root: string;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** Default 8080; 0 takes a free port. */
  port?: number;
  /** `/` or `/archive/`: where the site sits under the server's root. */
  pathPrefix?: string;
  /** Renders a page the folder does not hold yet (a new article before the rebuild writes it), or undefined. */
  render?: (page: string) => Promise<string | undefined>;
  /** Reloads open pages when `reload()` is called (a script injected into each HTML page). */
  liveReload?: boolean;
  /** Where problems while answering a request are told (default: stderr). */
  log?: (line: string) => void;
}

/** A running server. */
export interface PreviewServer {
  /** The site's address, ending in `/` (with the path prefix). */
  url: string;
  /** Tells open pages to reload (with `liveReload`). */
  reload(): void;
  close(): Promise<void>;
}

/** The preview's own paths, outside any site: its reload script and its event stream. */
const RELOAD_SCRIPT = '/__archive-preview/reload.js';
const RELOAD_EVENTS = '/__archive-preview/events';
const RELOAD_SOURCE = `new EventSource(${JSON.stringify(RELOAD_EVENTS)}).addEventListener('message', () => location.reload());\n`;

/** Starts serving `options.root`; resolves once it listens. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  const prefix = options.pathPrefix ?? '/';
  const log = options.log ?? ((line: string) => console.error(line));
  const listeners = new Set<ServerResponse>();

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = request.url ?? '/';
    if (options.liveReload && target === RELOAD_SCRIPT) {
      response.writeHead(200, { 'Content-Type': contentType(RELOAD_SCRIPT), 'Cache-Control': 'no-store' }).end(RELOAD_SOURCE);
      return;
    }
    if (options.liveReload && target === RELOAD_EVENTS) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      response.write(': connected\n\n');
      listeners.add(response);
      response.on('close', () => listeners.delete(response));
      return;
    }
    const resolved = resolveRequest(target, prefix);
    if (resolved.status === 400) return plain(response, 400, 'Bad request');
    if (resolved.status === 302) {
      response.writeHead(302, { Location: resolved.location }).end();
      return;
    }
    if (resolved.status === 200) {
      const found = await fileOf(root, resolved.segments);
      if (found?.kind === 'folder' && !resolved.folder) {
        response.writeHead(301, { Location: `${target.replace(/[?#].*$/s, '')}/` }).end();
        return;
      }
      const file = found?.kind === 'folder' ? await fileOf(root, [...resolved.segments, 'index.html']) : found;
      if (file?.kind === 'file' && (found?.kind === 'folder' || !resolved.folder)) return send(response, request.method, 200, file.path);
      const rendered = options.render && resolved.folder ? await options.render(resolved.page) : undefined;
      if (rendered !== undefined) return sendHtml(response, request.method, 200, rendered);
    }
    const notFound = await fileOf(root, ['404.html']);
    if (notFound?.kind === 'file') return send(response, request.method, 404, notFound.path);
    plain(response, 404, 'Not found');
  };

  const send = async (response: ServerResponse, method: string | undefined, status: number, file: string): Promise<void> => {
    if (options.liveReload && file.endsWith('.html')) return sendHtml(response, method, status, await readFile(file, 'utf8'));
    response.writeHead(status, { 'Content-Type': contentType(file), 'Cache-Control': 'no-store' });
    if (method === 'HEAD') {
      response.end();
      return;
    }
    await new Promise<void>((resolve) => {
      createReadStream(file)
        .on('error', () => {
          response.destroy();
          resolve();
        })
        .on('end', resolve)
        .pipe(response);
    });
  };

  const sendHtml = (response: ServerResponse, method: string | undefined, status: number, html: string): void => {
    const body = options.liveReload ? html.replace(/<\/body>/i, `<script src="${RELOAD_SCRIPT}"></script></body>`) : html;
    response.writeHead(status, { 'Content-Type': contentType('.html'), 'Cache-Control': 'no-store' });
    response.end(method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      log(`archive: preview: ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else plain(response, 500, 'Internal error');
    });
  });
  // A request Node's parser cannot read at all gets 400 and its connection closed; the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}${prefix}`,
    reload() {
      for (const listener of listeners) listener.write('data: reload\n\n');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const listener of listeners) listener.end();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The file or folder at `segments` under `root`, or undefined when it is
 * missing or any step below `root` is a symbolic link (the served folder
 * itself is the one the command was given, and may be one).
 */
async function fileOf(root: string, segments: string[]): Promise<{ kind: 'file' | 'folder'; path: string } | undefined> {
  let current = root;
  let stat = await statOf(current).catch(() => undefined);
  for (const segment of segments) {
    if (!stat?.isDirectory()) return undefined;
    current = path.join(current, segment);
    stat = await lstat(current).catch(() => undefined);
  }
  if (stat?.isFile()) return { kind: 'file', path: current };
  if (stat?.isDirectory()) return { kind: 'folder', path: current };
  return undefined;
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
