/**
 * The text-dump extractor: a whole web page as a text browser printed it, in;
 * the article and what the page says about it, out.
 */
import { emptyExtracted, type Extracted } from '../types.ts';
import { findDays, findTime, parseHeaderClock } from './dates-in-text.ts';
import { type Line, normalizeDump, splitLines } from './lines.ts';
import { escapeMarkdown } from './markdown-escape.ts';
import { isByline, readPlainStory, type PlainStory } from './plain.ts';
import { decodeLeftoverEntities } from '../html/metadata.ts';
import { bylineNames, isWriterName } from '../authors.ts';
import { looksLikeFullName } from '../people/extract.ts';
import { detectProfile, type SiteProfile } from './profiles.ts';
import { endsSentence, isCredit, isImagePlaceholder, isInterfaceLabel, isProse, wordCount } from './prose.ts';
import { articleLines, articleRegion, commentsStart, RELATED_LABEL, relatedList, TAGS_LABEL, tidyKept, weights } from './region.ts';

export { escapeMarkdown, unescapeMarkdown } from './markdown-escape.ts';
export { SITE_PROFILES, type SiteProfile } from './profiles.ts';

/** Options of `extractFromTextDump`. */
export interface TextDumpOptions {
  /** Apply site profiles on top of the generic rules (default true). */
  profiles?: boolean;
}

/** Extracts the article, its title, day, tags and the page's furniture from a text dump. Never throws. */
export function extractFromTextDump(text: string, options: TextDumpOptions = {}): Extracted {
  const out = emptyExtracted('text');
  try {
    fill(out, text, options);
  } catch {
    // A page the rules cannot read yields what was found so far.
  }
  return out;
}

function fill(out: Extracted, text: string, options: TextDumpOptions): void {
  const lines = splitLines(normalizeDump(text));
  if (!lines.length) return;
  const profile = options?.profiles === false ? undefined : detectProfile(lines);
  const plain = profile ? undefined : readPlainStory(lines);
  if (plain) {
    fillPlain(out, lines, plain);
    return;
  }
  if (profile) out.source.name = profile.name;
  const profileEndAt = profileEnd(lines, profile);
  const isProfileFurniture = (line: Line): boolean =>
    line.index >= profileEndAt || (profile?.furniture.some((re) => re.test(line.text)) ?? false);
  const endAt = Math.min(profileEndAt, commentsStart(lines, weights(lines, isProfileFurniture)));
  const isFurniture = (line: Line): boolean => line.index >= endAt || isProfileFurniture(line);

  const region = articleRegion(weights(lines, isFurniture));
  const bodyStart = region?.start ?? lines.length;
  const keep = region ? articleLines(lines, region, isFurniture) : new Set<number>();
  const kept = [...keep].sort((a, b) => a - b);
  out.body = kept.map((i) => escapeMarkdown(lines[i]!.text)).join('\n\n');

  // The clock sits on one line, or on two ("22:25 GMT +3" above "23 May 2019").
  const clockText = (i: number): string =>
    parseHeaderClock(lines[i]!.text) !== undefined ? lines[i]!.text : `${lines[i]!.text} ${lines[i + 1]?.text ?? ''}`;
  const clockAt = lines.slice(0, Math.min(bodyStart, 15)).findIndex((_, i) => parseHeaderClock(clockText(i)) !== undefined);
  const clockLines = clockAt < 0 ? [] : clockText(clockAt) === lines[clockAt]!.text ? [clockAt] : [clockAt, clockAt + 1];
  const clockSet = new Set(clockLines.map((i) => lines[i]));
  const lede = kept
    .slice(0, 3)
    .map((i) => lines[i]!.text)
    .join(' ');
  const titleAt = findTitle(lines, bodyStart, (line) => isFurniture(line) || clockSet.has(line), lede, keep);
  // Some pages print a headline's character references as text ("&#39;official apology&#39;").
  if (titleAt !== undefined) out.title = decodeLeftoverEntities(lines[titleAt]!.text);
  const anchor = titleAt ?? bodyStart;
  // The byline under the headline names the authors and is not the story's text.
  const byline = findByline(lines, anchor, bodyStart);
  if (byline) out.authors = byline.names;
  const notBody = new Set([titleAt, ...(byline?.lines ?? [])]);
  if (kept.some((i) => notBody.has(i)))
    out.body = kept
      .filter((i) => !notBody.has(i))
      .map((i) => escapeMarkdown(lines[i]!.text))
      .join('\n\n');
  findDate(out, lines, anchor, bodyStart, clockLines);
  if (clockAt >= 0) out.source.retrieved = parseHeaderClock(clockText(clockAt), out.date);

  const section = findSection(lines, anchor, bodyStart, titleAt, isFurniture);
  if (section) out.section = section;
  findImage(out, lines, anchor, bodyStart, titleAt);
  findTagsAndRelated(out, lines, bodyStart, endAt);

  const outside = new Set<string>();
  if (out.image?.caption) outside.add(out.image.caption);
  if (out.image?.credit) outside.add(out.image.credit);
  for (const headline of out.related_headlines) outside.add(headline);
  if (region) {
    for (let i = region.start; i <= region.end; i++) {
      const line = lines[i]!;
      if (!keep.has(i) && !isFurniture(line) && wordCount(line.text) >= 3 && !isImagePlaceholder(line.text)) {
        outside.add(line.text);
      }
    }
  }
  out.outside = [...outside];
}

