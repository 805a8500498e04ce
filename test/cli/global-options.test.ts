/**
 * Options every command has (--db, --format with its values, --config, --help), `comment github
 * --format json`, and the heavy modules (AWS SDK, exceljs, yaml, zod, hyparquet) staying out of
 * the start-up of every command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { startGitHubLoopback, type GitHubLoopback } from '../github/github-loopback.js';
import { runCli } from '../support/cli.js';

function leaves(cmd: Command, path: string[] = []): { path: string[]; cmd: Command }[] {
  return cmd.commands.length === 0 ? [{ path, cmd }] : cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

const program = buildProgram({ io: { stdout: () => {}, stderr: () => {}, env: {}, cwd: process.cwd(), now: () => new Date() }, setExitCode: () => {} });
const commands = leaves(program);

describe('global options', () => {
  it('every command is reached', () => {
    expect(commands.map((c) => c.path.join(' '))).toEqual(
      expect.arrayContaining(['estimate', 'budgets list', 'budgets show', 'prices', 'catalog info', 'catalog refresh', 'catalog import', 'catalog log', 'diff', 'breakdown', 'comment github', 'spend import', 'spend pull', 'spend report', 'spend budget']),
    );
  });

  it.each(commands.map((c) => [c.path.join(' '), c.cmd] as const))('nuage %s has --db, --format <values>, --config and --help', async (name, cmd) => {
    const flags = cmd.options.map((o) => o.long);
    expect(flags).toEqual(expect.arrayContaining(['--db', '--format', '--config']));
    const format = cmd.options.find((o) => o.long === '--format')!;
    // "output format: table | json (default table)"
    expect(format.description).toMatch(/^output format: [a-z-]+( \| [a-z-]+)+ \(default [a-z-]+\)$/);
    const help = await runCli([...name.split(' '), '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: nuage ${name}`);
    expect(help.stdout).toContain(format.description.slice(0, 30));
  });

  it('the --format help lists what pickFormat accepts', async () => {
    const help = (await runCli(['diff', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('output format: table | json | markdown | github-comment (default table)');
    expect((await runCli(['budgets', 'list', '--format', 'yaml'])).stderr).toBe('nuage: unknown --format "yaml"; expected one of: table, json\n');
  });
});

describe('nuage comment github --format json', () => {
  let gh: GitHubLoopback | undefined;
  afterEach(async () => {
    await gh?.close();
    gh = undefined;
  });

  it('prints { action, commentId, url }: created, then updated', async () => {
    gh = await startGitHubLoopback();
    gh.comments.set('acme/infra#9', []);
    const dir = mkdtempSync(join(tmpdir(), 'nuage-gh-json-'));
    writeFileSync(join(dir, 'c.md'), '## Monthly cost will increase by €1.00\n');
    const env = { GITHUB_TOKEN: 'secret', GITHUB_API_URL: gh.url };
    const argv = ['comment', 'github', '--repo', 'acme/infra', '--pr', '9', '--file', 'c.md', '--format', 'json'];
    const first = await runCli(argv, { env, cwd: dir });
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ action: 'created', commentId: 1000, url: 'https://github.example/acme/infra/pull/9#issuecomment-1000' });
    const second = await runCli(argv, { env, cwd: dir });
    expect(JSON.parse(second.stdout)).toMatchObject({ action: 'updated', commentId: 1000 });
    expect((await runCli([...argv.slice(0, -1), 'xml'], { env, cwd: dir })).stderr).toBe('nuage: unknown --format "xml"; expected one of: text, json\n');
  });
});

/** Modules loaded by `node -e <script>` in a fresh process (tsx compiles src/), from a loader hook. */
function modulesLoadedBy(script: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-loads-'));
  writeFileSync(join(dir, 'hook.mjs'), 'export async function load(url, context, next) { process.stderr.write(`LOADED ${url}\\n`); return next(url, context); }\n');
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${join(dir, 'hook.mjs')}`)});\n`);
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), '--import', 'tsx', '--input-type=module', '-e', script], { cwd: resolve('.'), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
}

describe('start-up loads no heavy module', () => {
  const HEAVY = /node_modules\/(@aws-sdk|@smithy|exceljs|yaml|zod|hyparquet|hyparquet-compressors|@hono|hono)\//;

  it('building the whole command tree imports none of the AWS SDK, exceljs, yaml, zod, hyparquet', () => {
    const loaded = modulesLoadedBy("const { buildProgram } = await import('./src/cli/program.ts'); buildProgram({ io: { stdout() {}, stderr() {}, env: {}, cwd: '.', now: () => new Date() }, setExitCode() {} });");
    expect(loaded.some((u) => u.endsWith('/src/cli/commands/index.ts'))).toBe(true);
    expect(loaded.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it('the AWS SDK loads when a command calls AWS, without the Node 20 support warning', () => {
    const script = [
      "const { ec2Client, pricingClient, connectionFromEnv } = await import('./src/aws/connection.ts');",
      "const { costExplorerClient, ceConnectionFromEnv } = await import('./src/aws/cost-explorer.ts');",
      "const conn = connectionFromEnv({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, 'eu-west-3');",
      "for (const c of [ec2Client(conn), pricingClient(conn), costExplorerClient(ceConnectionFromEnv({}))]) c.destroy();",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: resolve('.'), encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('NodeVersionSupportWarning');
  });

  it.skipIf(Number(process.versions.node.split('.')[0]) >= 22)('(control) on Node 20 the SDK prints the warning when the switch is not set', () => {
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const { EC2Client } = await import('@aws-sdk/client-ec2'); new EC2Client({ region: 'eu-west-3' }).destroy();"],
      { cwd: resolve('.'), encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined } },
    );
    expect(r.stderr).toContain('NodeVersionSupportWarning');
  });
});
