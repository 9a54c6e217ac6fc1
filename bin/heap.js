// The heap limit `archive build` runs with. V8 lets garbage pile up until the
// heap nears its limit (about 4 GB here by default), so a build of 30,000
// articles peaked at 2.1 GB although it held about 1 GB at a time; with a limit
// sized to the archive it collects sooner and peaked at 1.3 GB (README, "Speed
// and memory"). The limit grows with the archive, so a large one never runs out.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Heap limit in MiB for building an archive of `articles` articles. */
export function buildHeapMb(articles) {
  return Math.max(1024, 768 + Math.ceil(articles * 0.028));
}

/** Number of article files in `contentDir` (0 when it has none or is missing). */
export function countArticles(contentDir) {
  try {
    return readdirSync(path.join(contentDir, 'articles'), { recursive: true }).filter((name) => String(name).endsWith('.md')).length;
  } catch {
    return 0;
  }
}

/** Whether the heap limit was set by whoever started Node (a flag or NODE_OPTIONS): theirs is kept. */
export function heapLimitGiven(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => flag.startsWith('--max-old-space-size'));
}
