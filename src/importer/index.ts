/**
 * The importer's one public function: the bytes of a scraped page in, an
 * article (front matter and Markdown body) or a one-line reason out. Pure: the
 * CLI reads and writes the files.
 */
import { createHash } from 'node:crypto';
import { readArticleText, writeArticleText } from '../content/frontmatter.ts';
import { articlePath } from '../content/article.ts';
import { validateFrontMatter, formatIssue, type FrontMatter } from '../content/schema.ts';
import type { Registry } from '../content/registry.ts';
import { findOutlet, type OutletRegistry } from '../content/outlets.ts';
import { nextDay } from '../content/dates.ts';
import { decodeBytes, decodePage } from './decode.ts';
import { extractFromHtml } from './html/index.ts';
import { extractFromTextDump } from './text/index.ts';
import { namesOf } from './names.ts';
import { dropCredits } from './credits.ts';
import { dropClutter } from './clutter.ts';
import { articleSummary } from './summary.ts';
import type { Extracted } from './types.ts';

/** An article has at least this many words; fewer is a page with no article. */
const MIN_WORDS = 25;

/** Pages larger than this are refused unread. */
export const MAX_BYTES = 20 * 1024 * 1024;

export type InputKind = 'text' | 'html' | 'markdown';

export interface ImportOptions {
  /** The name recorded as `source.file` (the raw page's file name). */
  fileName: string;
  /** The day to use when the page states none (`--date`). */
  date?: string;
  /** Site profiles on top of the generic rules (default on). */
  profiles?: boolean;
  registry?: Registry;
  /** The outlets registry: a page of a known outlet (by the domain of its URL, else its name) is recorded under the registry's name. */
  outlets?: OutletRegistry;
  /** Today, `YYYY-MM-DD`: a page dated after tomorrow is refused like an undated one. No check without it. */
  today?: string;
}

export type ImportResult =
  | {
      status: 'article';
      kind: InputKind;
      data: FrontMatter;
      body: string;
      /** Path relative to the articles folder: `YYYY/YYYY-MM-DD-SLUG.md`. */
      path: string;
      /** The file's whole text. */
      text: string;
      /** What the importer decided against the page's own word (a declared charset it overruled). */
      notes?: string[];
    }
  | {
      status: 'failed';
      kind?: InputKind;
      /** One line an editor can act on. */
      reason: string;
      /** What was found, printable with `--stdout` (absent when nothing was read). */
      text?: string;
      notes?: string[];
    };

/** Tells text dumps, HTML and Markdown with front matter apart by their content. */
export function detectKind(head: string): InputKind {
  const start = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (/^---[ \t]*[A-Za-z]*[ \t]*\r?\n/.test(start)) return 'markdown';
  if (/^<(!doctype\s+html|html|\?xml)/i.test(start)) return 'html';
  if (/<(html|head|body)[\s>]/i.test(start)) return 'html';
  const tags = start.match(/<\/?(div|p|span|a|meta|script|link|title|table|section|article)\b[^>]*>/gi);
  return tags && tags.length >= 5 ? 'html' : 'text';
}

/** Why these bytes are not a page at all, or undefined when they may be one. */
export function refuseBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'empty file';
  if (bytes.length > MAX_BYTES) return `file is larger than 20 MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB)`;
  const sample = bytes.subarray(0, 8192);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (utf16) return undefined;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary file (it contains NUL bytes), not a page';
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (control > sample.length * 0.05) return 'binary file (too many control bytes), not a page';
  return undefined;
}

/** The sha256 of the raw bytes, as recorded in `source.sha256`. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Imports one page. Never throws for bad input: a failure carries a reason. */
export function importPage(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const refused = refuseBytes(bytes);
  if (refused) return { status: 'failed', reason: refused };
  const head = decodeBytes(bytes.subarray(0, 4096), 'text');
  const kind = detectKind(head);
  const decoded = decodePage(bytes, kind === 'html' ? 'html' : 'text');
  const result = importText(decoded.text, kind, bytes, options);
  return decoded.note ? { ...result, notes: [decoded.note] } : result;
}

/** A day after tomorrow is no publication day yet: a page stating one is refused as if it stated none. */
function futureDay(date: string | undefined, today: string | undefined): string | undefined {
  const tomorrow = today ? nextDay(today) : undefined;
  return date && tomorrow && date > tomorrow ? date : undefined;
}

