import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build.ts';

interface Step {
  name?: string;
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
let readme: string;

beforeAll(async () => {
  workflow = parse(await readFile(path.join(repoRoot, '.github/workflows/site.yml'), 'utf8')) as Workflow;
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
