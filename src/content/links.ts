/**
 * The two ways an article links to another (docs/editing.md):
 * by its page address (`/articles/2019/05/slug/`) or by its file
 * (`2019-05-23-slug.md`, relative to the linking article). `archive check`
 * reports links that reach no article; the build turns a file link into the
 * page address.
 */
import path from 'node:path';

/** The page URL an internal link names, normalised (`/articles/2019/05/x` → `/articles/2019/05/x/`), or undefined. */
export function articleLinkUrl(href: string): string | undefined {
  const bare = href.replace(/[?#].*$/s, '');
  if (!bare.startsWith('/articles/')) return undefined;
  const withoutIndex = bare.replace(/\/index\.html$/, '/');
  return withoutIndex.endsWith('/') ? withoutIndex : `${withoutIndex}/`;
}

/** The article file a relative `.md` link names, resolved from the linking file, or undefined. */
export function articleLinkFile(href: string, from: string): string | undefined {
  const bare = href.replace(/[?#].*$/s, '');
  if (!/\.md$/i.test(bare) || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/')) return undefined;
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // A malformed escape stays as written, and then matches no file.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(from.replaceAll('\\', '/')), decoded));
}

/** The `#fragment` of a link, with its `#`, or an empty string. */
export function linkFragment(href: string): string {
  const at = href.indexOf('#');
  return at < 0 ? '' : href.slice(at);
}
