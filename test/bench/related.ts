/**
 * Benchmark of related stories on a synthetic archive: the same seed gives
 * the same archive, so figures from two machines or two commits compare.
 * Each size runs in its own child process, so its peak memory (maxRSS) is its
 * own and not the previous size's.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article } from '../../src/content/article.ts';
import { computeRelated, computeRelatedParallel, linkRelatedHeadlines, PARALLEL_FROM } from '../../src/related/index.ts';
import { createRandom } from '../support/random.ts';

/** The archive sizes measured, smallest first: the first is the base of the growth ratio. */
export const SIZES = [10_000, 30_000, 100_000] as const;

/** The budgets of issue 4 for the largest size. */
export const BUDGET = { seconds: 10, bytes: 2 * 1024 ** 3 } as const;

export { createRandom };

/** Draws ranks 0..size-1 with probability ∝ 1/(rank+1)^exponent, as names and words occur in news. */
export function createZipf(size: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ber',
  'dan',
  'gel',
  'hor',
  'jin',
  'kel',
  'mar',
  'nor',
  'pel',
  'quin',
  'ros',
  'sten',
  'tor',
  'ul',
  'wen',
  'yar',
  'zo',
];

/** `count` distinct pronounceable words, each built from the PRNG. */
function makeWords(count: number, random: () => number, minSyllables: number, maxSyllables: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = minSyllables + Math.floor(random() * (maxSyllables - minSyllables + 1));
    let word = '';
    for (let i = 0; i < length; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

const capitalise = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** `YYYY-MM-DD` of a count of days since 1970-01-01, by integer arithmetic (no Date, no zone). */
function dayString(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The shape of a synthetic archive. */
export interface SyntheticOptions {
  seed?: number;
  tags?: number;
  people?: number;
  organizations?: number;
  places?: number;
  /** Distinct words bodies draw from. */
  words?: number;
  /** Mean body length in words. */
  bodyWords?: number;
  years?: number;
}

/**
 * A deterministic archive of `count` articles: names drawn Zipf-like from
 * vocabularies of tags, people, organizations and places; bodies of about
 * 600 words from a Zipf vocabulary, a fifth of them from the article's topic;
 * days spread over 20 years; some outlet headlines, pins and excludes.
 */
export function syntheticArchive(count: number, options: SyntheticOptions = {}): Article[] {
  const random = createRandom(options.seed ?? 20_260_425);
  const vocabulary = {
    tags: makeWords(options.tags ?? 400, random, 2, 3),
    people: makeWords(options.people ?? 2_000, random, 2, 3).map(
      (given, i, all) => `${capitalise(given)} ${capitalise(all[(i * 7 + 3) % all.length]!)}`,
    ),
    organizations: makeWords(options.organizations ?? 600, random, 2, 3).map((word) => word.toUpperCase().slice(0, 3 + (word.length % 4))),
    places: makeWords(options.places ?? 200, random, 2, 3).map(capitalise),
  };
  const words = makeWords(options.words ?? 30_000, random, 1, 4);
  const draw = {
    tags: createZipf(vocabulary.tags.length, 1, random),
    people: createZipf(vocabulary.people.length, 1, random),
    organizations: createZipf(vocabulary.organizations.length, 1, random),
    places: createZipf(vocabulary.places.length, 1, random),
    word: createZipf(words.length, 1.05, random),
  };
  const topics = 500;
  const topicWords = 60;
  const bodyWords = options.bodyWords ?? 600;
  const firstDay = 13_149; // 2006-01-01
  const span = Math.round((options.years ?? 20) * 365.25);
  const pick = (kind: keyof typeof vocabulary, most: number, least = 0): string[] => {
    const n = least + Math.floor(random() * (most - least + 1));
    const names = new Set<string>();
    for (let i = 0; i < n; i++) names.add(vocabulary[kind][draw[kind]()]!);
    return [...names];
  };
  const articles: Article[] = [];
  for (let index = 0; index < count; index++) {
    const date = dayString(firstDay + Math.floor(random() * span));
    const topic = Math.floor(random() * topics);
    const titleWords: string[] = [];
    const titleLength = 5 + Math.floor(random() * 5);
    for (let i = 0; i < titleLength; i++) titleWords.push(words[draw.word()]!);
    titleWords.push(index.toString(36));
    const title = capitalise(titleWords.join(' '));
    const slug = titleWords.join('-');
    const sentences: string[] = [];
    const length = bodyWords - 50 + Math.floor(random() * 101);
    let sentence: string[] = [];
    for (let i = 0; i < length; i++) {
      const word = random() < 0.2 ? words[(topic * topicWords + Math.floor(random() * topicWords)) % words.length]! : words[draw.word()]!;
      sentence.push(sentence.length === 0 ? capitalise(word) : word);
      if (sentence.length >= 8 && random() < 0.08) {
        sentences.push(`${sentence.join(' ')}.`);
        sentence = [];
      }
    }
    if (sentence.length > 0) sentences.push(`${sentence.join(' ')}.`);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
    const related_headlines: string[] = [];
    if (index > 0 && random() < 0.3) {
      const headlines = 1 + Math.floor(random() * 3);
      for (let i = 0; i < headlines; i++)
        related_headlines.push(random() < 0.8 ? articles[Math.floor(random() * index)]!.title.toUpperCase() : `Not archived ${index}-${i}`);
    }
    const related: Article['related'] =
      index > 10 && random() < 0.02
        ? { pin: [articles[Math.floor(random() * index)]!.url], exclude: [articles[Math.floor(random() * index)]!.slug] }
        : undefined;
    articles.push({
      file: `articles/${date.slice(0, 4)}/${date}-${slug}.md`,
      slug,
      url: `/articles/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}/`,
      title,
      date,
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      authors: [],
      incidents: [],
      tags: pick('tags', 5, 1),
      people: pick('people', 4),
      organizations: pick('organizations', 3),
      places: pick('places', 2),
      related_headlines,
      related,
      draft: false,
      body: paragraphs.join('\n\n'),
    });
  }
  return articles;
}

/** How related stories are computed: as the build does (a worker on a second core from PARALLEL_FROM articles), or on one thread. */
export type RelatedMode = 'build' | 'one-thread';

/** What one size measured in one mode. */
export interface RelatedFigures {
  articles: number;
  mode: RelatedMode;
  generateSeconds: number;
  relatedSeconds: number;
  /** Of that, the time before the call returns: the copy a worker is sent, or all of it on one thread. */
  heldSeconds: number;
  /** CPU time (user + system) of related stories, over every thread. */
  relatedCpuSeconds: number;
  headlinesSeconds: number;
  links: number;
  /** sha256 of the output, to show that both modes give the same links. */
  outputHash: string;
  /** Peak resident memory of the whole process, archive included. */
  maxRssBytes: number;
  /** Heap in use with the archive and the related lists alive. */
  heapUsedBytes: number;
  /** Heap in use with the archive alone. */
  archiveHeapBytes: number;
}

/** Builds the archive, then times related stories and headline links over it, in this process, cold as in a build. */
export async function measure(count: number, mode: RelatedMode): Promise<RelatedFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let start = performance.now();
  const articles = syntheticArchive(count);
  const generateSeconds = (performance.now() - start) / 1000;
  gc?.();
  const archiveHeapBytes = process.memoryUsage().heapUsed;
  start = performance.now();
  const cpu = process.cpuUsage();
  // As the build does, the call returns once the worker has its copy: the build's thread computes the rest of the archive meanwhile.
  const pending = mode === 'build' ? computeRelatedParallel(articles) : undefined;
  const heldSeconds = (performance.now() - start) / 1000;
  const related = pending ? await pending : computeRelated(articles);
  const relatedSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const relatedCpuSeconds = (used.user + used.system) / 1e6;
  const heapUsedBytes = process.memoryUsage().heapUsed;
  let links = 0;
  const hash = createHash('sha256');
  for (const entry of related) {
    links += entry[1].length;
    hash.update(JSON.stringify(entry));
  }
  start = performance.now();
  linkRelatedHeadlines(articles);
  const headlinesSeconds = (performance.now() - start) / 1000;
  return {
    articles: count,
    mode,
    generateSeconds,
    relatedSeconds,
    heldSeconds: mode === 'build' ? heldSeconds : relatedSeconds,
    relatedCpuSeconds,
    headlinesSeconds,
    links,
    outputHash: hash.digest('hex'),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes,
    archiveHeapBytes,
  };
}

/** Runs {@link measure} for one size and mode in a fresh Node process (its own peak memory, its own cold start) and reads its figures. */
function measureInChild(count: number, mode: RelatedMode): RelatedFigures {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', fileURLToPath(import.meta.url), String(count), mode],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as RelatedFigures;
}

/** One line of the bench table. */
export interface BenchRow {
  name: string;
  value: string;
  budget?: string;
  met?: boolean;
}

const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const seconds = (value: number): string => `${value.toFixed(2)} s`;

/** Measures every size, prints each as it ends, and returns the rows for the table. */
export async function benchRelated(sizes: readonly number[] = SIZES): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const figures: RelatedFigures[] = [];
  // Wall time on a shared machine says as much about the neighbours as about the code: show the load with it.
  console.log(
    `load average before: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  for (const count of sizes) {
    const result = measureInChild(count, 'build');
    const oneThread = measureInChild(count, 'one-thread');
    figures.push(result);
    const same = result.outputHash === oneThread.outputHash;
    console.log(
      `related ${count}: generate ${seconds(result.generateSeconds)}, related ${seconds(result.relatedSeconds)} (this thread held ${seconds(result.heldSeconds)}; CPU ${seconds(result.relatedCpuSeconds)}; ` +
        `one thread ${seconds(oneThread.relatedSeconds)}, ${same ? 'same output' : 'OUTPUT DIFFERS'}), headlines ${seconds(result.headlinesSeconds)}, ` +
        `${result.links} links, max RSS ${mib(result.maxRssBytes)}, heap ${mib(result.archiveHeapBytes)} archive / ${mib(result.heapUsedBytes)} with lists`,
    );
    const largest = count === Math.max(...sizes);
    rows.push(
      { name: `related ${count}: generate (apart)`, value: seconds(result.generateSeconds) },
      {
        name: `related ${count}: compute, as the build does${count >= PARALLEL_FROM ? ' (on a worker thread)' : ''}`,
        value: seconds(result.relatedSeconds),
        ...(largest ? { budget: `< ${BUDGET.seconds} s`, met: result.relatedSeconds < BUDGET.seconds } : {}),
      },
      {
        name: `related ${count}: of that, the build's thread held${count >= PARALLEL_FROM ? " (the worker's copy; the rest of the archive is computed meanwhile)" : ''}`,
        value: seconds(result.heldSeconds),
      },
      { name: `related ${count}: compute, CPU time`, value: seconds(result.relatedCpuSeconds) },
      { name: `related ${count}: compute on one thread`, value: seconds(oneThread.relatedSeconds), budget: 'same links', met: same },
      { name: `related ${count}: headline links`, value: seconds(result.headlinesSeconds) },
      {
        name: `related ${count}: max RSS`,
        value: mib(result.maxRssBytes),
        ...(largest ? { budget: `< ${mib(BUDGET.bytes)}`, met: result.maxRssBytes < BUDGET.bytes } : {}),
      },
    );
  }
  rows.push({ name: 'load average (1 min) after', value: loadavg()[0]!.toFixed(1) });
  if (figures.length >= 2) {
    const first = figures[0]!;
    const last = figures[figures.length - 1]!;
    const linear = last.articles / first.articles;
    const ratio = last.relatedSeconds / first.relatedSeconds;
    // "Roughly linear": within twice the linear ratio, so n log n passes and n² fails.
    rows.push({
      name: `related time ${last.articles}/${first.articles}`,
      value: `${ratio.toFixed(1)}× (linear ${linear}×)`,
      budget: `< ${2 * linear}×`,
      met: ratio < 2 * linear,
    });
    const cpuRatio = last.relatedCpuSeconds / first.relatedCpuSeconds;
    rows.push({
      name: `related CPU time ${last.articles}/${first.articles}`,
      value: `${cpuRatio.toFixed(1)}× (linear ${linear}×)`,
      budget: `< ${2 * linear}×`,
      met: cpuRatio < 2 * linear,
    });
    console.log(
      `related growth ${first.articles} → ${last.articles}: time ×${ratio.toFixed(1)}, CPU time ×${cpuRatio.toFixed(1)}, max RSS ×${(last.maxRssBytes / first.maxRssBytes).toFixed(1)} (linear ×${linear})`,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2]);
  const mode: RelatedMode = process.argv[3] === 'one-thread' ? 'one-thread' : 'build';
  if (Number.isInteger(count) && count > 0) console.log(JSON.stringify(await measure(count, mode)));
  else
    for (const row of await benchRelated())
      console.log(`${row.name}\t${row.value}\t${row.budget ?? ''}\t${row.met === undefined ? '' : row.met ? 'met' : 'missed'}`);
}
