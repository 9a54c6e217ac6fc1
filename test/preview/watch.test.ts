import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneAtATime, watchFolders, type FolderWatch } from '../../src/preview/watch.ts';

const SETTLE = 100;
let root: string;
let watching: FolderWatch | undefined;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'archive-watch-'));
  mkdirSync(path.join(root, 'content', 'articles', '2019'), { recursive: true });
  mkdirSync(path.join(root, 'layouts', 'pages'), { recursive: true });
});

afterEach(() => {
  watching?.close();
  rmSync(root, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Watches the content folder and the templates, counting the calls. */
function count(): { calls: () => number } {
  let calls = 0;
  watching = watchFolders([path.join(root, 'content'), path.join(root, 'layouts'), path.join(root, 'missing')], () => calls++, SETTLE);
  return { calls: () => calls };
}

/** Waits until `calls()` reaches `atLeast`, or `limitMs` (generous for a busy machine), then for one more settling time. */
async function until(calls: () => number, atLeast: number, limitMs = 10_000): Promise<number> {
  const started = performance.now();
  while (calls() < atLeast && performance.now() - started < limitMs) await pause(20);
  await pause(SETTLE * 3);
  return calls();
}

describe('watchFolders', () => {
  it('calls once for a burst of saves in nested folders', async () => {
    const { calls } = count();
    for (let i = 0; i < 5; i++) writeFileSync(path.join(root, 'content', 'articles', '2019', `2019-06-0${i + 1}-a.md`), 'x');
    writeFileSync(path.join(root, 'layouts', 'pages', 'home.njk'), 'home');
    expect(await until(calls, 1)).toBe(1);
  });

  it('watches a folder made after it started, and sees a file deleted', async () => {
    const { calls } = count();
    mkdirSync(path.join(root, 'content', 'articles', '2031'));
    expect(await until(calls, 1)).toBe(1);
    writeFileSync(path.join(root, 'content', 'articles', '2031', '2031-01-01-new.md'), 'x');
    expect(await until(calls, 2)).toBe(2);
    rmSync(path.join(root, 'content', 'articles', '2031', '2031-01-01-new.md'));
    expect(await until(calls, 3)).toBe(3);
  });

  it('does not follow a symbolic link to a folder outside', async () => {
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, path.join(root, 'content', 'articles', 'linked'));
    const { calls } = count();
    writeFileSync(path.join(outside, 'elsewhere.md'), 'x');
    // A change is seen within a settling time or two: a second is long enough to see none came.
    expect(await until(calls, 1, 1_000)).toBe(0);
  });

  it('calls no more once closed', async () => {
    const { calls } = count();
    watching!.close();
    writeFileSync(path.join(root, 'content', 'articles', '2019', '2019-06-01-a.md'), 'x');
    expect(await until(calls, 1, 1_000)).toBe(0);
  });
});

describe('oneAtATime', () => {
  it('runs once more after calls that came while it ran, never two at a time', async () => {
    let runs = 0;
    let running = 0;
    let most = 0;
    const serial = oneAtATime(async () => {
      running++;
      most = Math.max(most, running);
      await pause(50);
      runs++;
      running--;
    });
    const first = serial.run();
    await pause(10);
    void serial.run();
    void serial.run();
    await first;
    expect(runs).toBe(2);
    expect(most).toBe(1);
    await serial.idle();
    await serial.run();
    expect(runs).toBe(3);
  });
});
