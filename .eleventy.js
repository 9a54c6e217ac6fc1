// Eleventy's configuration: add the archive plugin, name the folders. Everything
// else lives in src/eleventy/plugin.ts.
import path from 'node:path';
import archivePlugin, { INPUT_DIR, LAYOUTS_DIR } from './src/eleventy/plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(archivePlugin);
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
