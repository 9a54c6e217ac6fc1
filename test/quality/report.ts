/**
 * Every dev figure of the importer in one in-process run, as the scorers in
 * ../shared/eval count them (their own matching functions where they export
 * them, their rules restated where they do not). A tool for tuning, not a
 * test: the quality suite asserts the bars, and the README's commands give the
 * figures through the command line.
 *
 *   node --import tsx test/quality/report.ts [set ...] [--show]
 *
 * Sets: dates, dates-text, titles, titles-text, body, body-text, entities,
 * grounded, grounded-text (default: all). --show lists the misses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bodyScorer, devIds, evalDir, importForScoring, measureGrounding, normTitle } from './metrics.ts';

const args = process.argv.slice(2);
const show = args.includes('--show');
const wanted = args.filter((a) => !a.startsWith('--'));
const all = ['dates', 'dates-text', 'titles', 'titles-text', 'titles-agree', 'body', 'body-text', 'entities', 'grounded', 'grounded-text'];
const sets = wanted.length ? wanted : all;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)} % (${n}/${d})`;

function datesAndTitles(set: 'dates' | 'titles', mode: 'html' | 'text'): void {
  const dir = evalDir(set);
  const gold = readJson<Record<string, { date?: string | null; title?: string }>>(path.join(dir, 'gold.json'));
  const ids = devIds(set);
  let dateOk = 0;
  let dateN = 0;
  let titleOk = 0;
  let titleN = 0;
  const misses: string[] = [];
  for (const id of ids) {
    const file = mode === 'html' ? path.join(dir, 'html', `${id}.html`) : path.join(dir, 'text', `${id}.txt`);
    const { data } = importForScoring(file);
    const g = gold[id]!;
    if (g.date) {
      dateN++;
      const day = /(\d{4}-\d{2}-\d{2})/.exec(String(data.date ?? ''))?.[1];
      if (day === g.date) dateOk++;
      else misses.push(`  date  ${id}: ${day ?? 'none'} for ${g.date}`);
    }
    if (g.title) {
      titleN++;
      if (normTitle(data.title) === normTitle(g.title)) titleOk++;
      else misses.push(`  title ${id}: ${JSON.stringify(data.title ?? null)} for ${JSON.stringify(g.title)}`);
    }
  }
  const parts = [`${set} ${mode}:`];
  if (dateN) parts.push(`dates ${pct(dateOk, dateN)}`);
  if (titleN) parts.push(`titles ${pct(titleOk, titleN)}`);
  console.log(parts.join(' '));
  if (show) for (const m of misses) console.log(m);
}

async function body(mode: 'html' | 'text'): Promise<void> {
  const scorer = await bodyScorer();
  const dir = evalDir('body');
  const pages = devIds('body').map((id) => {
    const gold = readJson<{ body: string; url: string }>(path.join(dir, 'gold', `${id}.json`));
    const predicted = scorer.markdownToText(importForScoring(path.join(dir, mode, `${id}.${mode === 'html' ? 'html' : 'txt'}`)).body);
    const counts = scorer.shingleCounts(gold.body, predicted);
    return { id, counts, f1: scorer.pageScores(counts).f1 };
  });
  const { precision, recall, f1 } = scorer.aggregate(pages.map((p) => p.counts));
  console.log(`body ${mode}: bench F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)} R ${recall.toFixed(3)})`);
  if (show) for (const p of [...pages].sort((a, b) => a.f1 - b.f1).slice(0, 5)) console.log(`  ${p.f1.toFixed(3)} ${p.id}`);
}

/** The body set has no gold titles: how often the text dump's title is the HTML page's (a proxy on 30 more pages). */
function titlesAgree(): void {
  const dir = evalDir('body');
  const misses: string[] = [];
  const ids = devIds('body');
  for (const id of ids) {
    const html = importForScoring(path.join(dir, 'html', `${id}.html`)).data.title;
    const text = importForScoring(path.join(dir, 'text', `${id}.txt`)).data.title;
    if (normTitle(html) !== normTitle(text))
      misses.push(`  ${id.slice(0, 12)}: ${JSON.stringify(text ?? null)} / html ${JSON.stringify(html ?? null)}`);
  }
  console.log(`titles text vs html (body set): ${pct(ids.length - misses.length, ids.length)} agree`);
  if (show) for (const m of misses) console.log(m);
}

interface Mention {
  type: string;
  text: string;
}

