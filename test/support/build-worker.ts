/**
 * A build process that stays up: receives build requests on its IPC channel,
 * runs `build()` from src/eleventy/run.ts on each, in turn, and answers with
 * its report or its error. For tests that build many times (the incremental
 * property test): Eleventy is loaded once, not once per build.
 */
import type { BuildReport } from '../../src/eleventy/run.ts';

const { build } = await import('../../src/eleventy/run.ts');

process.on('message', async (request: Parameters<typeof build>[0] & { id: number }) => {
  const { id, ...options } = request;
  try {
    const report: BuildReport = await build({ ...options, quiet: true });
    process.send?.({ id, report });
  } catch (error) {
    process.send?.({ id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
