/**
 * Incremental builds are correct (issue 13): random sequences of changes to
 * a fixture archive and to the project's templates, and after each change an
 * incremental build (the cache of the build before) compared with a clean
 * build of the same content, every file byte for byte, the search index's
 * included.
 *
 * The changes are the issue's: add, edit the body, edit the front matter
 * (tags, title, draft, incidents, story key), rename and delete an article;
 * change a registry (names, incident systems), a site setting, a template or
 * the stylesheet; record a release (`archive release`'s record). Templates are changed in a copy
 * of the project (its src/, layouts/, configuration and lockfile, with the
 * repository's node_modules), which every build runs from.
 *
 * Fast enough for CI at a hundred sequences: a small fixture (ARTICLES
 * articles, search shards of SHARD_PAGES pages, so shards are both reused and
 * indexed anew), one build process for every build (Eleventy loaded once),
 * and clean builds shared: content seen before (the same articles,
 * registries, settings and templates, byte for byte) is not built clean
 * again, its clean site's file hashes are compared instead.
 *
 * Every incremental build judges the article files' statuses a minute
 * ahead (`statusTime`), so every file counts as settled: an unchanged file is
 * taken by its status, unread, and a changed one must be told by its status
 * alone (the changes come a build apart, far beyond any timestamp's tick).
 *
 * ARCHIVE_INCREMENTAL_RUNS sets the number of sequences (default 100; the
 * figures of a run of 300 are in docs/incremental.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../../src/content/article.ts';
import { readArticleText, writeArticleText } from '../../src/content/frontmatter.ts';
import type { FrontMatter } from '../../src/content/schema.ts';
import type { BuildReport } from '../../src/eleventy/run.ts';
import { contentIndex, formatRecord, recordFile } from '../../src/release/record.ts';
import { loadContent } from '../../src/store/load.ts';
import { repoRoot } from '../support/build.ts';
import { fixtureArticleFiles } from '../support/fixture-archive.ts';
import { listFiles } from '../support/files.ts';

const RUNS = Number(process.env.ARCHIVE_INCREMENTAL_RUNS ?? 100);
/** Articles of the fixture archive kept (its first ones, with the seed article): tags, people, related stories and three years, in a build of a fraction of a second. */
const ARTICLES = 6;
/** Article pages per search shard: small, so the fixture's index has several shards, reused or indexed anew one by one. */
const SHARD_PAGES = 4;

const TAGS = ['ransomware', 'espionage', 'sanctions', 'Cyber Norms', 'cyberattack', 'cyber attack', 'data protection'];
const PEOPLE = ['Jens Stoltenberg', 'Stoltenberg', 'Jen Easterly', 'Brad Smith', 'Věra Jourová'];
const INCIDENTS = ['eurepoc:1234', 'eurepoc:99', 'cfr:compromise-of-a-power-grid-in-eastern-ukraine'];
const STORIES = ['alpha-talks', 'beta-talks'];
/** Outlets an article may name: a registered one by its name and by an alias, and one the registry does not know. */
const OUTLET_NAMES = ['Sputnik International', 'Sputnik', 'The Record'];
const WORDS = ['NATO', 'agreed', 'ransomware', 'sanctions', 'the', 'cyber', 'attack', 'on', 'Estonia', 'policy', 'vote', 'report'];
/** Templates a change may edit: the page around every page, three pages and a partial. */
const TEMPLATES = ['base.njk', 'pages/article.njk', 'pages/entity.njk', 'pages/home.njk', 'partials/article-list.njk'];

/** One change to the content folder or the project's templates. */
type Change =
  | { kind: 'add'; day: number; tags: number[]; people: number[]; words: number[] }
  | { kind: 'body'; which: number; words: number[] }
  | { kind: 'tags'; which: number; tags: number[] }
  | { kind: 'title'; which: number; words: number[] }
  | { kind: 'rename'; which: number; words: number[] }
  | { kind: 'delete'; which: number }
  | { kind: 'draft'; which: number }
  | { kind: 'incidents'; which: number; incidents: number[] }
  | { kind: 'story'; which: number; story: number }
  | { kind: 'registry'; words: number[] }
  | { kind: 'systems'; words: number[] }
  | { kind: 'outlets'; words: number[] }
  | { kind: 'outlet'; which: number; outlet: number }
  | { kind: 'settings'; words: number[] }
  | { kind: 'template'; which: number; words: number[] }
  | { kind: 'css'; words: number[] }
  | { kind: 'release' };

const KINDS: readonly Change['kind'][] = [
  'add',
  'body',
  'tags',
  'title',
  'rename',
  'delete',
  'draft',
  'incidents',
  'story',
  'registry',
  'systems',
  'outlets',
  'outlet',
  'settings',
  'template',
  'css',
  'release',
];