function importText(text: string, kind: InputKind, bytes: Uint8Array, options: ImportOptions): ImportResult {
  if (kind === 'markdown') return importMarkdown(text, options);

  const extracted: Extracted =
    kind === 'html' ? extractFromHtml(text) : extractFromTextDump(text, { profiles: options.profiles !== false });
  const tidied = dropClutter(extracted.body);
  const credited = dropCredits(tidied.body);
  extracted.body = credited.body;
  extracted.outside.push(...tidied.clutter, ...credited.credits);
  // When no article region stands out (a plain document such as a results
  // table, or an index page), the people of the whole text are what was
  // found; such a page is not written, but --stdout shows them.
  const peopleText = wordCount(extracted.body) < MIN_WORDS && kind === 'text' ? text : extracted.body;
  const future = futureDay(extracted.date, options.today);
  if (future) {
    extracted.date = undefined;
    extracted.time = undefined;
  }
  const data = toFrontMatter(extracted, sha256(bytes), options, peopleText);
  const body = extracted.body.replace(/\u00a0/g, ' ').trim();
  const printable = writeArticleText(data as FrontMatter, body);

  if (!body || wordCount(body) < MIN_WORDS) {
    return { status: 'failed', kind, reason: 'no article text found (an index page, or a page with no text)', text: printable };
  }
  if (!data.title) return { status: 'failed', kind, reason: 'no title found', text: printable };
  if (!data.date) {
    const reason = future
      ? `the page is dated ${future}, after tomorrow: pass the real day with --date YYYY-MM-DD`
      : 'no date found (add it by hand, or pass --date YYYY-MM-DD)';
    return { status: 'failed', kind, reason, text: printable };
  }
  const valid = validateFrontMatter(data, options.fileName);
  if (!valid.ok) return { status: 'failed', kind, reason: valid.issues.map(formatIssue).join('; '), text: printable };
  return finish(kind, valid.value, body);
}

function finish(kind: InputKind, data: FrontMatter, body: string): ImportResult {
  const text = writeArticleText(data, body);
  return { status: 'article', kind, data, body, path: articlePath(data.date, data.title).replace(/^articles\//, ''), text };
}

function importMarkdown(text: string, options: ImportOptions): ImportResult {
  const read = readArticleText(text, options.fileName);
  if (!read.ok) return { status: 'failed', kind: 'markdown', reason: read.issues.map(formatIssue).join('; ') };
  const future = futureDay(read.data.date, options.today);
  if (future)
    return {
      status: 'failed',
      kind: 'markdown',
      reason: `${options.fileName}: date: ${future} is after tomorrow: write the day the story was published`,
    };
  return finish('markdown', read.data, read.body.trim());
}

/** Builds front matter from what an extractor found: its names sorted into their keys (see names.ts). */
export function toFrontMatter(
  extracted: Extracted,
  hash: string,
  options: ImportOptions,
  peopleText = extracted.body,
): Partial<FrontMatter> {
  const names = namesOf(extracted, options.registry, peopleText);
  const source = { name: clean(extracted.source.name), url: extracted.source.url };
  const outlet = options.outlets ? findOutlet(source, options.outlets) : undefined;
  const data: Partial<FrontMatter> = {
    title: clean(extracted.title),
    date: extracted.date ?? options.date,
    time: extracted.date ? extracted.time : undefined,
    authors: names.authors,
    tags: names.tags,
    people: names.people,
    organizations: names.organizations,
    places: names.places,
    section: clean(extracted.section),
    summary: clean(articleSummary(extracted.summary, extracted)),
    source: {
      name: outlet?.name ?? source.name,
      url: source.url,
      file: options.fileName,
      sha256: hash,
      retrieved: extracted.source.retrieved,
    },
    image:
      extracted.image && (extracted.image.caption || extracted.image.credit)
        ? { caption: clean(extracted.image.caption), credit: clean(extracted.image.credit) }
        : undefined,
    related_headlines: unique(extracted.related_headlines.map((line) => clean(line)).filter((line): line is string => Boolean(line))),
  };
  return data;
}

function clean(value: string | undefined): string | undefined {
  const text = value
    ?.replace(/\u00a0/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text : undefined;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(value.trim());
  }
  return out;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
