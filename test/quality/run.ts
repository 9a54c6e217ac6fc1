/**
 * `npm run quality`: the importer's quality suite on the dev sets in
 * ../shared/eval, ending with one plain `N passed, N failed` line.
 * Arguments are passed on to vitest. Compiles src/ into dist/ first, as
 * `npm test` does, so whatever runs `bin/archive.js` runs the sources' code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/build.ts';
import { COMPILE_FAILED, compileCode } from '../support/compile.ts';
import { failBeforeStart, runSuite } from '../support/vitest-run.ts';

const evalDir = path.resolve(repoRoot, '../shared/eval');
process.exitCode = !existsSync(evalDir)
  ? await failBeforeStart(
      'quality',
      `The quality suite needs the dev sets in ../shared/eval (looked in ${evalDir}), beside the repository. ` +
        'Put the shared folder next to the clone and run npm run quality again.',
    )
  : !compileCode()
    ? await failBeforeStart('quality', COMPILE_FAILED)
    : await runSuite({ suite: 'quality', args: process.argv.slice(2) });
