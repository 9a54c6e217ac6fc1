import { describe, expect, it } from 'vitest';
import { changelog, changelogMarkdown, changelogs, sameIndex } from '../../src/release/changelog.ts';
import type { IndexEntry, ReleaseRecord } from '../../src/release/record.ts';

const entry = (slug: string, meta = 'm0', body = 'b0', title = slug.toUpperCase()): IndexEntry => [
  `/articles/2020/01/${slug}/`,
  '2020-01-02',
  title,
  meta,
  body,
];
const release = (version: string, index: IndexEntry[]): ReleaseRecord => ({ version, date: '2026-12-01', index });

describe('changelog', () => {
  const first = release('1.0.0', [entry('kept'), entry('retagged'), entry('rewritten'), entry('both'), entry('gone')]);
  const second = release('1.1.0', [
    entry('both', 'm1', 'b1'),
    entry('kept'),
    entry('new'),
    entry('retagged', 'm1'),
    entry('rewritten', 'm0', 'b1'),
  ]);

  it('compares by URL: added, changed (metadata, text or both) and removed', () => {
    const log = changelog(second, first);
    expect(log).toMatchObject({ version: '1.1.0', previous: '1.0.0', articles: 5 });
    expect(log.added.map((a) => a.title)).toEqual(['NEW']);
    expect(log.changed.map((a) => [a.title, a.what])).toEqual([
      ['BOTH', ['metadata', 'text']],
      ['RETAGGED', ['metadata']],
      ['REWRITTEN', ['text']],
    ]);
    expect(log.removed.map((a) => a.title)).toEqual(['GONE']);
  });

  it('adds every article in the first release, and each release is compared with the one before', () => {
    expect(changelog(first).added).toHaveLength(5);
    expect(changelog(first).previous).toBeUndefined();
    expect(changelogs([first, second]).map((log) => [log.version, log.previous])).toEqual([
      ['1.0.0', undefined],
      ['1.1.0', '1.0.0'],
    ]);
  });

  it('tells whether two indexes are the same articles', () => {
    expect(sameIndex(first.index, [...first.index])).toBe(true);
    expect(sameIndex(first.index, second.index)).toBe(false);
    expect(sameIndex(first.index, first.index.slice(1))).toBe(false);
  });

  it('writes Markdown whose scraped titles stay text', () => {
    const hostile = release('1.2.0', [...second.index, entry('evil', 'm0', 'b0', '<script>x</script> [link](javascript:1) *bold* # head')]);
    const text = changelogMarkdown(changelog(hostile, second), 'Archive', (url) => `https://example.org${url}`);
    expect(text).toBe(
      [
        '# Archive 1.2.0 (2026-12-01)',
        '',
        '6 articles. Since 1.1.0: 1 added, 0 changed, 0 removed.',
        '',
        '## Added',
        '',
        '- [2020-01-02: \\<script\\>x\\</script\\> \\[link\\]\\(javascript:1\\) \\*bold\\* \\# head](<https://example.org/articles/2020/01/evil/>)',
        '',
      ].join('\n'),
    );
    expect(changelogMarkdown(changelog(first), 'Archive', (url) => url)).toBe(
      '# Archive 1.0.0 (2026-12-01)\n\n5 articles: the first release.\n',
    );
  });
});
