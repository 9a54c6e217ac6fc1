/**
 * A built site served for the browser tests on 127.0.0.1 and a free port, by
 * the preview's own server (src/preview/server.ts) without live reload: the
 * way GitHub Pages serves it, where the tests can tell.
 */
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';

/** A running server: its base URL (ending in `/`) and how to stop it. */
export type StaticServer = Pick<PreviewServer, 'url' | 'close'>;

/** Serves `root` until `close()` is called. */
export function serveStatic(root: string): Promise<StaticServer> {
  return startPreview({ root, port: 0 });
}
