/**
 * Is a capitalised word an English word or a name? The Hunspell dictionary
 * for English (dictionary-en, from SCOWL, read by nspell with its affix
 * rules) lists common words in lower case and names with their capital:
 * "split", "note" and "police" are words; "Prague", "NATO" and "Reuters" are
 * not, so a capitalised "Split" may be the word that opens a sentence while a
 * capitalised "Prague" is a name wherever it stands. Loaded once, on first use.
 */
import dictionary from 'dictionary-en';
import nspell from 'nspell';

let speller: ReturnType<typeof nspell> | undefined;

/** Whether the lower-case form of `word` is an English word (any inflection the dictionary's rules allow). */
export function isEnglishWord(word: string): boolean {
  // nspell reads the files as text; dictionary-en hands them over as bytes.
  speller ??= nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const lower = word.toLowerCase();
  return /^\p{L}[\p{L}'’-]*$/u.test(lower) && speller.correct(lower);
}
