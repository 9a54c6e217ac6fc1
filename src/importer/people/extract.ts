/**
 * Finding the people an article names. Candidates are runs of capitalised
 * words; each is judged on its own shape (a known first name, an initial),
 * on its context (a title or role before it, "said" or an age after it, a
 * family word) and on what it must not be (a place, an organisation, a day).
 * Shorter mentions are then folded into the full name they belong to
 * ("Stoltenberg" into Jens Stoltenberg, "his daughter Yulia" into Yulia
 * Skripal), and registry aliases onto their canonical names.
 */
import nlp from 'compromise';
import {
  AMBIGUOUS_TITLES,
  DEMONYMS,
  KIN_WORDS,
  PARTICLES,
  NON_PERSON_WORDS,
  ORGANIZATIONS,
  PLACE_PHRASES,
  PLACES,
  SPEECH_VERBS,
  STOP_CAPITALS,
  TITLE_QUALIFIERS,
  TITLE_WORDS,
} from './data.ts';
import { capitalRuns, isInitial, tokenize, type Token } from './tokens.ts';
import { personKey as nameKey, type Registry } from '../../content/registry.ts';

/** What the extractor reads: the article body, its title, its Tags line, and text that stood around it. */
export interface PeopleInput {
  body: string;
  title?: string;
  tags?: string[];
  /** Captions, credits, teaser headlines, related links: names only here are not the article's. */
  outside?: string[];
}

type Lexicon = Record<string, string | string[] | undefined>;
const LEXICON: Lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;

const FIRST_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const PERSON_TAGS = new Set(['Person', 'LastName', 'MaleName', 'FemaleName', 'FirstName', 'Honorific']);
const VERB_TAGS = new Set(['PresentTense', 'Infinitive', 'PastTense', 'Gerund', 'PhrasalVerb', 'Modal', 'Copula', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adverb']);
const NATIONALITY_TAGS = new Set(['Demonym', 'Country']);
const AUXILIARIES = new Set(['has', 'had', 'have', 'was', 'is', 'also', 'later', 'then', 'had', 'would', 'will']);
const ADJECTIVE_TAGS = new Set(['Adjective', 'Comparative', 'Superlative']);
const PLURAL_TAGS = new Set(['Plural']);
const CALENDAR_TAGS = new Set(['WeekDay', 'Month']);
const SURNAME_TAGS = new Set(['Person', 'LastName']);
const NAME_SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
const PLACE_TAGS = new Set(['Country', 'City', 'Place', 'Region', 'Demonym', 'Organization', 'SportsTeam', 'Month', 'WeekDay', 'Currency', 'Date']);

function tagsOf(word: string): string[] {
  const v = LEXICON[word];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
const hasTag = (word: string, set: Set<string>): boolean => tagsOf(word).some((t) => set.has(t));

/** A word compromise knows as something other than a name ("the", "attacking", "thursday"). */
function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => PERSON_TAGS.has(t) || PLACE_TAGS.has(t));
}

/** "British", "Russian", "Frenchman": words that qualify a title or a name and are not part of it. */
function isNationality(word: string): boolean {
  return DEMONYMS.has(word) || TITLE_QUALIFIERS.has(word) || hasTag(word, NATIONALITY_TAGS);
}

function isTitle(word: string): boolean {
  if (TITLE_WORDS.has(word) || TITLE_WORDS.has(word.replace(/\.$/, '')) || tagsOf(word).includes('Actor')) return true;
  // "Vice-President", "Secretary-General", and plurals of roles ("forwards Dean Sturridge and Darryl Powell").
  if (/[-‐‑]/.test(word)) return word.split(/[-‐‑]/).every((p) => TITLE_WORDS.has(p));
  return word.endsWith('s') && word.length > 3 && TITLE_WORDS.has(word.slice(0, -1));
}

/** Parts of speech that a surname is almost never: "Says", "Discuss", "Protection". */
function isVerbOrAbstract(word: string): boolean {
  if (hasTag(word, PERSON_TAGS)) return false;
  if (hasTag(word, VERB_TAGS)) return true;
  return /(tion|sion|ment|ness|ity|ism|ship|ology|ics)$/.test(word) && word.length > 5;
}

function isPlacePhrase(phrase: string): boolean {
  return PLACE_PHRASES.has(phrase) || hasTag(phrase, PLACE_TAGS);
}

function isPlaceOrOrg(word: string): boolean {
  return PLACES.has(word) || NON_PERSON_WORDS.has(word) || hasTag(word, PLACE_TAGS);
}

interface Mention {
  words: string[];
  /** Position of the first token, for "first mention" order. */
  at: number;
  score: number;
  negative: boolean;
  titled: boolean;
  kin: boolean;
  line: number;
  /** Token index just after the phrase. */
  end: number;
}

const SENTENCE_BREAK = new Set(['.', '!', '?', ':', ';', '-', '—', '–', '"', '“', '”', '‘', "'", '•', '*', '#', '|']);
const CREDIT_MARK = /^(©|\/)$/;

function atSentenceStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.line !== tokens[i]!.line || (prev.kind === 'punct' && SENTENCE_BREAK.has(prev.text)) || prev.kind === 'num';
}

