/**
 * Finding the people an article names. Candidates are runs of capitalised
 * words; each is judged on its own shape (a known first name, an initial),
 * on its context (a title or role before it, "said" or an age after it, a
 * family word) and on what it must not be (a place, an organisation, a day).
 * Shorter mentions are then folded into the full name they belong to
 * ("Stoltenberg" into Jens Stoltenberg, "his daughter Yulia" into Yulia
 * Skripal), and registry aliases onto their canonical names.
 */
import { FIRST_NAME_TAGS, PERSON_TAGS, SURNAME_TAGS, hasTag, isCommonWord, isPlaceOrOrg, isTitle } from './lexicon.ts';
import { mentionsOf, promoteLists, type Mention } from './mentions.ts';
import { tokenize } from './tokens.ts';
import type { Registry } from '../../content/registry.ts';
import { isEnglishWord } from '../../content/words.ts';
import { personKey as nameKey } from '../../content/fold.ts';

/** What the extractor reads: the article body, its title, its Tags line, and text that stood around it. */
export interface PeopleInput {
  body: string;
  title?: string;
  tags?: string[];
  /** Captions, credits, teaser headlines, related links: names only here are not the article's. */
  outside?: string[];
}

/** Full names of the people the article names, ordered by first mention; see the module comment for the rules. */
export function extractPeople(input: PeopleInput, registry?: Registry): string[] {
  const text = [input.title ?? '', input.body].join('\n');
  const outside = new Set((input.outside ?? []).map((s) => s.trim()).filter(Boolean));
  const kept = text
    .split(/\r?\n/)
    .map((line) => (outside.has(line.trim()) ? '' : line))
    .join('\n')
    // Markdown link targets and images are addresses, not prose: "[Jens Stoltenberg](https://...)" keeps only its text.
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ')
    .replace(/\]\([^)\n]*\)/g, ']');
  const tokens = tokenize(kept);
  const known = new Set<string>();
  for (const name of registry?.keys() ?? []) known.add(name);
  const tagPeople = (input.tags ?? []).filter((t) => registry?.lookup(t) || looksLikeFullName(t));
  for (const t of tagPeople) known.add(nameKey(t));

  const mentions = mentionsOf(tokens, known);
  // A surname used on its own elsewhere marks its full name as a person's ("Frantisek Gaulieder's ... Gaulieder said").
  const alone = new Set(mentions.filter((m) => m.words.length === 1 && !m.negative).map((m) => nameKey(m.words[0]!)));
  for (const m of mentions) {
    // Family name first ("Liu Xiaming ... Liu said", "Kim Do Hoon ... Kim") counts the same way.
    if (m.words.length >= 2 && (alone.has(nameKey(m.words[m.words.length - 1]!)) || alone.has(nameKey(m.words[0]!)))) m.score += 1;
  }
  const firstPass = new Set(
    mentions.filter((m) => m.words.length >= 2 && m.score >= 2 && !m.negative).map((m) => nameKey(m.words.join(' '))),
  );
  promoteLists(tokens, mentions, (m) => m.score >= 2 || firstPass.has(nameKey(m.words.join(' '))));

  // Full names first: phrases of two words or more that pass, and the Tags line's people.
  const fulls: Array<{ words: string[]; at: number }> = [];
  for (const m of mentions) {
    const isKnown = known.has(nameKey(m.words.join(' ')));
    if (m.words.length >= 2 && m.words.length <= 4 && !m.kin && m.score >= 1 && (!m.negative || isKnown))
      fulls.push({ words: m.words, at: m.at });
  }
  for (const t of tagPeople) fulls.push({ words: t.split(/\s+/), at: Number.MAX_SAFE_INTEGER });

  // Shorter mentions find their full name through its trailing words: "Stoltenberg", "Van Hooydonk".
  const bySuffix = new Map<string, Array<{ words: string[]; at: number }>>();
  const fullAt = new Set<number>();
  for (const f of fulls) {
    fullAt.add(f.at);
    for (let j = 1; j < f.words.length; j++) {
      const k = nameKey(f.words.slice(f.words.length - j).join(' '));
      bySuffix.set(k, [...(bySuffix.get(k) ?? []), f]);
    }
  }
  const byFirst = new Map<string, Array<{ words: string[]; at: number }>>();
  for (const f of fulls) {
    const k = nameKey(f.words[0]!);
    const list = byFirst.get(k) ?? [];
    if (!list.some((g) => g.words.join(' ') === f.words.join(' '))) list.push(f);
    byFirst.set(k, list);
  }
  const found: Array<{ name: string; at: number }> = [];
  let lastPerson: string[] | undefined;
  for (const m of mentions) {
    let name: string | undefined;
    const key = nameKey(m.words.join(' '));
    const registered = registry?.lookup(m.words.join(' '));
    const owners = bySuffix.get(key) ?? [];
    if (owners.length === 0 && registered) name = registered;
    else if (m.kin && m.words.length === 1 && lastPerson && lastPerson.length >= 2) {
      name = `${m.words[0]} ${lastPerson[lastPerson.length - 1]}`;
    } else if (owners.length > 0) {
      const before = owners.filter((f) => f.at <= m.at);
      const pick = before.length > 0 ? before[before.length - 1]! : owners[0]!;
      name = pick.words.join(' ');
    } else if (m.words.length === 1 && byFirst.get(key)?.length === 1 && !m.negative && m.score >= 0) {
      // A family name written first ("Liu Xiaming ... Liu said"), or a first name alone, for the one person it can mean.
      name = byFirst.get(key)![0]!.words.join(' ');
    } else if (m.words.length >= 2 && fullAt.has(m.at)) {
      name = m.words.join(' ');
    } else if (m.words.length === 1 && !m.negative && acceptsAlone(m, key)) {
      name = m.words[0];
    } else if (known.has(key)) {
      name = m.words.join(' ');
    }
    if (!name) continue;
    lastPerson = name.split(/\s+/);
    found.push({ name: registry?.lookup(name) ?? name, at: m.at });
  }
  for (const t of tagPeople) found.push({ name: registry?.lookup(t) ?? t, at: Number.MAX_SAFE_INTEGER });

  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found) {
    const k = nameKey(f.name);
    if (!k || seen.has(k) || (!registry?.lookup(f.name) && !plausibleName(f.name))) continue;
    seen.add(k);
    out.push(f.name);
  }
  return out;
}

