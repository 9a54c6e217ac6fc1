import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/archive/errors.ts';
import { formatRecord, type ReleaseRecord } from '../../src/release/record.ts';
import { displayPath } from '../../src/store/read.ts';
import { loadReleases } from '../../src/store/releases.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-releases-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const record = (version: string): ReleaseRecord => ({
  version,
  date: '2026-12-01',
  index: [['/articles/2020/01/a/', '2020-01-02', 'A', '0123456789ab', '0123456789ab']],
});

function contentWith(files: Record<string, string>): string {
  const content = fs.mkdtempSync(path.join(root, 'content-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(content, 'releases'), { recursive: true });
    fs.writeFileSync(path.join(content, 'releases', name), text);
  }
  return content;
}

describe('loadReleases', () => {
  it('reads every record, in version order, and none when there is no releases folder', () => {
    const content = contentWith({ '1.10.0.json': formatRecord(record('1.10.0')), '1.2.0.json': formatRecord(record('1.2.0')) });
    expect(loadReleases(content).map((r) => r.version)).toEqual(['1.2.0', '1.10.0']);
    expect(loadReleases(contentWith({}))).toEqual([]);
  });

  it('stops on a broken record or one named for another version, naming every file and line', () => {
    const content = contentWith({
      '1.0.0.json': formatRecord(record('1.0.0')).replace('"articles": 1', '"articles": 2'),
      '1.1.0.json': formatRecord(record('1.2.0')),
    });
    let error: unknown;
    try {
      loadReleases(content);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    const shown = displayPath(path.join(content, 'releases'));
    expect((error as ContentError).problems).toEqual([
      `${shown}/1.0.0.json:4: articles: says 2, but the index lists 1`,
      `${shown}/1.1.0.json:2: holds release 1.2.0: name it 1.2.0.json`,
    ]);
  });
});
