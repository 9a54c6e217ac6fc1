/**
 * Organisations and places named in an article's own text (its headline and
 * body, not the captions, teasers and credits around it). People come first,
 * from the people extractor; what they leave is read for bodies, then for
 * places, so "Bank of England" is one organisation and not a place, and
 * "George Washington" is nobody's city.
 */
import { tokenize } from '../people/tokens.ts';
import { byApposition, findOrganizations, plausibleBody } from './organizations.ts';
import { findPlaces } from './places.ts';
import { properSpans } from './spans.ts';
import { personKey, placeKey } from '../../content/fold.ts';

export { lookupPlace, type Place } from '../../content/gazetteer.ts';
export { placeKey } from '../../content/fold.ts';

/** What the entity extractor reads. */
export interface EntityInput {
  title?: string;
  body: string;
  /** Text around the article (captions, credits, teasers): nothing named only there counts. */
  outside?: string[];
  /** The people already found, whose words are not places or bodies. */
  people: string[];
}

/** Organisations and places, each once, spelt as the article spells it, in order of first mention. */
export interface Entities {
  organizations: string[];
  places: string[];
  /** Names the people extractor gave that the text shows to be bodies ("Tallinna Pank, one of the largest banks"). */
  notPeople: string[];
}

/** Finds the organisations and places an article names. */
export function extractEntities(input: EntityInput): Entities {
  const outside = new Set((input.outside ?? []).map((s) => s.trim()).filter(Boolean));
  const text = [input.title ?? '', input.body]
    .join('\n')
    .split(/\r?\n/)
    .map((line) => (outside.has(line.trim()) ? '' : line))
    .join('\n')
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
    .replace(/\]\([^)\n]*\)/g, ']')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
  const tokens = tokenize(text);
  const spans = properSpans(tokens);

  // What the words around a name say outweighs what its shape says: a person's name in apposition to "bank" is a bank's.
  const peopleKeys = new Set(input.people.map(personKey));
  const notPeople = new Set<string>();
  for (const span of spans) {
    const org = span.shouted ? undefined : byApposition(tokens, span.start, span.end);
    const key =
      org &&
      personKey(
        tokens
          .slice(org.start, org.end)
          .map((t) => t.text)
          .join(' '),
      );
    if (key && peopleKeys.has(key)) notPeople.add(key);
  }
  // A one-word "person" who only ever stands inside a body's name ("Guild" in "Screen Actors Guild") is part of that name.
  const bodies = findOrganizations(tokens, spans, new Set());
  const insideBody = new Set<number>();
  for (const body of bodies) if (body.end - body.start > 1) for (let k = body.start; k < body.end; k++) insideBody.add(k);
  for (const name of input.people) {
    const key = personKey(name);
    if (key.includes(' ')) continue;
    const at = tokens.flatMap((t, i) => (t.kind === 'word' && personKey(t.text) === key ? [i] : []));
    if (at.length > 0 && at.every((i) => insideBody.has(i))) notPeople.add(key);
  }
  const stillPeople = input.people.filter((name) => !notPeople.has(personKey(name)));
  const personWords = new Set(stillPeople.flatMap((name) => personKey(name).split(' ')).filter((w) => w.length > 1));
  const people = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text) && personWords.has(personKey(t.text))) people.add(i);
  });

  const organizations = findOrganizations(tokens, spans, people);
  const taken = new Set(people);
  for (const org of organizations) for (let k = org.start; k < org.end; k++) taken.add(k);
  const places = findPlaces(tokens, spans, taken);

  // One spelling per place: the gazetteer's own name when the text uses it, else the first spelling in mixed case.
  const byPlace = new Map<string, string[]>();
  for (const p of places) byPlace.set(p.place.name, [...(byPlace.get(p.place.name) ?? []), p.spelling]);
  const placeNames = [...byPlace].map(([name, spellings]) => {
    const own = spellings.find((s) => placeKey(s) === placeKey(name));
    return own ? unshout(own) : unshout(spellings.find((s) => s !== s.toUpperCase() || s.length <= 4) ?? spellings[0]!);
  });

  return {
    organizations: longestOnly(unique(organizations.map((o) => o.spelling).filter(plausibleBody))),
    places: longestOnly(unique(placeNames)),
    notPeople: input.people.filter((name) => notPeople.has(personKey(name))),
  };
}

/** Drops a name that is part of a longer one the article also uses ("Rubber Board" beside "Rubber Board of India"). */
function longestOnly(names: string[]): string[] {
  const keys = names.map((name) => ` ${personKey(name)} `);
  return names.filter((_, i) => !keys.some((other, j) => j !== i && other.length > keys[i]!.length && other.includes(keys[i]!)));
}

/** "PRAGUE" as Prague; a spelling with lower-case letters, or an acronym, stays as written. */
function unshout(spelling: string): string {
  if (spelling !== spelling.toUpperCase() || spelling.replace(/[^\p{L}]/gu, '').length <= 3) return spelling;
  return spelling.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = personKey(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
