import { decodeLeftoverEntities } from './metadata.ts';

/**
 * Chooses the headline among what a page offers: og:title, the JSON-LD
 * headline, the first h1, and `<title>` less its " | Site name" part.
 */

const SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Cleans whitespace (and references escaped twice) in a title candidate. */
export function cleanTitle(text: string | undefined): string | undefined {
  const clean = (text === undefined ? undefined : decodeLeftoverEntities(text))?.replace(/[\u00a0\s]+/g, ' ').trim();
  return clean ? clean : undefined;
}

/** The parts of a `<title>` split on its separators, longest first. */
function titleParts(title: string): string[] {
  return title
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Picks the title. A headline that the `<title>` also carries wins; otherwise
 * og:title or the JSON-LD headline; otherwise the `<title>` without a site
 * name part (the part that names the site, or a short tail after a separator).
 */
export function chooseTitle(input: {
  documentTitle?: string;
  ogTitle?: string;
  ldHeadline?: string;
  h1s: string[];
  siteName?: string;
}): string | undefined {
  const documentTitle = cleanTitle(input.documentTitle);
  const h1s = input.h1s.map(cleanTitle).filter((t): t is string => Boolean(t) && t!.length < 300);
  const structured = [cleanTitle(input.ldHeadline), cleanTitle(input.ogTitle)].filter((t): t is string => Boolean(t));
  const site = input.siteName ? norm(input.siteName) : undefined;

  const candidates = [...structured, ...h1s].map((c) => headlineOf(c, h1s));
  if (documentTitle) {
    const full = norm(documentTitle);
    for (const candidate of candidates) {
      const c = norm(candidate);
      // A short h1 inside the <title> is often the site's name in its masthead.
      const enough = structured.includes(candidate) ? c.length >= 10 : c.length >= Math.max(10, 0.4 * full.length);
      if (enough && full.includes(c) && (!site || c !== site)) return candidate;
    }
  }
  for (const candidate of structured) {
    if (!site || norm(candidate) !== site) return stripSite(candidate, site);
  }
  if (documentTitle) return stripSite(documentTitle, site);
  return h1s[0];
}

/**
 * A declared title that is an h1 with a section label before it ("Opinion |
 * Republicans Are ...") is that h1. A site name after it ("... | IAB") stays:
 * it is how the page declares its own title (og:title, JSON-LD), and the
 * reference titles of ../shared/eval keep it too (docs: the Quality section).
 */
function headlineOf(title: string, h1s: string[]): string {
  const dashes = (text: string): string => norm(text).replace(/[–—]/g, '-');
  const parts = title.split(/\s+[|·•»]\s+/);
  if (parts.length < 2 || parts[0]!.split(' ').length > 2) return title;
  const rest = dashes(title.slice(title.indexOf(parts[1]!)));
  return h1s.find((h1) => dashes(h1) === rest) ?? title;
}

function stripSite(title: string, site: string | undefined): string {
  const parts = titleParts(title);
  if (parts.length < 2) return title;
  if (site) {
    const kept = parts.filter((p) => norm(p) !== site && !site.includes(norm(p)));
    if (kept.length && kept.length < parts.length) return rejoin(title, kept);
  }
  // Without a site name, a short last part after " | " or " - " is the site.
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  if (last.split(' ').length <= 4 && first.split(' ').length >= 3) return rejoin(title, parts.slice(0, -1));
  return title;
}

function rejoin(title: string, kept: string[]): string {
  const start = title.indexOf(kept[0]!);
  const lastPart = kept[kept.length - 1]!;
  const end = title.lastIndexOf(lastPart) + lastPart.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : kept.join(' ');
}
