import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseArticleText, readArticleText, writeArticleText } from '../../src/content/frontmatter.ts';
import { formatIssue } from '../../src/content/schema.ts';

const seedFile = 'content/articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';

describe('readArticleText', () => {
  it('reads the bundled seed article and keeps its day as a string', () => {
    const read = readArticleText(fs.readFileSync(seedFile, 'utf8'), seedFile);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data.date).toBe('2019-05-23');
    expect(read.data.source?.retrieved).toBe('2019-05-23T22:25:00+03:00');
    expect(read.data.people).toEqual(['Jens Stoltenberg', 'Jeremy Hunt', 'Sergei Skripal', 'Yulia Skripal']);
  });

  it('names the file, the line and the field of a bad date', () => {
    const text = '---\ntitle: A title\ndate: 2019-02-30\n---\n\nBody.\n';
    const read = readArticleText(text, 'a.md');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map(formatIssue)).toEqual(['a.md:3: date: must be a real day written YYYY-MM-DD (e.g. 2019-05-23)']);
  });

  it('reports a missing title as required', () => {
    const read = readArticleText('---\ndate: 2019-05-23\n---\nBody', 'b.md');
    expect(!read.ok && read.issues.map(formatIssue)).toEqual([
      'b.md: title: is required: add a line "title: ..." with the headline as published',
    ]);
  });

  it('suggests the key an editor meant', () => {
    const read = readArticleText('---\ntitle: T\ndate: 2019-05-23\ntgas: [a]\n---\nBody', 'c.md');
    expect(!read.ok && read.issues[0]).toMatchObject({ line: 4, field: 'tgas' });
    expect(!read.ok && read.issues[0]!.message).toContain('did you mean "tags"?');
  });

  it('refuses JavaScript front matter without running it', () => {
    (globalThis as Record<string, unknown>).__ran = false;
    const read = readArticleText('---js\n{ title: (globalThis.__ran = true, "x") }\n---\nBody', 'd.md');
    expect(read.ok).toBe(false);
    expect((globalThis as Record<string, unknown>).__ran).toBe(false);
    expect(!read.ok && read.issues[0]!.message).toContain('not accepted');
  });

  it('refuses keys that would let an article choose where it is written', () => {
    const read = readArticleText('---\ntitle: T\ndate: 2019-05-23\npermalink: /index.html\n---\nBody', 'e.md');
    expect(!read.ok && read.issues.map(formatIssue)).toEqual([
      'e.md:4: permalink: is not allowed in an article: the archive decides where and how each article is published',
    ]);
  });

  it('refuses duplicate keys, custom tags and alias bombs with a line', () => {
    const duplicate = readArticleText('---\ntitle: A\ntitle: B\ndate: 2019-05-23\n---\n', 'f.md');
    expect(!duplicate.ok && duplicate.issues[0]!.line).toBe(3);
    const tagged = readArticleText('---\ntitle: !!js/function "x"\ndate: 2019-05-23\n---\n', 'g.md');
    expect(tagged.ok).toBe(false);
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const exploded = parseArticleText([...bomb, 'title: T', 'date: 2019-05-23', '---', ''].join('\n'), 'h.md');
    expect(exploded.ok).toBe(false);
  });

  it('reads a date written unquoted as the same string, not a Date at midnight UTC', () => {
    const read = readArticleText('---\ntitle: T\ndate: 2019-05-23\n---\nBody', 'i.md');
    expect(read.ok && read.data.date).toBe('2019-05-23');
  });
});

describe('writeArticleText', () => {
  it('writes keys in the content model order whatever order they came in', () => {
    const text = writeArticleText(
      { draft: true, tags: ['b'], date: '2020-01-02', title: 'T', source: { sha256: 'a'.repeat(64), name: 'X' } } as never,
      'Body',
    );
    expect(text).toBe(
      `---\ntitle: T\ndate: 2020-01-02\ntags:\n  - b\nsource:\n  name: X\n  sha256: ${'a'.repeat(64)}\ndraft: true\n---\n\nBody\n`,
    );
  });

  it('gives back the bundled seed article byte for byte', () => {
    const text = fs.readFileSync(seedFile, 'utf8');
    const read = readArticleText(text, seedFile);
    expect(read.ok && writeArticleText(read.data, read.body)).toBe(text);
  });

  it('round-trips strings that look like other YAML types', () => {
    const title = 'yes: no # 1.0 null {{ x }} "quoted" \'single\' - [a]';
    const text = writeArticleText({ title, date: '2019-01-01', tags: ['true', '123', 'null', '~'] }, 'x');
    const read = readArticleText(text, 'j.md');
    expect(read.ok && read.data).toEqual({ title, date: '2019-01-01', tags: ['true', '123', 'null', '~'] });
  });
});
