/**
 * Imported by run.ts before Eleventy, for its side effect alone. On Node
 * older than 22.15, Eleventy registers an ESM loader hook when it is loaded
 * (module.register: its EsmResolver, which re-imports JavaScript files its
 * own watcher saw change). The archive runs Eleventy's API, once per build,
 * and never that watcher (`archive serve` watches the content itself and
 * builds anew), so the hook would only cost: a loader thread started in
 * every build, and every later import resolved through it in a round trip
 * to that thread (about 0.1 s of the build's thread in an incremental build
 * at 10,000 articles). Eleventy's own switch turns it off, unless whoever
 * started the process set it.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ||= '1';
