/**
 * Child process of `buildSite`: builds one site and prints `{ pages, articles }`
 * as the last line of its output.
 */
import type { BuildRequest } from './build.ts';

const count = (value: unknown): number => (Array.isArray(value) ? value.length : Number(value));

const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
const { build } = await import('../../src/eleventy/run.ts');
const result = await build({ ...request, quiet: true });
process.stdout.write(`\n${JSON.stringify({ pages: count(result.pages), articles: count(result.articles) })}\n`);
