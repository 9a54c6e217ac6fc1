import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseFiles } from '../../src/release/files.ts';
import { repoRoot } from '../support/build.ts';

interface Step {
  name?: string;
  env?: Record<string, string>;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

let workflow: Workflow;
let releaseWorkflow: Workflow;
let readme: string;

beforeAll(async () => {
  workflow = parse(await readFile(path.join(repoRoot, '.github/workflows/site.yml'), 'utf8')) as Workflow;
  releaseWorkflow = parse(await readFile(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as Workflow;
  readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
});

const commands = (job: Job) =>
  job.steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(npm|npx) /.test(line)),
  );
const uses = (job: Job) => job.steps.map((step) => step.uses?.split('@')[0]).filter(Boolean);

describe('the GitHub Actions workflow', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('installs, lints, typechecks, checks the articles, tests and builds, in that order, with the npm cache on', () => {
    expect(commands(workflow.jobs.build!)).toEqual([
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npx archive check',
      'npm test',
      'npm run build',
      'npm run build -- --allow-example-url',
    ]);
    const node = workflow.jobs.build!.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.cache).toBe('npm');
  });

  it('runs only commands the README gives', () => {
    expect(commands(workflow.jobs.build!).filter((command) => !readme.includes(command))).toEqual([]);
  });

  it('publishes with the official Pages actions, from main only', () => {
    expect(uses(workflow.jobs.build!)).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact']));
    const deploy = workflow.jobs.deploy!;
    expect(uses(deploy)).toEqual(['actions/deploy-pages']);
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds for the Pages address on main, and lets pull requests, which are not published, keep the example address', () => {
    const build = workflow.jobs.build!.steps.find((step) => step.name === 'Build')!;
    const script = build.run!;
    expect(script).toMatch(
      /if \[ -n "\$PAGES_ORIGIN" \]; then\s+export ARCHIVE_BASE_URL="\$PAGES_ORIGIN"[^\n]*\n\s+npm run build\n\s*else\n\s+npm run build -- --allow-example-url\n\s*fi/,
    );
    expect((build as { env?: Record<string, string> }).env?.PAGES_ORIGIN).toBe(['${{', 'steps.pages.outputs.origin', '}}'].join(' '));
  });

  it('says which check it runs and why: errors fail a pull request, warnings do not', async () => {
    const text = await readFile(path.join(repoRoot, '.github/workflows/site.yml'), 'utf8');
    expect(commands(workflow.jobs.build!)).toContain('npx archive check');
    expect(text).toMatch(/Plain `check` \(not --strict\) fails a pull request on errors only/);
  });

  it('uploads the folder the build writes', () => {
    const upload = workflow.jobs.build!.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('_site');
  });
});

describe('the release workflow', () => {
  const job = () => releaseWorkflow.jobs.release!;
  const step = (name: string) => job().steps.find((s) => s.name === name)!;
  const expr = (inner: string) => ['${{', inner, '}}'].join(' ');
  // The shell's "the tag without its v".
  const tagVersion = ['$', '{TAG#v}'].join('');

  it('runs on version tags only, and may write releases', () => {
    expect(releaseWorkflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(releaseWorkflow.permissions).toEqual({ contents: 'write', pages: 'read' });
  });

  it("installs, then rebuilds the tag's recorded release for the Pages address, with links to the repository's releases", () => {
    expect(commands(job())).toEqual(['npm ci', `npx archive release "${tagVersion}" --rebuild`]);
    const make = step("Make the release's archives");
    expect(make.env).toEqual({
      TAG: expr('github.ref_name'),
      PAGES_ORIGIN: expr('steps.pages.outputs.origin'),
      PAGES_BASE_PATH: expr('steps.pages.outputs.base_path'),
      ARCHIVE_RELEASES_URL: `${expr('github.server_url')}/${expr('github.repository')}/releases`,
    });
    expect(make.run).toMatch(/export ARCHIVE_BASE_URL="\$PAGES_ORIGIN" ARCHIVE_PATH_PREFIX="\$\{PAGES_BASE_PATH%\/\}\/"\n/);
    expect(uses(job())).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages']);
  });

  it('attaches the files `archive release` writes to the GitHub release, the changelog as its notes', () => {
    const files = releaseFiles('1.2.0');
    const dir = '_release/1.2.0';
    const script = step('Attach them to the GitHub release').run!.replaceAll(tagVersion, '1.2.0');
    expect(script).toContain(`dir="${dir}"`);
    expect(script).toContain(`notes="$dir/${files.changelog}"`);
    expect(script).toMatch(/gh release create "\$TAG" "\$dir"\/\* --verify-tag --title "Release 1\.2\.0" --notes-file "\$notes"/);
    expect(script).toMatch(/gh release upload "\$TAG" "\$dir"\/\* --clobber/);
    expect(step('Attach them to the GitHub release').env?.GH_TOKEN).toBe(expr('github.token'));
  });

  it('gives the published site the address of the releases too', () => {
    const build = workflow.jobs.build!.steps.find((s) => s.name === 'Build')!;
    expect(build.env?.ARCHIVE_RELEASES_URL).toBe(`${expr('github.server_url')}/${expr('github.repository')}/releases`);
  });
});
