/**
 * Prints the people extractPeople finds in one plain-text document, as front
 * matter, for ../shared/eval/score-people.mjs:
 *   node ../shared/eval/score-people.mjs ../shared/eval/people dev 'node --import tsx test/importer/people/print.ts {in}'
 */
import fs from 'node:fs';
import { stringify } from 'yaml';
import { extractPeople } from '../../../src/importer/people/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx test/importer/people/print.ts FILE');
  process.exit(2);
}
const people = extractPeople({ body: fs.readFileSync(file, 'utf8') });
process.stdout.write(`---\n${stringify({ people })}---\n`);
