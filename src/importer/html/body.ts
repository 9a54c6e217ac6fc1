import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { htmlToMarkdown } from './markdown.ts';

/**
 * The article body of a page: Mozilla Readability finds the main block, then
 * we take out what it keeps but is not the article (captions, "Related"
 * blocks, newsletter prompts, author bios, share bars) and set aside the
 * captions and related links as text that stood outside the article.
 */

/** The cleaned body, and what stood inside the main block without being the article. */
export interface Body {
  markdown: string;
  /** Captions, credits and related links found inside the main block. */
  outside: string[];
  caption?: string;
  credit?: string;
  related: string[];
}

/** Parses HTML into a linkedom document (never throws on odd markup). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const BOILERPLATE_BLOCK =
  /(?:^|[\s_-])(?:related|recommend\w*|read-?more|more-?(?:stories|from|on|articles)|newsletter|subscribe|signup|sign-up|promo|share|sharing|social|author-?(?:bio|info|box|card)|bio|byline|tags?|topics|breadcrumbs?|advert\w*|ad-?(?:slot|unit|container)|sponsor\w*|comments?|disqus|outbrain|taboola|paywall|inline-?cta|cta|donate|toolbar)(?:$|[\s_-])/i;

const BOILERPLATE_HEADING =
  /^(?:more|tags|topics|don'?t\s+miss|related(?:\s+(?:stories|articles|coverage|content|posts|reading|links))?|read\s+more|more\s+(?:from|on|stories|coverage|news)\b.*|recommended(?:\s+for\s+you)?|you\s+may\s+(?:also\s+)?like|also\s+read|see\s+also|most\s+(?:popular|read)|trending|sign\s+up.*|subscribe.*|newsletter.*|share\s+this.*|about\s+the\s+author|comments?)\s*:?$/i;

const PROMPT_PARAGRAPH = new RegExp(
  [
    '(?:sign\\s+up|subscribe)\\b.*(?:newsletter|inbox|email)',
    '(?:read|see)\\s+(?:more|also|next)\\s*:',
    'related\\s*:',
    'click\\s+here\\s+to\\s+(?:subscribe|sign\\s+up)',
    'follow\\s+.{1,40}?\\s+on\\s+(?:twitter|facebook|instagram|linkedin|youtube)',
    'share\\s+this\\s+(?:article|story|post)',
    'this\\s+article\\s+(?:originally\\s+)?appeared\\s+(?:on|in)\\b',
    '(?:write\\s+to|contact|email)\\s+.{1,60}?\\s+at\\s+\\S+@\\S+$',
    '\\((?:image|photo|picture|credit)s?\\s*:.*\\)$',
    '(?:order\\s+reprints|print(?:\\s+this)?\\s+article|text\\s+size|advertisement|share|tweet|email)$',
    'copyright\\s+©',
    '©\\s*\\d{4}',
  ]
    .map((p) => `^(?:${p})`)
    .join('|'),
  'i',
);

function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function markerOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
}

/** Takes captions and credits out of the article, keeping them as outside text. */
function removeFigures(root: Element, body: Body): void {
  const captions = Array.from(root.querySelectorAll('figcaption, [class]')).filter(
    (el) => el.nodeName === 'FIGCAPTION' || /caption|credit|photo-?desc/i.test(el.getAttribute('class') ?? ''),
  );
  for (const caption of captions) {
    if (!caption.parentNode || textOf(caption).length > 400) continue;
    const text = textOf(caption);
    if (text) {
      body.outside.push(text);
      if (/credit/i.test(markerOf(caption))) body.credit ??= text;
      else body.caption ??= text;
    }
    caption.remove();
  }
  for (const figure of Array.from(root.querySelectorAll('figure, picture, img, video, audio, iframe, svg, canvas'))) {
    const text = textOf(figure);
    if (text) body.outside.push(text);
    figure.remove();
  }
}

