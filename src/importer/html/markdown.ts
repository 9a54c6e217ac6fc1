import TurndownService from 'turndown';

/**
 * Turns cleaned article HTML into Markdown. Scraped text never becomes markup:
 * `<` in text is written as an entity, links keep only http(s)/mailto targets,
 * and images, media and embedded code are dropped.
 */

const SAFE_HREF = /^(?:https?:|mailto:)/i;

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    hr: '---',
  });
  service.remove([
    'script',
    'style',
    'noscript',
    'iframe',
    'object',
    'embed',
    'form',
    'button',
    'input',
    'select',
    'textarea',
    'img',
    'picture',
    'video',
    'audio',
    'svg',
    'canvas',
    'template',
    'figure',
  ] as never);
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const text = content.trim();
      const href = ((node as Element).getAttribute('href') ?? '').trim();
      if (!text) return '';
      if (!href || !SAFE_HREF.test(href.replace(/[\u0000-\u0020]/g, ''))) return content;
      const target = href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
      return `[${text}](${target})`;
    },
  });
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => escapeMarkdown(text).replace(/</g, '&lt;');
  return service;
}

let shared: TurndownService | undefined;

/** Markdown for an HTML fragment: blocks separated by one blank line, no-break spaces as spaces. */
export function htmlToMarkdown(html: string): string {
  shared ??= createService();
  const markdown = shared.turndown(html);
  return markdown
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
