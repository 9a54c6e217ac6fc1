#!/usr/bin/env node
// The `archive` command. TypeScript sources run through tsx, so no build step
// stands between a fresh `npm ci` and `npx archive ...`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
