/**
 * The one Markdown renderer for article bodies. Scraped text is untrusted, so
 * raw HTML is escaped (`html: false`), bare URLs stay text (`linkify: false`),
 * links to `javascript:`, `data:`, `vbscript:` and `file:` are refused,
 * images become links (the CSP loads nothing from other hosts), external links
 * get rel="noopener nofollow", body headings start at h2 below the page's
 * h1 without skipping levels, and a link to another article's file
 * (`2019-05-23-slug.md`) leads to that article's page.
 */
import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import { articleLinkFile, linkFragment } from '../content/links.ts';

const REFUSED = /^(javascript|data|vbscript|file):/i;

/** True when a link target may be rendered as a link. */
export function isSafeLink(url: string): boolean {
  // Browsers ignore tabs, new lines and leading control characters in a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return !REFUSED.test(compact);
}

/** What `render(body, env)` may be told about the body: the article file it comes from, relative to the content folder. */
export interface RenderEnv {
  file?: string;
}

/**
 * A configured markdown-it instance. Render each body once and reuse the HTML.
 * `pathPrefix` (e.g. `/archive/`) is put in front of site-relative links
 * (`/articles/...`), so they keep working under a path prefix.
 * `articleFiles` maps each published article's file (`articles/2019/x.md`,
 * relative to the content folder) to its page URL: rendered with
 * `{ file }` as env, a link to an article file becomes a link to its page.
 * A link to a file that is no published article stays as written (`archive
 * check` reports it).
 */
export function createMarkdown(options: { pathPrefix?: string; articleFiles?: ReadonlyMap<string, string> } = {}): Markdown {
  const prefix = (options.pathPrefix ?? '/').replace(/\/+$/, '');
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;

  // Past its nesting limit (100 levels) markdown-it drops the rest of the body without a word. Keep
  // that text, flat, as one paragraph instead (hostile corpus: 2019-06-10-deeply-nested-markdown.md).
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    if (state.level < md.options.maxNesting) return tokenize(state, startLine, endLine);
    const text = state.getLines(startLine, endLine, state.blkIndent, false).trim();
    if (text) {
      state.push('paragraph_open', 'p', 1).map = [startLine, endLine];
      const inline = state.push('inline', '', 0);
      inline.content = text;
      inline.map = [startLine, endLine];
      inline.children = [];
      state.push('paragraph_close', 'p', -1);
    }
    state.line = endLine;
  };

  md.core.ruler.push('archive_headings', (state) => {
    const levels = state.tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
    if (!levels.length) return;
    const shift = 2 - Math.min(...levels);
    const seen: number[] = [];
    for (const token of state.tokens) {
      if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
      let level = Math.min(6, Number(token.tag.slice(1)) + shift);
      if (token.type === 'heading_open') {
        // Never skip a level: an h4 straight after an h2 becomes an h3.
        const previous = seen.length ? seen[seen.length - 1]! : 1;
        level = Math.min(level, previous + 1);
        seen.push(level);
      } else {
        level = seen[seen.length - 1] ?? level;
      }
      token.tag = `h${level}`;
    }
  });

  md.renderer.rules.image = (tokens, idx, _options, env, self) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], md.options, env) || 'image';
    return `<a href="${md.utils.escapeHtml(src)}" rel="noopener nofollow">[Image: ${md.utils.escapeHtml(alt)}]</a>`;
  };

  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  const articleFiles = options.articleFiles;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    let href = String(tokens[idx]!.attrGet('href') ?? '');
    const from = (env as RenderEnv | undefined)?.file;
    const file = articleFiles && from ? articleLinkFile(href, from) : undefined;
    const page = file ? articleFiles!.get(file) : undefined;
    if (page) {
      href = `${page}${linkFragment(href)}`;
      tokens[idx]!.attrSet('href', href);
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) tokens[idx]!.attrSet('rel', 'noopener nofollow');
    else if (prefix && href.startsWith('/') && !href.startsWith(`${prefix}/`)) tokens[idx]!.attrSet('href', `${prefix}${href}`);
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}
