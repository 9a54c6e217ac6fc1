/**
 * The article region of a dump and the lines inside it that are the article.
 */
import type { Line } from './lines.ts';
import {
  endsSentence,
  isCommentsHeading,
  isCredit,
  isInterfaceLabel,
  isImagePlaceholder,
  isLabelledTeaser,
  isProse,
  lineWeight,
  wordCount,
} from './prose.ts';

/** The stretch of lines with the most prose weight: the classic maximum-sum run. */
export function articleRegion(weights: readonly number[]): { start: number; end: number } | undefined {
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < weights.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weights[i]!;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return bestStart < 0 ? undefined : { start: bestStart, end: bestEnd };
}

/** A short line in capitals only, names and commas: an agency or photographer credit. */
function isShoutedCredit(text: string): boolean {
  return /^[\p{Lu}][\p{Lu} ,&/.'’-]{2,60}$/u.test(text) && wordCount(text) <= 6 && !/[.!?]$/.test(text);
}

/** A label that opens a list of links to other stories ("Related:", "Read more", "More:"). */
export const RELATED_LABEL =
  /^(?:related(?: (?:articles|stories|news|content|coverage|links|posts|reading))?|see also|read more|more|more on this|more stories|read also|also read|recommended)\s*:?$/i;

/** "Tags:", "Topics:", "Keywords:" opening the page's own tag line. */
export const TAGS_LABEL = /^(?:tags?|topics|keywords)(?:\s*:\s*(.*)|\s*)$/i;

/** The lines of the related list opened by the label at `labelAt`, as positions in `lines`. */
export function relatedList(lines: readonly Line[], labelAt: number): number[] {
  const out: number[] = [];
  let block = -1;
  for (let i = labelAt + 1; i < lines.length && out.length < 30; i++) {
    const line = lines[i]!;
    if (TAGS_LABEL.test(line.text) || RELATED_LABEL.test(line.text)) break;
    if (block < 0) block = line.block;
    const inFirstBlock = line.block === block;
    if (!inFirstBlock && !line.bullet && !isImagePlaceholder(line.text)) break;
    if (!inFirstBlock && isProse(line) && !line.bullet) break;
    if (isImagePlaceholder(line.text) || !line.text) continue;
    if (wordCount(line.text) < 2) {
      if (inFirstBlock || line.bullet) continue;
      break;
    }
    out.push(i);
  }
  return out;
}

/**
 * Which lines of the region are the article: prose, and short lines that sit
 * alone between paragraphs (subheadings). Caption blocks (a credit or an image
 * with its lines), labelled teasers, related lists and repeated lines are not.
 */
export function articleLines(
  lines: readonly Line[],
  region: { start: number; end: number },
  isFurniture: (line: Line) => boolean,
): Set<number> {
  const keep = new Set<number>();
  const captionBlocks = new Set<number>();
  for (let i = region.start; i <= region.end; i++) {
    const line = lines[i]!;
    if (line.blockSize >= 2 && line.blockSize <= 5 && (isCredit(line.text) || isImagePlaceholder(line.text))) {
      captionBlocks.add(line.block);
    }
    // "ITV, ASSOCIATED PRESS" under a caption: a short capitals-only line closing a small block.
    const previous = lines[i - 1];
    if (
      line.blockSize >= 2 &&
      line.blockSize <= 5 &&
      previous?.block === line.block &&
      lines[i + 1]?.block !== line.block &&
      isShoutedCredit(line.text) &&
      isProse(previous)
    ) {
      captionBlocks.add(line.block);
    }
  }
  const skip = new Set<number>();
  for (let i = region.start; i <= region.end; i++) {
    const line = lines[i]!;
    if (RELATED_LABEL.test(line.text)) {
      skip.add(i);
      for (const j of relatedList(lines, i)) skip.add(j);
    }
    const tags = TAGS_LABEL.exec(line.text);
    if (tags) {
      skip.add(i);
      if (!tags[1] && i + 1 < lines.length) skip.add(i + 1);
    }
  }
  const templated = templatedLines(lines, region);
  const usable = (line: Line, i: number): boolean =>
    !skip.has(i) &&
    !templated.has(i) &&
    !captionBlocks.has(line.block) &&
    !isFurniture(line) &&
    !(line.repeats > 1 && line.text.length < 200 && !isProse(line)) &&
    !isCredit(line.text) &&
    !isImagePlaceholder(line.text) &&
    !isLabelledTeaser(line.text) &&
    !isInterfaceLabel(line.text);
  for (let i = region.start; i <= region.end; i++) {
    const line = lines[i]!;
    if (!usable(line, i)) continue;
    if (isProse(line)) {
      keep.add(i);
      continue;
    }
    const next = lines[i + 1];
    const words = wordCount(line.text);
    const opensBlock = lines[i - 1]?.block !== line.block;
    const standsAlone = !line.bullet && (line.blockSize === 1 || (opensBlock && next?.block === line.block));
    const leadsProse = next !== undefined && i + 1 <= region.end && usable(next, i + 1) && isProse(next);
    const headingLike = words >= 1 && words <= 14 && line.text.length <= 100 && /\p{L}/u.test(line.text) && !/:$/.test(line.text);
    const shortSentence = endsSentence(line.text) && words >= 2;
    if (standsAlone && headingLike && (leadsProse || shortSentence) && keep.size > 0) keep.add(i);
  }
  // A clause that runs on into the next line ("また、その他にも、") belongs to the paragraph around it.
  const keptBlocks = new Set([...keep].map((i) => lines[i]!.block));
  for (let i = region.start; i <= region.end; i++) {
    const line = lines[i]!;
    if (!keep.has(i) && keptBlocks.has(line.block) && usable(line, i) && /[、，,;:：]$/u.test(line.text) && wordCount(line.text) >= 3) {
      keep.add(i);
    }
  }
  return tidyKept(lines, keep);
}

/** The last pass over an article's lines: a second printing of the text and the outlet's closing promotion go. */
export function tidyKept(lines: readonly Line[], keep: Set<number>): Set<number> {
  return dropTrailingPromotion(lines, dropRepeatedText(lines, keep));
}

const PROMOTION =
  /\b(?:follow|like|join|sign up|subscribe|listen|download|get)\b.*\b(?:facebook|twitter|instagram|youtube|linkedin|newsletters?|podcasts?|inbox)\b|\bunsubscribe\b|\bmy bookmarks\b/i;

/**
 * Drops the short lines at the end of the article that point readers at the
 * outlet's channels ("Follow us on Facebook and Twitter", "Sign up for our
 * newsletter"): the article has ended, the page's promotion has begun.
 */
function dropTrailingPromotion(lines: readonly Line[], keep: Set<number>): Set<number> {
  const order = [...keep].sort((a, b) => a - b);
  while (order.length > 1) {
    const text = lines[order[order.length - 1]!]!.text;
    if (text.length > 250 || !PROMOTION.test(text)) break;
    keep.delete(order.pop()!);
  }
  return keep;
}

/**
 * Lines cut from one template: three or more long lines of the region that
 * open with the same five words ("In this photo issued by ITV, ..."), as photo
 * captions of a gallery do and paragraphs do not.
 */
function templatedLines(lines: readonly Line[], region: { start: number; end: number }): Set<number> {
  const byPrefix = new Map<string, number[]>();
  for (let i = region.start; i <= region.end; i++) {
    const words = lines[i]!.text.split(' ');
    if (words.length < 10) continue;
    const prefix = words.slice(0, 5).join(' ');
    const group = byPrefix.get(prefix);
    if (group) group.push(i);
    else byPrefix.set(prefix, [i]);
  }
  return new Set([...byPrefix.values()].filter((group) => group.length >= 3).flat());
}

/**
 * Drops kept lines whose words mostly repeat text already kept: some pages
 * print the article twice (a print or app copy in other line breaks).
 */
function dropRepeatedText(lines: readonly Line[], keep: Set<number>): Set<number> {
  const seen = new Set<string>();
  const out = new Set<number>();
  for (const i of [...keep].sort((a, b) => a - b)) {
    const words = lines[i]!.text.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const shingles: string[] = [];
    for (let k = 0; k + 4 <= words.length; k++) shingles.push(`${words[k]} ${words[k + 1]} ${words[k + 2]} ${words[k + 3]}`);
    const repeated = shingles.filter((sh) => seen.has(sh)).length;
    if (shingles.length >= 6 && repeated / shingles.length > 0.6) continue;
    for (const sh of shingles) seen.add(sh);
    out.add(i);
  }
  return out;
}

/** Prose weights of each line, with furniture counted against. */
export function weights(lines: readonly Line[], isFurniture: (line: Line) => boolean): number[] {
  return lines.map((line) => (isFurniture(line) ? -1.5 : lineWeight(line)));
}

/**
 * Where the readers' part of the page begins: the first comments heading with
 * a fair amount of prose above it (a "Comments" link in the top menu has none).
 */
export function commentsStart(lines: readonly Line[], lineWeights: readonly number[]): number {
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    if (prose >= 12 && isCommentsHeading(lines[i]!.text)) return lines[i]!.index;
    prose += Math.max(0, lineWeights[i]!);
  }
  return Number.POSITIVE_INFINITY;
}
