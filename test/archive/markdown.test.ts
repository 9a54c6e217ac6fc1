import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/archive/markdown.ts';

const md = createMarkdown();

describe('createMarkdown', () => {
  it('escapes raw HTML in scraped text', () => {
    expect(md.render('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>')).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('refuses javascript:, data: and vbscript: links, however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png;base64,AAAA',
      'vbscript:msgbox(1)',
    ]) {
      expect(md.render(`[x](${href})`)).not.toContain('<a');
    }
  });

  it('marks external links rel="noopener nofollow" and leaves bare URLs as text', () => {
    expect(md.render('[NATO](https://www.nato.int/)')).toBe('<p><a href="https://www.nato.int/" rel="noopener nofollow">NATO</a></p>\n');
    expect(md.render('see https://www.nato.int/')).toBe('<p>see https://www.nato.int/</p>\n');
  });

  it("turns a link to another article's file into a link to its page, from the linking file's folder, under the path prefix", () => {
    const articleFiles = new Map([
      ['articles/2019/2019-05-23-nato-threatens.md', '/articles/2019/05/nato-threatens/'],
      ['articles/2018/2018-01-02-earlier.md', '/articles/2018/01/earlier/'],
    ]);
    const linked = createMarkdown({ pathPrefix: '/archive/', articleFiles });
    const env = { file: 'articles/2019/2019-06-01-follow-up.md' };
    expect(linked.render('[as reported](2019-05-23-nato-threatens.md) and [before](../2018/2018-01-02-earlier.md#part)', env)).toBe(
      '<p><a href="/archive/articles/2019/05/nato-threatens/">as reported</a> and <a href="/archive/articles/2018/01/earlier/#part">before</a></p>\n',
    );
    // A file that is no published article stays as written (archive check reports it); other links are untouched.
    expect(linked.render('[gone](2019-01-01-missing.md) [doc](https://example.com/README.md)', env)).toBe(
      '<p><a href="2019-01-01-missing.md">gone</a> <a href="https://example.com/README.md" rel="noopener nofollow">doc</a></p>\n',
    );
    // Without knowing the linking file, nothing is resolved.
    expect(linked.render('[as reported](2019-05-23-nato-threatens.md)')).toBe(
      '<p><a href="2019-05-23-nato-threatens.md">as reported</a></p>\n',
    );
  });

  it('puts the path prefix in front of site-relative links, once', () => {
    const prefixed = createMarkdown({ pathPrefix: '/archive/' });
    expect(prefixed.render('[a](/tags/nato/) [b](/archive/tags/nato/) [c](#x)')).toBe(
      '<p><a href="/archive/tags/nato/">a</a> <a href="/archive/tags/nato/">b</a> <a href="#x">c</a></p>\n',
    );
    expect(md.render('[a](/tags/nato/)')).toBe('<p><a href="/tags/nato/">a</a></p>\n');
  });

  it('turns images into links, so the page loads nothing from other hosts', () => {
    expect(md.render('![A man types](https://cdn.example/x.jpg)')).toBe(
      '<p><a href="https://cdn.example/x.jpg" rel="noopener nofollow">[Image: A man types]</a></p>\n',
    );
  });

  it('starts body headings at h2 and never skips a level', () => {
    expect(md.render('# One\n\n#### Deep\n\n## Two')).toBe('<h2>One</h2>\n<h3>Deep</h3>\n<h3>Two</h3>\n');
  });

  it('leaves template syntax in scraped text alone', () => {
    expect(md.render('{{ site.name }} {% include "x" %}')).toBe('<p>{{ site.name }} {% include &quot;x&quot; %}</p>\n');
  });
});
