import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { decodeBytes } from '../../../src/importer/decode.ts';
import { extractFromHtml } from '../../../src/importer/html/index.ts';

/** Prints one page's extraction as Markdown with front matter, for the eval scorers. */
const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx test/importer/html/print.ts PAGE.html');
  process.exit(2);
}
const extracted = extractFromHtml(decodeBytes(readFileSync(file), 'html'));
const front: Record<string, string> = {};
if (extracted.title) front.title = extracted.title;
if (extracted.date) front.date = extracted.date;
if (extracted.time) front.time = extracted.time;
process.stdout.write(`---\n${stringify(front, { lineWidth: 0 })}---\n\n${extracted.body}\n`);
