import { emptyExtracted, type Extracted } from '../types.ts';
import { extractBody, parseHtml } from './body.ts';
import { findPublicationDate } from './date.ts';
import { articleLd, firstMeta, ldList, ldString, readJsonLd, readMeta, splitList } from './metadata.ts';
import { headOnly, nestsDeeperThan, visibleText } from './depth.ts';
import { chooseTitle, cleanTitle } from './title.ts';
import { extractFromTextDump } from '../text/index.ts';
import { bylineNames } from '../authors.ts';
import { looksLikeFullName } from '../people/index.ts';

/** Deeper than this, Readability's cost explodes; real pages stay far below it (a few dozen). */
export const MAX_DEPTH = 400;

/** How deep the elements of a parsed page nest (iterative: a deep page must not overflow the stack). */
export function nestingDepth(root: Element | null | undefined): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Extracts an article from a saved HTML page: title, stated publication day
 * (and time), section, tags, source, summary, lead image caption and the body
 * as Markdown. Never throws: a page it cannot read gives what was found.
 */
export function extractFromHtml(html: string, options: { url?: string } = {}): Extracted {
  const out = emptyExtracted('html');
  // A page nested past MAX_DEPTH is judged on its markup before any DOM is made (parsing and walking
  // millions of nested elements took minutes): only its head is parsed, and its body read as text.
  const shallow = !nestsDeeperThan(html, MAX_DEPTH);
  let document: Document;
  try {
    const head = shallow ? html : headOnly(html);
    document = parseHtml(shallow || !nestsDeeperThan(head, MAX_DEPTH) ? head : '');
  } catch {
    return out;
  }
  const safe = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };

  const meta = safe(() => readMeta(document)) ?? new Map<string, string[]>();
  const ld = safe(() => readJsonLd(document)) ?? [];
  const article = safe(() => articleLd(ld));
  const publisher = article?.publisher ?? ld.find((o) => o['@type'] === 'Organization' || o['@type'] === 'NewsMediaOrganization');

  const canonical = safe(() => document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined);
  const sourceUrl = absoluteHttp(canonical) ?? absoluteHttp(firstMeta(meta, ['og:url'])) ?? absoluteHttp(options.url);
  const siteName =
    cleanTitle(firstMeta(meta, ['og:site_name', 'application-name', 'twitter:app:name:iphone'])) ?? cleanTitle(ldString(publisher));
  if (siteName) out.source.name = siteName;
  if (sourceUrl) out.source.url = sourceUrl;

  const title = safe(() =>
    chooseTitle({
      documentTitle: document.querySelector('title')?.textContent ?? undefined,
      ogTitle: firstMeta(meta, ['og:title', 'twitter:title']),
      ldHeadline: ldString(article?.headline),
      h1s: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent ?? ''),
      siteName,
    }),
  );
  if (title) out.title = title;

  const authors = safe(() => findAuthors(document, meta, article)) ?? [];
  if (authors.length) out.authors = authors;

  const stated = safe(() => findPublicationDate(document, meta, article, options.url ?? sourceUrl));
  if (stated) {
    out.date = stated.date;
    if (stated.time) out.time = stated.time;
  }

  // One section: the first of a list some CMSs put there.
  const section =
    firstItem(firstMeta(meta, ['article:section', 'og:article:section', 'section', 'parsely-section'])) ??
    firstItem(ldString(article?.articleSection)) ??
    safe(() => breadcrumbSection(document));
  if (section) out.section = section;

  out.tags = safe(() => tagsOf(meta, article, title)) ?? [];

  const summary =
    cleanTitle(firstMeta(meta, ['description', 'og:description', 'twitter:description'])) ?? cleanTitle(ldString(article?.description));
  if (summary && isSentence(summary)) out.summary = summary;

  const lead = safe(() => leadImageCaption(document));

  // Last: Readability rewrites the document. Its scoring walks ancestors of every
  // node, so a page nested thousands of boxes deep would take minutes: such a page
  // is read as the text it shows instead.
  if (!shallow || (safe(() => nestingDepth(document.body)) ?? 0) > MAX_DEPTH) {
    const text = shallow ? safe(() => document.body?.textContent) : visibleText(html);
    const dump = extractFromTextDump(text ?? '', { profiles: false });
    out.body = dump.body;
    out.outside = dump.outside;
    return out;
  }
  const body = safe(() =>
    extractBody(
      document,
      firstMeta(meta, ['og:description', 'description', 'twitter:description']),
      sourceUrl,
      typeof article?.articleBody === 'string' ? article.articleBody : undefined,
    ),
  );
  if (body) {
    out.body = body.markdown;
    out.outside = body.outside;
    out.related_headlines = body.related;
    const caption = lead?.caption ?? body.caption;
    const credit = lead?.credit ?? body.credit;
    if (caption || credit) {
      out.image = {};
      if (caption) out.image.caption = caption;
      if (credit) out.image.credit = credit;
    }
    if (lead?.caption && !out.outside.includes(lead.caption)) out.outside.unshift(lead.caption);
  }
  return out;
}

/**
 * The caption of the lead image: the first figure's caption in the article
 * (or the page), with its credit when the page marks one.
 */
