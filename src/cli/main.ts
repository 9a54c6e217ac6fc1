/**
 * The `archive` command line: the only part of the project, with the build
 * adapter, that touches the file system. Exit codes: 0 success, 1 failure,
 * 2 usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { runImport } from './import.ts';
import { runCheck } from './check.ts';
import { runNew } from './new.ts';
import { UsageError } from './errors.ts';

/** Runs the command line and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('archive')
    .description('Build, import into and check the cyber-policy news archive.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  let exitCode = 0;

  program
    .command('build')
    .description('Build the static site from the content folder.')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', '_site')
    .option('--path-prefix <prefix>', 'serve the site under this path (e.g. /archive/ for a GitHub Pages project site)')
    .option('--quiet', 'print only errors and the summary')
    .action(async (options: { content: string; out: string; pathPrefix?: string; quiet?: boolean }) => {
      const { build } = await import('../eleventy/run.ts');
      const started = Date.now();
      const result = await build({
        contentDir: path.resolve(options.content),
        outDir: path.resolve(options.out),
        pathPrefix: options.pathPrefix ?? process.env.ARCHIVE_PATH_PREFIX,
        quiet: options.quiet,
      });
      const drafts = result.drafts ? `; ${result.drafts} draft${result.drafts === 1 ? '' : 's'} left out` : '';
      console.log(
        `Built ${result.articles} article${result.articles === 1 ? '' : 's'} into ${result.pages} pages in ${options.out} (${((Date.now() - started) / 1000).toFixed(1)} s)${drafts}.`,
      );
    });

  program
    .command('serve')
    .description('Build the site and serve it locally, rebuilding on changes.')
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', '_site')
    .addOption(new Option('--port <port>', 'port to listen on').default(8080).argParser(parsePort))
    .action(async (options: { content: string; out: string; port: number }) => {
      const { serve } = await import('../eleventy/run.ts');
      // Resolves once the server listens; the open server keeps the process alive.
      await serve({ contentDir: path.resolve(options.content), outDir: path.resolve(options.out), port: options.port });
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
    .action(async (paths: string[], options: { content: string; json?: boolean; fix?: boolean; now?: string }) => {
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
      exitCode = await runNew(title, options);
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

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${value}"`);
  return port;
}