/** A plain story's parts, read off its structure. */
function fillPlain(out: Extracted, lines: readonly Line[], story: PlainStory): void {
  // Agencies end headlines with a full stop ("HAVEL PRAISES CZECH NATIVE ALBRIGHT AS FRIEND."); a headline has none.
  out.title = lines[story.titleAt]!.text.replace(/(?<![.\s])\.$/, '');
  const kept = [...tidyKept(lines, new Set(story.body))].sort((a, b) => a - b);
  out.body = kept.map((i) => escapeMarkdown(lines[i]!.text)).join('\n\n');
  const authors = [
    ...story.bylines.map((i) => lines[i]!.text.replace(/^by\s+/i, '')),
    ...story.signatures
      .map((i) => lines[i]!.text.replace(/^--\s*/, '').split(/\s*[,(]/)[0]!)
      .filter((name) => isByline(name) && isWriterName(name)),
  ];
  if (authors.length) out.authors = authors;
  out.outside = [...story.bylines, ...story.signatures].map((i) => lines[i]!.text);
  const dateline = story.dateline;
  if (dateline) {
    out.places = dateline.place.split(/,\s*/).map(placeCase);
    if (dateline.day) out.date = dateline.day;
  }
  if (!out.date) {
    // A story without a dated dateline may still open with its day ("May 23, 2019 - ...").
    const first = story.body[0] === undefined ? undefined : findDays(lines[story.body[0]]!.text)[0];
    if (first && first.start < 40) out.date = first.day;
  }
}

/** "PRAGUE" is Prague, "RIO DE JANEIRO" Rio De Janeiro's words each capitalised; a place written in mixed case stays as written. */
function placeCase(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

/**
 * The byline near the headline: "By Amelie Marie Nishizawa Feb 8, 2020 5 min
 * read", or a "By" / "Author:" label with the name on the next line.
 */
function findByline(lines: readonly Line[], anchor: number, bodyStart: number): { names: string[]; lines: number[] } | undefined {
  for (let i = anchor + 1; i < Math.min(lines.length, Math.max(anchor + 8, bodyStart + 3)); i++) {
    const t = lines[i]!.text;
    if (BYLINE_LABEL.test(t) && lines[i + 1]) {
      const names = bylineNames(lines[i + 1]!.text);
      if (names.length) return { names, lines: [i, i + 1] };
    }
    if (/^by\s+\p{Lu}/iu.test(t) && t.length <= 160) {
      const names = bylineNames(t);
      if (names.length) return { names, lines: [i] };
    }
    // A name alone on its line with the day under it: "Mike Conley" / "December 18, 2020".
    if (looksLikeFullName(t) && isWriterName(t) && findDays(lines[i + 1]?.text ?? '').length) return { names: [t], lines: [i] };
  }
  return undefined;
}

/** Where the profile says the article part of the page is over (its comment rules, say). */
function profileEnd(lines: readonly Line[], profile: SiteProfile | undefined): number {
  if (!profile) return Number.POSITIVE_INFINITY;
  const end = lines.find((line) => profile.endMarkers.some((re) => re.test(line.text)));
  return end ? end.index : Number.POSITIVE_INFINITY;
}

function titleCaseRatio(text: string): number {
  const words = text.split(/\s+/).filter((w) => /^[\p{L}'‘’"“]/u.test(w));
  if (!words.length) return 0;
  return words.filter((w) => /^['‘’"“]?\p{Lu}/u.test(w)).length / words.length;
}

const UI_PHRASES =
  /\b(?:share|sharing|icon|cookies?|browser|external links?|subscribe|sign (?:in|up)|log in|click|newsletter|advertisement|javascript)\b/i;

/** "Read more: <another story>", "WATCH: ...": a teaser's label. */
const TEASER_LABEL = /^(?:read|see|watch|listen|more|also|related|recommended|read also|also read|see also|read more|more on this)\s*:/i;

/** A label that puts the writer's name on the next line: "By", "Author:", "Written by". */
const BYLINE_LABEL = /^(?:by|author|authors|written by|posted by|words by|reporter|byline)\s*:?$/i;

/** Content words of a text, lower case: what a headline shares with its story. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOPWORDS.has(w));
}
const STOPWORDS = new Set([
  'that',
  'this',
  'with',
  'from',
  'have',
  'will',
  'your',
  'what',
  'when',
  'they',
  'their',
  'there',
  'about',
  'after',
  'more',
  'than',
  'were',
  'been',
  'into',
  'over',
  'just',
  'also',
  'says',
  'said',
]);

/**
 * The headline: a headline-shaped line shortly before the article. More words
 * and capitals count for it, and so do the page printing it twice (breadcrumb
 * and heading), a date or byline right under it, and words it shares with the
 * story's first paragraphs (a teaser for another story shares none); interface
 * words, list indentation and a byline label above it count against.
 */
function findTitle(
  lines: readonly Line[],
  bodyStart: number,
  isFurniture: (line: Line) => boolean,
  lede: string,
  kept: ReadonlySet<number>,
): number | undefined {
  let best: number | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  const from = Math.max(0, bodyStart - 60);
  const texts = new Map<string, number>();
  for (let i = from; i < Math.min(lines.length, bodyStart + 5); i++) {
    texts.set(lines[i]!.text, (texts.get(lines[i]!.text) ?? 0) + 1);
  }
  const ledeWords = new Set(contentWords(lede));
  const firstKept = Math.min(...kept);
  // "Image: <caption>" prints an image's caption; the same words on a line of their own are that caption, not a headline.
  const captions = new Set(
    lines.map((l) => /^(?:image|photo|picture|caption)s?:\s*(.+)$/i.exec(l.text)?.[1]).filter((c): c is string => Boolean(c)),
  );
  // The region may open with the headline and standfirst it does not keep.
  for (let i = from; i < Math.min(lines.length, bodyStart + 4); i++) {
    const line = lines[i]!;
    const t = line.text;
    const words = wordCount(t);
    // A kept line may be the headline only when it opens the region and does not read as a paragraph's sentence.
    if (
      (kept.has(i) && !(i === firstKept && titleCaseRatio(t) >= 0.6 && !/\.$/.test(t))) ||
      line.bullet ||
      isFurniture(line) ||
      isCredit(t) ||
      isImagePlaceholder(t)
    )
      continue;
    if (words < 2 || words > 30 || t.length > 220 || findDays(t).length || /^by\s/i.test(t)) continue;
    if (/:\/\/|^www\.|^\d+\.\s|^\d{1,2}:\d{2}\b/.test(t)) continue;
    // A headline has no closing stop, unless it is two title-case sentences ("Stock Is Falling. Why You Shouldn't Worry.").
    const titleCase = titleCaseRatio(t) >= 0.7;
    if (/[:;,]$/.test(t) || (/\.$/.test(t) && !/\.\.\.$/.test(t) && !(titleCase && words <= 20))) continue;
    if (captions.has(t) || TEASER_LABEL.test(t)) continue;
    if (i > 0 && BYLINE_LABEL.test(lines[i - 1]!.text)) continue;
    const half = t.slice(0, t.length >> 1).trim();
    if (half.length > 10 && t.slice(half.length).trim().startsWith(half)) continue;
    const repeated = (texts.get(t) ?? 0) > 1 || line.repeats > 1;
    let score = Math.min(words, 14) + titleCaseRatio(t) * 4 - Math.abs(bodyStart - i) / 10 - (words <= 3 && !repeated ? 4 : 0);
    if (repeated) score += 2;
    for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
      if (findDays(lines[j]!.text).length || /^by\s/i.test(lines[j]!.text) || BYLINE_LABEL.test(lines[j]!.text)) {
        score += 3;
        break;
      }
    }
    const own = contentWords(t);
    if (own.length && ledeWords.size) score += (8 * own.filter((w) => ledeWords.has(w)).length) / own.length;
    if (line.indent >= 2) score -= 6;
    if (UI_PHRASES.test(t)) score -= 10;
    if (/[.!?] \p{Lu}/u.test(t) && !titleCase) score -= 4;
    if (t === t.toUpperCase() && /\p{Lu}{2}/u.test(t)) score -= 4;
    if (t.includes('|')) score -= 3;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** What opens a stated publication day: a label at the start of a line or after a bar, or a byline's name. */
const PUBLISHED_LABEL =
  /(?:^|\|\s*|•\s*)(?:(?:first )?published|posted|publication date|date published|released)\b(?:\s*(?:on|at))?\s*:?|^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:,|\||•|-|–)/iu;

/** "16 hours ago", "yesterday", "just now": a day stated relative to when the page was served. */
const RELATIVE_DAY =
  /\b(?:\d+|an?|one|a few)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\b(?:yesterday|today|just now)\b/i;

/** "This page was last edited on 7 April 2020", "Latest revision as of 05:33, 7 April 2020". */
const LAST_EDITED = /\b(?:last edited on|latest revision as of)\b/i;

/**
 * The day the page states: a labelled publication day, else the first date near the headline (not the header
 * clock), else the first in the page. The time only comes with it when the
 * same line states one.
 */
function findDate(out: Extracted, lines: readonly Line[], anchor: number, bodyStart: number, clockLines: number[]): void {
  const near: number[] = [];
  for (let i = Math.max(0, anchor - 12); i < Math.min(lines.length, bodyStart + 3); i++) near.push(i);
  const rest: number[] = [];
  for (let i = 0; i < Math.min(lines.length, bodyStart + 400); i++) if (i < near[0]! || i > near[near.length - 1]!) rest.push(i);
  // A dateline is short; a date inside a sentence or a caption is about something else.
  const dateline = (line: Line): boolean => line.text.length <= 100 && !isCredit(line.text) && !(isProse(line) && line.text.length > 60);
  // First, a day the page labels as its publication day: "Published: 22:00 GMT, 26 September 2020 | Updated: ...",
  // "By Evan Symon, August 14, 2020 2:30 pm"; a header's date or a teaser's carries no such label.
  for (let i = 0; i < Math.min(lines.length, bodyStart + 15); i++) {
    const line = lines[i]!;
    if (clockLines.includes(i) || line.bullet || line.text.length > 160 || (isProse(line) && line.text.length > 100)) continue;
    const label = PUBLISHED_LABEL.exec(line.text);
    if (!label) continue;
    const day = findDays(line.text).find((d) => d.start >= label.index);
    // "By Nathan Bernier | KUT • 16 hours ago": the story's day is relative to a moment the dump does not state,
    // and the next byline with a day is another story's. No day is better than a wrong one.
    if (!day && RELATIVE_DAY.test(line.text.slice(label.index))) return;
    if (!day) continue;
    out.date = day.day;
    const time = findTime(line.text.slice(day.end)) ?? findTime(line.text.slice(label.index, day.start));
    if (time) out.time = time;
    return;
  }
  // A wiki states no publication day, only its last edit (its footer, its revision line): that is the page's day.
  const edited = (line: Line): boolean => LAST_EDITED.test(line.text);
  const passes: Array<[number[], (line: Line) => boolean]> = [
    [[...near, ...rest], edited],
    [near, dateline],
    [rest, dateline],
    // A sentence may open with its dateline ("WASHINGTON, May 23, 2019 - ..."); a date
    // further into a sentence (a privacy notice's "in effect on May 25, 2018") is not the page's.
    [[...near, ...rest], (line) => (findDays(line.text)[0]?.start ?? Infinity) < 40],
  ];
  for (const [order, accept] of passes) {
    for (const i of order) {
      if (clockLines.includes(i)) continue;
      const line = lines[i]!;
      if (line.text.length > 300 || !accept(line)) continue;
      const days = findDays(line.text);
      if (!days.length) continue;
      out.date = days[0]!.day;
      if (i >= anchor || /\b(?:published|posted|updated|on)\b/i.test(line.text)) {
        const time = findTime(line.text.slice(days[0]!.end)) ?? findTime(line.text.slice(0, days[0]!.start));
        if (time) out.time = time;
      }
      return;
    }
  }
}

/** A short label (one to three words) between the headline and the article: the section. */
function findSection(
  lines: readonly Line[],
  anchor: number,
  bodyStart: number,
  titleAt: number | undefined,
  isFurniture: (line: Line) => boolean,
): string | undefined {
  const candidates: number[] = [];
  for (let i = Math.max(0, anchor - 3); i < bodyStart; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (i === titleAt || line.bullet || isFurniture(line) || isInterfaceLabel(t)) continue;
    if (!/^[\p{L}][\p{L}&' -]{1,40}$/u.test(t) || t.split(/\s+/).length > 3) continue;
    // Two or three capitalised words are as often a byline's name as a section: only one word,
    // a label in capitals, or a joined label ("Science & Technology") passes.
    if (t.includes(' ') && t !== t.toUpperCase() && !/ & | and /.test(t)) continue;
    if (findDays(t).length || isCredit(t)) continue;
    candidates.push(i);
  }
  const after = candidates.find((i) => i > anchor);
  const pick = after ?? candidates[candidates.length - 1];
  return pick === undefined ? undefined : lines[pick]!.text;
}

/** The lead image's credit before the article, and the caption beside it. */
function findImage(out: Extracted, lines: readonly Line[], anchor: number, bodyStart: number, titleAt: number | undefined): void {
  for (let i = Math.max(0, anchor - 6); i < bodyStart; i++) {
    const t = lines[i]!.text;
    if (!isCredit(t)) continue;
    const glued = /^(.*?)\s*Credit\s*(?:\.\.\.|…|:)\s*(.+)$/.exec(t);
    if (glued) {
      out.image = { ...(glued[1] ? { caption: glued[1] } : {}), credit: glued[2]! };
      return;
    }
    const labelled = lines[i + 1] && /^Image caption\s+(.+)$/i.exec(lines[i + 1]!.text);
    let caption: string | undefined = labelled ? labelled[1] : undefined;
    for (let j = i - 1; !caption && j >= Math.max(0, i - 4); j--) {
      const c = lines[j]!;
      if (j === titleAt || c.bullet || isInterfaceLabel(c.text) || isImagePlaceholder(c.text)) continue;
      if (wordCount(c.text) >= 3 && !findDays(c.text).length && !isCredit(c.text)) caption = c.text;
    }
    out.image = { ...(caption ? { caption } : {}), credit: t };
    return;
  }
}

/** The page's own "Tags:" line and its related-links lists, after the article starts. */
function findTagsAndRelated(out: Extracted, lines: readonly Line[], bodyStart: number, endAt: number): void {
  const related = new Set<string>();
  for (let i = Math.max(0, bodyStart); i < lines.length && lines[i]!.index < endAt; i++) {
    const t = lines[i]!.text;
    const tags = TAGS_LABEL.exec(t);
    if (tags && !out.tags.length) {
      const itemLine = tags[1] || lines[i + 1]?.text || '';
      out.tags = itemLine
        .split(/\s*[,;|•]\s*/)
        .map((s) => s.trim())
        .filter((s) => s && s.length <= 80);
    }
    if (RELATED_LABEL.test(t)) {
      for (const j of relatedList(lines, i)) {
        const headline = lines[j]!.text;
        if (!endsSentence(headline) || !isProse(lines[j]!)) related.add(headline);
      }
    }
  }
  out.related_headlines = [...related];
}
