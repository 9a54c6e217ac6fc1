/**
 * Start-up of the `archive` command (issue 12): how long `archive --help`,
 * `archive new` and `archive check` take from start to exit, against a bare
 * `node -e 0` on the same machine at the same moment. Each command runs
 * ROUNDS times, the commands taking turns so that a busy neighbour slows them
 * alike; the figure is the median. `new` writes into a temporary copy of
 * content/, `check` reads content/ itself. Runs the compiled code, so src/ is
 * compiled first. `node --import tsx test/bench/startup.ts` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../support/build.ts';
import { compileCode } from '../support/compile.ts';
import type { BenchRow } from './related.ts';

/** Runs of each command; the figure is their median. */
export const ROUNDS = 5;

/** The budgets of issue 12, as multiples of a bare `node -e 0`. */
export const BUDGET = { help: 6, command: 10 } as const;

/** One command measured: its arguments to `node`, and the budget it is held to. */
interface Measured {
  name: string;
  args: (round: number) => string[];
  budget?: number;
}

/** Wall time of one run in milliseconds; throws when the command fails. */
function timeRun(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  return ms;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Measures every command, prints the medians, and returns the rows for the table. */
export async function benchStartup(rounds = ROUNDS): Promise<BenchRow[]> {
  if (!compileCode()) throw new Error('src/ does not compile (above): the start-up bench runs the compiled code');
  const work = mkdtempSync(path.join(tmpdir(), 'archive-startup-'));
  try {
    const content = path.join(work, 'content');
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    const archive = path.join(repoRoot, 'bin', 'archive.js');
    const commands: Measured[] = [
      { name: 'node -e 0', args: () => ['-e', '0'] },
      { name: 'archive --help', args: () => [archive, '--help'], budget: BUDGET.help },
      {
        name: 'archive new (a copy of content/)',
        args: (round) => [archive, 'new', `Start-up bench article ${round + 1}`, '--date', '2020-01-02', '--content', content],
        budget: BUDGET.command,
      },
      {
        name: 'archive check (content/)',
        args: () => [archive, 'check', '--content', path.join(repoRoot, 'content')],
        budget: BUDGET.command,
      },
    ];
    console.log(
      `load average before: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
    // One unmeasured run of each first: the file system cache then holds Node, the code and the content.
    for (const command of commands) timeRun(command.args(rounds));
    const times = commands.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++)
      for (const [index, command] of commands.entries()) times[index]!.push(timeRun(command.args(round)));
    const medians = times.map(median);
    const bare = medians[0]!;
    return commands.map((command, index) => {
      const ms = medians[index]!;
      const ratio = ms / bare;
      console.log(
        `${command.name}: median ${ms.toFixed(0)} ms of ${times[index]!.map((t) => t.toFixed(0)).join(', ')}${index ? ` (${ratio.toFixed(1)}×)` : ''}`,
      );
      return {
        name: `start-up: ${command.name}, median of ${rounds}`,
        value: index ? `${ms.toFixed(0)} ms (${ratio.toFixed(1)}×)` : `${ms.toFixed(0)} ms`,
        ...(command.budget ? { budget: `≤ ${command.budget}× node -e 0`, met: ratio <= command.budget } : {}),
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchStartup())
    console.log(`${row.name}: ${row.value}${row.budget ? ` (budget ${row.budget}: ${row.met ? 'met' : 'MISSED'})` : ''}`);
}
