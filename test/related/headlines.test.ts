import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.ts';
import { linkRelatedHeadlines, normaliseHeadline } from '../../src/related/index.ts';
import { makeArticle } from '../support/make-article.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SEED_FILE = 'articles/2019/2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';

describe('normaliseHeadline', () => {
  it('ignores case, quotation marks, dashes and runs of white space', () => {
    expect(normaliseHeadline("Dunford Cancels NATO Trip Due to 'Unforeseen' Circumstances - Spokesperson")).toBe(
      normaliseHeadline('DUNFORD cancels NATO trip due to ‘Unforeseen’  Circumstances — Spokesperson'),
    );
    expect(normaliseHeadline('“Ex-NATO General”')).toBe('ex nato general');
  });
});

describe('linkRelatedHeadlines', () => {
  const seedText = readFileSync(path.join(repoRoot, 'content', SEED_FILE), 'utf8');
  const parsed = parseArticle(seedText, SEED_FILE);
  if (!parsed.ok) throw new Error('the seed article does not parse');
  const seed = parsed.article;

  it("links the seed's outlet headline to the archived article with that title, and leaves the others unlinked", () => {
    const archived = makeArticle({
      title: 'Dunford Cancels NATO Trip Due to ‘Unforeseen’ Circumstances – Spokesperson',
      date: '2019-04-02',
    });
    const links = linkRelatedHeadlines([seed, archived]).get(seed.url)!;
    expect(links).toHaveLength(seed.related_headlines.length);
    expect(links[seed.related_headlines.findIndex((headline) => headline.startsWith('Dunford'))]).toBe(archived.url);
    expect(links.filter((url) => url !== undefined)).toEqual([archived.url]);
  });

  it('picks the article nearest in time when two carry the headline, and never the article itself', () => {
    const story = makeArticle({ title: 'Weekly briefing', date: '2020-03-10', related_headlines: ['Weekly Briefing'] });
    const far = makeArticle({ title: 'Weekly briefing', date: '2019-01-01' });
    const near = makeArticle({ title: 'Weekly briefing', date: '2020-02-28' });
    expect(linkRelatedHeadlines([far, story, near]).get(story.url)).toEqual([near.url]);
    expect(linkRelatedHeadlines([story]).get(story.url)).toEqual([undefined]);
  });
});
