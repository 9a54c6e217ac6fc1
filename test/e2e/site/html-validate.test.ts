import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../support/links.ts';
import { htmlValidateConfig } from './htmlvalidate.ts';
import { builtSite } from './site.ts';

const PAGE_TYPES: [name: string, test: (file: string) => boolean][] = [
  ['article pages', (file) => file.startsWith('articles/')],
  ['tag pages', (file) => file.startsWith('tags/')],
  ['people pages', (file) => file.startsWith('people/')],
  ['organization pages', (file) => file.startsWith('organizations/')],
  ['place pages', (file) => file.startsWith('places/')],
  ['timeline pages', (file) => file.startsWith('timeline/')],
  ['incident pages', (file) => file.startsWith('incidents/')],
  ['storyline pages', (file) => file.startsWith('storylines/')],
  ['data and release pages', (file) => file.startsWith('data/')],
  [
    'home page, the 404 page and any other page',
    (file) => !/^(articles|tags|people|organizations|places|timeline|incidents|storylines|data)\//.test(file),
  ],
];

let outDir: string;
let files: string[];
const validator = new HtmlValidate(htmlValidateConfig);

beforeAll(async () => {
  outDir = builtSite().outDir;
  files = await htmlFiles(outDir);
});

describe('html-validate on every built page', () => {
  for (const [name, belongs] of PAGE_TYPES) {
    it(`finds no error in the ${name}`, async () => {
      const pages = files.filter(belongs);
      expect(pages.length).toBeGreaterThan(0);
      const errors: string[] = [];
      for (const page of pages) {
        const report = await validator.validateFile(path.join(outDir, page));
        for (const result of report.results) {
          for (const message of result.messages) {
            if (message.severity === 2) errors.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
          }
        }
      }
      expect(errors.slice(0, 60), `${errors.length} errors`).toEqual([]);
    });
  }
});
