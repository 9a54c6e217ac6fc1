import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';

/** What a Node process that loads `module` (after tsx) prints, each loader hook registered (module.register or registerHooks) on a line of its own. */
function registrations(module: string): string {
  const watch = `import m from 'node:module'; for (const name of ['register', 'registerHooks']) { const own = m[name]; if (own) m[name] = (...args) => { console.log('registered', name); return own(...args); }; }`;
  const env = { ...process.env };
  delete env.ELEVENTY_SKIP_ESM_RESOLVER;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      `data:text/javascript,${encodeURIComponent(watch)}`,
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(path.join(repoRoot, module)).href)}); console.log('loaded');`,
    ],
    { cwd: repoRoot, encoding: 'utf8', env },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe("the build's Eleventy", () => {
  it('is loaded without its ESM loader hook (a loader thread for a watcher the archive never runs)', () => {
    // Eleventy loaded alone registers it; loaded by the build, it does not.
    expect(registrations('node_modules/@11ty/eleventy/src/Eleventy.js')).toMatch(/^registered (register|registerHooks)\nloaded\n$/);
    expect(registrations('src/eleventy/run.ts')).toBe('loaded\n');
  });
});
