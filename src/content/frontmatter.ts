/**
 * Reading and writing article files: YAML front matter between `---` lines,
 * then Markdown. Reading is safe by construction: only plain YAML is
 * accepted (no `---js` front matter, no custom tags, bounded aliases, no
 * duplicate keys), and nothing in it is ever evaluated. Writing puts keys in
 * the content model's order so the same article always gives the same bytes.
 */
import { LineCounter, Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import {
  IMAGE_KEY_ORDER,
  KEY_ORDER,
  RELATED_KEY_ORDER,
  SOURCE_KEY_ORDER,
  validateFrontMatter,
  type ContentIssue,
  type FrontMatter,
} from './schema.ts';

export interface ParsedFile {
  /** The raw front matter as plain data (not yet validated). */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line of a dotted key path (`title`, `source.url`). */
  lineOf: (path: string) => number | undefined;
  /** Line where the body starts. */
  bodyLine: number;
}

/** Articles larger than this are refused, as the importer refuses such pages. */
export const MAX_ARTICLE_CHARS = 20 * 1024 * 1024;

const OPENING = /^\uFEFF?---[ \t]*([A-Za-z]*)[ \t]*\r?\n/;

/**
 * Splits and parses an article file. Returns issues instead of throwing, each
 * naming the file and the line.
 */
export function parseArticleText(text: string, file: string): { ok: true; parsed: ParsedFile } | { ok: false; issues: ContentIssue[] } {
  if (text.length > MAX_ARTICLE_CHARS) {
    return {
      ok: false,
      issues: [
        {
          file,
          line: 1,
          message: `is larger than 20 MB (${(text.length / 1024 / 1024).toFixed(1)} M characters); an article is a story, not an archive`,
        },
      ],
    };
  }
  if (text.includes('\u0000')) {
    return {
      ok: false,
      issues: [{ file, line: lineAt(text, text.indexOf('\u0000')), message: 'contains a NUL byte; an article is UTF-8 text' }],
    };
  }
  const open = OPENING.exec(text);
  if (!open) {
    return {
      ok: false,
      issues: [{ file, line: 1, message: 'must start with front matter: a line "---", YAML keys (title, date, ...), and a closing "---"' }],
    };
  }
  const language = open[1]!.toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') {
    return {
      ok: false,
      issues: [
        {
          file,
          line: 1,
          message: `front matter "---${open[1]}" is not accepted: articles use plain YAML front matter ("---"), which is never run as code`,
        },
      ],
    };
  }
  const start = open[0].length;
  const rest = text.slice(start);
  const closing = /(^|\n)---[ \t]*(\r?\n|$)/.exec(rest);
  if (!closing) {
    return { ok: false, issues: [{ file, line: 1, message: 'front matter is not closed: add a line "---" after the last key' }] };
  }
  const yamlText = rest.slice(0, closing.index + closing[1]!.length);
  const body = rest.slice(closing.index + closing[0].length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    prettyErrors: false,
    strict: true,
  });
  const offsetLine = lineAt(text, start) - 1;
  const issues: ContentIssue[] = [];
  for (const error of doc.errors) {
    issues.push({
      file,
      line: offsetLine + (lineCounter.linePos(error.pos[0]).line || 1),
      message: `front matter is not valid YAML: ${firstLine(error.message)}`,
    });
  }
  for (const warning of doc.warnings) {
    issues.push({
      file,
      line: offsetLine + (lineCounter.linePos(warning.pos[0]).line || 1),
      message: `front matter uses YAML that is not accepted: ${firstLine(warning.message)}`,
    });
  }
  if (issues.length) return { ok: false, issues };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      issues: [{ file, line: offsetLine + 1, message: `front matter could not be read: ${firstLine(String((error as Error).message))}` }],
    };
  }
  if (data === null || data === undefined) data = {};
  // The parser's strings are slices of the whole file text; a copy lets the
  // text be collected (about 10 kB kept per article otherwise).
  data = structuredClone(data);
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ file, line: offsetLine + 1, message: 'front matter must be a set of keys (title: ..., date: ...)' }] };
  }
  const lines = keyLines(doc.contents as Node | null, lineCounter, offsetLine);
  return {
    ok: true,
    parsed: {
      data: data as Record<string, unknown>,
      body,
      lineOf: (path) => lines.get(path),
      bodyLine: lineAt(text, start + closing.index + closing[0].length),
    },
  };
}

/** Parses and validates in one step: what the build, the importer and `check` all call. */
export function readArticleText(
  text: string,
  file: string,
): { ok: true; data: FrontMatter; body: string; lineOf: (path: string) => number | undefined } | { ok: false; issues: ContentIssue[] } {
  const parsed = parseArticleText(text, file);
  if (!parsed.ok) return parsed;
  const valid = validateFrontMatter(parsed.parsed.data, file, parsed.parsed.lineOf);
  if (!valid.ok) return valid;
  return { ok: true, data: valid.value, body: parsed.parsed.body, lineOf: parsed.parsed.lineOf };
}

function keyLines(
  node: Node | null,
  counter: LineCounter,
  offset: number,
  prefix = '',
  out = new Map<string, number>(),
): Map<string, number> {
  if (!node || !isMap(node)) return out;
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = `${prefix}${String(item.key.value)}`;
    const range = item.key.range;
    if (range) out.set(key, offset + counter.linePos(range[0]).line);
    if (item.value && isMap(item.value)) keyLines(item.value as Node, counter, offset, `${key}.`, out);
    // A list's items by index (`incidents.2`), so a problem with one item names its own line.
    else if (item.value && isSeq(item.value))
      item.value.items.forEach((entry, index) => {
        const at = (entry as Node | null)?.range;
        if (at) out.set(`${key}.${index}`, offset + counter.linePos(at[0]).line);
      });
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Returns a copy of `data` with keys in the content model's order and empty values dropped. */
export function orderFrontMatter(data: FrontMatter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = (data as Record<string, unknown>)[key];
    if (isEmpty(value)) continue;
    if (key === 'source') out[key] = orderObject(value as Record<string, unknown>, SOURCE_KEY_ORDER);
    else if (key === 'image') out[key] = orderObject(value as Record<string, unknown>, IMAGE_KEY_ORDER);
    else if (key === 'related') out[key] = orderObject(value as Record<string, unknown>, RELATED_KEY_ORDER);
    else out[key] = value;
  }
  return out;
}

function orderObject(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (!isEmpty(value[key])) out[key] = value[key];
  return out;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

/**
 * The article file for `data` and `body`: front matter in key order, one blank
 * line, the body, one final newline. Deterministic: same input, same bytes.
 */
export function writeArticleText(data: FrontMatter, body: string): string {
  const doc = new Document(orderFrontMatter(data), { schema: 'core' });
  const yaml = doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  return `---\n${yaml}---\n\n${text}\n`;
}
