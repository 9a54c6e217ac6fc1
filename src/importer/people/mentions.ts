/**
 * Candidate names in a text and the evidence for and against each: the
 * shape of the phrase, the words around it, and lists it stands in.
 */
import { KIN_WORDS, NON_PERSON_WORDS, ORGANIZATIONS, PARTICLES, PLACES, SPEECH_VERBS, STOP_CAPITALS, AMBIGUOUS_TITLES } from './data.ts';
import {
  ADJECTIVE_TAGS,
  AUXILIARIES,
  CALENDAR_TAGS,
  FIRST_NAME_TAGS,
  NAME_SUFFIX,
  PERSON_TAGS,
  PLACE_TAGS,
  PLURAL_TAGS,
  SURNAME_TAGS,
  hasTag,
  isCommonWord,
  isNationality,
  isPlacePhrase,
  isTitle,
  isVerbOrAbstract,
  tagsOf,
} from './lexicon.ts';
import { capitalRuns, isInitial, type Token } from './tokens.ts';
import { lookupPlace } from '../../content/gazetteer.ts';
import { personKey as nameKey } from '../../content/fold.ts';

/** A candidate phrase with its evidence. */
export interface Mention {
  words: string[];
  /** Position of the first token, for "first mention" order. */
  at: number;
  score: number;
  negative: boolean;
  titled: boolean;
  /** Titled in the phrase itself ("President Clinton"), by an apposition ("Chernomyrdin, the prime minister"), or a scorer in a results line. */
  strongTitle: boolean;
  kin: boolean;
  line: number;
  /** Token index just after the phrase. */
  end: number;
}

