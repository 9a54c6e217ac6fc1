/**
 * Reads one article text into what the rules need: the raw front matter (so
 * cross-article rules still run on a file the schema refuses), the validated
 * front matter when there is one, the body's fingerprint and links, and the
 * line of every key and list item. Nothing that holds on to the text is
 * kept, so a check of 100,000 articles does not hold 100,000 texts: strings
 * cut from a text keep all of it alive, hence the copies.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { parseArticleText, type ParsedFile } from '../content/frontmatter.ts';
import { validateFrontMatter, type FrontMatter } from '../content/schema.ts';
import { bodyFingerprint } from './duplicates.ts';
import { storyPrint } from '../content/same-story.ts';
import { bodyLinks, type BodyLink } from './links.ts';
import type { CheckIssue, SourceText } from './types.ts';

/** One article as the rules see it. */
export interface LoadedArticle {
  file: string;
  /** Where the text comes from: read again only when a fix or a line needs it. */
  source: SourceText;
  /** Problems of the file on its own: front matter syntax and schema. */
  issues: CheckIssue[];
  /** The front matter as plain data, when its YAML could be read. */
  data?: Record<string, unknown>;
  /** The front matter as the schema accepts it, when it does. */
  valid?: FrontMatter;
  /** The body's fingerprint (see `bodyFingerprint`), undefined for an empty body. */
  bodyKey?: string;
  /** The body's story print (content/same-story.ts), for second copies that differ a little. */
  print: Uint32Array;
  /** The body's links, with lines counted from the body's start. */
  links: BodyLink[];
  /** Line where the body starts. */
  bodyLine: number;
  /** The Markdown body, read again from the source. */
  body(): string;
  /** Line of a dotted path: `title`, `source.url`, `tags.2` (the third tag). */
  lineOf(path: string): number | undefined;
  /** True when the front matter holds YAML comments, which a rewrite would lose. */
  readonly hasComments: boolean;
}

/** Parses and validates one article text; never throws. */
export function loadArticle(source: SourceText): LoadedArticle {
  const parsed = parseArticleText(source.text, source.file);
  if (!parsed.ok) {
    return {
      file: source.file,
      source,
      issues: parsed.issues.map((issue) => ({ ...issue, line: issue.line ?? 1, severity: 'error' })),
      links: [],
      print: new Uint32Array(0),
      bodyLine: 1,
      body: () => '',
      lineOf: () => undefined,
      hasComments: false,
    };
  }
  return withAccessors(source, summarise(source.file, source.text, parsed.parsed));
}

type Summary = Pick<LoadedArticle, 'issues' | 'data' | 'valid' | 'bodyKey' | 'print' | 'links' | 'bodyLine'> & { located?: Located };

/** What the rules need from a parsed file, as copies that do not keep its text alive. */
function summarise(file: string, text: string, parsed: ParsedFile): Summary {
  const data = structuredClone(parsed.data);
  let located: Located | undefined;
  const result = validateFrontMatter(data, file, (path) => {
    if (/\.\d+$/.test(path)) located ??= locate(text, parsed.bodyLine);
    return located?.lines.get(path) ?? parsed.lineOf(path);
  });
  const issues: CheckIssue[] = result.ok
    ? []
    : result.issues.map((issue) => ({ ...issue, line: issue.line ?? 1, severity: 'error' as const }));
  const links = bodyLinks(parsed.body);
  return {
    issues: structuredClone(issues),
    data,
    valid: result.ok ? result.value : undefined,
    bodyKey: bodyFingerprint(parsed.body),
    print: storyPrint(parsed.body),
    links: links.length ? structuredClone(links) : links,
    bodyLine: parsed.bodyLine,
    located,
  };
}

/** Adds the lazy parts; kept apart from the parse so no closure here can reach the text. */
function withAccessors(source: SourceText, summary: Summary): LoadedArticle {
  let located = summary.located;
  // Parsing again for lines and comments costs as much as the first parse, so it waits until a rule asks.
  const details = (): Located => {
    located ??= locate(source.text, summary.bodyLine);
    return located;
  };
  return {
    file: source.file,
    source,
    issues: summary.issues,
    data: summary.data,
    valid: summary.valid,
    bodyKey: summary.bodyKey,
    print: summary.print,
    links: summary.links,
    bodyLine: summary.bodyLine,
    body: () => {
      const again = parseArticleText(source.text, source.file);
      return again.ok ? again.parsed.body : '';
    },
    lineOf: (path) => details().lines.get(path),
    get hasComments() {
      return details().hasComments;
    },
  };
}

interface Located {
  lines: Map<string, number>;
  hasComments: boolean;
}

/** Lines of keys and list items, found by parsing the front matter again with positions kept. */
function locate(text: string, bodyLine: number): Located {
  const all = text.split('\n');
  // Lines 2 .. bodyLine - 2 hold the YAML between the two `---` lines.
  const yamlText = all.slice(1, Math.max(1, bodyLine - 2)).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, schema: 'core' });
  const lines = new Map<string, number>();
  const lineAt = (node: Node | null | undefined) => (node?.range ? 1 + counter.linePos(node.range[0]).line : undefined);
  const walk = (node: unknown, prefix: string) => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = `${prefix}${String(item.key.value)}`;
        const line = lineAt(item.key);
        if (line) lines.set(key, line);
        walk(item.value, `${key}.`);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const line = lineAt(item as Node);
        if (line) lines.set(`${prefix}${index}`, line);
      });
    }
  };
  walk(doc.contents, '');
  // Keys cut from the text would keep it alive; a structured clone copies them.
  return { lines: structuredClone(lines), hasComments: hasCommentsIn(doc) };
}

function hasCommentsIn(doc: ReturnType<typeof parseDocument>): boolean {
  let hasComments = Boolean(doc.commentBefore || doc.comment);
  visit(doc, (_key, node) => {
    const commented = node as { comment?: string | null; commentBefore?: string | null };
    if (commented.comment || commented.commentBefore) hasComments = true;
  });
  return hasComments;
}

/** The string items of a list-valued key, with their indexes, ignoring anything malformed. */
export function stringItems(data: Record<string, unknown> | undefined, key: string): { value: string; index: number }[] {
  const list = data?.[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => (typeof value === 'string' && value.trim() ? [{ value, index }] : []));
}

/** A string value at a dotted path of the raw front matter, if there is one. */
export function stringAt(data: Record<string, unknown> | undefined, path: string): string | undefined {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === 'string' ? value : undefined;
}
