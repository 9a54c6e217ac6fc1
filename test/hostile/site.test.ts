/**
 * The hostile articles through the content model, `archive check`, the build
 * and a real browser. One site is built from the bundled content plus every
 * hostile article and imported hostile page that is valid, and every page of
 * it is opened in Chromium.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.ts';
import { importPage } from '../../src/importer/index.ts';
import { buildSite, repoRoot } from '../support/build.ts';
import { CHROMIUM_ARGS, requireChromium } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { ARTICLE_CASES, PAGE_CASES, writeCorpus, type HostileCase } from './manifest.ts';
import { listFiles } from '../support/files.ts';

/**
 * Pagefind's search runs WebAssembly: the search page alone may compile it
 * ('wasm-unsafe-eval', which allows no JavaScript eval) and loads Pagefind's UI from /pagefind/.
 */
const SEARCH_PAGE = '/search/';

const run = promisify(execFile);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const LIMIT = { timeout: 300_000 };
/** Files a hostile front matter or template would create if it ran. */
const MARKERS = ['hostile-pwned-js.txt', 'hostile-pwned-javascript.txt', 'hostile-pwned-python.txt'];
const CROSS_FILE = '2019-05-23-not-limited-to-cyberspace-nato-threatens-physical-response.md';

let root: string;
let corpus: string;

/** Runs the real command line; never rejects, so a failure's own words can be asserted. */
async function archive(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/archive.js', ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A copy of the bundled content with `cases` added under `articles/hostile/`. */
function contentWith(name: string, cases: HostileCase[]): string {
  const dir = path.join(root, name, 'content');
  fs.cpSync(path.join(repoRoot, 'content'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'articles', 'hostile'), { recursive: true });
  for (const item of cases) fs.copyFileSync(path.join(corpus, 'articles', item.file), path.join(dir, 'articles', 'hostile', item.file));
  return dir;
}

/** Reads an article file as the build does: strict UTF-8, then the content model. */
function readCase(
  item: HostileCase,
): ReturnType<typeof parseArticle> | { ok: false; issues: { file: string; line?: number; field?: string; message: string }[] } {
  const bytes = fs.readFileSync(path.join(corpus, 'articles', item.file));
  try {
    return parseArticle(strictUtf8.decode(bytes), item.file);
  } catch {
    return { ok: false, issues: [{ file: item.file, line: 1, message: 'is not UTF-8 text: save it as UTF-8' }] };
  }
}

function markersLeft(): string[] {
  return MARKERS.filter((name) => fs.existsSync(path.join(repoRoot, name)) || fs.existsSync(path.join(root, name)));
}

const refusedArticles = ARTICLE_CASES.filter((c) => c.expect.outcome === 'refused');
const inertArticles = ARTICLE_CASES.filter((c) => c.expect.outcome === 'inert');

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-hostile-site-'));
  corpus = path.join(root, 'corpus');
  await writeCorpus(corpus);
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the hostile articles through the content model', () => {
  for (const item of ARTICLE_CASES.filter((c) => c.file !== CROSS_FILE)) {
    const expected = item.expect;
    it(`${expected.outcome === 'refused' ? 'refuses' : 'accepts'} ${item.file} (${item.covers})`, { timeout: 60_000 }, () => {
      const result = readCase(item);
      if (expected.outcome === 'inert') {
        expect(result.ok, result.ok ? '' : JSON.stringify(result.issues)).toBe(true);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const [issue] = result.issues;
      expect(issue!.file).toBe(item.file);
      expect(issue!.line).toBe(expected.line);
      expect(`${issue!.field ? `${issue!.field}: ` : ''}${issue!.message}`).toMatch(expected.message);
    });
  }
  it('has run none of the front matter it refused', () => {
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(markersLeft()).toEqual([]);
  });
});

