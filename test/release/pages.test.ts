import { describe, expect, it } from 'vitest';
import { releaseState } from '../../src/release/pages.ts';
import type { IndexEntry, ReleaseRecord } from '../../src/release/record.ts';

const entry = (slug: string, body = 'b0'): IndexEntry => [`/articles/2020/01/${slug}/`, '2020-01-02', slug, 'm0', body];
const first: ReleaseRecord = { version: '1.0.0', date: '2026-11-01', index: [entry('a'), entry('b')] };
const second: ReleaseRecord = { version: '1.1.0', date: '2026-12-01', index: [entry('a', 'b1'), entry('c')] };

describe('releaseState', () => {
  it('is the package version, with no pages, before any release', () => {
    expect(releaseState([], [entry('a')], '0.1.0')).toEqual({ version: '0.1.0', pages: [] });
  });

  it('is the newest release when the site has exactly its articles', () => {
    const state = releaseState([first, second], second.index, '0.1.0');
    expect(state.version).toBe('1.1.0');
    expect(state.newest).toEqual({ version: '1.1.0', date: '2026-12-01', url: '/data/releases/1.1.0/', current: true });
  });

  it('says the site changed since the newest release when its articles differ', () => {
    const state = releaseState([first, second], [...second.index, entry('d')], '0.1.0');
    expect(state.version).toBe('1.1.0+unreleased');
    expect(state.newest?.current).toBe(false);
  });

  it('makes a page per release, newest first, linking the articles the site still has and listing no article of the first release', () => {
    const { pages } = releaseState([first, second], second.index, '0.1.0');
    expect(pages.map((page) => [page.url, page.previous])).toEqual([
      ['/data/releases/1.1.0/', '1.0.0'],
      ['/data/releases/1.0.0/', undefined],
    ]);
    expect(pages[0]!.added.map((a) => [a.title, a.live])).toEqual([['c', true]]);
    expect(pages[0]!.changed.map((a) => [a.title, a.what, a.live])).toEqual([['a', ['text'], true]]);
    expect(pages[0]!.removed.map((a) => [a.title, a.live])).toEqual([['b', false]]);
    expect(pages[1]!.added).toEqual([]);
    expect(pages[1]!.articles).toBe(2);
  });

  it("links each release's files on its GitHub release when the site knows where releases are", () => {
    expect(releaseState([first], first.index, '0.1.0').pages[0]!.downloads).toEqual([]);
    const { pages } = releaseState([first], first.index, '0.1.0', 'https://github.com/owner/repo/releases');
    expect(pages[0]!.downloads.map((file) => file.url)).toEqual([
      'https://github.com/owner/repo/releases/download/v1.0.0/cyber-policy-news-archive-1.0.0-data.tar.gz',
      'https://github.com/owner/repo/releases/download/v1.0.0/cyber-policy-news-archive-1.0.0-site.tar.gz',
      'https://github.com/owner/repo/releases/download/v1.0.0/cyber-policy-news-archive-1.0.0-changelog.md',
    ]);
  });
});
