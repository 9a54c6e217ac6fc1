/**
 * Bounds for pages nested absurdly deep. Parsing a 20 MB page of a few
 * million nested elements into a DOM, then walking it, took minutes; these
 * functions read the markup as a string in one linear pass instead, so such a
 * page is judged before any DOM exists and read as the text it shows.
 */

/** Elements that never hold others. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose end tag may be left out: an open one does not make the next one deeper. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);

/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

// `[^<>]*`, not `[^>]*`: a `<` that never closes must not make every later attempt scan to the end.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?>/y;

/**
 * Whether the markup nests elements deeper than `limit`, counted the way a
 * browser would nest them (void elements and elements with optional end tags
 * add no depth; script and style content is skipped). One pass, stopping at
 * the first element past the limit.
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  let at = html.indexOf('<');
  while (at >= 0) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = html.indexOf('<', end + 3);
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (!match) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const name = match[2]!.toLowerCase();
    let next = TAG.lastIndex;
    if (match[1]) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && depth > 0) depth--;
    } else if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = next;
      if (!end.exec(html)) return false;
      next = end.lastIndex;
    } else if (!VOID.has(name) && !OPTIONAL_END.has(name) && !match[0].endsWith('/>')) {
      depth++;
      if (depth > limit) return true;
    }
    at = html.indexOf('<', next);
  }
  return false;
}

/** The page up to its `<body>` (title, meta tags, JSON-LD), closed, for parsing without the body. */
export function headOnly(html: string): string {
  const body = html.search(/<body[\s>]/i);
  return `${body < 0 ? '' : html.slice(0, body)}</head><body></body></html>`;
}

const BLOCK =
  /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/i;
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text a page's body shows, read from the markup in linear passes (no
 * pattern here can backtrack over a long run): tags dropped, block-level
 * ones ending a line; script and style content dropped; common entities
 * decoded; lines trimmed and runs of blank lines folded into one.
 */
export function visibleText(html: string): string {
  const body = html.search(/<body[\s>]/i);
  const pieces: string[] = [];
  // Text runs from `from` to the next tag; a `<` that opens no tag is text too.
  let from = Math.max(body, 0);
  let at = from;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    let next: number;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      next = end < 0 ? html.length : end + 3;
    } else {
      TAG.lastIndex = open;
      const match = TAG.exec(html);
      if (!match) {
        at = open + 1;
        continue;
      }
      next = TAG.lastIndex;
      const name = match[2]!.toLowerCase();
      if (!match[1] && SKIPPED.has(name)) {
        const end = new RegExp(`</${name}\\s*>`, 'gi');
        end.lastIndex = next;
        next = end.exec(html) ? end.lastIndex : html.length;
      } else if (BLOCK.test(name)) {
        pieces.push(html.slice(from, open), '\n');
        from = at = next;
        continue;
      }
    }
    pieces.push(html.slice(from, open));
    from = at = next;
  }
  pieces.push(html.slice(from));
  const text = pieces.join('').replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{1,10});/gi, (entity, code: string) => {
    if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? entity;
    const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return point > 0 && point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff) ? String.fromCodePoint(point) : '\ufffd';
  });
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line || (lines.length && lines.at(-1) !== '')) lines.push(line);
  }
  return lines.join('\n').trim();
}