describe('archive check on the hostile articles', LIMIT, () => {
  let issues: { file: string; line: number | null; field: string | null; message: string; severity: string }[];
  let result: { code: number; output: string };

  beforeAll(async () => {
    const dir = contentWith('check', ARTICLE_CASES);
    result = await archive(['check', '--content', dir, '--now', '2026-11-25', '--json']);
    issues = JSON.parse(result.output.slice(result.output.indexOf('['), result.output.lastIndexOf(']') + 1));
  }, 300_000);

  it('exits 1 without a stack trace', () => {
    expect(result.code).toBe(1);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  for (const item of refusedArticles) {
    it(`names ${item.file} and its line`, () => {
      const expected = item.expect as Extract<HostileCase['expect'], { outcome: 'refused' }>;
      const found = issues.filter((issue) => issue.file.endsWith(`/hostile/${item.file}`) && issue.severity === 'error');
      expect(found.length, JSON.stringify(issues.filter((i) => i.file.includes(item.file)))).toBeGreaterThan(0);
      if (item.file === CROSS_FILE) {
        expect(found[0]!.message).toMatch(/same page URL/);
        return;
      }
      expect(
        found.some(
          (issue) =>
            (expected.line === undefined || issue.line === expected.line) &&
            `${issue.field ? `${issue.field}: ` : ''}${issue.message}`.match(expected.message),
        ),
      ).toBe(true);
    });
  }

  it('finds no error in the articles it must accept', () => {
    const errors = issues.filter(
      (issue) => issue.severity === 'error' && inertArticles.some((c) => issue.file.endsWith(`/hostile/${c.file}`)),
    );
    expect(errors).toEqual([]);
  });
});

describe('the build refusing the hostile articles', LIMIT, () => {
  it('stops with every refused file and its line, writes nothing, and prints no stack trace', async () => {
    const dir = contentWith(
      'refused',
      refusedArticles.filter((c) => c.file !== CROSS_FILE),
    );
    const out = path.join(root, 'refused', '_site');
    const result = await archive(['build', '--content', dir, '--out', out, '--allow-example-url']);
    expect(result.code).toBe(1);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    for (const item of refusedArticles.filter((c) => c.file !== CROSS_FILE)) {
      const line = (item.expect as { line?: number }).line;
      expect(result.output).toContain(`hostile/${item.file}:${line}: `);
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(markersLeft()).toEqual([]);
  });

  it("stops an article bound for another article's page, naming both files", async () => {
    const dir = contentWith(
      'clash',
      ARTICLE_CASES.filter((c) => c.file === CROSS_FILE),
    );
    const out = path.join(root, 'clash', '_site');
    const result = await archive(['build', '--content', dir, '--out', out, '--allow-example-url']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/would be written to the same URL/);
    expect(result.output).toContain(`articles/2019/${CROSS_FILE}`);
    expect(result.output).toContain(`articles/hostile/${CROSS_FILE}`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('the site built from the hostile corpus', LIMIT, () => {
  let contentDir: string;
  let outDir: string;
  /** Each accepted case's page URL and the strings it must show as text. */
  const expectations: { name: string; url: string; shows: string[] }[] = [];
  let htmlPages: string[];
  let aliasFiles: string[];

  beforeAll(async () => {
    contentDir = contentWith('site', inertArticles);
    outDir = path.join(root, 'site', '_site');
    for (const item of inertArticles) {
      const text = fs.readFileSync(path.join(contentDir, 'articles', 'hostile', item.file), 'utf8');
      const parsed = parseArticle(text, `articles/hostile/${item.file}`);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      expectations.push({ name: item.file, url: parsed.article.url, shows: (item.expect as { shows: string[] }).shows });
    }
    // The scraped pages the importer accepts join the site too, under names of their own
    // (a text dump of the seed would otherwise claim the seed's page).
    fs.mkdirSync(path.join(contentDir, 'articles', 'imported'), { recursive: true });
    for (const item of PAGE_CASES.filter((c) => c.expect.outcome === 'inert')) {
      const result = importPage(fs.readFileSync(path.join(corpus, 'pages', item.file)), { fileName: item.file });
      if (result.status !== 'article') throw new Error(`${item.file}: ${result.reason}`);
      const name = `${result.data.date}-imported-${item.file.replace(/[^a-z0-9]+/g, '-')}.md`;
      fs.writeFileSync(path.join(contentDir, 'articles', 'imported', name), result.text);
      const parsed = parseArticle(result.text, `articles/imported/${name}`);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      expectations.push({ name: item.file, url: parsed.article.url, shows: (item.expect as { shows: string[] }).shows });
    }
    await buildSite({ contentDir, outDir });
    // Alias pages (src/site/redirects.ts) lead on at once with a meta refresh: they are
    // checked as files below, and the pages they lead to are opened like any other.
    const files = listFiles(outDir).filter((file) => file.endsWith('.html'));
    aliasFiles = files.filter((file) => fs.readFileSync(path.join(outDir, file), 'utf8').includes('http-equiv="refresh"'));
    htmlPages = files.filter((file) => !aliasFiles.includes(file));
  }, 300_000);

  it('writes alias pages that carry no script, keep the policy and lead to a page of the site', () => {
    expect(aliasFiles.length).toBeGreaterThan(0);
    for (const file of aliasFiles) {
      const html = fs.readFileSync(path.join(outDir, file), 'utf8');
      expect(html, file).not.toMatch(/<script|\son[a-z]+=/i);
      expect(html, file).toContain('http-equiv="Content-Security-Policy"');
      const target = /url=([^"]+)"/.exec(html)![1]!;
      expect(fs.existsSync(path.join(outDir, target, 'index.html')), `${file} leads to ${target}`).toBe(true);
    }
  });

  it('gives every accepted case exactly one page at its own URL', () => {
    for (const { name, url } of expectations) {
      expect(fs.existsSync(path.join(outDir, url, 'index.html')), `${name} at ${url}`).toBe(true);
    }
    expect(new Set(expectations.map((e) => e.url)).size).toBe(expectations.length);
  });

  it('writes nothing outside the output folder, and only safe folder names inside it', () => {
    // Beside the output folder stands only its build cache (docs/incremental.md), for that folder alone.
    expect(fs.readdirSync(path.join(root, 'site')).sort()).toEqual(['.archive-cache', '_site', 'content']);
    expect(fs.readdirSync(path.join(root, 'site', '.archive-cache'))).toEqual(['_site']);
    expect(markersLeft()).toEqual([]);
    expect(fs.existsSync('/tmp/hostile-escape')).toBe(false);
    expect(fs.existsSync('/tmp/hostile-permalink.html')).toBe(false);
    for (const file of listFiles(outDir)) {
      for (const segment of file.split('/').slice(0, -1)) {
        expect(segment, file).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(segment, file).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
      }
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: StaticServer;
    let page: Page;
    const problems: string[] = [];
    const seen = new Map<string, Awaited<ReturnType<typeof inspect>>>();

    beforeAll(async () => {
      server = await serveStatic(outDir);
      browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
      page = await browser.newPage();
      // The 30 MB article makes a 37 MB page: a limit against hangs, not a speed requirement.
      page.setDefaultTimeout(300_000);
      page.on('dialog', (dialog) => {
        problems.push(`a ${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => problems.push(`a script error on ${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
      });
      page.on('requestfailed', (request) => {
        // Going to the next page cancels a favicon still loading: not a failure of the page.
        if (request.failure()?.errorText === 'net::ERR_ABORTED' && request.url().endsWith('/favicon.svg')) return;
        problems.push(`a failed request on ${page.url()}: ${request.url()} (${request.failure()?.errorText})`);
      });
      for (const file of htmlPages) {
        const url = `${server.url}${file.replace(/(^|\/)index\.html$/, '$1')}`;
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.waitForLoadState('load');
        // The search page starts Pagefind once loaded: let it finish, so leaving cancels none of its requests.
        if (file === 'search/index.html') await page.locator('#search.search-ready').waitFor();
        seen.set(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, await inspect(page));
      }
    }, 900_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens every page of the site', () => {
      expect(seen.size).toBe(htmlPages.length);
      expect(htmlPages.length).toBeGreaterThan(expectations.length);
    });

    it('sees no dialog, no script error, no console error and no failed request', () => {
      expect(problems).toEqual([]);
    });

    it('finds no trace of a hostile script having run', () => {
      for (const [url, found] of seen) expect(found.pwned, url).toBe(false);
    });

    it('finds the Content-Security-Policy on every page, letting scripts and objects come from the site alone', () => {
      for (const [url, found] of seen) {
        const scriptSources = url === SEARCH_PAGE ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"];
        expect(found.csp, url).toHaveLength(1);
        const policy = parsePolicy(found.csp[0]!);
        expect(policy.get('default-src'), url).toEqual(["'self'"]);
        expect(policy.get('script-src') ?? policy.get('default-src'), url).toEqual(scriptSources);
        expect(policy.get('object-src'), url).toEqual(["'none'"]);
        expect(policy.get('base-uri'), url).toEqual(["'self'"]);
        expect(found.cspBeforeContent, url).toBe(true);
      }
    });

    it('finds a policy that allows nothing but the site itself (no data: images)', () => {
      for (const [url, found] of seen) {
        for (const [directive, sources] of parsePolicy(found.csp[0]!)) {
          const allowed = (source: string) =>
            source === "'self'" ||
            source === "'none'" ||
            (url === SEARCH_PAGE && directive === 'script-src' && source === "'wasm-unsafe-eval'");
          expect(sources.every(allowed), `${url} ${directive}`).toBe(true);
        }
      }
    });

    it('finds only the site own scripts: its script file and JSON-LD', () => {
      // The search page loads Pagefind's API (/pagefind/pagefind.js) from its own module, never as a script element.
      const own = /^(\/assets\/[a-z-]+\.js|inline:application\/ld\+json)$/;
      for (const [url, found] of seen) {
        for (const script of found.scripts) expect(script, url).toMatch(own);
      }
    });

    it('finds no element or attribute made from hostile text: no event handler, frame, object, image or script URL', () => {
      for (const [url, found] of seen) {
        expect(found.handlers, url).toEqual([]);
        // The forms the site makes: the header's search box on every page, and the search page's own.
        const embeds = found.embeds.filter(
          (embed) =>
            !embed.startsWith('<form class="site-search" action="/search/" method="get"') &&
            !(url === SEARCH_PAGE && embed.startsWith('<form id="search-form" class="search-form" action="/search/" method="get"')),
        );
        expect(embeds, url).toEqual([]);
        expect(found.scriptUrls, url).toEqual([]);
      }
    });

    it("shows each hostile string on its case's page as text", () => {
      for (const { name, url, shows } of expectations) {
        const found = seen.get(url);
        expect(found, `${name}: ${url} was not opened`).toBeDefined();
        for (const text of shows) expect(found!.text.includes(text), `${name}: ${text}`).toBe(true);
      }
    });

    it('shows template syntax literally, never its result', () => {
      const found = seen.get(expectations.find((e) => e.name === '2019-06-03-template-syntax.md')!.url)!;
      expect(found.text).not.toMatch(/\b49\b/);
      expect(found.text).not.toMatch(/\bPWNED\b/);
    });
  });
});

/** `default-src 'self'; img-src 'self' data:` as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** What a page holds that hostile text could have made, and its text. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const csp = [...document.querySelectorAll('meta[http-equiv]')].filter(
      (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy',
    );
    const firstBody = document.querySelector('title, link, script, body');
    return {
      pwned: 'pwned' in window || '__pwned' in window,
      csp: csp.map((m) => m.getAttribute('content') ?? ''),
      // A policy given after content it should govern does not govern it.
      cspBeforeContent:
        csp.length > 0 && (!firstBody || Boolean(csp[0]!.compareDocumentPosition(firstBody) & Node.DOCUMENT_POSITION_FOLLOWING)),
      scripts: [...document.scripts].map((s) => (s.src ? new URL(s.src).pathname : `inline:${s.type}`)),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`),
      ),
      embeds: [...document.querySelectorAll('iframe, frame, object, embed, applet, img, video, audio, base, form, math')].map((el) =>
        el.outerHTML.slice(0, 120),
      ),
      scriptUrls: all.flatMap((el) =>
        ['href', 'src', 'action', 'data', 'formaction', 'xlink:href']
          .map((name) => el.getAttribute(name))
          .filter((value): value is string => Boolean(value && /^[\s\u0000-\u001f]*(javascript|data|vbscript):/i.test(value))),
      ),
      text: `${document.title}\n${document.body.textContent ?? ''}`,
    };
  });
}
