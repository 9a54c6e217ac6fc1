/**
 * Sorting a page's Tags line into people, organisations, places and plain
 * tags, so that every item lands in exactly one of the four. A person is an
 * item the registry knows, that compromise reads as a person, or that the
 * article's own text names; a place is one the gazetteer knows;
 * organisations come from compromise and small shipped lists; anything else
 * stays a topic tag.
 */
import nlp from 'compromise';
import type { Registry } from '../../content/registry.ts';
import { ORGANIZATIONS } from './data.ts';
import { lookupPlace } from '../../content/gazetteer.ts';
import { extractPeople, looksLikeFullName } from './extract.ts';
import { personKey } from '../../content/fold.ts';

/** The Tags line, sorted. Items keep the page's order within each list. */
export interface ClassifiedNames {
  people: string[];
  organizations: string[];
  places: string[];
  tags: string[];
}

const ORG_WORD =
  /\b(agency|ministry|department|office|council|commission|committee|bureau|party|bank|group|inc|ltd|corp|corporation|company|university|institute|centre|center|association|union|alliance|organization|organisation|lab|labs|foundation|court|parliament|army|navy|police|service|services)\b/i;

/** Whether the whole phrase is what compromise's matcher returned (not just part of it). */
function covers(found: string[], item: string): boolean {
  const key = personKey(item);
  return found.some((f) => personKey(f) === key);
}

/** Sorts the Tags line into people, organisations, places and topic tags, using the body to recognise people. */
export function classifyNames(items: string[], body: string, registry?: Registry): ClassifiedNames {
  const out: ClassifiedNames = { people: [], organizations: [], places: [], tags: [] };
  const inBody = extractPeople({ body }, registry);
  const seen = new Set<string>();
  for (const raw of items) {
    const item = raw.trim();
    const key = personKey(item);
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    const doc = nlp(item);
    const registered = registry?.lookup(item);
    const words = item.split(/\s+/);
    // A keyword naming a person of the story, in any case ("lopes" for Rosaly Lopes), is that person.
    const fromBody = inBody.find((p) => {
      const pk = personKey(p);
      return pk === key || pk.endsWith(` ${key}`);
    });
    const capitalised = /^\p{Lu}/u.test(item);
    if (registered) {
      out.people.push(registered);
    } else if (capitalised && lookupPlace(item)) {
      out.places.push(item);
    } else if (fromBody || (capitalised && (covers(doc.people().out('array'), item) || looksLikeFullName(item)))) {
      out.people.push(fromBody ?? item);
    } else if (
      ORGANIZATIONS.has(item.toLowerCase()) ||
      covers(doc.organizations().out('array'), item) ||
      (/^\p{Lu}/u.test(item) && words.length > 1 && ORG_WORD.test(item))
    ) {
      out.organizations.push(item);
    } else {
      out.tags.push(item);
    }
  }
  return out;
}
