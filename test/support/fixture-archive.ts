/**
 * A deterministic fixture archive for the built-site tests: the bundled
 * content (the seed article and site settings) plus generated articles with
 * varied tags, people, organizations and places over several years, written
 * as real article files by the content model's own writer.
 */
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articlePath, articleUrl, parseArticle, slugFromFile, type Article } from '../../src/content/article.ts';
import { writeArticleText } from '../../src/content/frontmatter.ts';
import { formatIssue, type FrontMatter } from '../../src/content/schema.ts';
import { createRandom } from './random.ts';

/** How many articles the generator adds to the bundled content. */
export const GENERATED_COUNT = 56;

/** The tag on more than 20 articles, so its pages paginate. */
export const BUSY_TAG = 'cybersecurity';

/** The generated article whose body links to the first one by its file (`../2016/2016-01-01-x.md`). */
export const FILE_LINKING = 11;

/**
 * Incident records the fixture's articles name, by article number: one
 * incident reported by three outlets (articles 1, 2 and 7), a second named
 * beside it (2), and one with a single report (8), so no storyline.
 */
export const FIXTURE_INCIDENTS: Record<number, string[]> = {
  1: ['eurepoc:1234'],
  2: ['eurepoc:1234', 'cfr:compromise-of-a-power-grid-in-eastern-ukraine'],
  7: ['eurepoc:1234'],
  8: ['cfr:estonian-denial-of-service-incident'],
};

/** Articles 6 and 12 carry one editor's story key: a storyline of two reports that share no incident. */
export const FIXTURE_STORY = { key: 'cyber-norms-talks', articles: [6, 12] };

/** Marker the tests look for: scraped text that must stay text, never markup or template code. */
export const HOSTILE_MARKERS = {
  script: 'window.__fixturePwned = true',
  template: '{{ 7 * 7 }}',
  nunjucks: '{% raw %}',
};

const TAGS = [
  'ransomware',
  'election security',
  'critical infrastructure',
  'cyber norms',
  'espionage',
  'data protection',
  '5G',
  'disinformation',
  'cyberattack',
  'sanctions',
  'encryption',
  'supply chain',
];

// The same tag written differently: the site must give each one page and one spelling.
const TAG_VARIANTS: Record<string, string> = { ransomware: 'Ransomware', '5G': '5g', 'cyber norms': 'Cyber Norms' };

const PEOPLE = [
  'Jens Stoltenberg',
  'Ursula von der Leyen',
  'Christopher Krebs',
  'Margrethe Vestager',
  'Brad Smith',
  'Jen Easterly',
  'Ciarán Martin',
  'Thierry Breton',
  'Paul Nakasone',
  'Věra Jourová',
  'Kersti Kaljulaid',
  'Jeremy Hunt',
];

/** Named only in three articles of 2018, months apart. */
export const SHORT_SPAN_PERSON = 'Yevgeny Prigozhin';

const ORGANIZATIONS = [
  'NATO',
  'European Union',
  'CISA',
  'Microsoft',
  'GCHQ',
  'ENISA',
  'United Nations',
  'Huawei',
  'NSA',
  'Europol',
  'AT&T',
];

const PLACES = ['United Kingdom', 'United States', 'Estonia', 'Germany', 'Brussels', 'Ukraine', 'Côte d’Ivoire', 'São Paulo', 'Singapore'];

const OUTLETS = ['Sputnik International', 'The Record', 'Euractiv', 'Reuters'];
const SECTIONS = ['Europe', 'World', 'Technology', 'Politics'];
const VERBS = ['Weighs', 'Warns of', 'Debates', 'Tightens Rules on', 'Reviews', 'Faces Questions over', 'Pledges Action on'];

/** Titles and bodies chosen to test the awkward cases: Unicode, punctuation, length, hostile text. */
const SPECIAL_TITLES = [
  'Zürich Talks on Cyber Norms End Without a Deal',
  '‘Hack Back’ Bill & the Limits of Active Defense',
  'Parliamentary Committee Publishes Its Long-Awaited Report on Election Interference, Foreign Influence Operations and Platform Accountability',
  'Ransomware {{ Gang }} Claims Attack on City Hall',
  'Why <script> Tags Still Matter for Election Websites',
];