function leadImageCaption(document: Document): { caption?: string; credit?: string } | undefined {
  const scope = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  const figcaption = scope?.querySelector('figure figcaption') ?? document.querySelector('figure figcaption');
  if (!figcaption) return undefined;
  const creditEl = Array.from(figcaption.querySelectorAll('[class]')).find((el) =>
    /credit|copyright|source|byline/i.test(el.getAttribute('class') ?? ''),
  );
  const credit = cleanTitle(creditEl?.textContent ?? undefined);
  const caption = cleanTitle(figcaption.textContent ?? undefined);
  if (!caption || caption.length > 600) return undefined;
  return credit && credit !== caption ? { caption, credit } : { caption };
}

const AUTHOR_META = [
  'author',
  'article:author',
  'og:article:author',
  'article:author_name',
  'byl',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
];

/**
 * The byline: the article's JSON-LD authors, else the author meta tags, else
 * the byline the page prints (an element marked as the author's, or a
 * "byline" box). A web address (a profile page) is not a name.
 */
export function findAuthors(document: Document, meta: Map<string, string[]>, article: Record<string, unknown> | undefined): string[] {
  const fromLd = ldAuthors(article?.author);
  if (fromLd.length) return fromLd;
  for (const key of AUTHOR_META) {
    const names = (meta.get(key) ?? []).flatMap(bylineNames);
    if (names.length) return unique(names);
  }
  // The byline the page prints: the most explicit marking first, inside the article before the whole page.
  const scopes: Element[] = [];
  for (const scope of [document.querySelector('article'), document.querySelector('main'), document.body, document.documentElement])
    if (scope) scopes.push(scope);
  for (const selector of BYLINE_SELECTORS) {
    for (const scope of scopes) {
      for (const marked of Array.from(scope.querySelectorAll(selector)).slice(0, 50)) {
        if (marked.closest('form, nav, footer, [class*="comment"], [id*="comment"], [class*="related"]')) continue;
        const names = bylineNames(marked.textContent ?? '');
        if (names.length) return unique(names);
      }
    }
  }
  return [];
}

const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '[class*="byline"]',
  '[class*="author"]',
];

function ldAuthors(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') names.push(...bylineNames(item));
    else if (item && typeof item === 'object') {
      const name = ldString((item as Record<string, unknown>).name);
      if (name) names.push(...bylineNames(name));
    }
  }
  return unique(names);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function firstItem(value: string | undefined): string | undefined {
  return value ? cleanTitle(splitList(value)[0]) : undefined;
}

function absoluteHttp(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : undefined;
}

function tagsOf(meta: Map<string, string[]>, article: Record<string, unknown> | undefined, title: string | undefined): string[] {
  const articleTags = meta.get('article:tag') ?? meta.get('og:article:tag') ?? [];
  const sources = [
    // One tag a meta element: "Trump, Donald J" is one tag, a name written surname first; one element may list several.
    articleTags.length > 1 ? articleTags.map(uninvert) : articleTags.flatMap(splitList),
    ldList(article?.keywords),
    splitList(firstMeta(meta, ['news_keywords', 'keywords']) ?? ''),
  ];
  for (const source of sources) {
    const tags = dedupe(source.map(tidyTag).filter((t): t is string => Boolean(t) && t !== title));
    if (tags.length) return tags;
  }
  return [];
}

/** "Trump, Donald J" is Donald J Trump; "Edwards, John Bel (1966- )" is John Bel Edwards. */
function uninvert(tag: string): string {
  const m = /^(\p{Lu}[\p{L}'’-]+),\s+(\p{Lu}[\p{L}.'’ -]*?)\s*(\(\d{4}-\s*\d*\s*\))?$/u.exec(tag.trim());
  if (!m) return tag;
  const name = `${m[2]} ${m[1]}`;
  // "Elections, Governors" is a topic and its subtopic, not a name.
  return m[3] || looksLikeFullName(name) ? name : tag;
}

/**
 * A tag as a reader would see it: "tag:Crime" is "Crime"; CMS plumbing
 * ("@post-id:1913719", "ctp_video", "Page Type: Article") and sentences
 * stuffed into keywords are not tags.
 */
function tidyTag(raw: string): string | undefined {
  const tag = raw.replace(/^(?:tag|topic|keyword|subject)s?\s*:\s*/i, '').trim();
  if (!tag || tag.length > 60 || /[@_:=<>{}]/.test(tag) || tag.split(' ').length > 6) return undefined;
  return tag;
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function breadcrumbSection(document: Document): string | undefined {
  const crumbs = document.querySelector('[class*="breadcrumb"], [itemtype*="BreadcrumbList"], nav[aria-label*="readcrumb"]');
  if (!crumbs) return undefined;
  const items = Array.from(crumbs.querySelectorAll('a'))
    .map((a) => cleanTitle(a.textContent ?? ''))
    .filter(Boolean);
  const useful = items.filter((t) => !/^home$/i.test(t!));
  return useful[0] ?? undefined;
}

/** A description worth keeping reads as a sentence: several words, not a keyword list. */
function isSentence(text: string): boolean {
  const words = text.split(' ').length;
  const commas = (text.match(/,/g) ?? []).length;
  return words >= 6 && text.length <= 600 && commas < words / 3 && /\p{Ll}/u.test(text);
}
