// @ts-check
// A walked entry's paths, made as strings from its folder's: path.join and path.relative on every
// file were most of a walk of a built site (0.37 s of 55,000 files). Plain JavaScript, so the
// check's worker thread (check-worker.mjs) runs it as it is from the sources and from dist/.
import path from 'node:path';

/**
 * For entries that `fs.readdirSync(root, { recursive: true, withFileTypes: true })` gives (or a
 * readdir of a folder below `root`): each one's full path and its path relative to `root` with
 * forward slashes. `root` must be absolute and normalized, as path.resolve gives it.
 * @param {string} root
 * @returns {(entry: { parentPath: string, name: string }) => { full: string, rel: string }}
 */
export function entryPaths(root) {
  const skip = root.endsWith(path.sep) ? root.length : root.length + 1;
  return ({ parentPath: folder, name }) => {
    const under = folder.length > root.length ? `${folder.slice(skip)}${path.sep}${name}` : name;
    return { full: `${folder}${path.sep}${name}`, rel: path.sep === '/' ? under : under.split(path.sep).join('/') };
  };
}
