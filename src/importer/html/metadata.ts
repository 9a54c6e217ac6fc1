/**
 * What a page says about itself in its head: meta tags and JSON-LD. Values are
 * scraped text and are only ever read as text.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Decodes character references left in text that was escaped twice (meta
 * content written as `&amp;#039;`). The result is still only text.
 */
export function decodeLeftoverEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp);/gi, (match, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? match;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** Meta tags by lowercased name, property or itemprop, each with its values in page order. */
export type MetaMap = Map<string, string[]>;

/** Collects `<meta>` values (and itemprop'd elements' datetime/content) from a document. */
export function readMeta(document: Document): MetaMap {
  const meta: MetaMap = new Map();
  const add = (key: string | null, value: string | null) => {
    if (!key || value == null) return;
    const text = decodeLeftoverEntities(value).replace(/\s+/g, ' ').trim();
    if (!text) return;
    for (const one of key.toLowerCase().split(/\s+/)) {
      if (!one) continue;
      const list = meta.get(one) ?? [];
      list.push(text);
      meta.set(one, list);
    }
  };
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const value = el.getAttribute('content');
    add(el.getAttribute('property'), value);
    add(el.getAttribute('name'), value);
    add(el.getAttribute('itemprop'), value);
    add(el.getAttribute('http-equiv'), value);
  }
  return meta;
}

/** The first value of the first key present. */
export function firstMeta(meta: MetaMap, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value) return value;
  }
  return undefined;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /article|posting|report|blog|news|review|webpage|creativework/i;

/** Every JSON-LD object on the page, flattened out of arrays and `@graph`. */
export function readJsonLd(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || node == null) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (typeof node !== 'object') return;
    const obj = node as Json;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    if (obj.mainEntity && typeof obj.mainEntity === 'object') visit(obj.mainEntity, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (script.textContent ?? '').trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    if (!raw) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD (trailing commas, raw newlines in strings) is common; try once more leniently.
      try {
        visit(JSON.parse(raw.replace(/[\n\r\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')), 0);
      } catch {
        // Still broken: this block gives nothing; the page's other metadata decides.
      }
    }
  }
  return out;
}

function typesOf(obj: Json): string[] {
  const type = obj['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** The JSON-LD object that describes the article itself, if there is one. */
export function articleLd(objects: Json[]): Json | undefined {
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && !/page$/i.test(t)));
  if (articles.length) {
    return articles.find((o) => o.headline || o.datePublished) ?? articles[0];
  }
  return objects.find((o) => typesOf(o).some((t) => /webpage/i.test(t)) && (o.headline || o.datePublished));
}

/** A JSON-LD value as a trimmed string (first of a list; `name` of an object). */
export function ldString(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeLeftoverEntities(value).replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = ldString(item);
      if (s) return s;
    }
    return undefined;
  }
  if (value && typeof value === 'object') return ldString((value as Json).name);
  return undefined;
}

/** A JSON-LD value as a list of strings (keywords may be a list or a comma-separated string). */
export function ldList(value: unknown): string[] {
  if (typeof value === 'string') return splitList(decodeLeftoverEntities(value));
  if (Array.isArray(value)) return value.flatMap((item) => ldList(item));
  if (value && typeof value === 'object') {
    const name = ldString((value as Json).name);
    return name ? [name] : [];
  }
  return [];
}

/** Splits "a, b; c" into trimmed items, dropping empties and repeats (case-insensitive). */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(/[,;|]/)) {
    const item = part.replace(/\s+/g, ' ').trim();
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}
