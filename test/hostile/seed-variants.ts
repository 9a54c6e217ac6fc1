/**
 * Distinct pages made from the seed text dump, for the import tests that need
 * many different articles (kill and rerun, concurrent imports): each copy
 * keeps the seed's page around the article but gets its own title, its own
 * day, and its own story, the seed's paragraphs with their words shuffled,
 * so the importer sees as many different stories as copies (the same-story
 * rule, src/content/same-story.ts, would otherwise file them as one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../support/random.ts';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/seed');
const SEED = path.join(SEED_DIR, '000_151c953cb90d2c3b.txt');
const PARAGRAPHS = (
  JSON.parse(readFileSync(path.join(SEED_DIR, '000_151c953cb90d2c3b.expected.json'), 'utf8')) as { body_paragraphs: string[] }
).body_paragraphs;
const TITLE = '‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ['Baltic', 'Danube', 'Fjord', 'Harbour', 'Island', 'Lagoon', 'Meadow', 'Orchard', 'Prairie', 'Quarry'];

/** A paragraph's words in an order of their own: a sentence no other variant has. */
function shuffled(paragraph: string, random: () => number): string {
  const words = paragraph
    .replace(/\u00a0/g, ' ')
    .replace(/[."]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The `n`th variant (0-based) of the seed page, and the day it states. */
export function seedVariant(n: number): { text: string; day: string } {
  const random = createRandom(n + 1);
  let text = readFileSync(SEED, 'utf8');
  for (const paragraph of PARAGRAPHS) text = text.replace(paragraph, shuffled(paragraph, random));
  const month = (n % 12) + 1;
  const date = (n % 28) + 1;
  const day = `2019-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  const name = `${WORDS[n % WORDS.length]} ${WORDS[Math.floor(n / WORDS.length) % WORDS.length]}`;
  text = text
    .replaceAll(TITLE, `${TITLE}: the ${name} Talks`)
    .replaceAll('2019-05-23', day)
    .replaceAll('23 May 2019', `${date} ${MONTHS[month - 1]} 2019`);
  return { text, day };
}

/** Writes the first `count` variants into `dir` as `page-NNN.txt`. */
export function writeSeedVariants(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(path.join(dir, `page-${String(n).padStart(3, '0')}.txt`), seedVariant(n).text);
}
