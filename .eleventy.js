// Eleventy's configuration: add the archive plugin, name the folders. Everything
// else lives in src/eleventy/plugin.ts.
import path from 'node:path';
import archivePlugin, { LAYOUTS_DIR } from './src/eleventy/plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(archivePlugin);
  // `archive build --content DIR --out DIR` (src/eleventy/run.ts) passes its
  // folders to Eleventy, and a returned `dir` would override them, so the
  // defaults apply only where no caller named a folder: content in, _site out.
  const given = eleventyConfig.directories;
  const input = given.input === './' ? 'content' : given.input;
  // Templates live beside the code, not in the content folder, so a content
  // folder anywhere (a fixture in a temporary folder) still finds them.
  const layouts = path.relative(path.resolve(input), LAYOUTS_DIR);
  return {
    // Eleventy would run `_data/*.js` of the content folder; the plugin reads the
    // registries and settings (YAML) itself, so Eleventy's data folder is one that is never there.
    dir: { input, output: given.output, includes: layouts, layouts, data: '.no-eleventy-data' },
    // Only the plugin's Nunjucks pages are templates: article Markdown is data, read
    // by the plugin, so no `{{ }}` or `{% %}` in scraped text is ever run.
    templateFormats: ['njk'],
    pathPrefix: process.env.ARCHIVE_PATH_PREFIX ?? '/',
  };
}
