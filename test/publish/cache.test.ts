import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CACHE_FORMAT,
  cacheFolder,
  manifestFile,
  type Manifest,
  recordFiles,
  removeManifest,
  writeManifest,
} from '../../src/publish/cache.ts';
import { INCOMPLETE } from '../../src/publish/manifest-file.mjs';
import { openPrevious, usablePrevious } from '../../src/publish/incremental.ts';

/** Why a build would not use the cache of `out` for `key`, or its manifest (as openPrevious reads it, on its worker thread). */
const openFor = async (out: string, key: string) => {
  const opened = usablePrevious(await openPrevious(out), key);
  return 'reason' in opened ? opened : { manifest: opened.manifest };
};

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-cache-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('the build cache', () => {
  const out = site('_site', { 'index.html': 'home', 'a/index.html': 'page a' });
  const manifest = (): Manifest => ({ format: CACHE_FORMAT, key: 'k', outDir: out, files: recordFiles(out, new Map()) });

  it('lives beside the output folder, named after it', () => {
    expect(cacheFolder(out)).toBe(path.join(root, '.archive-cache', '_site'));
  });

  it('is used only when whole and made for the same key and output folder; anything else is a full build, with the reason', async () => {
    expect(await openFor(out, 'k')).toEqual({ reason: 'no cache' });
    writeManifest(out, manifest());
    expect('manifest' in (await openFor(out, 'k'))).toBe(true);
    expect(await openFor(out, 'other')).toEqual({ reason: 'the code, templates, settings, releases or dependencies changed' });
    writeManifest(out, { ...manifest(), outDir: path.join(root, 'elsewhere') });
    expect(await openFor(out, 'k')).toEqual({ reason: 'the cache is of another output folder' });
    writeManifest(out, { ...manifest(), format: CACHE_FORMAT + 1 });
    expect(await openFor(out, 'k')).toEqual({ reason: 'the cache is of another format' });
    fs.writeFileSync(path.join(cacheFolder(out), 'manifest.json'), '{"format": 1, "files": {');
    expect(await openFor(out, 'k')).toEqual({ reason: 'the cache is corrupt' });
    writeManifest(out, manifest());
    // The delta, deleted before a build publishes: the base alone is no cache.
    removeManifest(out);
    expect(await openFor(out, 'k')).toEqual({ reason: INCOMPLETE });
    writeManifest(out, manifest());
    fs.rmSync(manifestFile(out));
    expect(await openFor(out, 'k')).toEqual({ reason: 'no cache' });
  });
});