const index = fc.nat({ max: 1000 });
const words = fc.array(fc.nat({ max: WORDS.length - 1 }), { minLength: 1, maxLength: 8 });
const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      day: fc.nat({ max: 2500 }),
      tags: fc.array(fc.nat({ max: TAGS.length - 1 }), { minLength: 1, maxLength: 3 }),
      people: fc.array(fc.nat({ max: PEOPLE.length - 1 }), { maxLength: 2 }),
      words,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('body' as const), which: index, words }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('tags' as const),
      which: index,
      tags: fc.array(fc.nat({ max: TAGS.length - 1 }), { maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('title' as const), which: index, words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), which: index, words }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), which: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('draft' as const), which: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('incidents' as const),
      which: index,
      incidents: fc.array(fc.nat({ max: INCIDENTS.length - 1 }), { maxLength: 2 }),
    }),
  },
  // A story key, or none (the last number), so storylines form, grow, merge and fall apart.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('story' as const), which: index, story: fc.nat({ max: STORIES.length }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('registry' as const), words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('systems' as const), words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outlets' as const), words }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('outlet' as const),
      which: index,
      outlet: fc.integer({ min: 0, max: OUTLET_NAMES.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('template' as const), which: index, words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('css' as const), words }) },
  // A release of the content as it is, as `archive release` records it: the site then says it is that release.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const) }) },
);

const root = mkdtempSync(path.join(tmpdir(), 'archive-incremental-'));
/** The copy of the project every build runs from, whose templates the changes edit; its pristine templates beside it. */
const project = path.join(root, 'project');
const layouts = path.join(project, 'layouts');
const pristineLayouts = path.join(root, 'layouts');
/** The content and site every sequence starts from (with its cache), copied into `run/` for each. */
const base = path.join(root, 'base');
const run = path.join(root, 'run');
const contentDir = path.join(run, 'content');
const siteDir = path.join(run, 'site');
const cleanDir = path.join(run, 'clean');

/** The article files of the content folder, relative to it, sorted. */
const articleFiles = (): string[] => listFiles(path.join(contentDir, 'articles')).map((file) => `articles/${file}`);

function readArticle(file: string): { data: FrontMatter; body: string } {
  const read = readArticleText(readFileSync(path.join(contentDir, file), 'utf8'), file);
  if (!read.ok) throw new Error(`${file} does not parse`);
  return { data: read.data, body: read.body };
}

function writeArticle(file: string, data: FrontMatter, body: string): void {
  mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
  writeFileSync(path.join(contentDir, file), writeArticleText(data, body));
}

const sentence = (picked: number[]) => picked.map((i) => WORDS[i]).join(' ');
/** Whether the templates differ from the pristine ones. */
let layoutsEdited = false;

/**
 * Applies `step`; a change that cannot apply (no such article) does nothing.
 * Names are made from the change alone (an added article's day is in its
 * title, a renamed one's date in its new name), so two sequences that make
 * the same changes reach the same content, whose clean build is shared.
 */
