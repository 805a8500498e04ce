/**
 * Reading never creates a database or a directory; writing creates the file only (never its
 * directory); a command that fails leaves no new, empty database behind. Real SQLite files.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStoreLocation, openStore, openStoreIfExists, withWritableStore } from '../../src/store/db.js';
import { readStoredCatalog } from '../../src/store/stored-catalog.js';
import { jsonError, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';

const EXAMPLE = resolve('examples/inventory.csv');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nuage-store-'));
});
const files = () => readdirSync(dir).sort();

describe('openStore', () => {
  it('readonly: a missing file is "no database at <path> (…)", nothing is created', () => {
    const path = join(dir, 'absent.db');
    expect(() => openStore(path, { readonly: true })).toThrow(`no database at ${path} (nothing saved yet)`);
    expect(() => openStore(path, { readonly: true, missing: 'nothing imported yet' })).toThrow(`no database at ${path} (nothing imported yet)`);
    expect(openStoreIfExists(path)).toBeUndefined();
    expect(readStoredCatalog(path)).toBeUndefined();
    expect(files()).toEqual([]);
  });

  it('readonly: an existing store opens, reads, and refuses writes', () => {
    const path = join(dir, 'n.db');
    const w = openStore(path);
    w.sqlite.exec('CREATE TABLE probe (x INTEGER)');
    w.sqlite.exec('INSERT INTO probe VALUES (42)');
    w.close();
    const r = openStore(path, { readonly: true });
    try {
      expect(r.sqlite.prepare('SELECT x FROM probe').get()).toEqual({ x: 42 });
      expect(() => r.sqlite.exec('INSERT INTO probe VALUES (1)')).toThrow(/readonly|read-only/i);
    } finally {
      r.close();
    }
  });

  it('a writer creates the file, never its directory; a directory path is refused', () => {
    const nested = join(dir, 'no', 'such', 'dir', 'n.db');
    expect(() => openStore(nested)).toThrow(`database ${nested}: directory ${join(dir, 'no', 'such', 'dir')} does not exist (create it first, or choose another --db)`);
    expect(() => checkStoreLocation(nested)).toThrow('does not exist');
    expect(existsSync(join(dir, 'no'))).toBe(false);
    mkdirSync(join(dir, 'adir'));
    expect(() => openStore(join(dir, 'adir'))).toThrow(`database ${join(dir, 'adir')}: not a file (a directory)`);
    const ok = openStore(join(dir, 'new.db'));
    ok.close();
    expect(existsSync(join(dir, 'new.db'))).toBe(true);
  });

  it('withWritableStore removes a file it created when the work fails, keeps an existing one', async () => {
    const path = join(dir, 'w.db');
    await expect(withWritableStore(path, () => Promise.reject(new Error('AWS said no')))).rejects.toThrow('AWS said no');
    expect(files()).toEqual([]);
    expect(await withWritableStore(path, (s) => s.sqlite.prepare('SELECT 7 AS n').get())).toEqual({ n: 7 });
    await expect(withWritableStore(path, () => {
      throw new Error('later failure');
    })).rejects.toThrow('later failure');
    expect(existsSync(path)).toBe(true);
  });
});

describe('commands that only read create nothing', () => {
  it('budgets list on a missing database: the empty list, no file', async () => {
    const db = join(dir, 'nonexist.db');
    const table = await runCli(['budgets', 'list', '--db', db]);
    expect(table).toEqual({ code: 0, stdout: `No saved budgets in ${db}. Save one with: nuage estimate <inventory> --save <name>\n`, stderr: '' });
    expect(JSON.parse((await runCli(['budgets', 'list', '--db', db, '--format', 'json'])).stdout)).toEqual([]);
    expect(files()).toEqual([]);
  });

  it.each([
    [['budgets', 'show', 'q3'], 'nothing saved yet'],
    [['spend', 'report'], 'nothing imported or pulled yet: nuage spend import, nuage spend pull'],
    [['spend', 'budget', '--budget', 'q3', '--as-of', '2026-11-16'], 'no spend imported or pulled, no estimate saved yet'],
    [['catalog', 'log'], 'nothing was refreshed or imported there yet'],
  ])('nuage %j on a missing database: says so, creates nothing', async (argv, why) => {
    const db = join(dir, 'nonexist.db');
    const r = await runCli([...argv, '--db', db]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `nuage: no database at ${db} (${why})\n` });
    expect(files()).toEqual([]);
  });

  it('diff --budget on a missing database names the budget, creates nothing', async () => {
    const db = join(dir, 'nonexist.db');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ format_version: '1.2', resource_changes: [] }));
    const r = await runCli(['diff', plan, '--budget', 'infra', '--db', db]);
    expect(r.stderr).toBe(`nuage: no database at ${db} (no saved budget "infra": save one with nuage estimate --save infra)\n`);
    expect(existsSync(db)).toBe(false);
  });

  it('prices, catalog info and estimate read the snapshot without creating the default ./nuage.db', async () => {
    for (const argv of [['prices', 'm5.large'], ['catalog', 'info', '--region', 'eu-west-3'], ['estimate', EXAMPLE]]) {
      expect((await runCli(argv, { cwd: dir })).code).toBe(0);
    }
    expect(files()).toEqual([]);
  });
});

describe('commands that write', () => {
  it('estimate --save into a missing directory fails before estimating and creates nothing', async () => {
    const db = join(dir, 'nonexistent', 'dir', 'n.db');
    const r = await runCli(['estimate', EXAMPLE, '--save', 'x', '--db', db]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `nuage: database ${db}: directory ${join(dir, 'nonexistent', 'dir')} does not exist (create it first, or choose another --db)\n` });
    expect(files()).toEqual([]);
  });

  it('estimate --save creates the file in an existing directory', async () => {
    const db = join(dir, 'budgets.db');
    expect((await runCli(['estimate', EXAMPLE, '--save', 'q3', '--db', db])).code).toBe(0);
    expect(JSON.parse((await runCli(['budgets', 'list', '--db', db, '--format', 'json'])).stdout).map((b: { name: string }) => b.name)).toEqual(['q3']);
  });

  describe('spend pull against a refusing Cost Explorer', () => {
    let loopback: AwsLoopback;
    afterEach(async () => loopback?.close());

    it('fails, and leaves no empty database behind', async () => {
      loopback = await startAwsLoopback();
      loopback.on('GetCostAndUsage', () => jsonError(400, 'AccessDeniedException', 'User is not authorized to perform: ce:GetCostAndUsage'));
      const db = join(dir, 'spend.db');
      const env = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_COST_EXPLORER: loopback.url };
      const r = await runCli(['spend', 'pull', '--from', '2026-11-01', '--to', '2026-11-03', '--db', db], { env, now: new Date('2026-11-10T00:00:00Z') });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('AccessDeniedException');
      expect(loopback.requests).toHaveLength(1);
      expect(files()).toEqual([]);
    });

    it('the configured tag key (nuage.config.yml) is the one asked for', async () => {
      loopback = await startAwsLoopback();
      loopback.on('GetCostAndUsage', () => ({ body: { ResultsByTime: [], DimensionValueAttributes: [] } }));
      writeFileSync(join(dir, 'nuage.config.yml'), 'tagKey: Environment\ndb: spend.db\n');
      const env = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_COST_EXPLORER: loopback.url };
      const r = await runCli(['spend', 'pull', '--from', '2026-11-01', '--to', '2026-11-03', '--format', 'json'], { env, cwd: dir, now: new Date('2026-11-10T00:00:00Z') });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({ tagKey: 'Environment', requests: 1 });
      expect((loopback.requests[0]!.json as { GroupBy: unknown[] }).GroupBy).toEqual([
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'TAG', Key: 'Environment' },
      ]);
      expect(existsSync(join(dir, 'spend.db'))).toBe(true);
    });
  });
});