/** Reads the candidate phrases of a text with their evidence for and against being a person. */
function mentionsOf(tokens: Token[], known: Set<string>): Mention[] {
  const mentions: Mention[] = [];
  const creditLines = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.text === '©' || (/^(photo|photograph|photos|image|picture|credit)$/i.test(t.text) && /^(:|by)$/i.test(tokens[i + 1]?.text ?? ''))) {
      creditLines.add(t.line);
    }
  });
  for (const [s0, e0] of capitalRuns(tokens)) {
    let s = s0;
    let e = e0;
    if (creditLines.has(tokens[s]!.line)) continue;
    if (CREDIT_MARK.test(tokens[s - 1]?.text ?? '')) continue;
    // Words that merely open a sentence ("But", "The", "Attacking").
    while (s < e && (STOP_CAPITALS.has(tokens[s]!.lower) || (atSentenceStart(tokens, s) && isCommonWord(tokens[s]!.lower) && !isTitle(tokens[s]!.lower) && !known.has(tokens[s]!.lower)))) s++;
    // Days and months end a name ("Rashid left Greece Thursday").
    for (let k = s; k < e; k++) {
      if (hasTag(tokens[k]!.lower, CALENDAR_TAGS)) {
        e = k;
        break;
      }
    }
    if (s >= e) continue;
    // A lone capital before a name is a position or a list mark ("S Damarious Randall"), not an initial.
    while (e - s > 2 && /^\p{Lu}$/u.test(tokens[s]!.text)) s++;
    // Titles before the name: "UK Foreign Minister Jeremy Hunt", "President Clinton", "Dr. Smith", "Frenchman Patrick Vieira".
    let titled = false;
    let cut = s;
    for (let k = s; k < e - 1; k++) {
      const w = tokens[k]!.lower;
      // A place of two or three words before a title ("Hong Kong Governor Chris Patten").
      const place = [3, 2].find((len) => k + len < e - 1 && isPlacePhrase(tokens.slice(k, k + len).map((t) => t.lower).join(' ')));
      if (place) {
        k += place - 1;
        continue;
      }
      // A title that is also a name ("Dean Jones", "John Major") is a title only before two more words.
      const ambiguous = AMBIGUOUS_TITLES.has(w) || hasTag(w, PERSON_TAGS);
      if ((isTitle(w) && (!ambiguous || k < e - 2)) || (/.{3}(man|woman)$/.test(w) && k < e - 2)) {
        titled = true;
        cut = k + 1;
      } else if (isNationality(w) || PLACES.has(w)) {
        if (k < e - 2) cut = k + 1;
      } else if (!hasTag(w, PLACE_TAGS)) break;
    }
    s = cut;
    // "Chancellor of the Exchequer Kenneth Clarke": the name starts at its first name.
    if (e - s >= 3 && tokens[s - 1]?.lower === 'the' && !hasTag(tokens[s]!.lower, FIRST_NAME_TAGS) && !isInitial(tokens[s]!)) {
      for (let k = s + 1; k <= e - 2; k++) {
        if (hasTag(tokens[k]!.lower, FIRST_NAME_TAGS)) {
          s = k;
          break;
        }
      }
    }
    // Generational suffixes are not part of the name the site files under ("John Mills Jr.").
    while (e - s > 2 && NAME_SUFFIX.test(tokens[e - 1]!.text)) e--;
    const prev = tokens[s - 1];
    const line = tokens[s]!.line;
    const prevWord = prev && prev.kind === 'word' && prev.line === line ? prev.lower : '';
    if (!titled && prevWord && isTitle(prevWord) && !isNameWordish(prev!)) titled = true;
    const kin = KIN_WORDS.has(prevWord);
    const words = tokens.slice(s, e).map((t) => t.text);
    const lowers = words.map((w) => w.toLowerCase());
    const n = words.length;

    let score = 0;
    if (titled) score += 2;
    if (kin) score += 2;
    if (n >= 2 && hasTag(lowers[0]!, FIRST_NAME_TAGS)) score += 2;
    if (n >= 2 && isInitial(tokens[s]!) && !isInitial(tokens[e - 1]!)) score += 2;
    if (lowers.some((w) => hasTag(w, SURNAME_TAGS))) score += 1;
    if (known.has(nameKey(words.join(' ')))) score += 3;
    const next = tokens[e];
    const next2 = tokens[e + 1];
    const sameLine = (t: Token | undefined): t is Token => !!t && t.line === line;
    // What people do in news: speak ("Burns said", "said Yegor Stroyev"), have an age, are described.
    if (sameLine(next) && next.kind === 'word' && (SPEECH_VERBS.has(next.lower) || (AUXILIARIES.has(next.lower) && SPEECH_VERBS.has(next2?.lower ?? '')))) score += 1;
    if (prevWord && SPEECH_VERBS.has(prevWord)) score += 1;
    if (sameLine(next) && next.text === ',' && sameLine(next2)) {
      if (next2.kind === 'num' && /^\d{1,2}$/.test(next2.text) && tokens[e + 2]?.text === ',') score += 2;
      else if (next2.lower === 'who' || SPEECH_VERBS.has(next2.lower)) score += 1;
      else if (n >= 2 && /^(the|a|an)$/.test(next2.lower) && tokens[e + 2] && isTitle(tokens[e + 2]!.lower)) score += 1;
    }
    if (n >= 2 && sameLine(next) && next.text === '(') score += 1;
    // "Chelsea's Gianfranco Zola": a name right after a possessive proper noun.
    if (n >= 2 && n <= 3 && !titled && prev?.possessive && isNameWordish(prev) && prev.line === line) score += 1;
    // Scorers in results: "(Davor Suker 24, Predrag Mijatovic 48)".
    if (n >= 2 && sameLine(next) && next.kind === 'num' && /^\d{1,3}$/.test(next.text) && (/^([,);]|and)$/.test(next2?.lower ?? '') || (!sameLine(next2) && prev?.text === ','))) score += 1;
    // A line that is only a name (a byline), or a signature after a dash.
    const [lineStart, lineEnd] = lineSpan(tokens, s);
    if (n >= 2 && n <= 3 && lineStart === s && lineEnd === e) score += 1;
    if (n >= 2 && lineStart < s && tokens.slice(lineStart, s).every((t) => /^[-—–]$/.test(t.text))) score += 1;

    // Against: organisation and place words and phrases, verbs, abstract nouns, adjectives and plurals.
    const phrase = lowers.join(' ');
    let hard = lowers.some((w) => NON_PERSON_WORDS.has(w) || PLACES.has(w) || ORGANIZATIONS.has(w)) || isPlacePhrase(phrase);
    if (n >= 2 && !hasTag(lowers[0]!, PERSON_TAGS) && (hasTag(lowers[0]!, ADJECTIVE_TAGS) || /.{3}(ive|ous|ful|able|ible)$/.test(lowers[0]!))) hard = true;
    if (lowers.some((w, k) => k < n - 1 && hasTag(w, PLURAL_TAGS) && !hasTag(w, PERSON_TAGS))) hard = true;
    // A verb in a name is a headline ("Stoltenberg Says Hitler"); a base form after the first word can be a name ("James Love", "Kim Do Hoon").
  if (n >= 2 && lowers.some((w, k) => !PARTICLES.has(w) && isVerbOrAbstract(w) && !(k > 0 && tagsOf(w).every((t) => t === 'Infinitive' || t === 'Singular')))) hard = true;
    const firstIsName = hasTag(lowers[0]!, FIRST_NAME_TAGS);
    lowers.forEach((w, k) => {
      if (!hasTag(w, PLACE_TAGS) || (k === 0 && firstIsName)) return;
      score -= k === n - 1 || n === 1 ? 2 : 1;
    });
    mentions.push({ words, at: s, end: e, score, negative: hard, titled, kin, line });
  }
  return mentions;
}

