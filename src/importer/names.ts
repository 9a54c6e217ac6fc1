/**
 * Who and what an article names: its authors, the people, organisations and
 * places of its own text, and its topic tags. Every name in the front matter
 * stands in the article's body; a name that only the headline, the page's
 * keywords or its Tags line gives is left out, because a headline from a
 * page's chrome or a site-wide keyword would file the story under someone it
 * never mentions. A byline is an author, never a person of the story.
 */
import type { Registry } from '../content/registry.ts';
import { extractEntities, lookupPlace } from './entities/index.ts';
import { classifyNames, extractPeople } from './people/index.ts';
import type { Extracted } from './types.ts';
import { tidyTags } from './tags.ts';
import { personKey } from '../content/fold.ts';

/** The names of one article, each list without repeats. */
export interface ArticleNames {
  authors: string[];
  tags: string[];
  people: string[];
  organizations: string[];
  places: string[];
}

/** Sorts what an extractor found into the article's names. `peopleText` is read for people instead of the body when given. */
export function namesOf(extracted: Extracted, registry?: Registry, peopleText = extracted.body): ArticleNames {
  const authors = unique(extracted.authors ?? []);
  const classified = classifyNames(tidyTags(extracted.tags, { title: extracted.title, authors }), extracted.body, registry);
  const authorKeys = new Set(authors.map(personKey));
  const found = extractPeople(
    { body: peopleText, title: extracted.title, tags: [...classified.people], outside: extracted.outside },
    registry,
  );
  const people = unique([...found, ...classified.people, ...(extracted.people ?? [])]).filter((name) => !authorKeys.has(personKey(name)));
  const named = extractEntities({ title: extracted.title, body: extracted.body, outside: extracted.outside, people });
  const notPeople = new Set(named.notPeople);
  const inBody = groundedIn(peopleText);
  // The outlet that published the page is its source, not a name the story is filed under.
  const outlet = extracted.source.name ? personKey(extracted.source.name) : undefined;
  const notOutlet = (name: string): boolean => !outlet || personKey(name) !== outlet;
  return {
    authors,
    tags: unique(classified.tags).filter(notOutlet),
    // A registry name may stand for the body's shorter spelling ("Stoltenberg" is Jens Stoltenberg).
    people: people.filter((name) => !notPeople.has(name) && (inBody(name) || registry?.lookup(name) === name)),
    // The page's own lists (a dateline's place, Markdown input) come first and stand as given.
    organizations: unique([
      ...(extracted.organizations ?? []),
      ...[...named.organizations, ...classified.organizations].filter(inBody),
    ]).filter(notOutlet),
    places: mergePlaces([...(extracted.places ?? []), ...named.places], classified.places, inBody),
  };
}

/**
 * One spelling per place: the text's, or the page's own keyword when that is
 * the place's full name ("United Kingdom" on the Tags line for the text's
 * "UK"); a keyword for a place the text never names is left out.
 */
function mergePlaces(fromText: string[], fromTags: string[], inBody: (name: string) => boolean): string[] {
  const canonical = (name: string): string => personKey(lookupPlace(name)?.name ?? name);
  const spelling = new Map<string, string>();
  for (const name of unique(fromText)) if (!spelling.has(canonical(name))) spelling.set(canonical(name), name);
  for (const name of unique(fromTags)) {
    const key = canonical(name);
    const ownName = lookupPlace(name)?.name === name;
    if ((spelling.has(key) && ownName) || (!spelling.has(key) && inBody(name))) spelling.set(key, name);
  }
  return [...spelling.values()];
}

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether the body names a name: each of its words of two letters or more is
 * a word of the body ("Donald J Trump" needs "Donald" and "Trump"), and a
 * name of initials ("U.S.") stands in the body as written.
 */
export function groundedIn(body: string): (name: string) => boolean {
  const words = new Set(fold(body).split(' '));
  return (name) => {
    const parts = fold(name)
      .split(' ')
      .filter((w) => w.length >= 2);
    return parts.length > 0 ? parts.every((w) => words.has(w)) : body.includes(name);
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    const key = trimmed.normalize('NFKC').toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
