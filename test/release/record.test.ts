import { describe, expect, it } from 'vitest';
import { archiveIndexes } from '../../src/collections/indexes.ts';
import { articleRecords } from '../../src/export/records.ts';
import { formatRecord, parseRecord, releaseIndex, type ReleaseRecord } from '../../src/release/record.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { makeArticle } from '../support/make-article.ts';

const indexOf = (articles: ReturnType<typeof makeArticle>[], settings = DEFAULT_SETTINGS) =>
  releaseIndex(articleRecords(articles, archiveIndexes(articles, {}).indexes, settings), articles, settings);

describe('releaseIndex', () => {
  const a = makeArticle({ title: 'Alpha', date: '2020-01-02', tags: ['NATO'], body: 'One text.' });
  const b = makeArticle({ title: 'Beta', date: '2019-05-23', body: 'Another text.' });

  it('lists each article by its site URL, in URL order, with its day, title and two hashes', () => {
    const index = indexOf([a, b]);
    expect(index.map((entry) => entry.slice(0, 3))).toEqual(
      [
        [b.url, '2019-05-23', 'Beta'],
        [a.url, '2020-01-02', 'Alpha'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    for (const entry of index) expect(entry.slice(3).every((hash) => /^[0-9a-f]{12}$/.test(hash))).toBe(true);
  });

  it('changes the metadata hash alone for new tags, the body hash alone for new text, and neither for a new base URL', () => {
    const [before] = indexOf([a]);
    const [retagged] = indexOf([{ ...a, tags: ['NATO', 'espionage'] }]);
    const [rewritten] = indexOf([{ ...a, body: 'One text, edited.' }]);
    const [moved] = indexOf([a], { ...DEFAULT_SETTINGS, baseUrl: 'https://archive.example.net', pathPrefix: '/archive/' });
    expect(retagged![3]).not.toBe(before![3]);
    expect(retagged![4]).toBe(before![4]);
    expect(rewritten![4]).not.toBe(before![4]);
    expect(moved).toEqual(before);
  });
});

describe('formatRecord and parseRecord', () => {
  const record: ReleaseRecord = {
    version: '1.2.0',
    date: '2026-12-01',
    index: [
      ['/articles/2019/05/a/', '2019-05-23', 'A "quoted" title\nwith a break', '0123456789ab', 'ba9876543210'],
      ['/articles/2020/01/b/', '2020-01-02', 'B', '0123456789ab', 'ba9876543210'],
    ],
  };

  it('round-trips a record, one article a line', () => {
    const text = formatRecord(record);
    expect(text.split('\n').filter((line) => line.startsWith('["/articles/'))).toHaveLength(2);
    expect(parseRecord(text)).toEqual({ ok: true, record });
  });

  it('refuses what is not a record, naming the line', () => {
    const text = formatRecord(record);
    expect(parseRecord(text.replace('"1.2.0"', '"1.2"'))).toEqual({
      ok: false,
      issue: { line: 2, message: 'version: must be a semantic version such as 1.2.0' },
    });
    const badEntry = text.replace('"/articles/2020/01/b/","2020-01-02"', '"/articles/2020/01/b/","2020-1-2"');
    expect(parseRecord(badEntry)).toMatchObject({ ok: false, issue: { line: 7, message: expect.stringMatching(/^index\.1\.1: /) } });
    expect(parseRecord(text.replace('"articles": 2', '"articles": 3'))).toEqual({
      ok: false,
      issue: { line: 4, message: 'articles: says 3, but the index lists 2' },
    });
    expect(parseRecord(text.replace('"date": ', '"date" '))).toMatchObject({
      ok: false,
      issue: { line: 3, message: expect.stringMatching(/^not JSON/) },
    });
    expect(parseRecord(text.replace('{\n', '{\n"extra": 1,\n'))).toMatchObject({
      ok: false,
      issue: { message: expect.stringMatching(/extra/) },
    });
  });
});
