// @ts-check
// The heap limit `archive build` runs with. V8 lets garbage pile up until the
// heap nears its limit (about 4 GB here by default), so the build of a
// large archive peaks far above what it holds at a time; with a limit sized to
// the archive it collects sooner (figures in docs/speed.md). The limit grows
// with the archive, so a large one never runs out. 23 KB an article keeps a
// clean build of 30,000 articles and its Pagefind process under 2 GB
// together (1.96 GB with a 1,480 MB limit, 2.05 GB with 28 KB an article's
// 1,608 MB), for about 7 % more time collecting garbage.

/**
 * Heap limit in MiB for building an archive of `articles` articles.
 * @param {number} articles
 * @returns {number}
 */
export function buildHeapMb(articles) {
  return Math.max(1024, 768 + Math.ceil(articles * 0.023));
}

/**
 * The initial size of the old generation `archive build` runs with, in MiB: half its heap limit,
 * at most 512. V8 starts with a small limit on the old generation and collects it whole (marking
 * every live object, on the build's thread and on helper threads) each time it passes that limit,
 * which then grows: an incremental build at 10,000 articles, holding about 400 MB by its end, went
 * through seven such collections. Begun at 512 MB it goes through none before its end; paired
 * builds of an added article, the same code without and with it (this machine, two cores): 7.83 /
 * 7.60 s, 7.94 / 7.66 s and 8.23 / 7.63 s (means of 4, 4 and 8). 256 and 384 MB gained less.
 * Past the initial size V8's own rule applies, so the peak of a clean build, which reaches its
 * limit anyway, stays bounded by that limit.
 * @param {number} limitMb
 * @returns {number}
 */
export function initialOldSpaceMb(limitMb) {
  return Math.min(512, Math.floor(limitMb / 2));
}

/**
 * Node's flags for building an archive of `articles` articles: its heap limit (buildHeapMb) and
 * its old generation's initial size (initialOldSpaceMb).
 * @param {number} articles
 * @returns {string[]}
 */
export function buildHeapFlags(articles) {
  const limit = buildHeapMb(articles);
  return [`--max-old-space-size=${limit}`, `--initial-old-space-size=${initialOldSpaceMb(limit)}`];
}

/**
 * Number of articles in `contentDir` (0 when it has none or cannot be read): the articles of the
 * build's own listing (src/store/content-folder.ts, compiled into dist/), so both agree on what an
 * article is.
 * @param {string} contentDir
 * @returns {Promise<number>}
 */
export async function countArticles(contentDir) {
  // A specifier TypeScript does not follow: the types are the source's (dist/ may not be built when the project is type-checked).
  /** @type {typeof import('../src/store/content-folder.ts')} */
  const { listContent } = await import(new URL('../dist/store/content-folder.js', import.meta.url).href);
  try {
    return listContent(contentDir).articles.length;
  } catch {
    return 0;
  }
}

/**
 * Whether the heap limit was set by whoever started Node (a flag or NODE_OPTIONS): theirs is kept.
 * @param {readonly string[]} [execArgv]
 * @param {string} [nodeOptions]
 * @returns {boolean}
 */
export function heapLimitGiven(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => flag.startsWith('--max-old-space-size'));
}
