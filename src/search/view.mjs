// @ts-check
/**
 * What Pagefind reads of a built page, so an incremental build re-indexes a
 * search shard only when that changed (docs/incremental.md). Pure.
 *
 * Pagefind reads a page's language (the `<html>` start tag), the element
 * marked `data-pagefind-body` with all it holds, every element with a
 * `data-pagefind-*` attribute wherever it stands, the first `<h1>` and the
 * first `<img>` after it. When a page has exactly one body element and none
 * of the rest lies outside it, its view is the `<html>` start tag and that
 * element; a page that gains a related story (listed outside the body) keeps
 * its view. Any page this cannot vouch for is its own view, whole: the view
 * never holds less than Pagefind reads.
 *
 * Plain JavaScript, so the Pagefind process (pagefind-child.mjs, which runs
 * without a TypeScript loader) indexes exactly this view of each page: what
 * an incremental build compares is then what the index is made of, and
 * Pagefind parses a fraction of each page (about a tenth less indexing time).
 */

/** Elements whose text is not markup: a `</article>` in them would end nothing. */
const RAW_TEXT = /<(script|style|textarea|template|title|xmp|iframe|noembed|noframes|noscript|plaintext)[\s>/]|<!--|<!\[CDATA\[/i;
/** What Pagefind may read outside the body element. */
const READ_ANYWHERE = /data-pagefind-|<h1[\s>/]|<img[\s>/]/i;

/**
 * The part of `html` Pagefind indexes, or the whole page when that cannot be told safely.
 * @param {string} html
 * @returns {string}
 */
export function searchView(html) {
  const marker = html.indexOf('data-pagefind-body');
  if (marker < 0 || html.indexOf('data-pagefind-body', marker + 1) >= 0) return html;
  const open = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9-]*)\s[^<>]*$/i.exec(html.slice(open, marker))?.[1];
  const openEnd = html.indexOf('>', marker);
  if (!tag || openEnd < 0) return html;
  // The matching end tag: scraped text reaches the page escaped, so every `<` here starts a tag.
  const tags = new RegExp(`<(/?)${tag}[\\s>/]`, 'gi');
  tags.lastIndex = openEnd + 1;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf('>', match.index);
      break;
    }
  }
  if (end < 0) return html;
  const body = html.slice(open, end + 1);
  const htmlTag = /<html[\s>][^<>]*>?/i.exec(html);
  const before = html.slice(0, open);
  const after = html.slice(end + 1);
  if (!htmlTag || RAW_TEXT.test(body) || READ_ANYWHERE.test(before) || READ_ANYWHERE.test(after)) return html;
  return `${htmlTag[0]}\n${body}`;
}
