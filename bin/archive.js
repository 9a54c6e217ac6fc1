#!/usr/bin/env node
// @ts-check
// The `archive` command. It runs the compiled code in dist/ (tsconfig.build.json), which `npm ci`
// builds through `prepare`: nothing is compiled at run time. Each command loads only its own modules
// (src/cli/main.ts), so `archive --help` starts about as fast as Node itself.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const ROOT = new URL('../', import.meta.url);

/**
 * Why dist/ cannot be run as it is, or undefined: missing, or older than a source in src/ (a
 * checkout or an edit since `npm ci`). It compares dates only: the stamp that bin/build-code.js
 * writes last against the sources' (about a millisecond for src/).
 * @returns {string | undefined}
 */
function compiledCodeProblem() {
  const built = statSync(new URL('dist/.built', ROOT), { throwIfNoEntry: false });
  if (!built) return 'the compiled code in dist/ is missing';
  const src = fileURLToPath(new URL('src/', ROOT));
  let names;
  try {
    names = readdirSync(src, { recursive: true, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const newer = names.find(
    (name) => /\.(ts|mjs)$/.test(name) && (statSync(path.join(src, name), { throwIfNoEntry: false })?.mtimeMs ?? 0) > built.mtimeMs,
  );
  return newer && `src/${newer.replaceAll('\\', '/')} changed after dist/ was compiled`;
}

const problem = compiledCodeProblem();
if (problem) {
  console.error(`archive: ${problem}: run \`npm run build:code\` (npm ci runs it too)`);
  process.exit(1);
}

// `archive build` runs with a heap limit sized to the archive (bin/heap.js), unless one was given:
// this process starts itself again with that limit and waits for it.
const args = process.argv.slice(2);
const heap = args[0] === 'build' ? await import('./heap.js') : undefined;
if (heap && !heap.heapLimitGiven()) {
  const at = args.indexOf('--content');
  const given = args.find((arg) => arg.startsWith('--content='))?.slice('--content='.length) ?? (at >= 0 ? args[at + 1] : undefined);
  const articles = await heap.countArticles(given ?? 'content');
  // The IPC channel tells the child when this process is gone, however it died (even of SIGKILL).
  const child = spawn(process.execPath, [...heap.buildHeapFlags(articles), ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  // A signal to this process reaches the build, which deletes its unfinished site and dies of it.
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => child.kill(signal);
  for (const signal of SIGNALS) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const name of SIGNALS) process.off(name, forward);
    // Die as the child died, so whoever started `archive build` sees the same end.
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  if (process.send) {
    // Started by the lines above: stop when the process that started this one is gone.
    process.channel?.unref();
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  // A specifier TypeScript does not follow: the types are the source's (dist/ may not be built when the project is type-checked).
  /** @type {typeof import('../src/cli/main.ts')} */
  const { main } = await import(new URL('dist/cli/main.js', ROOT).href);
  process.exitCode = await main(process.argv);
}
