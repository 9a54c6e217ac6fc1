/**
 * What compromise's lexicon and the shipped word lists say about single
 * words: is it a first name, a title, a place, a verb. Lookups only, no
 * tagging pass, so a whole article costs a few milliseconds.
 */
import nlp from 'compromise';
import { DEMONYMS, NON_PERSON_WORDS, PLACE_PHRASES, PLACES, TITLE_QUALIFIERS, TITLE_WORDS } from './data.ts';

type Lexicon = Record<string, string | string[] | undefined>;
const LEXICON: Lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;

/** compromise lexicon tags of first names. */
export const FIRST_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
/** compromise lexicon tags of any part of a person's name. */
export const PERSON_TAGS = new Set(['Person', 'LastName', 'MaleName', 'FemaleName', 'FirstName', 'Honorific']);
/** Tags of words that are not names: verbs, function words, numbers. */
export const VERB_TAGS = new Set([
  'PresentTense',
  'Infinitive',
  'PastTense',
  'Gerund',
  'PhrasalVerb',
  'Modal',
  'Copula',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Adverb',
  'Cardinal',
  'Ordinal',
  'TextValue',
]);
/** Tags of nationality words and countries. */
export const NATIONALITY_TAGS = new Set(['Demonym', 'Country']);
/** Words that may stand between a name and its verb of speech ("Liu has said"). */
export const AUXILIARIES = new Set(['has', 'had', 'have', 'was', 'is', 'also', 'later', 'then', 'would', 'will']);
/** Tags of adjectives. */
export const ADJECTIVE_TAGS = new Set(['Adjective', 'Comparative', 'Superlative']);
/** Tags of plural nouns. */
export const PLURAL_TAGS = new Set(['Plural']);
/** Tags of days and months. */
export const CALENDAR_TAGS = new Set(['WeekDay', 'Month']);
/** Tags of surnames and of whole known people. */
export const SURNAME_TAGS = new Set(['Person', 'LastName']);
/** Generational suffixes after a name. */
export const NAME_SUFFIX = /^(jr|sr|jnr|snr|ii|iii|iv)\.?$/i;
/** Tags of places, organisations, teams and dates: what a name is not. */
export const PLACE_TAGS = new Set([
  'Country',
  'City',
  'Place',
  'Region',
  'Demonym',
  'Organization',
  'SportsTeam',
  'Month',
  'WeekDay',
  'Currency',
  'Date',
]);

/** The compromise lexicon tags of a lowercase word (none if unknown). */
export function tagsOf(word: string): string[] {
  // Own keys only: scraped text may hold "constructor" or "__proto__".
  const v = Object.hasOwn(LEXICON, word) ? LEXICON[word] : undefined;
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
}
/** Whether the lexicon gives the word one of these tags. */
export const hasTag = (word: string, set: Set<string>): boolean => tagsOf(word).some((t) => set.has(t));

/** A word compromise knows as something other than a name ("the", "attacking", "thursday"). */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => PERSON_TAGS.has(t) || PLACE_TAGS.has(t));
}

/** "British", "Russian", "Frenchman": words that qualify a title or a name and are not part of it. */
export function isNationality(word: string): boolean {
  return DEMONYMS.has(word) || TITLE_QUALIFIERS.has(word) || hasTag(word, NATIONALITY_TAGS);
}

/** A title, rank or role word ("minister", "Vice-President", "forwards"). */
export function isTitle(word: string): boolean {
  if (TITLE_WORDS.has(word) || TITLE_WORDS.has(word.replace(/\.$/, '')) || tagsOf(word).includes('Actor')) return true;
  // "Vice-President", "Secretary-General", and plurals of roles ("forwards Dean Sturridge and Darryl Powell").
  if (/[-‐‑]/.test(word)) return word.split(/[-‐‑]/).every((p) => TITLE_WORDS.has(p));
  return word.endsWith('s') && word.length > 3 && TITLE_WORDS.has(word.slice(0, -1));
}

/** Parts of speech that a surname is almost never: "Says", "Discuss", "Protection". */
export function isVerbOrAbstract(word: string): boolean {
  if (hasTag(word, PERSON_TAGS)) return false;
  if (hasTag(word, VERB_TAGS)) return true;
  return /(tion|sion|ment|ness|ity|ism|ship|ology|ics)$/.test(word) && word.length > 5;
}

/** A place written in several words ("hong kong", "united states"). */
export function isPlacePhrase(phrase: string): boolean {
  return PLACE_PHRASES.has(phrase) || hasTag(phrase, PLACE_TAGS);
}

/** A word that marks a place or an organisation. */
export function isPlaceOrOrg(word: string): boolean {
  return PLACES.has(word) || NON_PERSON_WORDS.has(word) || hasTag(word, PLACE_TAGS);
}
