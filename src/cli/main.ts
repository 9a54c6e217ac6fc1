/**
 * The `archive` command line: the only part of the project, with the build
 * adapter, that touches the file system. Exit codes: 0 success, 1 failure,
 * 2 usage error.
 *
 * Only commander and this file load up front: each command imports its own
 * modules (`import()` in its action), so `archive --help` reads none of the
 * importer, the checker or Eleventy, and `archive new` none of the build.
 */
import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.ts';
import type { BuildReport } from '../eleventy/run.ts';

/** The line `archive build` and `archive serve` print after a build into `out`. */
function buildSummary(result: BuildReport, out: string, seconds: number): string {
  const drafts = result.drafts ? `; ${result.drafts} draft${result.drafts === 1 ? '' : 's'} left out` : '';
  const how = result.fullBuild
    ? `full build: ${result.fullBuild}`
    : `incremental: ${result.written} files written, ${result.reused} unchanged`;
  return `Built ${result.articles} article${result.articles === 1 ? '' : 's'} into ${result.pages} pages in ${out} (${seconds.toFixed(1)} s; ${how})${drafts}.`;
}

/** Runs the command line and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('archive')
    .description('Build, import into and check the cyber-policy news archive.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  let exitCode = 0;

  program
    .command('build')
    .description('Build the static site from the content folder; the output folder is replaced only by a complete, checked site.')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', '_site')
    .option('--path-prefix <prefix>', 'serve the site under this path (e.g. /archive/ for a GitHub Pages project site)')
    .option('--allow-example-url', 'build with the example base URL (https://example.org) even in CI: for a site that is not published')
    .option('--quiet', 'print only errors and the summary')
    .option('--clean', 'ignore the build cache (.archive-cache/ beside the output folder) and render every page')
    .action(async (options: BuildFlags) => {
      const contentDir = requireContentFolder(options.content);
      const { build, REPO_ROOT, tolerateLateCopyFailures } = await import('../eleventy/run.ts');
      const { unsafeOutput } = await import('../publish/staging.ts');
      tolerateLateCopyFailures();
      const outDir = path.resolve(options.out);
      const unsafe = unsafeOutput(outDir, { contentDir, repoRoot: REPO_ROOT });
      if (unsafe) throw new UsageError(unsafe);
      const pathPrefix = options.pathPrefix ?? process.env.ARCHIVE_PATH_PREFIX;
      await checkBaseUrl(contentDir, Boolean(options.allowExampleUrl));
      const started = Date.now();
      const result = await build({ contentDir, outDir, pathPrefix, quiet: options.quiet, clean: options.clean });
      console.log(buildSummary(result, options.out, (Date.now() - started) / 1000));
    });

  program
    .command('serve')
    .description('Build the site and serve it locally, rebuilding on changes.')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', '_site')
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port to listen on (0: any free port)').default(8080).argParser(parsePort))
    .action(async (options: { content: string; out: string; host: string; port: number }) => {
      const contentDir = requireContentFolder(options.content);
      const { serve, tolerateLateCopyFailures } = await import('../eleventy/run.ts');
      tolerateLateCopyFailures();
      if (!isLoopback(options.host)) {
        console.error(
          `archive: warning: the preview listens on ${options.host}: anyone who can reach this machine there can read the site; leave out --host to keep it to this machine`,
        );
      }
      // Resolves once the server listens; the open server keeps the process alive.
      const server = await serve({
        contentDir,
        outDir: path.resolve(options.out),
        host: options.host,
        port: options.port,
        onBuild: (result, seconds) => {
          console.log(buildSummary(result, options.out, seconds));
          for (const url of result.draftUrls) console.log(`Draft, shown only by this preview under a "draft" banner: ${url}`);
        },
      });
      console.log(`Serving ${options.out} at ${server.url} (Ctrl-C stops)`);
    });

  program
    .command('import')
    .description('Turn scraped pages (text dumps, HTML, Markdown) into articles in the content folder.')
    .argument('<path...>', 'files or folders (searched recursively)')
    .option('--out <dir>', 'where articles are written', path.join('content', 'articles'))
    .option('--stdout', 'print the resulting Markdown of one input and write nothing')
    .option('--dry-run', 'report what would be written, write nothing')
    .option('--force', 'overwrite an existing article that differs')
    .option('--json', 'print the summary as JSON')
    .option('--date <day>', 'the publication day to use when a page states none (YYYY-MM-DD)')
    .option('--no-profiles', 'ignore site profiles: generic rules only')
    .action(async (paths: string[], options) => {
      const { runImport } = await import('./import.ts');
      exitCode = await runImport(paths, options);
    });

  program
    .command('check')
    .description('Check articles against the content model and against each other; print every problem as file:line: message.')
    .argument('[path...]', 'article files or folders to check (default: every article in the content folder)')
    .option('--content <dir>', 'content folder: its articles/ are the archive, its _data/ the registries', 'content')
    .option('--json', 'print the problems as a JSON array of {file, line, field, message, severity}')
    .option('--fix', 'apply the safe fixes (tag spellings, key order) and list what changed')
    .option('--now <day>', 'judge dates against this day instead of today (YYYY-MM-DD)')
    .option('--strict', 'exit 1 on warnings too (tag spellings, second copies, links to missing articles), not only on errors')
    .action(async (paths: string[], options: { content: string; json?: boolean; fix?: boolean; now?: string; strict?: boolean }) => {
      const { runCheck } = await import('./check.ts');
      exitCode = await runCheck(paths, options);
    });

  program
    .command('new')
    .description('Write the skeleton of a new article where the build expects it, and print its path.')
    .argument('<title>', 'the headline, in quotes')
    .option('--date <day>', 'the day the story was published (YYYY-MM-DD; default today)')
    .option('--tags <list>', 'comma-separated tags, e.g. cyberattack,NATO')
    .option('--content <dir>', 'content folder', 'content')
    .action(async (title: string, options: { date?: string; tags?: string; content: string }) => {
      const { runNew } = await import('./new.ts');
      exitCode = await runNew(title, options);
    });

  program
    .command('export')
    .description("Write every article's metadata (the site's /data/ export) as CSV, JSON or JSON Lines.")
    .addOption(
      new Option('--format <format>', 'csv, json (an array) or jsonl (one record a line)').choices(['csv', 'json', 'jsonl']).default('csv'),
    )
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--content <dir>', 'content folder', 'content')
    .action(async (options: { format: 'csv' | 'json' | 'jsonl'; out?: string; content: string }) => {
      const { runExport } = await import('./export.ts');
      exitCode = await runExport({ ...options, content: requireContentFolder(options.content) });
    });

  program
    .command('release')
    .description(
      'Make a numbered release: record it in the content folder, set CITATION.cff, and write the site and its data package as archives with a changelog.',
    )
    .argument('<version>', 'a semantic version higher than every release so far, such as 1.2.0')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'where the release folder VERSION/ with its archives is written', '_release')
    .option('--citation <file>', 'the CITATION.cff to update', 'CITATION.cff')
    .option('--date <day>', 'the day of the release (YYYY-MM-DD; default today)')
    .option('--rebuild', "write a recorded release's archives again from its record (on its tag; the release workflow)")
    .option('--allow-example-url', 'release with the example base URL (https://example.org) even in CI')
    .action(async (version: string, options: ReleaseFlags) => {
      const contentDir = requireContentFolder(options.content);
      await checkBaseUrl(contentDir, Boolean(options.allowExampleUrl));
      const { runRelease } = await import('./release.ts');
      (await import('../eleventy/run.ts')).tolerateLateCopyFailures();
      exitCode = await runRelease(version, { ...options, content: contentDir });
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`archive: ${error.message}`);
      return 2;
    }
    console.error(`archive: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}

/** The options of `archive release`. */
type ReleaseFlags = { content: string; out: string; citation: string; date?: string; rebuild?: boolean; allowExampleUrl?: boolean };