const HEADLINE_BREAK_TAGS = new Set(['PresentTense', 'PastTense', 'Copula', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun']);
const SENTENCE_BREAK = new Set(['.', '!', '?', ':', ';', '-', '—', '–', '"', '“', '”', '‘', "'", '•', '*', '#', '|']);
const CREDIT_MARK = /^(©|\/)$/;

function atSentenceStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.line !== tokens[i]!.line || (prev.kind === 'punct' && SENTENCE_BREAK.has(prev.text)) || prev.kind === 'num';
}

/** Reads the candidate phrases of a text with their evidence for and against being a person. */
export function mentionsOf(tokens: Token[], known: Set<string>): Mention[] {
  const mentions: Mention[] = [];
  // Where a credit starts on a line: at "©", or at a line that opens with "Photo:" / "Photo by".
  const creditFrom = new Map<number, number>();
  tokens.forEach((t, i) => {
    const opensLine = i === 0 || tokens[i - 1]!.line !== t.line;
    const marker =
      t.text === '©' ||
      (opensLine &&
        /^(photo|photograph|photos|image|picture|credit|credits|photographer)$/i.test(t.text) &&
        /^(:|by)$/i.test(tokens[i + 1]?.text ?? ''));
    if (marker && !creditFrom.has(t.line)) creditFrom.set(t.line, i);
  });
  for (const [s0, e0] of capitalRuns(tokens).flatMap((run) => splitHeadline(tokens, run))) {
    let s = s0;
    let e = e0;
    // Credits name photographers and agencies, not people of the story: "© REUTERS / Kacper Pempel", "Kacper Pempel/Reuters".
    if ((creditFrom.get(tokens[s]!.line) ?? Infinity) < s) continue;
    if (CREDIT_MARK.test(tokens[s - 1]?.text ?? '') || (tokens[e]?.text === '/' && tokens[e]!.line === tokens[s]!.line)) continue;
    // Words that merely open a sentence ("But", "The", "Attacking").
    while (
      s < e &&
      (STOP_CAPITALS.has(tokens[s]!.lower) ||
        (atSentenceStart(tokens, s) && isCommonWord(tokens[s]!.lower) && !isTitle(tokens[s]!.lower) && !known.has(tokens[s]!.lower)))
    )
      s++;
    // Days and months end a name ("Rashid left Greece Thursday").
    for (let k = s; k < e; k++) {
      if (hasTag(tokens[k]!.lower, CALENDAR_TAGS)) {
        e = k;
        break;
      }
    }
    if (s >= e) continue;
    // "NASA-inspired", "Kremlin-backed": a compound with a common word describes, it does not name.
    while (
      s < e &&
      tokens[s]!.text.split(/[-‐‑]/).some((part, i) => i > 0 && part.length >= 4 && part === part.toLowerCase() && isCommonWord(part))
    )
      s++;
    if (s >= e) continue;
    // A lone capital before a name is a position or a list mark ("S Damarious Randall"), not an initial.
    while (e - s > 2 && /^\p{Lu}$/u.test(tokens[s]!.text)) s++;
    // A place before a full name, as lists of seats print them ("Ruislip Boris Johnson", "Sutton Coldfield Andrew Mitchell").
    for (const len of [3, 2, 1]) {
      const first = tokens[s + len];
      if (e - s - len < 2 || !first || !hasTag(first.lower, FIRST_NAME_TAGS) || hasTag(tokens[s]!.lower, FIRST_NAME_TAGS)) continue;
      if (
        lookupPlace(
          tokens
            .slice(s, s + len)
            .map((t) => t.text)
            .join(' '),
        )
      ) {
        s += len;
        break;
      }
    }
    // Titles before the name: "UK Foreign Minister Jeremy Hunt", "President Clinton", "Dr. Smith", "Frenchman Patrick Vieira".
    let titled = false;
    let cut = s;
    for (let k = s; k < e - 1; k++) {
      const w = tokens[k]!.lower;
      // A place of two or three words before a title ("Hong Kong Governor Chris Patten").
      const place = [3, 2].find(
        (len) =>
          k + len < e - 1 &&
          isPlacePhrase(
            tokens
              .slice(k, k + len)
              .map((t) => t.lower)
              .join(' '),
          ),
      );
      if (place) {
        k += place - 1;
        continue;
      }
      // A title that is also a name ("Dean Jones", "John Major") is a title only before two more words.
      const ambiguous = AMBIGUOUS_TITLES.has(w) || hasTag(w, FIRST_NAME_TAGS) || hasTag(w, SURNAME_TAGS);
      if ((isTitle(w) && (!ambiguous || k < e - 2)) || (/.{3}(man|woman)$/.test(w) && k < e - 2)) {
        titled = true;
        cut = k + 1;
      } else if (isNationality(w) || PLACES.has(w)) {
        if (k < e - 2) cut = k + 1;
      } else if (!hasTag(w, PLACE_TAGS)) break;
    }
    s = cut;
    // A title after an organisation or a place: "Federal Reserve Chairman Alan Greenspan".
    if (!titled) {
      for (let k = e - 2; k > s; k--) {
        const w = tokens[k]!.lower;
        if (!isTitle(w) || AMBIGUOUS_TITLES.has(w) || hasTag(w, FIRST_NAME_TAGS) || hasTag(w, SURNAME_TAGS)) continue;
        const before = tokens.slice(s, k).map((t) => t.lower);
        if (before.some((b) => NON_PERSON_WORDS.has(b) || ORGANIZATIONS.has(b) || PLACES.has(b) || hasTag(b, PLACE_TAGS))) {
          titled = true;
          s = k + 1;
        }
        break;
      }
    }
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
    // A role in lower case before the name ("striker Viorel Ion") is weaker evidence than a title in the name itself.
    const spanTitled = titled;
    if (!titled && prevWord && isTitle(prevWord) && !isNameWordish(prev!)) titled = true;
    const kin = KIN_WORDS.has(prevWord);
    const words = tokens.slice(s, e).map((t) => t.text);
    const lowers = words.map((w) => w.toLowerCase());
    const n = words.length;

    let score = 0;
    let apposition = false;
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
    if (
      sameLine(next) &&
      next.kind === 'word' &&
      (SPEECH_VERBS.has(next.lower) || (AUXILIARIES.has(next.lower) && SPEECH_VERBS.has(next2?.lower ?? '')))
    )
      score += 1;
    if (prevWord && SPEECH_VERBS.has(prevWord)) score += 1;
    if (sameLine(next) && next.text === ',' && sameLine(next2)) {
      if (next2.kind === 'num' && /^\d{1,2}$/.test(next2.text) && tokens[e + 2]?.text === ',') score += 2;
      else if (next2.lower === 'who' || SPEECH_VERBS.has(next2.lower)) score += 1;
      else if (/^(the|a|an)$/.test(next2.lower) && appositionTitle(tokens, e + 2, line)) {
        // "Chernomyrdin, the prime minister," "James Love, a consumer lobbyist".
        apposition = true;
        score += 2;
      }
    }
    if (n >= 2 && sameLine(next) && next.text === '(') score += 1;
    // "Chelsea's Gianfranco Zola": a name right after a possessive proper noun.
    if (n >= 2 && n <= 3 && !titled && prev?.possessive && isNameWordish(prev) && prev.line === line) score += 1;
    // Scorers in results: "(Davor Suker 24, Predrag Mijatovic 48)", "(Signori 23, Casiraghi 40)".
    let scorer = false;
    if (
      sameLine(next) &&
      next.kind === 'num' &&
      /^\d{1,3}$/.test(next.text) &&
      (/^([,);]|and)$/.test(next2?.lower ?? '') || (!sameLine(next2) && prev?.text === ','))
    ) {
      scorer = n >= 2 || insideParentheses(tokens, lineSpan(tokens, s)[0], s);
      if (scorer) score += n === 1 ? 2 : 1;
    }
    // Cricket scorecards: "Saeed Anwar c Healy b Reiffel 14", "Wasim Akram 10-1-42-3".
    if (
      n >= 2 &&
      sameLine(next) &&
      (/^(c|b|lbw|st|run|not|retired)$/.test(next.text) || (next.kind === 'num' && /^\d+(-\d+){3}$/.test(next.text)))
    )
      score += 1;
    // A line that is only a name (a byline), or a signature after a dash.
    const [lineStart, lineEnd] = lineSpan(tokens, s);
    if (n >= 2 && n <= 3 && lineStart === s && lineEnd === e) score += 1;
    if (n >= 2 && lineStart < s && tokens.slice(lineStart, s).every((t) => /^[-—–]$/.test(t.text))) score += 1;

    // Against: organisation and place words and phrases, verbs, abstract nouns, adjectives and plurals.
    const phrase = lowers.join(' ');
    let hard = lowers.some((w) => NON_PERSON_WORDS.has(w) || PLACES.has(w) || ORGANIZATIONS.has(w)) || isPlacePhrase(phrase);
    if (
      n >= 2 &&
      !hasTag(lowers[0]!, PERSON_TAGS) &&
      (hasTag(lowers[0]!, ADJECTIVE_TAGS) || /.{3}(ive|ous|ful|able|ible)$/.test(lowers[0]!))
    )
      hard = true;
    if (lowers.some((w, k) => k < n - 1 && hasTag(w, PLURAL_TAGS) && !hasTag(w, PERSON_TAGS))) hard = true;
    // A phrase ending in a role is a description ("Opinion Columnist"), unless a first name shows the role word is a surname ("John Major").
    if (n >= 2 && isTitle(lowers[n - 1]!) && !hasTag(lowers[0]!, FIRST_NAME_TAGS) && !hasTag(lowers[n - 1]!, SURNAME_TAGS)) hard = true;
    // A verb in a name is a headline ("Stoltenberg Says Hitler"); a base form after the first word can be a name ("James Love", "Kim Do Hoon").
    if (
      n >= 2 &&
      lowers.some(
        (w, k) =>
          !PARTICLES.has(w) &&
          isVerbOrAbstract(w) &&
          !(k > 0 && tagsOf(w).length > 0 && tagsOf(w).every((t) => t === 'Infinitive' || t === 'Singular')),
      )
    )
      hard = true;
    const firstIsName = hasTag(lowers[0]!, FIRST_NAME_TAGS);
    lowers.forEach((w, k) => {
      if (!hasTag(w, PLACE_TAGS) || (k === 0 && firstIsName)) return;
      score -= k === n - 1 || n === 1 ? 2 : 1;
    });
    mentions.push({
      words,
      at: s,
      end: e,
      score,
      negative: hard,
      titled,
      strongTitle: spanTitled || apposition || (n === 1 && scorer),
      kin,
      line,
    });
  }
  return mentions;
}

