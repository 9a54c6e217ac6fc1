// Eleventy's configuration: add the archive plugin, name the folders. Everything
// else lives in src/eleventy/plugin.ts. `archive build` (src/eleventy/run.ts)
// passes the content and output folders and the path prefix explicitly.
import path from 'node:path';
import archivePlugin, { LAYOUTS_DIR } from './src/eleventy/plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(archivePlugin);
  // Templates live beside the code, not in the content folder, so a content
  // folder anywhere (a fixture in a temporary folder) still finds them.
  const input = path.resolve(eleventyConfig.directories?.input ?? 'content');
  const layouts = path.relative(input, LAYOUTS_DIR);
  return {
    dir: { input: 'content', includes: layouts, layouts, data: '_data', output: '_site' },
    pathPrefix: process.env.ARCHIVE_PATH_PREFIX ?? '/',
  };
}