/**
 * Whether a name found by the rules can be a person's, by what it is made
 * of: not English words only ("Drug Rash", "Star Wars") unless a
 * first name is among them; not a reference's "Surname Initial" ("Lee H",
 * "Br J Dermatol"); not a storm ("Hurricane Barry"); not opening with a
 * particle or a lower-case compound ("de Miranda", "Day-by-day Schiff").
 */
export function plausibleName(name: string): boolean {
  const words = name.split(/\s+/);
  const lowers = words.map((w) => w.toLowerCase());
  if (
    !/^\p{Lu}/u.test(words[0]!) ||
    /^[\p{L}]+-\p{Ll}/u.test(words[0]!) ||
    /^(?:hurricane|typhoon|cyclone|storm|tropical)$/.test(lowers[0]!)
  )
    return false;
  const firstName = lowers.some((w) => hasTag(w, FIRST_NAME_TAGS));
  if (words.length > 1 && words.every((w, i) => isEnglishWord(lowers[i]!) && !/^\p{Lu}\.?$/u.test(w)) && !firstName) return false;
  // "Lee H", "J Immunol": an initial without its full stop at either end is a reference's, not a name's.
  if (words.length > 1 && (/^\p{Lu}$/u.test(words[words.length - 1]!) || /^\p{Lu}$/u.test(words[0]!))) return false;
  if (!firstName && words.slice(1, -1).some((w) => /^\p{Lu}$/u.test(w))) return false;
  return true;
}

/** Whether a one-word name that no full name explains is still a person ("President Clinton", "Chernomyrdin, the prime minister"). */
function acceptsAlone(m: Mention, key: string): boolean {
  if (isTitle(key) || isCommonWord(key)) return false;
  // "Story", "Guild", "Curry": an English word alone needs the strongest evidence (a title in the phrase, an apposition, a scorer).
  if (isEnglishWord(key) && !m.strongTitle) return false;
  return (m.titled && m.score >= 3) || (m.strongTitle && m.score >= 2) || (m.score >= 2 && hasTag(key, SURNAME_TAGS));
}

/** A phrase shaped like a person's full name: two to four capitalised words, the first a known first name or an initial. */
export function looksLikeFullName(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^\p{Lu}/u.test(w) || /^(de|van|von|der|di|da|du|la|le|bin|al|el)$/.test(w))) return false;
  const lowers = words.map((w) => w.toLowerCase());
  if (lowers.some((w) => isPlaceOrOrg(w) && !hasTag(w, PERSON_TAGS))) return false;
  return hasTag(lowers[0]!, FIRST_NAME_TAGS) || /^\p{Lu}\.$/u.test(words[0]!) || hasTag(lowers[lowers.length - 1]!, SURNAME_TAGS);
}
