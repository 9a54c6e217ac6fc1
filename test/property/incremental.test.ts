/**
 * Incremental builds are correct (issue 13): random sequences of changes to
 * a fixture archive, and after each change an incremental build (the cache
 * of the build before) compared with a clean build of the same content, every
 * file byte for byte, the search index's included.
 *
 * ARCHIVE_INCREMENTAL_RUNS sets the number of sequences (default 12; the
 * issue's bar is hundreds: `ARCHIVE_INCREMENTAL_RUNS=300 npx vitest run
 * test/property/incremental.test.ts`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../../src/content/article.ts';
import { readArticleText, writeArticleText } from '../../src/content/frontmatter.ts';
import type { FrontMatter } from '../../src/content/schema.ts';
import type { BuildReport } from '../../src/eleventy/run.ts';
import { repoRoot } from '../support/build.ts';
import { fixtureArticleFiles } from '../support/fixture-archive.ts';
import { listFiles } from '../support/files.ts';

const RUNS = Number(process.env.ARCHIVE_INCREMENTAL_RUNS ?? 12);
/** Articles of the fixture archive kept (its first ones, with the seed article): small, so a build takes a second or two. */
const ARTICLES = 14;

const TAGS = ['ransomware', 'espionage', 'sanctions', 'Cyber Norms', 'cyberattack', 'cyber attack', 'data protection'];
const PEOPLE = ['Jens Stoltenberg', 'Stoltenberg', 'Jen Easterly', 'Brad Smith', 'Věra Jourová'];
const INCIDENTS = ['eurepoc:1234', 'eurepoc:99', 'cfr:compromise-of-a-power-grid-in-eastern-ukraine'];
const STORIES = ['alpha-talks', 'beta-talks'];
const WORDS = ['NATO', 'agreed', 'ransomware', 'sanctions', 'the', 'cyber', 'attack', 'on', 'Estonia', 'policy', 'vote', 'report'];

/** One change to the content folder. */
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
  | { kind: 'settings'; words: number[] };

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
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), words }) },
);

const root = mkdtempSync(path.join(tmpdir(), 'archive-incremental-'));
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
let added = 0;

/** Applies `step` to the content folder; a change that cannot apply (no such article) does nothing. */
function apply(step: Change): void {
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
      const title = `Added story ${++added} ${sentence(step.words)}`;
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
        (body) => `${body}

${sentence(step.words)}.`,
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
      const to = articlePath(data.date, `renamed ${++added} ${sentence(step.words)}`);
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
    case 'settings': {
      const file = path.join(contentDir, '_data', 'site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*$/m, `description: ${sentence(step.words)}`));
      return;
    }
  }
}

/** The files of the two sites that differ, are missing from one of them, or are extra. */
function differences(a: string, b: string): string[] {
  const left = listFiles(a);
  const right = listFiles(b);
  const out = [
    ...left.filter((file) => !right.includes(file)).map((file) => `only in the incremental build: ${file}`),
    ...right.filter((file) => !left.includes(file)).map((file) => `only in the clean build: ${file}`),
  ];
  for (const file of left)
    if (right.includes(file) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) out.push(`differs: ${file}`);
  return out;
}

/** Eleventy's configuration can be loaded only outside the test runner: builds run in a process of their own (test/support/build-worker.ts). */
let worker: ChildProcess;
let nextId = 0;
const waiting = new Map<number, { resolve: (report: BuildReport) => void; reject: (error: Error) => void }>();

/** Article pages per search shard: small, so the fixture's index has several shards, reused or indexed anew one by one. */
const SHARD_PAGES = 4;

function build(options: { contentDir: string; outDir: string; cache?: boolean }): Promise<BuildReport> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.send({ id, searchShardPages: SHARD_PAGES, ...options });
  });
}

beforeAll(async () => {
  worker = fork(path.join(repoRoot, 'test/support/build-worker.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('exit', (code) => reject(new Error(`the build process ended (exit ${code})`)));
  });
  worker.on('message', (message: { id: number; report?: BuildReport; error?: string }) => {
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.report!);
  });
  const content = path.join(base, 'content');
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
  for (const file of fixtureArticleFiles().slice(0, ARTICLES)) {
    mkdirSync(path.dirname(path.join(content, file.path)), { recursive: true });
    writeFileSync(path.join(content, file.path), file.text);
  }
  // The base site and its cache are built where every sequence runs, then kept aside.
  cpSync(content, contentDir, { recursive: true });
  await build({ contentDir, outDir: siteDir });
  rmSync(base, { recursive: true, force: true });
  renameSync(run, base);
}, 120_000);

afterAll(async () => {
  // The build process may still be writing (a run that timed out): wait for it to end before deleting its folders.
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await ended;
  }
  rmSync(root, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it(
    `equals a clean build of the same content, file by file, after each of random changes (${RUNS} sequences)`,
    async () => {
      let incremental = 0;
      let steps = 0;
      let sequences = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
          // Copied, so the files of the previous site are no longer the ones the cache saw: they are checked by hash.
          rmSync(run, { recursive: true, force: true });
          cpSync(base, run, { recursive: true });
          for (const step of changes) {
            apply(step);
            const report = await build({ contentDir, outDir: siteDir });
            await build({ contentDir, outDir: cleanDir, cache: false });
            steps++;
            if (!report.fullBuild) incremental++;
            expect(differences(siteDir, cleanDir), `after ${JSON.stringify(changes)}`).toEqual([]);
          }
          if (++sequences % 10 === 0) console.log(`incremental property: ${sequences} of ${RUNS} sequences passed`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // The cache was used, not thrown away: all but settings changes build incrementally.
      expect(incremental).toBeGreaterThan(steps / 2);
      console.log(`incremental property: ${RUNS} sequences, ${steps} changes, ${incremental} of them built incrementally`);
      // A limit against hangs, not a speed requirement: about 4 builds a sequence, on a busy machine.
    },
    Math.max(600_000, RUNS * 120_000),
  );
});
