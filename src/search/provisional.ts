/**
 * Provisional pages for the search index of an incremental build
 * (docs/incremental.md, "Search"): an article edited in its body alone is
 * given to Pagefind as its previous page with the new body's HTML in place
 * of the old, before the build renders its page, so the shard that holds
 * it is indexed, and its bundle written, once the archive is computed,
 * while the pages are fingerprinted and rendered. Never trusted: the build compares the search view (view.mjs)
 * of every page so indexed with the view of the page it renders, and any
 * difference indexes the shard anew (src/search/pagefind-child.mjs). Pure.
 */
import type { HeldShard } from './plan.ts';

/** Where the body's HTML starts in an article page: the element layouts/pages/article.njk puts it in. */
const BODY_START = '<div class="article-body">\n';
/** Where it ends: the element's end and the section the template puts after it. */
const BODY_END = '\n</div>\n<section class="filed-under"';

/**
 * The article page `previous` with `bodyHtml` as its body's HTML, or
 * undefined when the page does not have the shape layouts/pages/article.njk
 * gives. The body's start is the first such element (nothing before it is
 * a body's HTML) and its end the last such end (a body's HTML is Markdown
 * rendered without raw HTML, so it never holds the template's own markup).
 */
export function withBody(previous: string, bodyHtml: string): string | undefined {
  const start = previous.indexOf(BODY_START);
  const end = previous.lastIndexOf(BODY_END);
  if (start < 0 || end < start + BODY_START.length) return undefined;
  return `${previous.slice(0, start + BODY_START.length)}${bodyHtml}${previous.slice(end)}`;
}

/** What the build knows early of one page of a held shard. */
export interface EarlyPage {
  /** Whether the page's article is new or changed since the last build. */
  changed: boolean;
  /** For a changed article: its page as the last build wrote it with this build's body, if it could be made (`withBody`). */
  provisional?: () => string | undefined;
}

/** A held shard with provisional pages: held before `at`, its pages at the positions of `pages` taken from there instead of read. */
export interface ProvisionalShard {
  at: number;
  pages: Record<number, string>;
}

/**
 * How far `held` (src/search/plan.ts, shardToHold) can be indexed ahead:
 * from its hold on, each changed page given a provisional text by `page`,
 * until the first one without (where the shard is then held), or to its
 * end. Undefined when the first changed page has none.
 */
export function provisionalShard(held: HeldShard, page: (url: string) => EarlyPage): ProvisionalShard | undefined {
  const pages: Record<number, string> = {};
  let at = held.at;
  for (; at < held.urls.length; at++) {
    const early = page(held.urls[at]!);
    if (!early.changed) continue;
    const text = early.provisional?.();
    if (text === undefined) break;
    pages[at] = text;
  }
  return at === held.at ? undefined : { at, pages };
}