/** The options of `archive build`. */
type BuildFlags = { content: string; out: string; pathPrefix?: string; allowExampleUrl?: boolean; quiet?: boolean; clean?: boolean };

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

/** `--content DIR` as an absolute path, or a usage error when it is no folder this process can read. */
function requireContentFolder(dir: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`--content ${dir}: no such folder (run from the repository root, or name the content folder)`);
  }
  if (!stat.isDirectory()) throw new UsageError(`--content ${dir}: is a file, not a folder`);
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
    fs.readdirSync(dir);
  } catch (error) {
    throw new UsageError(`--content ${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return path.resolve(dir);
}

/**
 * A site built with the example base URL cites an address that is not its
 * own: warned about, and refused in CI (CI=true, as GitHub Actions sets it)
 * unless ARCHIVE_BASE_URL names the real one or --allow-example-url says the
 * site will not be published.
 */
async function checkBaseUrl(contentDir: string, allowExample: boolean): Promise<void> {
  const { loadSettings } = await import('../store/load.ts');
  const { baseUrlVerdict } = await import('../site/settings.ts');
  const { baseUrl } = await loadSettings(contentDir);
  const verdict = baseUrlVerdict(baseUrl, { ci: /^(1|true|yes)$/i.test(process.env.CI ?? ''), allowExample });
  if (verdict === 'publish') return;
  const where = process.env.ARCHIVE_BASE_URL
    ? 'from ARCHIVE_BASE_URL'
    : `from ${path.relative(process.cwd(), path.join(contentDir, '_data', 'site.yaml'))} or the default`;
  if (verdict === 'refuse') {
    throw new UsageError(
      `the base URL is the example ${baseUrl} (${where}) and this is CI: set ARCHIVE_BASE_URL to the address the site is published at, or pass --allow-example-url for a build that is not published`,
    );
  }
  console.error(
    `archive: warning: the base URL is the example ${baseUrl} (${where}): canonical links, feeds and citations will point there; set baseUrl there or ARCHIVE_BASE_URL before publishing`,
  );
}

/** Whether an address is this machine's alone. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
