import { readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { devIds, evalDir, importForScoring } from './metrics.ts';

/**
 * People, organizations and places in the news documents of
 * ../shared/eval/people, counted as score-entities.mjs counts them: gold is
 * each document's annotated spans (a span inside a longer one of its kind
 * dropped), a document the importer refuses names nobody, strict F1 over
 * all documents together.
 */
const dir = evalDir('people');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
const { scoreDoc, normName } = (await import(path.join(dir, '../lib-people.mjs'))) as {
  scoreDoc: (predicted: string[], gold: string[]) => { nPred: number; nGold: number; strictTp: number };
  normName: (name: string) => string;
};
const mentions = readJson<Record<string, Array<{ type: string; text: string }>>>('mentions.json');
const manifest = readJson<{ docs: Record<string, { genre: string }> }>('manifest.json');
const news = devIds('people').filter((id) => manifest.docs[id]?.genre === 'news');

type Kind = 'people' | 'organizations' | 'places';
const TYPE: Record<Kind, string> = { people: 'PER', organizations: 'ORG', places: 'LOC' };

function goldOf(id: string, kind: Kind): string[] {
  const spans = [...new Set((mentions[id] ?? []).filter((m) => m.type === TYPE[kind]).map((m) => m.text))];
  const norm = spans.map((s) => ` ${normName(s)} `);
  return spans.filter((_, i) => !norm.some((o, j) => j !== i && o.length > norm[i]!.length && o.includes(norm[i]!)));
}

const imported = new Map(news.map((id) => [id, importForScoring(path.join(dir, 'docs', `${id}.txt`))]));
const ours = (id: string, kind: Kind): string[] => {
  const got = imported.get(id)!;
  return got.written ? ((got.data[kind] as string[] | undefined) ?? []) : [];
};
const compromiseAlone = (id: string, kind: Kind): string[] => {
  const doc = nlp(readFileSync(path.join(dir, 'docs', `${id}.txt`), 'utf8'));
  return (kind === 'people' ? doc.people() : kind === 'organizations' ? doc.organizations() : doc.places()).out('array') as string[];
};

function strictF1(kind: Kind, extract: (id: string, kind: Kind) => string[] = ours): number {
  let predicted = 0;
  let gold = 0;
  let right = 0;
  for (const id of news) {
    const s = scoreDoc(extract(id, kind), goldOf(id, kind));
    predicted += s.nPred;
    gold += s.nGold;
    right += s.strictTp;
  }
  const p = predicted ? right / predicted : 0;
  const r = gold ? right / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`${kind}, strict, ${news.length} news documents: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`);
  return f1;
}

describe('people, organizations and places in the news documents of ../shared/eval/people', () => {
  it('are found with a strict F1 of at least 0.80 for people, 0.60 for organizations and 0.75 for places', () => {
    expect(strictF1('people')).toBeGreaterThanOrEqual(0.8);
    expect(strictF1('organizations')).toBeGreaterThanOrEqual(0.6);
    expect(strictF1('places')).toBeGreaterThanOrEqual(0.75);
  });

  it("are found better than by compromise's own people(), organizations() and places()", () => {
    for (const kind of ['people', 'organizations', 'places'] as const) {
      expect(strictF1(kind)).toBeGreaterThan(strictF1(kind, compromiseAlone) + 0.05);
    }
  });
});
