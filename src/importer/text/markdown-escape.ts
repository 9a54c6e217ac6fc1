/**
 * Plain text to Markdown that renders as the same text. Only what would change
 * meaning is escaped, so plain words stay plain.
 */

/** Escapes one paragraph (one line of text) so markdown-it shows it literally. */
export function escapeMarkdown(text: string): string {
  let s = text
    .replace(/\\/g, '\\\\')
    .replace(/[`<*]/g, '\\$&')
    .replace(/~~+/g, (run) => run.replace(/~/g, '\\~'))
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // `_` makes emphasis only at a word's edge; inside snake_case it is literal.
    .replace(
      /(^|[^\p{L}\p{N}_])(_+)|(_+)(?=$|[^\p{L}\p{N}_])/gu,
      (_m, before: string | undefined, lead: string | undefined, trail: string | undefined) =>
        lead !== undefined ? `${before}${lead.replace(/_/g, '\\_')}` : trail!.replace(/_/g, '\\_'),
    );
  // Brackets make a link or a reference only with `](`, `][` or `]:` somewhere after them;
  // without one they stay plain ("[by Russia]").
  if (/\][([:]/.test(s)) s = s.replace(/\[/g, '\\[');
  s = s
    .replace(/^(#{1,6})(?=\s|$)/, (hashes) => `\\${hashes}`)
    .replace(/^>/, '\\>')
    .replace(/^([-+=])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^\|/, '\\|');
  return s;
}

/** Undoes `escapeMarkdown`: the text a reader sees. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|>~<&=])/g, '$1');
}
