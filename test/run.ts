/**
 * `npm test`: every test under test/ except the quality suite, with nothing
 * needed outside the repository. Compiles src/ into dist/ first (the tests
 * that run `bin/archive.js` run the compiled code), finds (or installs)
 * Chromium, because the browser tests must run, never skip; then runs vitest
 * and ends with one plain `N passed, N failed` line. Arguments are passed on
 * to vitest, so `npm test -- test/e2e/site/links.test.ts` runs one file. (Plain
 * `npx vitest` compiles nothing: run `npm run build:code` after changing src/.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, type ChromiumLookup } from './support/chromium.ts';
import { COMPILE_FAILED, compileCode } from './support/compile.ts';
import { failBeforeStart, runSuite } from './support/vitest-run.ts';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function ensureChromium(): ChromiumLookup {
  let found = findChromium();
  if (found.ok || process.env.CHROME_PATH) return found;
  console.log('No Chromium found; installing one for the browser tests.');
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) found = findChromium();
  }
  if (!found.ok) {
    if (run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'playwright-core', 'install', 'chromium']))
      found = findChromium();
  }
  return found;
}

const compiled = compileCode();
const chromium = ensureChromium();
if (chromium.ok) console.log(`Chromium: ${chromium.path}`);
process.exitCode = !compiled
  ? await failBeforeStart('unit', COMPILE_FAILED)
  : chromium.ok
    ? await runSuite({ suite: 'unit', args: process.argv.slice(2), env: { CHROME_PATH: chromium.path } })
    : await failBeforeStart('unit', `\n${chromium.reason}\nThen run npm test again.`);
