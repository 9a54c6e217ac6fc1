#!/usr/bin/env node
// @ts-check
// `npm run build:code`, which `npm ci` runs as `prepare`: compiles src/ into dist/ with
// tsconfig.build.json, from an empty dist/ so that no file of a removed source is left behind,
// then stamps dist/.built, which bin/archive.js compares with src/ to tell when dist/ is out of date.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status === 0) writeFileSync(path.join(dist, '.built'), '');
else {
  console.error('build:code: tsc reported errors (above), so dist/ is not stamped: `archive` runs again once src/ compiles');
  process.exitCode = result.status ?? 1;
}
