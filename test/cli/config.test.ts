/**
 * The configuration resolver: flags > config file > environment > defaults, every value checked by
 * the same parser whatever its source, origins reported, unknown keys rejected with the known ones;
 * and the commands that read it (estimate, diff, prices, spend, catalog).
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, configFx, resolveConfig } from '../../src/cli/config.js';
import type { CliIo } from '../../src/cli/context.js';
import { planJson } from '../plan/support.js';
import { runCli } from '../support/cli.js';

const EXAMPLE = resolve('examples/inventory.csv');
const NOW = new Date('2026-11-26T12:00:00Z');
let dir: string;
const io = (env: Record<string, string> = {}, cwd = dir): CliIo => ({ stdout: () => {}, stderr: () => {}, env, cwd, now: () => NOW });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nuage-config-'));
});

describe('resolveConfig', () => {
  it('defaults when nothing is set, each with origin "default"', async () => {
    const c = await resolveConfig(io());
    expect(c.values).toEqual({ region: 'eu-west-3', currency: 'EUR', hoursPerMonth: 730, db: join(dir, 'nuage.db'), tagKey: 'env' });
    expect(Object.values(c.origins).every((o) => o.kind === 'default')).toBe(true);
    expect(c.file).toBeUndefined();
    expect(Object.isFrozen(c) && Object.isFrozen(c.values) && Object.isFrozen(c.origins)).toBe(true);
    // No rate configured: the ECB reference rate shipped in data/fx.
    expect(configFx(c, io())).toMatchObject({ usdToEur: expect.any(String), asOf: '2025-07-18' });
  });

  it('flags > config file > environment > defaults, key by key, with the origin of each value', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), 'region: eu-west-1\ncurrency: usd\nhoursPerMonth: 720\nenvRatios: { prod: 1, preprod: 0.6 }\n');
    const env = { NUAGE_REGION: 'us-east-1', NUAGE_CURRENCY: 'EUR', NUAGE_USD_EUR: '0.9', NUAGE_DB: 'env.db', NUAGE_TAG_KEY: 'stage' };
    const c = await resolveConfig(io(env), { region: 'eu-central-1' });
    expect(c.values).toEqual({
      region: 'eu-central-1',
      currency: 'USD',
      hoursPerMonth: 720,
      usdEur: '0.9',
      db: join(dir, 'env.db'),
      envRatios: 'prod=1,preprod=0.6',
      tagKey: 'stage',
    });
    expect(c.origins).toEqual({
      region: { kind: 'flag', name: '--region' },
      currency: { kind: 'file', path: 'nuage.config.yml' },
      hoursPerMonth: { kind: 'file', path: 'nuage.config.yml' },
      usdEur: { kind: 'env', name: 'NUAGE_USD_EUR' },
      db: { kind: 'env', name: 'NUAGE_DB' },
      envRatios: { kind: 'file', path: 'nuage.config.yml' },
      tagKey: { kind: 'env', name: 'NUAGE_TAG_KEY' },
    });
    expect(c.file).toBe('nuage.config.yml');
    expect(configFx(c, io())).toEqual({ usdToEur: '0.9', asOf: '2026-11-26', source: 'NUAGE_USD_EUR' });
  });

  it('--config and NUAGE_CONFIG name the file; a db set in a file is relative to that file', async () => {
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'team.yml'), 'db: data/costs.db\nusdEur: 0.86\n');
    const viaFlag = await resolveConfig(io(), {}, 'conf/team.yml');
    expect(viaFlag.values.db).toBe(join(dir, 'conf', 'data', 'costs.db'));
    expect(configFx(viaFlag, io())).toEqual({ usdToEur: '0.86', asOf: '2026-11-26', source: 'conf/team.yml' });
    const viaEnv = await resolveConfig(io({ NUAGE_CONFIG: 'conf/team.yml' }));
    expect(viaEnv.file).toBe('conf/team.yml');
    // An explicit --config wins over NUAGE_CONFIG, and over ./nuage.config.yml.
    writeFileSync(join(dir, 'nuage.config.yml'), 'db: local.db\n');
    expect((await resolveConfig(io({ NUAGE_CONFIG: 'nuage.config.yml' }), {}, 'conf/team.yml')).file).toBe('conf/team.yml');
    expect((await resolveConfig(io())).values.db).toBe(join(dir, 'local.db'));
  });

  it('an empty file or null values set nothing', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), '# nothing yet\nregion:\n');
    const c = await resolveConfig(io());
    expect(c.values.region).toBe('eu-west-3');
    expect(c.origins.region).toEqual({ kind: 'default' });
  });

  const bad: [string, string][] = [
    ['regoin: eu-west-3\n', 'nuage.config.yml: unknown key "regoin"; known keys: region, currency, hoursPerMonth, usdEur, db, envRatios, tagKey'],
    ['region: eu-west-3\nfoo: 1\nbar: 2\n', 'nuage.config.yml: unknown keys "foo", "bar"; known keys: region, currency, hoursPerMonth, usdEur, db, envRatios, tagKey'],
    ['currency: GBP\n', 'nuage.config.yml: key "currency": expected one of USD, EUR, got "GBP"'],
    ['hoursPerMonth: 800\n', 'nuage.config.yml: key "hoursPerMonth": expected a number of hours above 0 and at most 744 (730 = average month, 720 = 30 days), got 800'],
    ['usdEur: -1\n', 'nuage.config.yml: key "usdEur": expected a positive number: EUR per 1 USD, e.g. 0.86, got -1'],
    ['region: Paris\n', 'nuage.config.yml: key "region": expected an AWS region code such as eu-west-3, got "Paris"'],
    ['envRatios: { staging: lots }\n', 'nuage.config.yml: key "envRatios": expected ratios to prod such as staging=0.5,dev=0.2 (in the file also a map: { staging: 0.5 }), got {"staging":"lots"}'],
    ['tagKey: [env]\n', 'nuage.config.yml: key "tagKey": expected a tag key such as env, got ["env"]'],
    ['- region\n- eu-west-3\n', 'nuage.config.yml: expected a mapping of settings (key: value), e.g. "region: eu-west-3"; known keys: region, currency, hoursPerMonth, usdEur, db, envRatios, tagKey'],
    ['region: [eu-west-3\n', 'nuage.config.yml: not valid YAML (line 2, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ];
  it.each(bad)('file %j → %s', async (text, message) => {
    writeFileSync(join(dir, 'nuage.config.yml'), text);
    await expect(resolveConfig(io())).rejects.toThrow(message);
  });

  it('environment and flag values are checked the same way, naming the variable or the flag', async () => {
    await expect(resolveConfig(io({ NUAGE_HOURS_PER_MONTH: 'lots' }))).rejects.toThrow('NUAGE_HOURS_PER_MONTH: expected a number of hours above 0 and at most 744');
    await expect(resolveConfig(io({ NUAGE_CURRENCY: 'NOK' }))).rejects.toThrow('NUAGE_CURRENCY: expected one of USD, EUR, got "NOK"');
    await expect(resolveConfig(io(), { usdEur: 'abc' })).rejects.toThrow('--usd-eur: expected a positive number: EUR per 1 USD, e.g. 0.86, got "abc"');
    await expect(resolveConfig(io(), { envRatios: 'staging:0.5' })).rejects.toThrow('--env: expected ratios to prod such as staging=0.5,dev=0.2');
    // An empty variable counts as unset.
    expect((await resolveConfig(io({ NUAGE_REGION: '' }))).origins.region).toEqual({ kind: 'default' });
  });

  it('documents every key (the list the unknown-key error prints)', () => {
    expect([...CONFIG_KEYS]).toEqual(['region', 'currency', 'hoursPerMonth', 'usdEur', 'db', 'envRatios', 'tagKey']);
  });
});

describe('commands read the configuration', () => {
  it('estimate honours NUAGE_CURRENCY, NUAGE_HOURS_PER_MONTH and NUAGE_USD_EUR (as diff does)', async () => {
    const env = { NUAGE_CURRENCY: 'USD', NUAGE_HOURS_PER_MONTH: '720' };
    const r = await runCli(['estimate', EXAMPLE, '--family', 'm5', '--format', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect([v.currency, v.hoursPerMonth]).toEqual(['USD', 720]);
    const api = v.apps.find((a: { app: string }) => a.app === 'api');
    expect([api.instanceType, api.instanceCount, api.monthlyCost]).toEqual(['m5.xlarge', 2, 322.56]);
    const eur = JSON.parse((await runCli(['estimate', EXAMPLE, '--family', 'm5', '--format', 'json'], { cwd: dir, env: { ...env, NUAGE_CURRENCY: 'EUR', NUAGE_USD_EUR: '1' } })).stdout);
    expect([eur.currency, eur.usdToEur, eur.apps.find((a: { app: string }) => a.app === 'api').monthlyCost]).toEqual(['EUR', 1, 322.56]);
  });

  it('nuage.config.yml in the working directory: estimate takes region, currency, hours, rate and environment ratios; flags win', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), 'region: eu-west-3\ncurrency: EUR\nhoursPerMonth: 720\nusdEur: 1\nenvRatios:\n  staging: 0.5\n');
    const v = JSON.parse((await runCli(['estimate', EXAMPLE, '--family', 'm5', '--format', 'json'], { cwd: dir })).stdout);
    expect([v.region, v.currency, v.hoursPerMonth, v.usdToEur]).toEqual(['eu-west-3', 'EUR', 720, 1]);
    const api = v.apps.find((a: { app: string }) => a.app === 'api').monthlyCost;
    expect(api).toBe(322.56);
    const staging = v.environments.find((e: { name: string }) => e.name === 'staging');
    expect(staging.ratio).toBe(0.5);
    // The FX source says where the rate came from.
    expect(v.fx).toMatchObject({ usdToEur: '1', source: 'nuage.config.yml', asOf: '2026-11-26' });
    const flags = JSON.parse((await runCli(['estimate', EXAMPLE, '--family', 'm5', '--format', 'json', '--currency', 'USD', '--hours-per-month', '730'], { cwd: dir })).stdout);
    expect([flags.currency, flags.hoursPerMonth]).toEqual(['USD', 730]);
  });

  it('a bad configuration file stops every command with its name and key', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), 'currency: GBP\n');
    for (const argv of [['prices', 'm5.large'], ['budgets', 'list'], ['catalog', 'info', '--region', 'eu-west-3']]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'nuage: nuage.config.yml: key "currency": expected one of USD, EUR, got "GBP"\n' });
    }
  });

  it('prices takes its region from the file; catalog refresh its region and db (checked before any call)', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), 'region: us-east-1\ndb: stores/prices.db\n');
    const v = JSON.parse((await runCli(['prices', 'm5.large', '--format', 'json'], { cwd: dir })).stdout);
    expect([v.region, v.onDemandHourly]).toEqual(['us-east-1', 0.096]);
    // The store directory does not exist: the refresh says so, and creates nothing.
    const r = await runCli(['catalog', 'refresh', '--types', 'm5.large'], { cwd: dir, env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', NUAGE_AWS_ENDPOINT: 'http://127.0.0.1:9' } });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `nuage: database ${join(dir, 'stores', 'prices.db')}: directory ${join(dir, 'stores')} does not exist (create it first, or choose another --db)\n` });
    expect(existsSync(join(dir, 'stores'))).toBe(false);
  });

  it('diff takes currency and hours from the file; a plan without a region takes the configured one, never the built-in default', async () => {
    const changes = [
      { address: 'aws_nat_gateway.a', after: {} },
      { address: 'aws_eks_cluster.c', actions: ['no-op'], before: {}, after: {} },
    ];
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson(changes, { region: 'eu-west-1' })));
    writeFileSync(join(dir, 'noregion.json'), JSON.stringify(planJson(changes)));
    writeFileSync(join(dir, 'nuage.config.yml'), 'currency: USD\nhoursPerMonth: 720\n');
    const r = await runCli(['diff', 'plan.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // EKS 0.10 × 720 = 72 before and after; NAT 0.048 × 720 = 34.56 added (its data processed is usage-based).
    expect([j.currency, j.hoursPerMonth, j.before.totalMonthlyCost, j.after.totalMonthlyCost]).toEqual(['USD', 720, 72, 106.56]);
    const none = await runCli(['diff', 'noregion.json'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('cannot tell the AWS region of aws_nat_gateway.a');
    const fromEnv = await runCli(['diff', 'noregion.json', '--format', 'json'], { cwd: dir, env: { AWS_REGION: 'eu-west-1' } });
    expect(JSON.parse(fromEnv.stdout).after.totalMonthlyCost).toBe(106.56);
    writeFileSync(join(dir, 'nuage.config.yml'), 'currency: USD\nhoursPerMonth: 720\nregion: eu-west-1\n');
    const fromFile = await runCli(['breakdown', 'noregion.json', '--format', 'json'], { cwd: dir, env: { AWS_REGION: 'us-east-1' } });
    expect(JSON.parse(fromFile.stdout).after.totalMonthlyCost).toBe(106.56);
  });

  it('spend pull checks the configured tag key before any AWS call', async () => {
    writeFileSync(join(dir, 'nuage.config.yml'), 'tagKey: ""\n');
    const r = await runCli(['spend', 'pull', '--from', '2026-11-01', '--to', '2026-11-02'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'nuage: nuage.config.yml: key "tagKey": expected a tag key such as env, got ""\n' });
    expect(existsSync(join(dir, 'nuage.db'))).toBe(false);
  });
});