async function entities(): Promise<void> {
  const dir = evalDir('people');
  const { scoreDoc, normName } = (await import(path.join(dir, '../lib-people.mjs'))) as {
    scoreDoc: (p: string[], g: string[]) => { nPred: number; nGold: number; strictTp: number; P: string[]; G: string[] };
    normName: (s: string) => string;
  };
  const mentions = readJson<Record<string, Mention[]>>(path.join(dir, 'mentions.json'));
  const manifest = readJson<{ docs: Record<string, { genre: string }> }>(path.join(dir, 'manifest.json'));
  const ids = devIds('people');
  const goldOf = (id: string, type: string): string[] => {
    const spans = [...new Set((mentions[id] ?? []).filter((m) => m.type === type).map((m) => m.text))];
    const norm = spans.map((s) => ` ${normName(s)} `);
    return spans.filter((_, i) => !norm.some((o, j) => j !== i && o.length > norm[i]!.length && o.includes(norm[i]!)));
  };
  const kinds = { people: 'PER', organizations: 'ORG', places: 'LOC' } as const;
  const imported = new Map(ids.map((id) => [id, importForScoring(path.join(dir, 'docs', `${id}.txt`))]));
  const written = [...imported.values()].filter((i) => i.written).length;
  const line: string[] = [];
  for (const [kind, type] of Object.entries(kinds)) {
    const totals: Record<'all' | 'news', number[]> = { all: [0, 0, 0], news: [0, 0, 0] };
    const misses: string[] = [];
    for (const id of ids) {
      const got = imported.get(id)!;
      const predicted = got.written && Array.isArray(got.data[kind]) ? (got.data[kind] as unknown[]).map(String) : [];
      const s = scoreDoc(predicted, goldOf(id, type));
      const keys: Array<'all' | 'news'> = manifest.docs[id]?.genre === 'news' ? ['all', 'news'] : ['all'];
      for (const key of keys) {
        totals[key][0]! += s.strictTp;
        totals[key][1]! += s.nPred;
        totals[key][2]! += s.nGold;
      }
      if (manifest.docs[id]?.genre === 'news') {
        const gold = new Set(s.G);
        const pred = new Set(s.P);
        const extra = s.P.filter((p) => !gold.has(p));
        const missed = s.G.filter((g) => !pred.has(g));
        if (extra.length || missed.length) misses.push(`  ${id}: +[${extra.join('; ')}] -[${missed.join('; ')}]`);
      }
    }
    const f1 = ([tp, p, g]: number[]): string => {
      const pr = p ? tp! / p : 0;
      const rc = g ? tp! / g : 0;
      return `${(pr + rc ? (2 * pr * rc) / (pr + rc) : 0).toFixed(3)} (P ${pr.toFixed(3)} R ${rc.toFixed(3)})`;
    };
    console.log(`${kind.padEnd(13)} news strict F1 ${f1(totals.news)}   all ${f1(totals.all)}`);
    line.push(`${kind} ${f1(totals.news).split(' ')[0]}`);
    if (show) for (const m of misses) console.log(m);
  }
  console.log(`entities: ${written} of ${ids.length} written; news strict F1: ${line.join(', ')}`);
}

function grounded(mode: 'html' | 'text'): void {
  const { imported, names, ungrounded, ungroundedTags } = measureGrounding(mode);
  const bad = ungrounded.length;
  console.log(`grounded ${mode}: ungrounded ${(bad / Math.max(1, names)).toFixed(3)} (${bad} of ${names}; pages ${imported})`);
  if (show) {
    console.log(`  ${ungrounded.join(' | ')}`);
    console.log(`  tags: ${ungroundedTags.join(' | ')}`);
  }
}

for (const set of sets) {
  if (set === 'dates') datesAndTitles('dates', 'html');
  else if (set === 'dates-text') datesAndTitles('dates', 'text');
  else if (set === 'titles') datesAndTitles('titles', 'html');
  else if (set === 'titles-text') datesAndTitles('titles', 'text');
  else if (set === 'titles-agree') titlesAgree();
  else if (set === 'body') await body('html');
  else if (set === 'body-text') await body('text');
  else if (set === 'entities') await entities();
  else if (set === 'grounded') grounded('html');
  else if (set === 'grounded-text') grounded('text');
  else console.error(`unknown set ${set}; known: ${all.join(', ')}`);
}
