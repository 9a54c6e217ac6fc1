/**
 * Child process of `buildSite`: builds one site and prints `{ pages, articles }`
 * as the last line of its output.
 */
import type { BuildRequest } from './build.ts';

const count = (value: unknown): number => (Array.isArray(value) ? value.length : Number(value));

const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
const { build } = await import('../../src/eleventy/run.ts');
const { reportWait, ...options } = request;
// A build that waits for another's lock says so at once, with the holder's pid (test/publish/build-lock.test.ts).
const onWait = reportWait ? (pid: number) => process.stdout.write(`waiting for ${pid}\n`) : undefined;
const result = await build({ ...options, quiet: true, ...(onWait ? { onWait } : {}) });
process.stdout.write(`\n${JSON.stringify({ pages: count(result.pages), articles: count(result.articles) })}\n`);
