/**
 * `npm run bench`: runs each benchmark module, then prints one table of
 * their figures with the budget each is held to, met or missed. Budgets are
 * reported here, never asserted in tests: timing depends on the machine.
 */
import { benchImport } from './import.ts';
import { benchBuild } from './build.ts';
import { benchIncremental } from './incremental.ts';
import { benchExport } from './export.ts';
import { benchRelease } from './release.ts';
import { benchRelated, type BenchRow } from './related.ts';
import { benchStartup } from './startup.ts';

/** The benchmark modules, in the order they run. */
const BENCHES: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'import throughput', run: () => benchImport() },
  { name: 'related stories', run: () => benchRelated() },
  { name: 'site build against plain Eleventy', run: () => benchBuild() },
  { name: 'command start-up', run: () => benchStartup() },
  // Named without "build", so `--only build` leaves it out: `--only incremental` runs it.
  { name: 'incremental', run: () => benchIncremental() },
  { name: 'data export', run: () => benchExport() },
  { name: 'release', run: () => benchRelease() },
];

/** The rows as an aligned text table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = [
    ['figure', 'value', 'budget', ''],
    ...rows.map((row) => [row.name, row.value, row.budget ?? '', row.met === undefined ? '' : row.met ? 'met' : 'MISSED']),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  return cells
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

// `--only build` runs the modules whose name contains that word.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const rows: BenchRow[] = [];
for (const bench of BENCHES.filter((candidate) => !only || candidate.name.includes(only))) {
  console.log(`# ${bench.name}`);
  rows.push(...(await bench.run()));
}
console.log(`\n${formatTable(rows)}`);
