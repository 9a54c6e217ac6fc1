import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, groupEntities } from '../../src/collections/entities.ts';
import { relatedStories } from '../../src/collections/related.ts';
import type { Article } from '../../src/content/article.ts';
import { makeArticle } from './make-article.ts';

function related(articles: Article[], limit = 5) {
  return relatedStories(articles, ENTITY_KINDS.map((kind) => groupEntities(articles, kind)), limit);
}

describe('related stories', () => {
  it('puts a story sharing a person above one sharing only a common tag', () => {
    const story = makeArticle({ title: 'Story', tags: ['cyberattack'], people: ['Jens Stoltenberg'] });
    const samePerson = makeArticle({ title: 'Same person', people: ['Jens Stoltenberg'] });
    const sameTag = makeArticle({ title: 'Same tag', tags: ['cyberattack'] });
    const others = Array.from({ length: 5 }, () => makeArticle({ tags: ['cyberattack'] }));
    const list = related([story, sameTag, samePerson, ...others]).get(story.url)!;
    expect(list[0]!.article).toBe(samePerson);
    expect(list[0]!.reason).toBe('shares Jens Stoltenberg');
    expect(list).toHaveLength(5);
  });

  it('says which names a story shares, strongest first', () => {
    const story = makeArticle({ tags: ['cyberattack'], people: ['Jens Stoltenberg'], organizations: ['NATO'] });
    const other = makeArticle({ tags: ['cyberattack'], people: ['Jens Stoltenberg'], organizations: ['NATO'] });
    expect(related([story, other]).get(story.url)![0]!.reason).toBe('shares Jens Stoltenberg, cyberattack, NATO');
  });

  it('breaks ties the same way whatever the input order: newer first, then the newest-first order of URLs', () => {
    const story = makeArticle({ title: 'Story', tags: ['sanctions'] });
    const a = makeArticle({ title: 'A', date: '2019-01-01', tags: ['sanctions'] });
    const b = makeArticle({ title: 'B', date: '2020-01-01', tags: ['sanctions'] });
    const c = makeArticle({ title: 'C', date: '2020-01-01', tags: ['sanctions'] });
    const forward = related([story, a, b, c]).get(story.url)!.map((r) => r.article.title);
    const backward = related([c, b, a, story]).get(story.url)!.map((r) => r.article.title);
    expect(forward).toEqual(['C', 'B', 'A']);
    expect(backward).toEqual(forward);
  });

  it('leaves out stories that share nothing, and the story itself', () => {
    const story = makeArticle({ tags: ['espionage'] });
    expect(related([story, makeArticle({ tags: ['elections'] })]).get(story.url)).toEqual([]);
  });

  it('puts pinned stories first and never shows excluded ones', () => {
    const pinned = makeArticle({ title: 'Pinned', tags: ['other'] });
    const excluded = makeArticle({ title: 'Excluded', people: ['Jeremy Hunt'] });
    const kept = makeArticle({ title: 'Kept', people: ['Jeremy Hunt'] });
    const story = makeArticle({ people: ['Jeremy Hunt'], related: { pin: [pinned.url], exclude: [excluded.slug] } });
    const list = related([story, pinned, excluded, kept]).get(story.url)!;
    expect(list.map((r) => [r.article.title, r.reason])).toEqual([
      ['Pinned', 'chosen by the editors'],
      ['Kept', 'shares Jeremy Hunt'],
    ]);
  });
});
