import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/archive/markdown.ts';

const textOf = (markdown: string) =>
  parseHTML(`<!DOCTYPE html><html><body>${createMarkdown().render(markdown)}</body></html>`).document.body.textContent ?? '';

describe('Markdown nested past the renderer limit', () => {
  it('keeps the text of a quote nested 5,000 deep, and what follows it', () => {
    const text = textOf(`${'>'.repeat(5000)} deep quote\n\nafter the quote\n`);
    expect(text).toContain('deep quote');
    expect(text).toContain('after the quote');
  });

  it('keeps every item of a list nested 300 deep, and what follows it', () => {
    const list = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const text = textOf(`${list}\n\nafter the list\n`);
    for (const i of [0, 49, 50, 150, 299]) expect(text).toContain(`level ${i}`);
    expect(text).toContain('after the list');
  });

  it('still escapes markup in the flattened text', () => {
    const html = createMarkdown().render(`${'>'.repeat(200)} <script>window.__pwned = true</script>\n`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders nesting within the limit as before', () => {
    const html = createMarkdown().render('> > quoted twice\n');
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
  });
});