/** The half-open token range of the line that token i stands on. */
function lineSpan(tokens: Token[], i: number): [number, number] {
  const line = tokens[i]!.line;
  let a = i;
  let b = i + 1;
  while (a > 0 && tokens[a - 1]!.line === line) a--;
  while (b < tokens.length && tokens[b]!.line === line) b++;
  return [a, b];
}

function isNameWordish(t: Token): boolean {
  return t.kind === 'word' && t.text[0] !== t.text[0]!.toLowerCase();
}

/**
 * Lists of names ("Defenders - Dan Petrescu, Daniel Prodan, Anton Dobos"):
 * phrases joined only by commas or "and" are the same kind of thing, so when
 * a third of them are people, all of them are.
 */
function promoteLists(tokens: Token[], mentions: Mention[], isPerson: (m: Mention) => boolean): void {
  const groups: Mention[][] = [];
  let group: Mention[] = [];
  mentions.forEach((m, i) => {
    const prev = mentions[i - 1];
    const joined =
      prev !== undefined &&
      prev.line === m.line &&
      m.at > prev.end &&
      m.at - prev.end <= 2 &&
      tokens.slice(prev.end, m.at).every((t) => t.text === ',' || t.lower === 'and' || t.text === '&');
    if (!joined) {
      if (group.length > 0) groups.push(group);
      group = [];
    }
    group.push(m);
  });
  if (group.length > 0) groups.push(group);
  for (const g of groups) {
    if (g.length < 2 || g.some((m) => m.negative || m.score < 0 || m.words.length < 2 || m.words.length > 4)) continue;
    // A heading of roles before the list says what it lists ("Midfielders - ...", "Goalkeepers: ...").
    const lead = tokens.slice(lineSpan(tokens, g[0]!.at)[0], g[0]!.at);
    const headed = lead.length === 2 && isTitle(lead[0]!.lower) && /^[-–—:]$/.test(lead[1]!.text);
    const yes = g.filter(isPerson).length;
    if (headed || yes >= Math.max(1, Math.ceil(g.length / 3))) for (const m of g) m.score = Math.max(m.score, 2);
  }
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
  const firstPass = new Set(mentions.filter((m) => m.words.length >= 2 && m.score >= 2 && !m.negative).map((m) => nameKey(m.words.join(' '))));
  promoteLists(tokens, mentions, (m) => m.score >= 2 || firstPass.has(nameKey(m.words.join(' '))));

  // Full names first: phrases of two words or more that pass, and the Tags line's people.
  const fulls: Array<{ words: string[]; at: number }> = [];
  for (const m of mentions) {
    const isKnown = known.has(nameKey(m.words.join(' ')));
    if (m.words.length >= 2 && m.words.length <= 4 && !m.kin && m.score >= 1 && (!m.negative || isKnown)) fulls.push({ words: m.words, at: m.at });
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
    } else if (m.words.length === 1 && !m.negative && ((m.titled && m.score >= 3) || (m.score >= 2 && hasTag(key, SURNAME_TAGS)))) {
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
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(f.name);
  }
  return out;
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
