import { dateFromUrl, findHumanDates, parseHumanDate, parseMachineDate, type StatedDate } from '../dates/parse.ts';
import { ldString, type MetaMap } from './metadata.ts';

/**
 * Finds the publication day of a page, in the order a careful reader would
 * trust the evidence: structured data, then publication meta tags, then the
 * page's own markup (`<time>`, date-classed elements), then the URL, then the
 * first date written near the top of the text.
 */

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'datepublished',
  'publishdate',
  'publish_date',
  'publish-date',
  'published_date',
  'published-date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
  'citation_publication_date',
  'citation_date',
  'article.published',
  'original-publish-date',
  'cxenseparse:recs:publishtime',
  'article_date_original',
  'ga_pubdate',
  'pdate',
  'displaydate',
  'release_date',
  'og:pubdate',
  'datecreated',
  'date_published',
  'created',
  'article:post_date',
  'bt:pubdate',
  'timestamp',
  'eomportal-lastupdate',
];

/** Classes and ids that mark the element stating when the piece was published. */
const DATE_CLASS =
  /(?:^|[\s_-])(?:pub(?:lish(?:ed)?)?(?:-?date|-?time|ed)?|date(?:line|stamp|time)?|post-?(?:date|time|meta)|entry-?(?:date|meta)|article-?(?:date|time|meta)|timestamp|byline|posted-?on|meta-?date|time)(?:$|[\s_-])/i;
const UPDATED = /updat|modif|edited|revis/i;

function fromMachine(value: string | undefined): StatedDate | undefined {
  if (!value) return undefined;
  return parseMachineDate(value);
}

/** The publication date and, when stated, time of a parsed page. */
export function findPublicationDate(
  document: Document,
  meta: MetaMap,
  article: Record<string, unknown> | undefined,
  url: string | undefined,
): StatedDate | undefined {
  const fromMarkup = fromTimeElements(document) ?? fromDateClassedElements(document);
  const structured = fromStructuredData(meta, article);
  if (structured) {
    // Many CMSs write machine dates in UTC while the page prints the local
    // day: a printed day one off from a UTC stamp is the day the page states.
    if (fromMarkup && isUtc(structured) && !isUtc(fromMarkup) && Math.abs(dayDistance(structured.date, fromMarkup.date)) === 1) {
      return fromMarkup;
    }
    return structured;
  }
  if (fromMarkup) return fromMarkup;

  const urlDay = url ? dateFromUrl(url) : undefined;
  if (urlDay) return { date: urlDay };

  const fromText = fromVisibleText(document);
  if (fromText) return fromText;

  const modified = meta.get('article:modified_time')?.[0] ?? meta.get('og:updated_time')?.[0] ?? ldString(article?.dateModified);
  const fromModified = fromMachine(modified);
  return fromModified ? { date: fromModified.date } : undefined;
}

function fromStructuredData(meta: MetaMap, article: Record<string, unknown> | undefined): StatedDate | undefined {
  const fromLd = fromMachine(ldString(article?.datePublished)) ?? fromMachine(ldString(article?.dateCreated));
  if (fromLd) return fromLd;
  for (const key of PUBLISHED_META) {
    for (const value of meta.get(key) ?? []) {
      const found = fromMachine(value);
      if (found) return found;
    }
  }
  return undefined;
}

function isUtc(stated: StatedDate): boolean {
  return Boolean(stated.time && /(?:Z|[+-]00:00)$/.test(stated.time));
}

function dayDistance(a: string, b: string): number {
  // Both are plain calendar days, so counting them as UTC midnights shifts nothing.
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

function fromTimeElements(document: Document): StatedDate | undefined {
  const candidates = Array.from(document.querySelectorAll('time, [itemprop="datePublished"]'));
  let fallback: StatedDate | undefined;
  for (const el of candidates) {
    if (insideChrome(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? spacedText(el);
    const found = fromMachine(raw) ?? parseHumanDate(spacedText(el));
    if (!found) continue;
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    if (el.hasAttribute('pubdate') || /publish|datePublished/i.test(marker)) return found;
    if (UPDATED.test(marker) || UPDATED.test(precedingText(el))) continue;
    fallback ??= found;
  }
  return fallback;
}

function fromDateClassedElements(document: Document): StatedDate | undefined {
  const main = document.querySelector('article') ?? document.body;
  if (!main) return undefined;
  for (const el of Array.from(main.querySelectorAll('[class], [id]'))) {
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_CLASS.test(marker) || UPDATED.test(marker) || insideChrome(el)) continue;
    const text = spacedText(el).replace(/\s+/g, ' ').trim();
    if (!text || text.length > 200) continue;
    const [before, after] = text.split(/\b(?:updated|modified)\b/i);
    const found = parseHumanDate(before ?? '') ?? parseHumanDate(after?.replace(/^.*?(?=published|posted)/i, '') ?? '');
    if (found) return { date: found.date };
  }
  return undefined;
}

function fromVisibleText(document: Document): StatedDate | undefined {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  if (!root) return undefined;
  const text = textWithoutChrome(root).slice(0, 20000);
  const found = findHumanDates(text).filter(({ index }) => !/updated\W*$/i.test(text.slice(Math.max(0, index - 20), index)));
  return found[0] ? { date: found[0].date } : undefined;
}

function textWithoutChrome(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  for (const el of Array.from(
    clone.querySelectorAll('script, style, noscript, nav, footer, aside, form, [class*="comment"], [id*="comment"]'),
  )) {
    el.remove();
  }
  // A site header's clock gives the day the page was saved, not published.
  for (const header of Array.from(clone.querySelectorAll('header'))) {
    if (!header.closest('article, main') && !header.querySelector('h1')) header.remove();
  }
  return spacedText(clone).replace(/\s+/g, ' ');
}

/** Text of a subtree with a space between text nodes: textContent runs "2019" into the next word. */
function spacedText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === 3) parts.push(current.nodeValue ?? '');
    for (let child = current.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(node);
  return parts.join(' ');
}

function insideChrome(el: Element): boolean {
  return Boolean(el.closest('footer, aside, nav, [class*="comment"], [id*="comment"], [class*="related"], [class*="sidebar"]'));
}

function precedingText(el: Element): string {
  const prev = el.previousSibling;
  return (prev?.textContent ?? '').slice(-30);
}
