#!/usr/bin/env node
// The `archive` command. TypeScript sources run through tsx, so no build step
// stands between a fresh `npm ci` and `npx archive ...`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildHeapMb, countArticles, heapLimitGiven } from './heap.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// `archive build` runs with a heap limit sized to the archive (bin/heap.js), unless one was given:
// this process starts itself again with that limit and waits for it.
const args = process.argv.slice(2);
if (args[0] === 'build' && !heapLimitGiven()) {
  const at = args.indexOf('--content');
  const given = args.find((arg) => arg.startsWith('--content='))?.slice('--content='.length) ?? (at >= 0 ? args[at + 1] : undefined);
  const articles = countArticles(given ?? 'content');
  // The IPC channel tells the child when this process is gone, however it died (even of SIGKILL).
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${buildHeapMb(articles)}`, ...process.execArgv, fileURLToPath(import.meta.url), ...args],
    {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    },
  );
  // A signal to this process reaches the build, which deletes its unfinished site and dies of it.
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
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv);
}
