import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, type CheckRegistries, type SourceText } from '../../src/check/index.ts';
import { articleLinkFile, articleLinkUrl, bodyLinks } from '../../src/check/links.ts';
import { resemblesPerson } from '../../src/check/people.ts';
import { parseRegistry } from '../../src/content/registry.ts';
import { formatIssue } from '../../src/content/schema.ts';
import { tagKey } from '../../src/content/fold.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/bad-articles/content');
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A content folder's articles and registries, with paths relative to the folder, as the CLI would name them from there. */
function readContent(dir: string): { articles: SourceText[]; registries: CheckRegistries } {
  const articles = fs
    .readdirSync(path.join(dir, 'articles'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
  const registries: CheckRegistries = {};
  for (const kind of ['tags', 'people'] as const) {
    const file = `_data/${kind}.yaml`;
    if (!fs.existsSync(path.join(dir, file))) continue;
    const parsed = parseRegistry(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
    registries[kind] = { file, registry: parsed.registry };
  }
  return { articles, registries };
}

const expected = fs.readFileSync(path.join(fixture, '../expected.txt'), 'utf8').trim().split('\n');

const article = (file: string, front: string, body = `The story of ${file}.`): SourceText => ({
  file,
  text: `---\n${front.trim()}\n---\n\n${body}\n`,
});

describe('checkArchive', () => {
  it('finds every problem planted in the bad-articles fixture, with its file and line, and nothing else', () => {
    const report = checkArchive({ ...readContent(fixture), today: '2026-11-25' });
    expect(report.issues.map(formatIssue)).toEqual(expected);
  });

  it('passes the bundled content', () => {
    const report = checkArchive({ ...readContent(path.join(repoRoot, 'content')), today: '2026-11-25' });
    expect(report.issues.map(formatIssue)).toEqual([]);
    expect(report.fixes).toEqual([]);
  });

  it('calls a date in the future by the clock it is given', () => {
    const story = article('articles/2019/2019-05-23-x.md', 'title: X\ndate: 2019-05-23');
    expect(checkArchive({ articles: [story], today: '2019-05-22' }).issues.map(formatIssue)).toEqual([
      'articles/2019/2019-05-23-x.md:3: date: 2019-05-23 is in the future (today is 2019-05-22): write the day the source states',
    ]);
    expect(checkArchive({ articles: [story], today: '2019-05-23' }).issues).toEqual([]);
  });

  it('warns about an empty body, and tells a draft how to be published', () => {
    const empty = article('articles/2019/2019-05-23-x.md', 'title: X\ndate: 2019-05-23', '  \n\n');
    const draft = article('articles/2019/2019-05-24-y.md', 'title: Y\ndate: 2019-05-24\ndraft: true', '');
    const written = article('articles/2019/2019-05-25-z.md', 'title: Z\ndate: 2019-05-25\ndraft: true');
    const report = checkArchive({ articles: [empty, draft, written], today: '2026-11-25' });
    expect(report.issues.map(formatIssue)).toEqual([
      'articles/2019/2019-05-23-x.md:5: body: is empty: write the story below the front matter',
      'articles/2019/2019-05-24-y.md:6: body: is empty: write the story below the front matter, then remove `draft: true` to publish it',
    ]);
    expect(report.issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('says what a value of the wrong kind holds and what it should hold', () => {
    const story = article('a.md', 'title: 1984\ndate: 20190523\ntags: cyber\ndraft: yes');
    expect(checkArchive({ articles: [story], today: '2026-11-25' }).issues.map(formatIssue)).toEqual([
      'a.md:2: title: must be text (put it in quotes so YAML does not read it as a number or true/false), not the number 1984',
      'a.md:3: date: must be a day written YYYY-MM-DD (e.g. 2019-05-23), not the number 20190523',
      'a.md:4: tags: must be a list, one "- item" per line, not text',
      'a.md:5: draft: must be true or false, not text',
    ]);
  });

  it('reports only the files it is asked about, comparing them with the whole archive', () => {
    const a = article('a.md', 'title: A\ndate: 2019-05-01\ntags:\n  - cyberattack');
    const b = article('b.md', 'title: B\ndate: 2019-05-02\ntags:\n  - cyberattack');
    const c = article('c.md', 'title: C\ndate: 2019-05-03\ntags:\n  - Cyber-Attack', '[a broken link](/articles/2019/05/nothing/)');
    const all = checkArchive({ articles: [a, b, c], today: '2026-11-25' });
    expect(all.issues.map((issue) => issue.file)).toEqual(['c.md', 'c.md']);
    expect(checkArchive({ articles: [a, b, c], only: new Set(['a.md', 'b.md']), today: '2026-11-25' }).issues).toEqual([]);
  });

  it('fixes tag spellings and key order so that a second check finds nothing', () => {
    const articles = [
      article('a.md', 'title: A\ndate: 2019-05-01\ntags:\n  - cyberattack'),
      article('b.md', 'title: B\ndate: 2019-05-02\ntags:\n  - cyberattack'),
      article('c.md', 'date: 2019-05-03\ntitle: C\ntags:\n  - Cyberattacks\n  - cyber-attack\n  - espionage'),
    ];
    const first = checkArchive({ articles, today: '2026-11-25' });
    expect(first.issues.map((issue) => `${issue.file}:${issue.line}: ${issue.field}`)).toEqual([
      'c.md:3: title',
      'c.md:5: tags',
      'c.md:6: tags',
    ]);
    expect(first.fixes).toEqual([
      {
        file: 'c.md',
        text: '---\ntitle: C\ndate: 2019-05-03\ntags:\n  - cyberattack\n  - espionage\n---\n\nThe story of c.md.\n',
        changes: ['tags: "Cyberattacks" → "cyberattack"', 'tags: "cyber-attack" → "cyberattack"', 'front-matter keys put in order'],
      },
    ]);
    const fixed = articles.map((source) => ({
      file: source.file,
      text: first.fixes.find((fix) => fix.file === source.file)?.text ?? source.text,
    }));
    expect(checkArchive({ articles: fixed, today: '2026-11-25' })).toEqual({ issues: [], fixes: [], skipped: [], proposals: [] });
  });

  it('reports a surname the build files under the one person of that name, and two copies of one story', () => {
    const story = [
      'Chinese officials said the tariffs would stay until the talks in Washington resumed, and that farmers in the Midwest should expect the soybean purchases to fall further this autumn before any deal.',
      'Negotiators from both sides met for two days in Beijing last week without agreeing on a schedule, according to people briefed on the meetings, who asked not to be named.',
      'Markets in Asia fell on the news, with the yuan slipping to its weakest level against the dollar in more than a decade before the central bank stepped in late on Friday.',
    ].join('\n\n');
    const articles = [
      article('a.md', 'title: A\ndate: 2019-05-01\npeople:\n  - Donald Trump', story),
      article('b.md', 'title: B\ndate: 2019-05-02\npeople:\n  - Trump', `${story} The White House declined to comment.`),
    ];
    expect(checkArchive({ articles, today: '2026-11-25' }).issues.map(formatIssue)).toEqual([
      "a.md:7: tells the same story as b.md (100 % of the shorter text in common): keep one, or keep both if they are two outlets' copies (the site shows them as one story)",
      'b.md:5: people: "Trump" is filed as "Donald Trump", the only person named Trump in the archive: write the full name, or if this is someone else, add "Trump" to content/_data/people.yaml',
      "b.md:7: tells the same story as a.md (100 % of the shorter text in common): keep one, or keep both if they are two outlets' copies (the site shows them as one story)",
    ]);
  });

  it('leaves a file with YAML comments to the editor rather than lose the comments', () => {
    const articles = [article('a.md', 'date: 2019-05-01 # as the page states\ntitle: A')];
    const report = checkArchive({ articles, today: '2026-11-25' });
    expect(report.fixes).toEqual([]);
    expect(report.skipped.map((skip) => skip.file)).toEqual(['a.md']);
  });
});

describe('incident identifiers in check', () => {
  const systems = {
    file: 'content/_data/incident-systems.yaml',
    systems: [{ prefix: 'eurepoc', name: 'EuRepoC', url: 'https://e.example/{id}' }],
  };
  const front = 'title: Grid attack\ndate: 2019-05-23\nincidents:\n  - eurepoc:12\n  - eurepocc:12';

  it('calls an unknown prefix an error at the identifier’s own line, as the build refuses it', () => {
    const { issues } = checkArchive({ articles: [article('articles/2019/a.md', front)], today: '2020-01-01', incidentSystems: systems });
    expect(issues.map(formatIssue)).toEqual([
      'articles/2019/a.md:6: incidents.1: "eurepocc" is not a record system of content/_data/incident-systems.yaml (it has eurepoc): fix the prefix or add the system there',
    ]);
    expect(issues[0]!.severity).toBe('error');
  });

  it('passes identifiers of known systems', () => {
    const ok = article('articles/2019/a.md', 'title: Grid attack\ndate: 2019-05-23\nincidents:\n  - eurepoc:12');
    expect(checkArchive({ articles: [ok], today: '2020-01-01', incidentSystems: systems }).issues).toEqual([]);
  });
});

describe('story keys in check', () => {
  it('warns at the story line of a key a shared incident overrules, naming the storyline’s key', () => {
    const articles = [
      article('articles/2019/2019-05-01-a.md', 'title: A\ndate: 2019-05-01\nincidents:\n  - cfr:grid\nstory: grid-attack'),
      article('articles/2019/2019-05-02-b.md', 'title: B\ndate: 2019-05-02\nstory: grid-attack'),
      article('articles/2019/2019-05-03-c.md', 'title: C\ndate: 2019-05-03\nincidents:\n  - cfr:grid\nstory: power-cut'),
    ];
    const systems = { file: 'incident-systems.yaml', systems: [{ prefix: 'cfr', name: 'CFR', url: 'https://cfr.example/{id}' }] };
    const { issues } = checkArchive({ articles, today: '2020-01-01', incidentSystems: systems });
    expect(issues.map(formatIssue)).toEqual([
      'articles/2019/2019-05-03-c.md:6: story: "power-cut" is overruled: a shared incident or wire story joins this report to the storyline "grid-attack", whose key most of its reports carry; write story: grid-attack, or remove what joins them',
    ]);
    expect(issues[0]!.severity).toBe('warning');
  });

  it('says nothing of keys that stay apart', () => {
    const articles = [
      article('articles/2019/2019-05-01-a.md', 'title: A\ndate: 2019-05-01\nstory: one'),
      article('articles/2019/2019-05-02-b.md', 'title: B\ndate: 2019-05-02\nstory: two'),
    ];
    expect(checkArchive({ articles, today: '2020-01-01' }).issues).toEqual([]);
  });
});

describe('tagKey', () => {
  it('folds case, hyphens, spaces and a plural s', () => {
    const keys = ['cyberattack', 'cyber-attack', 'Cyberattacks', 'Cyber Attack', 'CYBER ATTACKS'].map(tagKey);
    expect(new Set(keys)).toEqual(new Set(['cyberattack']));
  });

  it('keeps words that end in "ss" and short acronyms whole', () => {
    expect(tagKey('access')).toBe('access');
    expect(tagKey('iOS')).toBe('ios');
    expect(tagKey('NATO')).not.toBe(tagKey('NAT'));
  });
});

describe('resemblesPerson', () => {
  it('matches an initial or a missing given name to the full name', () => {
    expect(resemblesPerson('J. Stoltenberg', 'Jens Stoltenberg')).toBe(true);
    expect(resemblesPerson('Stoltenberg', 'Jens Stoltenberg')).toBe(true);
  });

  it('matches a name one letter off', () => {
    expect(resemblesPerson('Jens Stoltenburg', 'Jens Stoltenberg')).toBe(true);
    expect(resemblesPerson('Sergey Skripal', 'Sergei Skripal')).toBe(true);
  });

  it('tells apart people who only share a surname, and people who share nothing', () => {
    expect(resemblesPerson('Yulia Skripal', 'Sergei Skripal')).toBe(false);
    expect(resemblesPerson('K. Stoltenberg', 'Jens Stoltenberg')).toBe(false);
    expect(resemblesPerson('Jeremy Hunt', 'Jens Stoltenberg')).toBe(false);
    expect(resemblesPerson('Kim Jong-un', 'Kim Jong-il')).toBe(false);
  });
});

describe('links', () => {
  it('finds links with the line they are on, and not links inside code', () => {
    const body = 'First [one](/articles/2019/05/a/) line,\nthen [two](b.md).\n\n`[code](/x/)`\n\n    [indented code](/y/)\n';
    expect(bodyLinks(body)).toEqual([
      { href: '/articles/2019/05/a/', line: 0 },
      { href: 'b.md', line: 1 },
    ]);
  });

  it('normalises page links and resolves file links from the linking file', () => {
    expect(articleLinkUrl('/articles/2019/05/a#part')).toBe('/articles/2019/05/a/');
    expect(articleLinkUrl('/articles/2019/05/a/index.html')).toBe('/articles/2019/05/a/');
    expect(articleLinkUrl('https://example.com/articles/2019/05/a/')).toBeUndefined();
    expect(articleLinkFile('../2018/2018-01-01-x.md', 'content/articles/2019/2019-05-01-y.md')).toBe(
      'content/articles/2018/2018-01-01-x.md',
    );
    expect(articleLinkFile('https://example.com/README.md', 'a.md')).toBeUndefined();
  });
});
