/**
 * Distinct pages made from the seed text dump, for the kill-and-rerun import
 * test: each copy gets its own title, its own day and one paragraph of its
 * own, so the importer sees as many different articles as copies.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/seed/000_151c953cb90d2c3b.txt');
const TITLE = '‘Not Limited’ to Cyberspace: NATO Threatens Physical Response to Cyberattacks';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORDS = ['Baltic', 'Danube', 'Fjord', 'Harbour', 'Island', 'Lagoon', 'Meadow', 'Orchard', 'Prairie', 'Quarry'];

/** The `n`th variant (0-based) of the seed page, and the day it states. */
export function seedVariant(n: number): { text: string; day: string } {
  const seed = readFileSync(SEED, 'utf8');
  const month = (n % 12) + 1;
  const date = (n % 28) + 1;
  const day = `2019-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  const name = `${WORDS[n % WORDS.length]} ${WORDS[Math.floor(n / WORDS.length) % WORDS.length]}`;
  const text = seed
    .replaceAll(TITLE, `${TITLE}: the ${name} Talks`)
    .replaceAll('2019-05-23', day)
    .replaceAll('23 May 2019', `${date} ${MONTHS[month - 1]} 2019`)
    .replace(
      "    Stoltenberg's remarks",
      `    Delegates at the ${name} talks said the meeting, the ${n + 1}th of its kind, ended without a joint statement on cyber deterrence.\n\n    Stoltenberg's remarks`,
    );
  return { text, day };
}

/** Writes the first `count` variants into `dir` as `page-NNN.txt`. */
export function writeSeedVariants(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(path.join(dir, `page-${String(n).padStart(3, '0')}.txt`), seedVariant(n).text);
}
