import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/content/article.ts';
import { computeRelated, DEFAULT_LIMIT, SIMILAR_TEXT } from '../../src/related/index.ts';
import { makeArticle } from '../support/make-article.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SEED_FILE = 'articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';

/** The bundled seed article, as the build reads it. */
function seedArticle(): Article {
  const parsed = parseArticle(readFileSync(path.join(repoRoot, 'content', SEED_FILE), 'utf8'), SEED_FILE);
  if (!parsed.ok) throw new Error(`the seed article does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.article;
}

/** Distinct bodies, so text similarity links nothing unless a test wants it. */
const filler = (i: number): string => `Paragraph ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i} stands alone.`;

/** A deterministic shuffle (a fixed-seed LCG), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An archive of `size` unrelated articles, to give names their rarity. */
const background = (size: number, tags: string[] = []): Article[] =>
  Array.from({ length: size }, (_, i) =>
    makeArticle({ title: `Background ${i}`, date: `2018-01-${String((i % 28) + 1).padStart(2, '0')}`, tags, body: filler(i) }),
  );

const urls = (links: { url: string }[] | undefined): string[] => (links ?? []).map((link) => link.url);

describe('computeRelated', () => {
  it('ranks a story sharing a person above one sharing only a common tag', () => {
    const story = makeArticle({
      title: 'Stoltenberg on cyber defence',
      tags: ['cyberattack'],
      people: ['Jens Stoltenberg'],
      body: filler(100),
    });
    const samePerson = makeArticle({
      title: 'Stoltenberg visits London',
      date: '2017-03-01',
      people: ['Jens Stoltenberg'],
      body: filler(101),
    });
    const sameTag = makeArticle({ title: 'Another cyberattack', tags: ['cyberattack'], body: filler(102) });
    const others = background(8).map((article, i) => (i < 3 ? { ...article, tags: ['cyberattack'] } : article));
    const related = computeRelated([story, samePerson, sameTag, ...others]).get(story.url)!;
    expect(related[0]!.url).toBe(samePerson.url);
    expect(related[0]!.reasons).toEqual(['Jens Stoltenberg']);
    expect(related[0]!.score).toBeGreaterThan(related.find((link) => link.url === sameTag.url)!.score);
  });

  it('lets a tag on every article link nothing', () => {
    const archive = background(6, ['cybersecurity']);
    const related = computeRelated(archive);
    for (const article of archive) expect(related.get(article.url)).toEqual([]);
  });

  it('lets a name on more than half of the articles count for nothing', () => {
    const archive = background(12).map((article, i) => (i < 7 ? { ...article, organizations: ['NATO'] } : article));
    for (const links of computeRelated(archive).values()) expect(links).toEqual([]);
  });

  it('lets a name on two of three articles relate them in a small archive', () => {
    const archive = background(3).map((article, i) => (i < 2 ? { ...article, people: ['Jens Stoltenberg'] } : article));
    expect(
      computeRelated(archive)
        .get(archive[0]!.url)
        ?.map((link) => link.url),
    ).toEqual([archive[1]!.url]);
  });

  it('breaks ties by nearness in time, then the earlier story (not URL order), the same way for any input order', () => {
    const story = makeArticle({ title: 'Centre', date: '2020-06-15', people: ['Ann Example'], body: filler(1) });
    const ties = [
      makeArticle({ title: 'Bravo', date: '2020-06-10', people: ['Ann Example'], body: filler(2) }),
      makeArticle({ title: 'Alpha', date: '2020-06-20', people: ['Ann Example'], body: filler(3) }),
      makeArticle({ title: 'Far', date: '2010-01-01', people: ['Ann Example'], body: filler(4) }),
      makeArticle({ title: 'Near', date: '2020-06-14', people: ['Ann Example'], body: filler(5) }),
    ];
    const archive = [story, ...ties, ...background(10)];
    const expected = computeRelated(archive);
    // Bravo (5 days before) and Alpha (5 days after) are as near: the one before comes first, though Alpha's URL sorts first.
    expect(urls(expected.get(story.url))).toEqual([ties[3]!.url, ties[0]!.url, ties[1]!.url, ties[2]!.url]);
    for (let seed = 1; seed <= 20; seed++) {
      const again = computeRelated(shuffled(archive, seed));
      expect(JSON.stringify([...again].sort())).toBe(JSON.stringify([...expected].sort()));
    }
  });

  it('gives the same output, byte for byte, in any input order, on an archive with text and names', () => {
    const archive = [seedArticle(), ...background(30)].map((article, i) => ({
      ...article,
      people: i % 3 === 0 ? ['Jens Stoltenberg'] : article.people,
      tags: i % 4 === 0 ? ['cyberattack', 'nato'] : article.tags,
      body: i % 5 === 0 ? 'NATO cyber defence pledge conference in London on deterrence.' : article.body,
    }));
    const expected = JSON.stringify([...computeRelated(archive)]);
    expect(expected).toBe(JSON.stringify([...computeRelated([...archive].reverse())]));
    expect(expected).toBe(JSON.stringify([...computeRelated(shuffled(archive, 7))]));
  });

  it('puts pinned stories first in the order given, and never shows excluded ones', () => {
    const pinnedLater = makeArticle({ title: 'Pinned later', date: '2001-01-01', body: filler(10) });
    const pinnedFirst = makeArticle({ title: 'Pinned first', date: '2002-02-02', body: filler(11) });
    const strong = makeArticle({ title: 'Strong match', people: ['Ann Example', 'Bob Example'], body: filler(12) });
    const excludedMatch = makeArticle({ title: 'Excluded match', people: ['Ann Example', 'Bob Example'], body: filler(13) });
    const story = makeArticle({
      title: 'Story with an editor',
      people: ['Ann Example', 'Bob Example'],
      related: { pin: [pinnedFirst.slug, pinnedLater.url, excludedMatch.url], exclude: [excludedMatch.slug] },
      body: filler(14),
    });
    const links = computeRelated([story, strong, excludedMatch, pinnedLater, pinnedFirst, ...background(10)]).get(story.url)!;
    expect(urls(links)).toEqual([pinnedFirst.url, pinnedLater.url, strong.url]);
    expect(links.map((link) => link.pinned ?? false)).toEqual([true, true, false]);
  });

  it('names the shared names as reasons, strongest first', () => {
    const seed = seedArticle();
    const followUp = makeArticle({
      title: 'Alliance ministers meet',
      date: '2019-06-01',
      tags: ['cyberattack'],
      people: ['jens stoltenberg'],
      organizations: ['NATO'],
      body: filler(20),
    });
    const nato = Array.from({ length: 3 }, (_, i) =>
      makeArticle({ title: `NATO story ${i}`, organizations: ['NATO'], body: filler(30 + i) }),
    );
    const link = computeRelated([seed, followUp, ...nato, ...background(10)]).get(seed.url)![0]!;
    expect(link.url).toBe(followUp.url);
    // The person is on 2 articles, the tag on 2 and NATO on 5: the person and tag are rarer.
    expect(link.reasons).toEqual(['Jens Stoltenberg', 'cyberattack', 'NATO']);
  });

  it('says "similar text" when only the text links two stories', () => {
    const body = 'Ransomware gangs encrypted hospital servers in Düsseldorf and demanded bitcoin ransom payments.';
    const first = makeArticle({ title: 'Hospital ransomware', body });
    const second = makeArticle({ title: 'Hospital servers encrypted', body: `${body} Investigators traced the payments.` });
    const links = computeRelated([first, second, ...background(10)]).get(first.url)!;
    expect(links.map((link) => [link.url, link.reasons])).toEqual([[second.url, [SIMILAR_TEXT]]]);
    expect(links[0]!.score).toBeGreaterThan(0);
  });

  it('lists at most five stories unless told otherwise, and never the article itself', () => {
    const archive = Array.from({ length: 12 }, (_, i) =>
      makeArticle({ title: `Ann story ${i}`, people: ['Ann Example'], body: filler(i) }),
    );
    const related = computeRelated([...archive, ...background(20)]);
    const links = related.get(archive[0]!.url)!;
    expect(links).toHaveLength(DEFAULT_LIMIT);
    expect(urls(links)).not.toContain(archive[0]!.url);
    expect(computeRelated([...archive, ...background(20)], { limit: 3 }).get(archive[0]!.url)).toHaveLength(3);
  });

  it('folds spellings of a name that differ only in case or spacing', () => {
    const a = makeArticle({ title: 'One', organizations: ['NATO'], body: filler(1) });
    const b = makeArticle({ title: 'Two', organizations: ['nato '], body: filler(2) });
    const c = makeArticle({ title: 'Three', organizations: ['NATO'], body: filler(3) });
    const related = computeRelated([a, b, c, ...background(10)]);
    expect(urls(related.get(b.url))).toEqual(expect.arrayContaining([a.url, c.url]));
    expect(related.get(b.url)![0]!.reasons).toEqual(['NATO']);
  });
});
