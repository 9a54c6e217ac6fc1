import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/archive/errors.ts';
import { loadContent } from '../../src/store/load.ts';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with these files (relative path → text), removed after the file's tests. */
function contentFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-load-'));
  folders.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const SYSTEMS = '- prefix: cfr\n  name: CFR\n  url: https://www.cfr.org/cyber-operations/{id}\n';
const ARTICLE = '---\ntitle: Grid attack\ndate: 2019-05-23\nincidents:\n  - cfr:grid\n  - eurepoc:7\n---\n\nText.\n';

describe('loadContent and incidents', () => {
  it('refuses an identifier of no record system, naming the file, the line and the registry', async () => {
    const dir = contentFolder({ '_data/incident-systems.yaml': SYSTEMS, 'articles/2019/2019-05-23-grid-attack.md': ARTICLE });
    const error = await loadContent(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([
      expect.stringMatching(
        /2019-05-23-grid-attack\.md:6: incidents\.1: "eurepoc" is not a record system of .*incident-systems\.yaml \(it has cfr\)/,
      ),
    ]);
  });

  it('refuses every identifier when there is no registry of record systems', async () => {
    const dir = contentFolder({ 'articles/2019/2019-05-23-grid-attack.md': ARTICLE });
    const error = (await loadContent(dir).catch((e: unknown) => e)) as ContentError;
    expect(error.problems.map((p) => p.replace(/^.*\.md:/, ''))).toEqual([
      expect.stringMatching(/^5: incidents\.0: "cfr" is not a record system of .*\(it has none\)/),
      expect.stringMatching(/^6: incidents\.1: "eurepoc"/),
    ]);
  });

  it('refuses a registry of record systems that does not parse, with its file and line', async () => {
    const dir = contentFolder({ '_data/incident-systems.yaml': '- prefix: cfr\n  name: CFR\n  url: https://cfr.example/\n' });
    const error = (await loadContent(dir).catch((e: unknown) => e)) as ContentError;
    expect(error.problems).toEqual([
      expect.stringMatching(/incident-systems\.yaml:3: systems\[0\]\.url: must be an http or https address holding "\{id\}"/),
    ]);
  });

  it('hands the record systems on with the articles', async () => {
    const dir = contentFolder({
      '_data/incident-systems.yaml': `${SYSTEMS}- prefix: eurepoc\n  name: EuRepoC\n  url: https://eurepoc.eu/table-view/?cyber_incident={id}\n`,
      'articles/2019/2019-05-23-grid-attack.md': ARTICLE,
    });
    const content = await loadContent(dir);
    expect(content.incidentSystems?.map((s) => s.prefix)).toEqual(['cfr', 'eurepoc']);
    expect(content.articles[0]!.incidents).toEqual(['cfr:grid', 'eurepoc:7']);
  });
});
