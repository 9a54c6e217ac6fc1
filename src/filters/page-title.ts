/** Longest `<title>` worth showing: tab and search-result space ends about here. */
export const MAX_TITLE = 70;

/**
 * The document title: "Page – Site" when it fits in 70 characters, else the
 * page's own title cut on a word boundary with an ellipsis. The page's h1
 * always carries the full title.
 */
export function pageTitle(title: string | undefined, siteName: string): string {
  if (!title || title === siteName) return siteName.slice(0, MAX_TITLE);
  const full = `${title} – ${siteName}`;
  if ([...full].length <= MAX_TITLE) return full;
  const chars = [...title];
  if (chars.length <= MAX_TITLE) return title;
  const cut = chars.slice(0, MAX_TITLE - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;.–—-]+$/u, '')}…`;
}
