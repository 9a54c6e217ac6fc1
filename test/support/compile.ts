/**
 * Compiles src/ into dist/ (`npm run build:code`, bin/build-code.js) before a
 * suite or benchmark runs. Tests import the TypeScript sources directly, but
 * those that run `bin/archive.js` run the compiled code, which must be the
 * sources' own: bin/archive.js refuses a dist/ older than src/. Takes a few
 * seconds (tsc, no type check of the tests).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build.ts';

/** Whether src/ compiled; tsc's errors went to the terminal. */
export function compileCode(): boolean {
  console.log('$ npm run build:code');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build-code.js')], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status === 0;
}

/** What a runner says when src/ did not compile. */
export const COMPILE_FAILED =
  '\nsrc/ does not compile (tsc, above): the tests that run bin/archive.js need dist/. Fix it, then run the suite again.';
