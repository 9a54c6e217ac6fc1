#!/usr/bin/env node
// The `archive` command. TypeScript sources run through tsx, so no build step
// stands between a fresh `npm ci` and `npx archive ...`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildHeapMb, countArticles, heapLimitGiven } from './heap.js';

// `archive build` runs with a heap limit sized to the archive (bin/heap.js), unless one was given.
const args = process.argv.slice(2);
if (args[0] === 'build' && !heapLimitGiven()) {
  const at = args.indexOf('--content');
  const given = args.find((arg) => arg.startsWith('--content='))?.slice('--content='.length) ?? (at >= 0 ? args[at + 1] : undefined);
  const articles = countArticles(given ?? 'content');
  const child = spawnSync(process.execPath, [`--max-old-space-size=${buildHeapMb(articles)}`, ...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
