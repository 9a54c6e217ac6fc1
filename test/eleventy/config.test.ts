/**
 * .eleventy.js names Eleventy's folders itself, so that it loads no module of
 * the archive's: they must be the plugin's, whether the build runs compiled
 * (dist/) or from the sources.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import configure from '../../.eleventy.js';
import { INPUT_DIR, LAYOUTS_DIR } from '../../src/eleventy/plugin.ts';

describe('.eleventy.js', () => {
  it("names the plugin's input and layouts folders, and adds no second plugin", async () => {
    const added: unknown[] = [];
    const config = await configure({
      directories: { output: '/tmp/out' },
      hasPlugin: (name) => name === 'archivePlugin',
      addPlugin: (plugin) => added.push(plugin),
    });
    expect(added).toEqual([]);
    expect(config.dir.input).toBe(INPUT_DIR);
    expect(path.resolve(INPUT_DIR, config.dir.layouts)).toBe(LAYOUTS_DIR);
    expect(path.resolve(INPUT_DIR, config.dir.includes)).toBe(LAYOUTS_DIR);
    expect(config.dir.output).toBe('/tmp/out');
  });

  it('adds the compiled plugin when Eleventy runs it alone (dist/ built: npm test builds it)', async () => {
    const added: unknown[] = [];
    await configure({ directories: { output: '/tmp/out' }, hasPlugin: () => false, addPlugin: (plugin) => added.push(plugin) });
    expect(added).toHaveLength(1);
    expect((added[0] as { name: string; eleventyPluginOptions: unknown }).name).toBe('archivePlugin');
    expect((added[0] as { eleventyPluginOptions: unknown }).eleventyPluginOptions).toEqual({ unique: true });
  });
});