async function apply(step: Change): Promise<void> {
  const files = articleFiles();
  const pick = (which: number) => files[which % files.length]!;
  /** Rewrites the article `which` picks: its front matter through `change`, its body through `rebody`. */
  const edit = (which: number, change: (data: FrontMatter) => FrontMatter, rebody = (body: string) => body) => {
    const file = pick(which);
    const { data, body } = readArticle(file);
    writeArticle(file, change(data), rebody(body));
  };
  switch (step.kind) {
    case 'add': {
      const day = new Date(Date.UTC(2016, 0, 1) + step.day * 86_400_000).toISOString().slice(0, 10);
      const title = `Added story of ${day}: ${sentence(step.words)}`;
      const people = [...new Set(step.people.map((i) => PEOPLE[i]!))];
      writeArticle(
        articlePath(day, title),
        { title, date: day, tags: [...new Set(step.tags.map((i) => TAGS[i]!))], ...(people.length ? { people } : {}) },
        `${sentence(step.words)}.\n\nA second paragraph about ${sentence(step.words.slice(0, 2))}.`,
      );
      return;
    }
    case 'body':
      edit(
        step.which,
        (data) => data,
        (body) => `${body}\n\n${sentence(step.words)}.`,
      );
      return;
    case 'tags':
      edit(step.which, (data) => ({ ...data, tags: [...new Set(step.tags.map((i) => TAGS[i]!))] }));
      return;
    case 'title':
      edit(step.which, (data) => ({ ...data, title: `${data.title} ${sentence(step.words)}` }));
      return;
    case 'rename': {
      const file = pick(step.which);
      const { data } = readArticle(file);
      const to = articlePath(data.date, `renamed ${data.date} ${sentence(step.words)}`);
      renameSync(path.join(contentDir, file), path.join(contentDir, to));
      return;
    }
    case 'delete':
      if (files.length > 2) rmSync(path.join(contentDir, pick(step.which)));
      return;
    case 'draft':
      edit(step.which, (data) => ({ ...data, draft: !data.draft }));
      return;
    case 'incidents':
      edit(step.which, (data) => ({ ...data, incidents: [...new Set(step.incidents.map((i) => INCIDENTS[i]!))] }));
      return;
    case 'story':
      edit(step.which, (data) => ({ ...data, story: STORIES[step.story] }));
      return;
    case 'systems': {
      const file = path.join(contentDir, '_data', 'incident-systems.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^( {2}name: European Repository of Cyber Incidents).*$/m, `$1 ${sentence(step.words)}`),
      );
      return;
    }
    case 'registry': {
      const file = path.join(contentDir, '_data', 'tags.yaml');
      writeFileSync(
        file,
        `${readFileSync(file, 'utf8').replace(/\n- name: espionage\n[^-]*/, '\n')}\n- name: espionage\n  description: ${sentence(step.words)}\n`,
      );
      return;
    }
    case 'outlets': {
      // The outlets registry: a registered outlet's kind (its pages and every page of its articles show it).
      const file = path.join(contentDir, '_data', 'outlets.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}kind: .*$/m, `  kind: ${sentence(step.words)}`));
      return;
    }
    case 'outlet': {
      // An article's outlet: a registered one by an alias, or another.
      edit(step.which, (data) => ({ ...data, source: { ...data.source, name: OUTLET_NAMES[step.outlet]! } }));
      return;
    }
    case 'settings': {
      const file = path.join(contentDir, '_data', 'site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*$/m, `description: ${sentence(step.words)}`));
      return;
    }
    case 'template':
      appendFileSync(path.join(layouts, TEMPLATES[step.which % TEMPLATES.length]!), `<!-- ${sentence(step.words)} -->\n`);
      layoutsEdited = true;
      return;
    case 'release': {
      // Numbered after the releases already there, so the same changes make the same content.
      const folder = path.join(contentDir, 'releases');
      mkdirSync(folder, { recursive: true });
      const version = `${readdirSync(folder).length + 1}.0.0`;
      writeFileSync(
        path.join(folder, recordFile(version)),
        formatRecord({ version, date: '2026-01-01', index: contentIndex(await loadContent(contentDir)) }),
      );
      return;
    }
    case 'css':
      appendFileSync(path.join(layouts, 'assets', 'site.css'), `/* ${sentence(step.words)} */\n`);
      layoutsEdited = true;
      return;
  }
}

/** The SHA-256 of every file under `dir`, by its path relative to it. */
function fileHashes(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** A key for everything a clean build is made from here: the content folder and the templates, every file's path and bytes. */
function sourcesKey(): string {
  const hash = createHash('sha256');
  for (const [dir, hashes] of [contentDir, layouts].map((folder) => [folder, fileHashes(folder)] as const))
    hash.update(`${dir}\n${[...hashes].map(([file, sha]) => `${file} ${sha}`).join('\n')}\n`);
  return hash.digest('hex');
}

/** The files of the incremental site that differ from the clean one's, are missing from one of them, or are extra. */
function differences(incremental: Map<string, string>, clean: Map<string, string>): string[] {
  const out = [...clean.keys()].filter((file) => !incremental.has(file)).map((file) => `only in the clean build: ${file}`);
  for (const [file, sha] of incremental) {
    if (!clean.has(file)) out.push(`only in the incremental build: ${file}`);
    else if (clean.get(file) !== sha) out.push(`differs: ${file}`);
  }
  return out;
}

/**
 * A build process that stays up (test/support/build-worker.ts), running from
 * the project's copy: Eleventy's configuration can be loaded only outside the
 * test runner, and is loaded once. Two of them, so the incremental build and
 * the clean one of each step run side by side.
 */
class Builder {
  readonly #process: ChildProcess;
  #nextId = 0;
  readonly #waiting = new Map<number, { resolve: (report: BuildReport) => void; reject: (error: Error) => void }>();
  readonly ready: Promise<void>;

  /** The end of what the process printed: Eleventy's benchmark notes on every build, so kept for an error only. */
  #printed = '';

  constructor() {
    this.#process = fork(path.join(project, 'test/support/build-worker.ts'), [], {
      cwd: project,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#process.stderr!.on('data', (chunk: Buffer) => {
      this.#printed = (this.#printed + chunk.toString()).slice(-8000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.#process.once('message', () => resolve());
      this.#process.once('exit', (code, signal) => {
        const ended = new Error(`the build process ended (${signal ?? `exit ${code}`}):\n${this.#printed}`);
        reject(ended);
        for (const waiter of this.#waiting.values()) waiter.reject(ended);
        this.#waiting.clear();
      });
    });
    this.#process.on('message', (message: { id: number; report?: BuildReport; error?: string }) => {
      const waiter = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.report!);
    });
  }

  build(options: { contentDir: string; outDir: string; cache?: boolean; statusTime?: number }): Promise<BuildReport> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#process.send({ id, searchShardPages: SHARD_PAGES, ...options });
    });
  }

  /** Ends the process, once it has ended what it was writing (a run that timed out), so its folders can go. */
  async stop(): Promise<void> {
    if (this.#process.exitCode !== null || this.#process.signalCode !== null) return;
    const ended = new Promise((resolve) => this.#process.once('exit', resolve));
    this.#process.kill('SIGTERM');
    await ended;
  }
}

/** The time an incremental build judges the article files' statuses against: every file has settled by then. */
const aMinuteAhead = (): number => Date.now() + 60_000;

let incrementalBuilder: Builder;
let cleanBuilder: Builder;

/** The file hashes of clean builds, by `sourcesKey()`: shared between sequences that reach the same content. */
const cleanSites = new Map<string, Map<string, string>>();
let cleanBuilds = 0;

/** The file hashes of a clean build of the content and templates as they are now: built, or shared with an earlier step. */
async function cleanSite(): Promise<Map<string, string>> {
  const key = sourcesKey();
  let site = cleanSites.get(key);
  if (!site) {
    await cleanBuilder.build({ contentDir, outDir: cleanDir, cache: false });
    cleanBuilds++;
    site = fileHashes(cleanDir);
    cleanSites.set(key, site);
  }
  return site;
}

beforeAll(async () => {
  for (const entry of [
    'src',
    'layouts',
    '.eleventy.js',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'test/support/build-worker.ts',
  ])
    cpSync(path.join(repoRoot, entry), path.join(project, entry), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  cpSync(layouts, pristineLayouts, { recursive: true });
  incrementalBuilder = new Builder();
  cleanBuilder = new Builder();
  await Promise.all([incrementalBuilder.ready, cleanBuilder.ready]);
  const content = path.join(base, 'content');
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
  for (const file of fixtureArticleFiles().slice(0, ARTICLES)) {
    mkdirSync(path.dirname(path.join(content, file.path)), { recursive: true });
    writeFileSync(path.join(content, file.path), file.text);
  }
  // The base site and its cache are built where every sequence runs, then kept aside.
  cpSync(content, contentDir, { recursive: true });
  await incrementalBuilder.build({ contentDir, outDir: siteDir, statusTime: aMinuteAhead() });
  rmSync(base, { recursive: true, force: true });
  renameSync(run, base);
}, 120_000);

afterAll(async () => {
  await Promise.all([incrementalBuilder?.stop(), cleanBuilder?.stop()]);
  rmSync(root, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it(
    `equals a clean build of the same content and templates, file by file, after each of random changes (${RUNS} sequences)`,
    async () => {
      const started = performance.now();
      let incremental = 0;
      let ahead = 0;
      let steps = 0;
      let sequences = 0;
      const kinds = new Set<Change['kind']>();
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
          // Copied, so the files of the previous site are no longer the ones the cache saw: they are checked by hash.
          rmSync(run, { recursive: true, force: true });
          cpSync(base, run, { recursive: true });
          if (layoutsEdited) {
            rmSync(layouts, { recursive: true, force: true });
            cpSync(pristineLayouts, layouts, { recursive: true });
            layoutsEdited = false;
          }
          for (const step of changes) {
            await apply(step);
            kinds.add(step.kind);
            const [report, clean] = await Promise.all([
              incrementalBuilder.build({ contentDir, outDir: siteDir, statusTime: aMinuteAhead() }),
              cleanSite(),
            ]);
            steps++;
            if (!report.fullBuild) incremental++;
            ahead += report.searchAhead ?? 0;
            expect(differences(fileHashes(siteDir), clean), `after ${JSON.stringify(changes)}`).toEqual([]);
          }
          if (++sequences % 10 === 0) console.log(`incremental property: ${sequences} of ${RUNS} sequences passed`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      console.log(
        `incremental property: ${RUNS} sequences, ${steps} changes, ${incremental} of them built incrementally, ${ahead} search shards written ahead and kept, ${cleanBuilds} clean builds (${steps - cleanBuilds} shared), ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      // The cache was used, not thrown away: all but settings and template changes and releases build incrementally.
      expect(incremental).toBeGreaterThan(steps / 2);
      // Every kind of change was made, once there are enough sequences for it (the rarest is one change in 30); and
      // edited bodies' shards were indexed ahead from their provisional pages (src/search/provisional.ts) and kept.
      if (RUNS >= 50) {
        expect([...kinds].sort()).toEqual([...KINDS].sort());
        expect(ahead).toBeGreaterThan(0);
      }
    },
    // A limit against hangs, not a speed requirement: a few builds a sequence, on a busy machine.
    Math.max(600_000, RUNS * 30_000),
  );
});
