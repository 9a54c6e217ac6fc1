/**
 * Test suites. `npm test` runs two projects: `unit` (plain-data tests, fast)
 * and `site` (tests of a built fixture archive, which a global setup builds
 * once). `npm run quality` sets ARCHIVE_SUITE=quality and runs only the
 * quality suite on ../shared/eval, which the default run leaves out.
 * Timeouts here are limits against hangs, never assertions about speed.
 */
import { configDefaults, defineConfig } from 'vitest/config';

const quality = process.env.ARCHIVE_SUITE === 'quality';
const testFiles = ['test/**/*.test.{ts,mts,js,mjs}'];
// Tests of the one fixture site the global setup builds: the built pages (test/e2e/site) and Chromium's walk through them (test/browser).
const siteFiles = ['test/e2e/site/**/*.test.{ts,mts,js,mjs}', 'test/browser/**/*.test.{ts,mts,js,mjs}'];

export default defineConfig({
  test: {
    // Forks, not threads: Eleventy, html-validate and Chromium are happier in their own processes.
    pool: 'forks',
    // CI and this machine have 2 cores; one worker per core.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    projects: quality
      ? [
          {
            extends: true,
            test: { name: 'quality', include: ['test/quality/**/*.test.{ts,mts,js,mjs}'], testTimeout: 120_000, hookTimeout: 300_000 },
          },
        ]
      : [
          {
            extends: true,
            test: { name: 'unit', include: testFiles, exclude: [...configDefaults.exclude, ...siteFiles, 'test/quality/**'] },
          },
          {
            extends: true,
            test: {
              name: 'site',
              include: siteFiles,
              globalSetup: ['test/e2e/site/global-setup.ts'],
              // A build of the fixture archive or a browser walk through it can take a while on 2 cores.
              testTimeout: 180_000,
              hookTimeout: 300_000,
            },
          },
        ],
  },
});
