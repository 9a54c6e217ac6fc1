// @ts-check
// Eleventy's configuration: add the archive plugin, name the folders. Everything
// else lives in src/eleventy/plugin.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The folders, as src/eleventy/plugin.ts names them (INPUT_DIR, LAYOUTS_DIR; test/eleventy/config.test.ts
// holds them equal): named here again so that this file loads no module of the archive's. `archive build`
// and `archive serve` (src/eleventy/run.ts) have added the plugin before this file runs, compiled from
// dist/ or, in tests, from the TypeScript sources; a plain Eleventy run of this file adds the compiled one.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const INPUT_DIR = path.join(ROOT, 'src', 'eleventy', 'input');
const LAYOUTS_DIR = path.join(ROOT, 'layouts');

/**
 * @param {{ directories: { output: string }, hasPlugin(name: string): boolean, addPlugin(plugin: unknown): void }} eleventyConfig
 */
export default async function (eleventyConfig) {
  // The plugin is unique by its function's name: the first one added, with its options, is the one that runs.
  if (!eleventyConfig.hasPlugin('archivePlugin')) {
    // A specifier TypeScript does not follow into dist/, which need not be built when the project is type-checked.
    const { default: archivePlugin } = await import(new URL('dist/eleventy/plugin.js', import.meta.url).href);
    eleventyConfig.addPlugin(archivePlugin);
  }
  // Eleventy reads templates and data from its input folder, so that is a folder of the project's
  // own holding none (src/eleventy/input/README.md), never the content folder: nothing a content
  // pull request adds is a template or data file. The plugin reads articles and registries itself
  // from the folder `archive build --content DIR` names (src/eleventy/run.ts).
  const layouts = path.relative(INPUT_DIR, LAYOUTS_DIR);
  return {
    dir: { input: INPUT_DIR, output: eleventyConfig.directories.output, includes: layouts, layouts, data: '_data' },
    // Only the plugin's Nunjucks pages are templates: article Markdown is data, read
    // by the plugin, so no `{{ }}` or `{% %}` in scraped text is ever run.
    templateFormats: ['njk'],
    pathPrefix: process.env.ARCHIVE_PATH_PREFIX ?? '/',
  };
}
