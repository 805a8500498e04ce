/**
 * Every file a user names is checked at the CLI edge: a directory, a missing path or an empty path
 * is an error naming the path and what was expected, exit 1, never a stack trace. Names given to
 * saved things (--save, --budget) are checked before any work. Errors that are not NuageErrors are
 * told in one line unless NUAGE_DEBUG=1.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/cli/context.js';
import { readUserText, userFile, userFileOrDirectory } from '../../src/cli/files.js';
import { unexpected } from '../../src/cli/program.js';
import { InputError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';

const EXAMPLE = resolve('examples/inventory.csv');
let dir: string;
const io = () => ({ stdout: () => {}, stderr: () => {}, env: {}, cwd: dir, now: () => new Date('2026-11-26T12:00:00Z') });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nuage-files-'));
  mkdirSync(join(dir, 'adir'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ format_version: '1.2', resource_changes: [] }));
  writeFileSync(join(dir, 'hello.txt'), 'hello\n');
});

describe('userFile / readUserText', () => {
  it('reads a file relative to the working directory', () => {
    expect(readUserText(io(), 'hello.txt', 'greeting')).toBe('hello\n');
    expect(userFile(io(), 'hello.txt', 'greeting')).toEqual({ path: join(dir, 'hello.txt'), shown: 'hello.txt', size: 6 });
  });

  it('a directory, a missing file, an empty path: InputError naming the path and what was expected', () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(message(() => userFile(io(), 'adir', 'usage file'))).toBe('adir: not a file (a directory); expected the usage file');
    expect(message(() => userFile(io(), 'nope.yml', 'usage file'))).toBe('nope.yml: no such file; expected the usage file');
    expect(message(() => userFile(io(), 'hello.txt/x', 'usage file'))).toBe('hello.txt/x: no such file; expected the usage file');
    expect(message(() => userFile(io(), '', 'usage file'))).toBe('"": empty path given for the usage file');
  });

  it('userFileOrDirectory accepts directories and still rejects missing paths', () => {
    expect(userFileOrDirectory(io(), 'adir', 'billing files')).toEqual({ path: join(dir, 'adir'), shown: 'adir', directory: true });
    expect(userFileOrDirectory(io(), 'hello.txt', 'billing files').directory).toBe(false);
    expect(() => userFileOrDirectory(io(), 'gone', 'billing files')).toThrow('gone: no such file; expected the billing files');
  });
});

describe('commands given a directory or a missing file', () => {
  const cases: [string[], string][] = [
    [['diff', 'adir'], 'nuage: adir: not a file (a directory); expected the Terraform plan JSON (terraform show -json)\n'],
    [['breakdown', 'adir'], 'nuage: adir: not a file (a directory); expected the Terraform plan JSON (terraform show -json)\n'],
    [['diff', 'plan.json', '--compare-to', 'adir'], 'nuage: adir: not a file (a directory); expected the Terraform plan JSON (terraform show -json)\n'],
    [['diff', 'plan.json', '--usage', 'adir'], 'nuage: adir: not a file (a directory); expected the usage file (YAML)\n'],
    [['diff', 'plan.json', '--prices', 'adir'], 'nuage: adir: not a file (a directory); expected the price override file (YAML)\n'],
    [['breakdown', 'plan.json', '--prices', 'missing.yml'], 'nuage: missing.yml: no such file; expected the price override file (YAML)\n'],
    [['estimate', 'adir'], 'nuage: adir: not a file (a directory); expected the inventory file (CSV, JSON, RVTools .xlsx, Migration Hub CSV)\n'],
    [['estimate', EXAMPLE, '--profile', 'adir'], 'nuage: adir: not a file (a directory); expected the load profile: 24 hourly factors, or use evening-peak, flat\n'],
    [['estimate', EXAMPLE, '--profile', 'nope.txt'], 'nuage: nope.txt: no such file; expected the load profile: 24 hourly factors, or use evening-peak, flat\n'],
    [['catalog', 'import', 'adir'], 'nuage: adir: not a file (a directory); expected the offer file (.json or .csv)\n'],
    [['spend', 'import', 'nope.csv'], 'nuage: nope.csv: no such file; expected the billing file (CSV, CSV.gz, Parquet) or directory\n'],
    [['spend', 'budget', '--budget-file', 'adir'], 'nuage: adir: not a file (a directory); expected the budget file (YAML or JSON)\n'],
    [['prices', 'm5.large', '--config', 'adir'], 'nuage: adir: not a file (a directory); expected the configuration file (YAML)\n'],
    [['prices', 'm5.large', '--config', 'none.yml'], 'nuage: none.yml: no such file; expected the configuration file (YAML)\n'],
  ];
  it.each(cases)('nuage %j', async (argv, stderr) => {
    const r = await runCli([...argv, '--db', join(dir, 'files.db')], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr });
    expect(existsSync(join(dir, 'files.db'))).toBe(false);
  });

  it('comment github --file <dir> (after the token check)', async () => {
    const r = await runCli(['comment', 'github', '--repo', 'acme/infra', '--pr', '1', '--file', 'adir'], { cwd: dir, env: { GITHUB_TOKEN: 't', GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'nuage: adir: not a file (a directory); expected the comment body (Markdown)\n' });
  });

  it('a spend import of a directory is still accepted (its billing files are imported); one without billing files exits 1', async () => {
    mkdirSync(join(dir, 'bills'));
    writeFileSync(join(dir, 'bills', 'focus.csv'), 'BilledCost,ChargePeriodStart\n1.25,2026-11-02T00:00:00Z\n');
    const r = await runCli(['spend', 'import', 'bills', '--db', join(dir, 'import.db'), '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: [{ path: join(dir, 'bills', 'focus.csv'), rows: 1 }], rows: 1 });
    const empty = await runCli(['spend', 'import', 'adir', '--db', join(dir, 'import.db')], { cwd: dir });
    expect(empty).toEqual({ code: 1, stdout: '', stderr: `nuage: ${join(dir, 'adir')}: no billing files in this directory (looked for .csv, .csv.gz, .gz, .parquet, it is empty)\n` });
  });
});

describe('names of saved things', () => {
  it.each([[''], [' '], ['../etc'], ['a b'], ['x'.repeat(65)], ['-dash']])('--save %j is refused before any work, nothing written', async (name) => {
    const db = join(dir, 'names.db');
    const r = await runCli(['estimate', EXAMPLE, '--save', name, '--db', db], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`nuage: --save expects a name of 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit, got ${JSON.stringify(name)}\n`);
    expect(existsSync(db)).toBe(false);
  });

  it('--budget names are checked the same way (diff and spend budget)', async () => {
    const diff = await runCli(['diff', 'plan.json', '--budget', 'no/slash'], { cwd: dir });
    expect(diff.stderr).toBe('nuage: --budget expects a name of 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit, got "no/slash"\n');
    const spend = await runCli(['spend', 'budget', '--budget', ''], { cwd: dir });
    expect(spend.stderr).toContain('nuage: --budget expects a name of 1 to 64 letters');
  });

  it('a good name saves (letters, digits, dot, dash, underscore)', async () => {
    const db = join(dir, 'good.db');
    const r = await runCli(['estimate', EXAMPLE, '--save', 'Q3_2027-v1.2', '--db', db, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Saved budget "Q3_2027-v1.2" in ${db}\n`);
  });
});

describe('errors that are not NuageErrors', () => {
  const throwing = (err: unknown): CommandModule => (program) => {
    program.command('boom').action(() => {
      throw err;
    });
  };

  it('are told in one line, with a hint; the stack only with NUAGE_DEBUG=1', async () => {
    const err = new TypeError('cannot read properties of undefined');
    const r = await runCli(['boom'], { commands: [throwing(err)] });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'nuage: unexpected error: TypeError: cannot read properties of undefined\n(set NUAGE_DEBUG=1 to print the stack trace)\n' });
    const debug = await runCli(['boom'], { commands: [throwing(err)], env: { NUAGE_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain('nuage: unexpected error: TypeError: cannot read properties of undefined\n    at ');
  });

  it('a file-system error names its path and what went wrong', () => {
    const e = Object.assign(new Error("EISDIR: illegal operation on a directory, read"), { code: 'EISDIR', path: '/tmp/x', syscall: 'read' });
    expect(unexpected(e, false)).toBe('nuage: unexpected error: /tmp/x: a directory, not a file (read)\n(set NUAGE_DEBUG=1 to print the stack trace)\n');
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/root/x', syscall: 'open' });
    expect(unexpected(denied, false)).toContain('/root/x: permission denied (open)');
    expect(unexpected('plain string', false)).toContain('nuage: unexpected error: plain string\n');
  });
});