/** Removes "Related" lists, newsletter prompts, author bios and the like, keeping related headlines. */
function removeBoilerplate(root: Element, body: Body): void {
  for (const el of Array.from(
    root.querySelectorAll('script, style, noscript, form, button, input, select, textarea, template, object, embed, nav, aside, footer'),
  )) {
    if (el.parentNode && /aside/i.test(el.nodeName) && /related|more/i.test(markerOf(el))) collectRelated(el, body);
    else if (el.parentNode && /aside|nav|footer/i.test(el.nodeName)) {
      const text = textOf(el);
      if (text) body.outside.push(text);
    }
    el.remove();
  }
  const total = textOf(root).length;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.parentNode || el === root) continue;
    const marker = markerOf(el);
    if (!BOILERPLATE_BLOCK.test(marker)) continue;
    // Article wrappers sometimes carry words like "share" in long class lists: keep big blocks.
    const text = textOf(el);
    if (text.length > 600 && el.querySelectorAll('p').length > 3) continue;
    if (text.length > 0.5 * total) continue;
    if (/related|recommend|read-?more|more-/i.test(marker)) collectRelated(el, body);
    else if (text) body.outside.push(text);
    el.remove();
  }
  for (const heading of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6, strong, b, p'))) {
    if (!heading.parentNode) continue;
    const text = textOf(heading);
    if (!BOILERPLATE_HEADING.test(text)) continue;
    if (/^(?:p|strong|b)$/i.test(heading.nodeName) && heading.parentElement?.nodeName !== 'P' && heading.nodeName !== 'P') continue;
    const block = heading.nodeName === 'P' || /^h\d$/i.test(heading.nodeName) ? heading : (heading.closest('p') ?? heading);
    // A "Related" heading owns the list that follows it.
    let next = block.nextElementSibling;
    while (
      next &&
      (/^(?:ul|ol)$/i.test(next.nodeName) || mostlyLinks(next) || (/^h\d$/i.test(next.nodeName) && /^h[4-6]$/i.test(block.nodeName)))
    ) {
      const after: Element | null = next.nextElementSibling;
      collectRelated(next, body);
      next.remove();
      next = after;
    }
    body.outside.push(text);
    block.remove();
  }
  for (const p of Array.from(root.querySelectorAll('p, li, div'))) {
    if (!p.parentNode || (p.nodeName !== 'P' && p.querySelector('p, div, li'))) continue;
    const text = textOf(p);
    if (PROMPT_PARAGRAPH.test(text) && text.length < 300) {
      body.outside.push(text);
      p.remove();
    }
  }
}

/** A block whose words are nearly all link text (a teaser or a list of headlines). */
function mostlyLinks(el: Element): boolean {
  const text = textOf(el);
  if (!text) return false;
  const linked = Array.from(el.querySelectorAll('a')).map(textOf).join(' ');
  return linked.length >= 0.6 * text.replace(/\[[^\]]*\]/g, '').length;
}

function collectRelated(el: Element, body: Body): void {
  const links = Array.from(el.querySelectorAll('a'))
    .map(textOf)
    .filter((t) => t.split(' ').length >= 3);
  for (const link of links) if (!body.related.includes(link)) body.related.push(link);
  const text = textOf(el);
  if (text) body.outside.push(text);
}

const DATE_LINE = /^(?:(?:published|posted|updated|last\s+updated|first\s+published|modified)\s*(?:on|at)?\s*:?\s*)?[\w\s,.:/-]{0,90}$/i;

/**
 * Removes blocks that only state when the piece was published ("PUBLISHED:
 * 10:48, Tue, Nov 19, 2019"), tag lines, and what follows a last rule that
 * sets off a short tail (press-release boilerplate, disclaimers).
 */
function removeDateLinesAndTail(root: Element, body: Body): void {
  for (const el of Array.from(root.querySelectorAll('p, div, span, time, h5, h6'))) {
    if (!el.parentNode) continue;
    const text = textOf(el);
    if (!text || text.length > 120 || el.querySelector('p')) continue;
    const looksDated = /\b(?:19|20)\d{2}\b/.test(text) && (findDateIn(text) || /^(?:published|posted|updated)/i.test(text));
    if (looksDated && DATE_LINE.test(text) && text.split(' ').length <= 16 && onlyDateWords(text)) {
      body.outside.push(text);
      el.remove();
    }
  }
  for (const el of Array.from(root.querySelectorAll('p, div, strong'))) {
    if (!el.parentNode) continue;
    const text = textOf(el);
    if (/^(?:tags|topics|filed\s+under|categories|keywords)\b\s*:?/i.test(text) && text.length < 600 && mostlyLinks(el)) {
      body.outside.push(text);
      (el.nodeName === 'STRONG' && el.parentElement?.nodeName === 'P' ? el.parentElement : el).remove();
    }
  }
  const rules = Array.from(root.querySelectorAll('hr'));
  const last = rules[rules.length - 1];
  if (last) {
    const total = textOf(root).length;
    const after = textAfter(last, root);
    if (after.length > 0 && after.length < 0.25 * total && total - after.length > 500) {
      body.outside.push(after);
      removeAfter(last, root);
    }
  }
}

const DATE_WORDS =
  /\b(?:published|posted|updated|last|first|original(?:ly)?|modified|on|at|by|am|pm|a\.m|p\.m|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d+(?:st|nd|rd|th)?)\b/gi;

/** True when a line says nothing but when (no sentence that merely mentions a date). */
function onlyDateWords(text: string): boolean {
  // Zone names are capitals: "ET", "GMT", "BST".
  const rest = text
    .replace(/\b[A-Z]{2,4}\b/g, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  return rest === '';
}

function findDateIn(text: string): boolean {
  return /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}/i.test(
    text,
  );
}

