/**
 * Prints what the text-dump extractor finds in one file as Markdown with front
 * matter, for the body scorer: `node --import tsx test/importer/text/print-body.ts FILE`.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { extractFromTextDump } from '../../../src/importer/text/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: print-body.ts FILE [--no-profiles]');
  process.exit(2);
}
const found = extractFromTextDump(readFileSync(file, 'utf8'), { profiles: !process.argv.includes('--no-profiles') });
const { body, ...rest } = found;
process.stdout.write(`---\n${stringify(rest)}---\n\n${body}\n`);
