/**
 * A link checker for a built site on disk: every href and src in every page
 * that points into the site must name a file that exists, and a `#fragment`
 * must name an element on the target page. It reads the files directly, so it
 * also checks pages no other page links to.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';

/** Attributes that hold a URL the browser will fetch or follow. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['form[action]', 'action'],
  ['use[href]', 'href'],
];
const SRCSET_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['img[srcset]', 'srcset'],
  ['source[srcset]', 'srcset'],
];

/** A host no real link can name, standing in for the site while resolving relative URLs. */
const SITE = 'http://site.invalid';

/** One link found in one page. */
export interface FoundLink {
  /** The page, as a site path (`/tags/nato/`). */
  page: string;
  /** The attribute value as written. */
  link: string;
  /** The site path it resolves to, or undefined for a link leaving the site. */
  target?: string;
  fragment?: string;
  /** Set when the value is not a URL at all. */
  invalid?: boolean;
}

/** A link that does not resolve, and why. */
export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/** Every HTML file under `outDir`, relative, with forward slashes, sorted. */
export async function htmlFiles(outDir: string): Promise<string[]> {
  const names = await readdir(outDir, { recursive: true });
  return names
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** The site path of a built file under a prefix: `tags/x/index.html` → `/archive/tags/x/`. */
export function pathOfFile(file: string, prefix = '/'): string {
  return `${prefix}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Options for `checkLinks`. */
export interface LinkCheckOptions {
  /** The path prefix the site is built for, starting and ending with `/`. */
  prefix?: string;
  /**
   * The site's absolute base URL (as in its canonical links), so absolute
   * links to the site itself are checked like relative ones.
   */
  siteUrl?: string;
}

/** All links in all pages, and the ones that do not resolve. */
export async function checkLinks(
  outDir: string,
  options: LinkCheckOptions = {},
): Promise<{ pages: number; links: FoundLink[]; broken: BrokenLink[] }> {
  const prefix = options.prefix ?? '/';
  const files = await htmlFiles(outDir);
  const idsByPath = new Map<string, Set<string>>();
  const links: FoundLink[] = [];
  for (const file of files) {
    const page = pathOfFile(file, prefix);
    const { document } = parseHTML(await readFile(path.join(outDir, file), 'utf8'));
    const ids = new Set<string>();
    for (const element of document.querySelectorAll('[id]')) ids.add(element.getAttribute('id')!);
    for (const element of document.querySelectorAll('a[name]')) ids.add(element.getAttribute('name')!);
    idsByPath.set(page, ids);
    const base = new URL(document.querySelector('base[href]')?.getAttribute('href') ?? page, SITE + page);
    const values: string[] = [];
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) values.push(element.getAttribute(attribute)!);
    }
    for (const [selector, attribute] of SRCSET_ATTRIBUTES) {
      for (const element of document.querySelectorAll(selector)) {
        values.push(
          ...element
            .getAttribute(attribute)!
            .split(',')
            .map((candidate: string) => candidate.trim().split(/\s+/)[0]!)
            .filter(Boolean),
        );
      }
    }
    for (const value of values) links.push(resolveLink(page, value.trim(), base, options.siteUrl));
  }
  const broken: BrokenLink[] = [];
  const exists = new Map<string, Promise<'file' | 'dir' | undefined>>();
  const kindOf = (file: string) => {
    if (!exists.has(file))
      exists.set(
        file,
        stat(file).then(
          (s) => (s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined),
          () => undefined,
        ),
      );
    return exists.get(file)!;
  };
  for (const link of links) {
    const report = (reason: string) => broken.push({ page: link.page, link: link.link, reason });
    if (link.invalid) report('is not a valid URL');
    if (link.target === undefined) continue;
    if (!link.target.startsWith(prefix)) {
      report(`points outside the path prefix ${prefix}`);
      continue;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(link.target.slice(prefix.length));
    } catch {
      report('is not a valid URL path');
      continue;
    }
    const file = path.join(outDir, ...relative.split('/').filter(Boolean));
    const kind = await kindOf(file);
    let pagePath: string | undefined;
    if (relative === '' || relative.endsWith('/')) {
      if ((await kindOf(path.join(file, 'index.html'))) !== 'file') {
        report(`no ${path.posix.join(relative, 'index.html')} in the built site`);
        continue;
      }
      pagePath = link.target;
    } else if (kind === 'dir') {
      // A server redirects /x to /x/; the link works, but only through a redirect.
      if ((await kindOf(path.join(file, 'index.html'))) !== 'file') {
        report(`no ${relative}/index.html in the built site`);
        continue;
      }
      pagePath = `${link.target}/`;
    } else if (kind !== 'file') {
      report(`no ${relative} in the built site`);
      continue;
    } else if (relative.endsWith('.html')) {
      pagePath = pathOfFile(relative, prefix);
    }
    const fragment = link.fragment;
    if (fragment && fragment !== 'top' && pagePath && !idsByPath.get(pagePath)?.has(fragment)) {
      report(`no element with id "${fragment}" on ${pagePath}`);
    }
  }
  return { pages: files.length, links, broken };
}

function resolveLink(page: string, value: string, base: URL, siteUrl: string | undefined): FoundLink {
  const found: FoundLink = { page, link: value };
  if (/^(mailto|tel|javascript|data|blob):/i.test(value)) return found;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { ...found, invalid: true };
  }
  let target: string | undefined;
  if (url.origin === SITE) target = url.pathname;
  else if (siteUrl && url.href.startsWith(siteUrl))
    target = new URL(siteUrl).pathname.replace(/\/?$/, '/') + url.href.slice(siteUrl.length).replace(/^\//, '');
  if (target === undefined) return found;
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : undefined;
  return { ...found, target: target.split('?')[0]!.split('#')[0]!, fragment };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
