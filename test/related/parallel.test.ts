import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { computeRelated, computeRelatedParallel, startRelated, startRelatedWorker } from '../../src/related/index.ts';
import { orderArticles } from '../../src/related/prepare.ts';
import { syntheticArchive } from '../bench/related.ts';
import { makeArticle } from '../support/make-article.ts';

describe('computeRelatedParallel', () => {
  it('gives exactly what one thread gives, byte for byte, when a worker computes them from its copy of the articles', async () => {
    const archive = syntheticArchive(3000, { seed: 11 });
    const serial = JSON.stringify([...computeRelated(archive)]);
    const withWorker = { threads: 2, parallelFrom: 0 };
    expect(JSON.stringify([...(await computeRelatedParallel(archive, withWorker))])).toBe(serial);
    expect(JSON.stringify([...(await computeRelatedParallel([...archive].reverse(), withWorker))])).toBe(serial);
    expect(JSON.stringify([...(await computeRelatedParallel(archive, { threads: 1, parallelFrom: 0 }))])).toBe(serial);
    // A limit against a hang, not a speed figure: 3,000 articles scored four times take a while on a loaded machine.
  }, 120_000);

  it('takes the worker started ahead, and starts another when that one ended before it was taken', async () => {
    const archive = syntheticArchive(600, { seed: 5 });
    const serial = JSON.stringify([...computeRelated(archive)]);
    const withWorker = { threads: 2, parallelFrom: 0 };
    // Taken: it answers, then ends (a worker never taken would run on, unreferenced).
    const started = startRelatedWorker(archive.length, withWorker)!;
    expect(started).toBeDefined();
    const ended = once(started, 'exit').then(() => 'ended');
    expect(JSON.stringify([...(await computeRelatedParallel(archive, withWorker))])).toBe(serial);
    const timer = new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000).unref());
    expect(await Promise.race([ended, timer])).toBe('ended');
    // Ended before it was taken: a new worker answers (taking the ended one would wait for an answer forever).
    const gone = startRelatedWorker(archive.length, withWorker)!;
    await gone.terminate();
    expect(JSON.stringify([...(await computeRelatedParallel(archive, withWorker))])).toBe(serial);
    // Too few articles for a worker: none is started.
    expect(startRelatedWorker(10, { threads: 2 })).toBeUndefined();
  }, 120_000);
});

describe('the worker', () => {
  it("reads editors' pins and excludes by slug and by URL as one thread does", async () => {
    const shared = { people: ['Jens Stoltenberg'], organizations: ['NATO'], tags: ['deterrence'] };
    const near = makeArticle({ ...shared, title: 'Nearest story', date: '2020-03-02' });
    const pinned = makeArticle({ title: 'A story on something else', date: '2015-01-01', tags: ['elections'] });
    const other = makeArticle({ ...shared, title: 'Another story', date: '2020-03-05' });
    const editor = makeArticle({
      ...shared,
      title: 'The edited story',
      date: '2020-03-03',
      related: { pin: [pinned.slug], exclude: [near.slug, other.url.slice(0, -1)] },
    });
    const archive = [near, pinned, other, editor, ...syntheticArchive(40, { seed: 5 })];
    const serial = computeRelated(archive);
    const links = serial.get(editor.url)!.map((link) => link.url);
    // The rule itself: the pin first, neither excluded story.
    expect(links[0]).toBe(pinned.url);
    expect(links).not.toContain(near.url);
    expect(links).not.toContain(other.url);
    const parallel = await computeRelatedParallel(archive, { threads: 2, parallelFrom: 0 });
    expect(JSON.stringify([...parallel])).toBe(JSON.stringify([...serial]));
  });
});

describe('orderArticles', () => {
  it('numbers articles by day, then URL, the same with days close together (counting sort) or far apart (ordinary sort)', () => {
    const near = [
      makeArticle({ title: 'Bravo', date: '2020-06-10' }),
      makeArticle({ title: 'Alpha', date: '2020-06-10' }),
      makeArticle({ title: 'Charlie', date: '2020-06-09' }),
      makeArticle({ title: 'Delta', date: '2020-06-11' }),
    ];
    const titles = (articles: typeof near): string[] => orderArticles(articles).order.map((article) => article.title);
    expect(titles(near)).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta']);
    expect(titles([...near].reverse())).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta']);
    // A day in year 1 among the 2020s is too far for a counting sort: the ordinary sort must agree.
    const far = [...near, makeArticle({ title: 'Echo', date: '0001-01-01' })];
    expect(titles(far)).toEqual(['Echo', 'Charlie', 'Alpha', 'Bravo', 'Delta']);
    expect(titles([...far].reverse())).toEqual(['Echo', 'Charlie', 'Alpha', 'Bravo', 'Delta']);
  });
});

describe('startRelated', () => {
  it('counts terms from the texts first and scores with the names given after, as one thread does with both', async () => {
    const archive = syntheticArchive(800, { seed: 17 });
    const serial = JSON.stringify([...computeRelated(archive)]);
    // The texts alone first: the names the worker scores with are the second step's.
    const texts = archive.map(({ url, slug, date, title, body }) => ({ url, slug, date, title, body }));
    const run = startRelated(texts, { threads: 2, parallelFrom: 0 });
    expect(JSON.stringify([...(await run.withNames(archive))])).toBe(serial);
    // Names of other articles, or in another order, are refused.
    const other = startRelated(texts, { threads: 2, parallelFrom: 0 });
    await expect(other.withNames([...archive].reverse())).rejects.toThrow('the names are not of the articles whose texts were sent');
  }, 120_000);

  it('says once when it no longer needs the second core: when its worker has answered, or at once on one thread', async () => {
    const archive = syntheticArchive(600, { seed: 7 });
    const texts = archive.map(({ url, slug, date, title, body }) => ({ url, slug, date, title, body }));
    let told = 0;
    const run = startRelated(texts, { threads: 2, parallelFrom: 0, onAnswered: () => told++ });
    // Not before the names are given: the worker has no answer yet.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).toBe(0);
    await run.withNames(archive);
    expect(told).toBe(1);
    let alone = 0;
    const serial = startRelated(texts, { threads: 1, onAnswered: () => alone++ });
    expect(alone).toBe(1);
    await serial.withNames(archive);
    expect(alone).toBe(1);
  }, 60_000);

  it('ends its worker when the build ends before it gives the names', async () => {
    const archive = syntheticArchive(600, { seed: 3 });
    const worker = startRelatedWorker(archive.length, { threads: 2, parallelFrom: 0 })!;
    const exited = once(worker, 'exit').then(() => 'ended');
    const run = startRelated(archive, { threads: 2, parallelFrom: 0 });
    await run.end();
    const timer = new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000).unref());
    expect(await Promise.race([exited, timer])).toBe('ended');
  }, 60_000);
});
