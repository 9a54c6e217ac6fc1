import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentKind, listContent } from '../../src/store/content-folder.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-content-folder-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('contentKind', () => {
  it('calls only articles, the known registries and release records content', () => {
    expect(contentKind('articles/2019/2019-05-23-x.md')).toBe('article');
    expect(contentKind('articles/hostile/2019-05-23-X.MD')).toBe('article');
    for (const name of ['site', 'tags', 'people', 'organizations', 'places', 'outlets'])
      expect(contentKind(`_data/${name}.yaml`)).toBe('registry');
    expect(contentKind('_data/people.yml')).toBe('registry');
    expect(contentKind('releases/1.2.0.json')).toBe('release');
    for (const stray of [
      'articles/2019/.2019-05-23-x.md',
      'articles/2019/notes.txt',
      'article.md',
      '_data/site.js',
      '_data/more/tags.yaml',
      'archive-home.11tydata.mjs',
      'articles/articles.11tydata.json',
      'index.njk',
      'releases/1.2.0.yaml',
      'releases/old/1.0.0.json',
      'releases/.1.2.0.json',
    ]) {
      expect(contentKind(stray), stray).toBe('stray');
    }
  });
});

describe('listContent', () => {
  it('lists articles, registries, links and strays, following no link and leaving out live temporaries', () => {
    const content = path.join(root, 'content');
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      fs.writeFileSync(path.join(content, file), 'x');
    };
    for (const file of [
      'articles/2019/b.md',
      'articles/2019/a.md',
      '_data/tags.yaml',
      'releases/1.0.0.json',
      'articles/2019/archive-article.11tydata.cjs',
      `articles/2019/.import-tmp-${process.pid}-c.md`,
    ])
      write(file);
    fs.writeFileSync(path.join(root, 'outside.md'), 'x');
    fs.symlinkSync(path.join(root, 'outside.md'), path.join(content, 'articles/2019/linked.md'));
    fs.symlinkSync(root, path.join(content, 'articles/linked-folder'));
    expect(listContent(content)).toEqual({
      articles: ['articles/2019/a.md', 'articles/2019/b.md'],
      registries: ['_data/tags.yaml'],
      releases: ['releases/1.0.0.json'],
      links: ['articles/2019/linked.md', 'articles/linked-folder'],
      strays: ['articles/2019/archive-article.11tydata.cjs'],
    });
    expect(listContent(path.join(root, 'missing'))).toEqual({ articles: [], registries: [], releases: [], links: [], strays: [] });
  });
});