function pick<T>(next: () => number, items: readonly T[], count: number): T[] {
  const chosen: T[] = [];
  while (chosen.length < count) {
    const item = items[Math.floor(next() * items.length)]!;
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One generated article's day: spread over 2016–2021, with the calendar's edges planted. */
function dayOf(i: number): string {
  const planted: Record<number, string> = { 3: '2018-12-31', 4: '2019-01-01', 9: '2020-02-29', 10: '2019-05-23', 15: '2021-12-31' };
  if (planted[i]) return planted[i]!;
  return `${2016 + (i % 6)}-${pad(1 + ((i * 7) % 12))}-${pad(1 + ((i * 11) % 28))}`;
}

/** A generated article file: where it goes in `content/` and its text. */
export interface FixtureFile {
  path: string;
  text: string;
}

/** The generated article files, always the same for the same code. */
export function fixtureArticleFiles(): FixtureFile[] {
  const next = createRandom(20190523);
  const files: FixtureFile[] = [];
  const seen = new Set<string>();
  let firstArticle: { title: string; url: string; file: string } | undefined;
  for (let i = 0; i < GENERATED_COUNT; i++) {
    const date = dayOf(i);
    const tags = pick(next, TAGS, 1 + Math.floor(next() * 3)).map((tag) => (i % 5 === 0 && TAG_VARIANTS[tag]) || tag);
    if (i % 2 === 0) tags.push(i % 6 === 0 ? 'Cybersecurity' : BUSY_TAG);
    const people = i % 7 === 6 ? [] : pick(next, PEOPLE, 1 + Math.floor(next() * 3));
    // A person named over a few months only, so an entity page charts per month (articles 20, 26 and 32 fall in 2018).
    if (i === 20 || i === 26 || i === 32) people.push(SHORT_SPAN_PERSON);
    const organizations = pick(next, ORGANIZATIONS, 1 + Math.floor(next() * 2));
    const places = i % 9 === 8 ? [] : pick(next, PLACES, 1 + Math.floor(next() * 2));
    const title =
      SPECIAL_TITLES[i] ??
      `${organizations[0]} ${VERBS[i % VERBS.length]} ${titleCase(tags[0]!)}${places[0] ? ` in ${places[0]}` : ''} (${i})`;
    const data: FrontMatter = {
      title,
      date,
      tags,
      people: people.length ? people : undefined,
      organizations,
      places: places.length ? places : undefined,
      section: i % 4 === 3 ? undefined : SECTIONS[i % SECTIONS.length],
      summary: i % 3 === 0 ? `${organizations[0]} and ${tags[0]}: a summary for article ${i}.` : undefined,
      source: {
        name: OUTLETS[i % OUTLETS.length],
        url: i % 2 === 0 ? `https://example.com/news/${date}/${i}` : undefined,
        file: `fixture_${pad(i)}.txt`,
        sha256: createHash('sha256').update(`fixture ${i}`).digest('hex'),
        retrieved: `${date}T12:00:00+00:00`,
      },
    };
    // The day after New Year in Moscow is still New Year's Eve in UTC: the page must keep the stated day.
    if (FIXTURE_INCIDENTS[i]) data.incidents = FIXTURE_INCIDENTS[i];
    if (FIXTURE_STORY.articles.includes(i)) data.story = FIXTURE_STORY.key;
    if (i === 4) data.time = '00:30+03:00';
    if (i === 3) data.time = '23:45-05:00';
    if (i % 8 === 2) data.image = { caption: `A photo for article ${i}`, credit: '© Fixture Photo Agency' };
    if (i % 6 === 2)
      data.related_headlines = [`Earlier: ${organizations[0]} on ${tags[0]}`, 'Another headline, with "quotes" & an ampersand'];
    const file = articlePath(date, title);
    if (seen.has(file)) throw new Error(`fixture generator wrote ${file} twice`);
    seen.add(file);
    // One body links to another article by its site URL, another by its file, as the README offers editors;
    // both must lead to the article's page, under a path prefix too.
    const link = i === 7 && firstArticle ? { title: firstArticle.title, href: firstArticle.url } : undefined;
    const fileLink =
      i === FILE_LINKING && firstArticle
        ? { title: firstArticle.title, href: path.posix.relative(path.posix.dirname(file), firstArticle.file) }
        : undefined;
    files.push({ path: file, text: writeArticleText(data, bodyOf(i, data, link ?? fileLink)) });
    if (i === 0) firstArticle = { title, url: articleUrl(date, slugFromFile(file, title)), file };
  }
  return files;
}

function titleCase(text: string): string {
  return text.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
}

function bodyOf(i: number, data: FrontMatter, link: { title: string; href: string } | undefined): string {
  const who = data.people?.[0] ?? 'An official';
  const where = data.places?.[0] ?? 'the region';
  const paragraphs = [
    `${who} said on ${data.date} that ${data.organizations?.[0] ?? 'the agency'} would review its policy on ${data.tags?.[0]} in ${where}.`,
    `Officials described the step as overdue. Article ${i} of the fixture archive has this paragraph so that every page has a body of more than one paragraph.`,
    `"We will keep working with our partners," the statement said.`,
  ];
  if (i === 3)
    paragraphs.push(
      `The scraped page contained this text: <script>${HOSTILE_MARKERS.script}</script> and <img src="x" onerror="${HOSTILE_MARKERS.script}">.`,
    );
  if (i === 4)
    paragraphs.push(`Template syntax in scraped text must print as written: ${HOSTILE_MARKERS.template} and ${HOSTILE_MARKERS.nunjucks}.`);
  if (link)
    paragraphs.push(
      `An earlier story, [${link.title.replace(/[[\]]/g, '')}](${link.href}), set out the background; the [outlet](https://example.com/) has more.`,
    );
  return paragraphs.join('\n\n');
}

/** The fixture archive's `yearPagesMin` site setting: its lists are short, and its busiest tag (28 articles) has year pages. */
export const FIXTURE_YEAR_PAGES_MIN = 21;

/**
 * Writes the fixture archive into `contentDir`: a copy of the repository's
 * bundled `content/` (seed article, site settings, with `yearPagesMin` low
 * enough for its busiest tag to have year pages), then the generated articles.
 */
export async function writeFixtureArchive(contentDir: string, repoRoot: string): Promise<void> {
  await cp(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  await appendFile(path.join(contentDir, '_data', 'site.yaml'), `yearPagesMin: ${FIXTURE_YEAR_PAGES_MIN}\n`);
  for (const file of fixtureArticleFiles()) {
    const target = path.join(contentDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
}

/** Every article under `contentDir/articles`, parsed by the content model; an invalid file is an error. */
export async function loadArchive(contentDir: string): Promise<Article[]> {
  const root = path.join(contentDir, 'articles');
  const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  const articles: Article[] = [];
  for (const name of names) {
    const file = `articles/${name.split(path.sep).join('/')}`;
    const parsed = parseArticle(await readFile(path.join(contentDir, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
    articles.push(parsed.article);
  }
  return articles;
}

/** The fixture site's releases: the older differs from the site, the newer is exactly the site. */
export const FIXTURE_RELEASES = {
  older: { version: '1.0.0', date: '2025-06-02' },
  newer: { version: '1.1.0', date: '2025-07-01' },
  /** In the older release only: a removed article, its title hostile markup that must stay text. */
  removed: ['/articles/2015/01/a-withdrawn-story/', '2015-01-02', 'A <b>withdrawn</b> story & {{ 7 * 7 }}', '000000000000', '000000000000'],
} as const;

/**
 * Records two releases of the fixture archive in `contentDir/releases/`
 * (as `archive release` would): 1.1.0, whose articles are exactly the
 * archive's, and 1.0.0 before it, which lacked the newest article, had
 * another's text differ and held one more, so 1.1.0's changelog has an
 * article of each kind. Links to the releases' files need `releasesUrl`,
 * which the fixture's settings leave unset.
 */
export async function writeFixtureReleases(contentDir: string): Promise<void> {
  const { loadContent } = await import('../../src/store/load.ts');
  const { contentIndex, formatRecord, recordFile } = await import('../../src/release/record.ts');
  const index = contentIndex(await loadContent(contentDir));
  const newest = [...index].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).at(-1)!;
  const older = index
    .filter((entry) => entry !== newest)
    .map((entry, i) => (i === 0 ? ([entry[0], entry[1], entry[2], entry[3], 'ffffffffffff'] as typeof entry) : entry));
  older.unshift([...FIXTURE_RELEASES.removed]);
  await mkdir(path.join(contentDir, 'releases'), { recursive: true });
  const { older: first, newer: second } = FIXTURE_RELEASES;
  await writeFile(path.join(contentDir, 'releases', recordFile(first.version)), formatRecord({ ...first, index: older }));
  await writeFile(path.join(contentDir, 'releases', recordFile(second.version)), formatRecord({ ...second, index }));
}
