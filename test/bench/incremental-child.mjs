// @ts-check
// One build of the incremental bench (incremental.ts), in a process of its own: the compiled code
// in dist/, as `archive build` runs it (bin/archive.js), with no TypeScript loader. Under tsx every
// module the build and its worker threads load went through the loader's hooks: about half a
// second more for an incremental build at 10,000 articles (8.75 s against 9.31 s, and alike in two
// more pairs), which `archive build` never spends.
// Prints the build's figures as one line of JSON.
const [contentDir, outDir, mode] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error('usage: incremental-child.mjs CONTENT OUT [cache|no-cache]');
/** @type {typeof import('../../src/eleventy/run.ts')} */
const { build } = await import(new URL('../../dist/eleventy/run.js', import.meta.url).href);
const start = performance.now();
const report = await build({ contentDir, outDir, quiet: true, ...(mode === 'no-cache' ? { cache: false } : {}) });
console.log(
  JSON.stringify({
    seconds: (performance.now() - start) / 1000,
    written: report.written,
    reused: report.reused,
    pages: report.pages,
    ...(report.fullBuild ? { fullBuild: report.fullBuild } : {}),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