/** The text that follows an element, up to the end of root. */
function textAfter(el: Element, root: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let sib = node.nextSibling; sib; sib = sib.nextSibling) parts.push(sib.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function removeAfter(el: Element, root: Element): void {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  el.remove();
}

const STANDFIRST_CLASS =
  /(?:^|[\s_-])(?:standfirst|stand-first|lead-?text|article-?lead|dek|sub-?headline|subtitle|excerpt|summary|teaser|abstract)(?:$|[\s_-])/i;

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The standfirst (the summary line under the headline) is not part of the
 * article's own text. Readability may rename its element and drop its class,
 * so its text is noted on the page before Readability runs, and any block
 * before the first real paragraph that says the same is dropped; so is a
 * heading there that repeats the page's description word for word.
 */
function removeStandfirst(root: Element, body: Body, description: string | undefined, standfirsts: Set<string>): void {
  const want = description ? comparable(description) : '';
  const firstParagraph = Array.from(root.querySelectorAll('p')).find(
    (p) => textOf(p).length > 80 && !standfirsts.has(comparable(textOf(p))),
  );
  for (const el of Array.from(root.querySelectorAll('[class], h2, h3, h4, p, div'))) {
    if (!el.parentNode) continue;
    if (firstParagraph && (el === firstParagraph || el.contains(firstParagraph) || precedes(firstParagraph, el))) continue;
    const text = textOf(el);
    if (!text || text.length > 500) continue;
    const same = comparable(text);
    const marked = STANDFIRST_CLASS.test(el.getAttribute('class') ?? '') || standfirsts.has(same);
    const heading = /^H[2-4]$/.test(el.nodeName);
    if (marked || (heading && want && same === want)) {
      body.outside.push(text);
      el.remove();
    }
  }
}

/** Texts of the elements a page marks as its standfirst. */
function standfirstTexts(doc: Document): Set<string> {
  const texts = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    if (!STANDFIRST_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const text = textOf(el);
    if (text && text.length <= 500) texts.add(comparable(text));
  }
  return texts;
}

/** True when a comes before b in document order. */
function precedes(a: Element, b: Element): boolean {
  return Boolean(a.compareDocumentPosition(b) & 4);
}

/** Drops links whose target could run code; their text stays. */
function neutraliseLinks(root: Element, baseUrl: string | undefined): void {
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = (a.getAttribute('href') ?? '').replace(/[\u0000-\u0020]/g, '');
    const resolved = resolveHref(href, baseUrl);
    if (resolved) a.setAttribute('href', resolved);
    else a.removeAttribute('href');
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes ?? [])) {
      if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
    }
  }
}

/** An http(s) or mailto target for a link, made absolute when the page's address is known; else nothing. */
function resolveHref(href: string, baseUrl: string | undefined): string | undefined {
  if (!href || href.startsWith('#')) return undefined;
  try {
    const url = baseUrl ? new URL(href, baseUrl) : new URL(href);
    return /^(?:https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    // A relative link on a page whose address is unknown leads nowhere outside the page.
    return undefined;
  }
}

/** Strips empty wrappers and trailing link-only lines Readability leaves behind. */
function trimTrailingNoise(markdown: string): string {
  const blocks = markdown.split(/\n{2,}/);
  while (blocks.length > 1) {
    const last = blocks[blocks.length - 1]!.trim();
    const plain = last
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_#>-]/g, '')
      .trim();
    const linkOnly = /^\[[^\]]*\]\([^)]*\)$/.test(last);
    if (!plain || linkOnly || PROMPT_PARAGRAPH.test(plain) || BOILERPLATE_HEADING.test(plain)) blocks.pop();
    else break;
  }
  return blocks.join('\n\n');
}

/**
 * Finds and cleans the article body of a page. Readability rewrites the
 * document it is given: read everything else from it first.
 */
export function extractBody(doc: Document, description?: string, baseUrl?: string, ldBody?: string): Body {
  const body = readableBody(doc, description, baseUrl);
  // JSON-LD articleBody is plain text and scores below Readability where both
  // exist (dev set), so it only stands in when Readability finds little.
  if (ldBody && ldBody.length > 2 * body.markdown.length && ldBody.length > 200) {
    body.markdown = plainTextToMarkdown(ldBody);
  }
  return body;
}

/** Markdown for plain text: one paragraph per line, every character kept as text. */
function plainTextToMarkdown(text: string): string {
  const fragment = parseHtml('<!DOCTYPE html><html><body><div id="__text"></div></body></html>');
  const root = fragment.querySelector('#__text');
  if (!root) return '';
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    const p = fragment.createElement('p');
    p.textContent = line.trim();
    root.appendChild(p);
  }
  return htmlToMarkdown(root.innerHTML);
}

function readableBody(doc: Document, description: string | undefined, baseUrl: string | undefined): Body {
  const body: Body = { markdown: '', outside: [], related: [] };
  let content = '';
  let standfirsts = new Set<string>();
  try {
    standfirsts = standfirstTexts(doc);
    const article = new Readability(doc, { charThreshold: 300, keepClasses: true }).parse();
    content = article?.content ?? '';
  } catch {
    content = '';
  }
  if (!content) return body;
  const fragment = parseHtml(`<!DOCTYPE html><html><body><div id="__article">${content}</div></body></html>`);
  const root = fragment.querySelector('#__article') ?? fragment.body;
  if (!root) return body;
  removeFigures(root, body);
  removeBoilerplate(root, body);
  removeStandfirst(root, body, description, standfirsts);
  removeDateLinesAndTail(root, body);
  neutraliseLinks(root, baseUrl);
  body.markdown = trimTrailingNoise(htmlToMarkdown(root.innerHTML));
  return body;
}
