/**
 * How much a line reads like an article's sentence rather than page furniture,
 * judged by structure only: length, words, sentence punctuation, list markers,
 * repetition, and the shapes captions and credits take.
 */
import type { Line } from './lines.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

const counted = new Map<string, number>();

/** Words in a line; CJK characters count as half a word each. */
export function wordCount(text: string): number {
  const known = counted.get(text);
  if (known !== undefined) return known;
  // Only text beyond Latin scripts needs the slower CJK pass.
  const cjk = /[\u1100-\uffff]/.test(text) ? (text.match(CJK)?.length ?? 0) : 0;
  const words = (cjk ? text.replace(CJK, ' ') : text).match(WORD)?.length ?? 0;
  // A cache bounded so that a huge page cannot hold memory after it is read.
  if (counted.size > 50_000) counted.clear();
  counted.set(text, words + cjk / 2);
  return words + cjk / 2;
}

/** Ends like a sentence: `.`, `!`, `?`, `…` (or CJK stops), then closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?…。！？][\s"'”’»)\]]*$/u.test(text);
}

/** Photo credits and caption labels: "© Reuters", "Image copyright", "(Image: GETTY)", "Credit...". */
export function isCredit(text: string): boolean {
  return (
    /^©|\s©\s|©\s*\S+\s*$/.test(text) ||
    // "Image copyright Getty Images", "Media caption ...", but not a sentence that mentions a photo's source.
    (/\b(?:image|photo|picture|media|video)s?\s*(?:copyright|credit|caption|source)\b/i.test(text) &&
      (!endsSentence(text) || /^(?:image|photo|picture|media|video)/i.test(text))) ||
    /\((?:image|photo|picture|pic|credit)s?:[^)]*\)\s*$/i.test(text) ||
    /[([](?:(?:image|photo|picture|pic)s? by|file|photo|image)\b:?[^)\]]*[)\]]\s*$/i.test(text) ||
    /\bCredit\s*(?:\.\.\.|…|:)/.test(text) ||
    /^(?:photo|image|picture|source|credit)s?\s*:/i.test(text) ||
    (/\b(?:getty images|shutterstock|afp|ap photo|reuters)\s*$/i.test(text.slice(-20)) && !endsSentence(text))
  );
}

/** A one- or two-word interface label: "Share", "Advertisement", "Log in", "Next". */
export function isInterfaceLabel(text: string): boolean {
  return /^(?:share|shares|search|follow|subscribe|log ?in|sign ?in|sign ?up|register|menu|advertisement|listen( live)?|by|comments?|print|e-?mail|close|next|previous|home|more|skip|save|reply|like|tweet|print options|loading|report|sponsored|ad)$/i.test(
    text,
  );
}

/** An image the text browser drew as `[name]`: alone on its line. */
export function isImagePlaceholder(text: string): boolean {
  return /^\[[^\]]{0,80}\]$/.test(text);
}

/** "Read more: Some other story", "SEE MORE: ...": a short label, a colon, a headline. */
export function isLabelledTeaser(text: string): boolean {
  const m = /^([\p{L}'’ ]{2,24}):\s*(\S.*)$/u.exec(text);
  if (!m) return false;
  const labelWords = m[1]!.trim().split(/\s+/).length;
  return labelWords <= 3 && !endsSentence(m[2]!) && wordCount(m[2]!) >= 3;
}

/** A horizontal rule drawn with box or ASCII characters: a boundary between page parts. */
export function isRule(text: string): boolean {
  return /^[━─═_\-=*~·.]{8,}$/u.test(text);
}

/** A form control as a text browser draws it: `[ ]`, `[*]`, `[          ]`, `[Search]` beside a field. */
export function hasFormControl(text: string): boolean {
  return /\[(?: *|\*|X|x)\](?!\()/.test(text);
}

/** "a, b c, d, e, f": a comma list of short items (tags, keywords), not a sentence. */
export function isItemList(text: string): boolean {
  if ((text.match(/[,;|]/g)?.length ?? 0) < 4) return false;
  const items = text.split(/\s*[,;|]\s*/);
  if (items.length < 5 || endsSentence(text)) return false;
  return items.reduce((sum, item) => sum + wordCount(item), 0) / items.length <= 4;
}

/**
 * A heading that opens the comments or the reader-discussion area: after it,
 * prose is readers', not the article's ("34 responses to ...", "Comments (12)",
 * "Leave a reply", "Join the discussion").
 */
export function isCommentsHeading(text: string): boolean {
  return (
    text.length <= 120 &&
    (/^(?:there (?:are|is) )?\d+\s+(?:responses?|comments?|replies|reactions|thoughts? on)\b/i.test(text) ||
      /^(?:comments?|discussion|reader comments|join the (?:discussion|conversation)|leave a (?:reply|comment)|add (?:a|your) comment|post a comment|community standards)(?:\s*\(?\d+\)?)?\s*:?$/i.test(
        text,
      ) ||
      /^(?:leave a (?:reply|comment)|post a comment|add a comment)\b/i.test(text) ||
      /\bComments? Feed for comments\b/.test(text))
  );
}

/**
 * A teaser card as a text browser prints it: a Title Case headline run into
 * its summary with no space ("Easy Steps To Make PretzelsLearn how to ...").
 */
export function isGluedTeaser(text: string): boolean {
  return /^(?:[\p{Lu}\d][\p{L}\d'’:,.&-]*\s+){3,}[\p{Lu}\d][\p{L}\d'’-]*\p{Ll}[\p{Lu}][\p{Ll}]/u.test(text.slice(0, 200));
}

/** True when the line reads as prose: several words and sentence punctuation, or long running text. */
export function isProse(line: Line): boolean {
  const text = line.text;
  if (isCredit(text) || isImagePlaceholder(text) || isItemList(text) || hasFormControl(text) || isGluedTeaser(text)) return false;
  const words = wordCount(text);
  if (!/[\p{Ll}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)) return false;
  if (endsSentence(text) && words >= 5) return true;
  return words >= 20 && text.length >= 120 && /[,;] |\. /.test(text);
}

/**
 * The weight a line adds to the article region: positive for prose (more for
 * longer lines), negative for furniture; list items and lines the page repeats
 * weigh against, as menus and teaser rails do.
 */
export function lineWeight(line: Line): number {
  if (isRule(line.text)) return -6;
  if (hasFormControl(line.text)) return -3;
  // Menus and rails repeat; a repeated sentence is often a standfirst the article restates.
  if (line.repeats > 1 && line.text.length < 200) return isProse(line) ? 0 : -1.5;
  if (isProse(line)) {
    const words = wordCount(line.text);
    const base = 1 + Math.min(words, 80) / 8;
    return line.bullet ? base / 3 : base;
  }
  return line.bullet ? -1.5 : -1;
}