/**
 * Title Case headlines run names into verbs and function words ("Trump Says
 * Kim Jong Un Meeting Is Off"): such words split a run. Particles stay
 * ("Van Hooydonk", "Di Canio"), and so do words that may be first names ("Will").
 */
function splitHeadline(tokens: Token[], [s, e]: [number, number]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = s;
  for (let k = s; k < e; k++) {
    const w = tokens[k]!.lower;
    if (!PARTICLES.has(w) && !hasTag(w, PERSON_TAGS) && hasTag(w, HEADLINE_BREAK_TAGS)) {
      if (k > start) out.push([start, k]);
      start = k + 1;
    }
  }
  if (e > start) out.push([start, e]);
  return out;
}

/** A title within a few lower-case words from i: "the prime minister", "a consumer lobbyist", "the Russian envoy". */
function appositionTitle(tokens: Token[], i: number, line: number): boolean {
  for (let k = i; k < i + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.line !== line || t.kind !== 'word') return false;
    if (isTitle(t.lower)) return true;
    if (isNameWordish(t) && !isNationality(t.lower)) return false;
  }
  return false;
}

/** Whether an opening parenthesis between from and i is still open at i. */
function insideParentheses(tokens: Token[], from: number, i: number): boolean {
  let depth = 0;
  for (let k = from; k < i; k++) {
    if (tokens[k]!.text === '(') depth++;
    else if (tokens[k]!.text === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
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
export function promoteLists(tokens: Token[], mentions: Mention[], isPerson: (m: Mention) => boolean): void {
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
