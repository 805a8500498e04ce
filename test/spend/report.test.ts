/**
 * `nuage spend report`: every grouping and period on the 1,000-row FOCUS fixture, checked against
 * sums computed here from the raw rows; golden outputs for each format; currencies never summed.
 */
import BigImport from 'big.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpendReports, type RollupInput } from '../../src/spend/report.js';
import { runCli } from '../support/cli.js';
import { focusCsv } from './support/focus-generator.js';
import { csvRecords, tempStore, type TempStore } from './support/spend-store.js';

const Big = BigImport as unknown as typeof BigImport;

let t: TempStore;
let raw: Record<string, string>[];
const report = async (...args: string[]) => {
  const r = await runCli(['spend', 'report', '--db', t.path, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

/** Independent sums from the raw rows, grouped by `key`. */
function expected(key: (r: Record<string, string>) => string, column = 'EffectiveCost'): Record<string, string> {
  const out: Record<string, InstanceType<typeof Big>> = {};
  for (const r of raw) {
    const k = key(r);
    out[k] = (out[k] ?? new Big(0)).plus(new Big(r[column] as string));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed()]));
}

beforeAll(async () => {
  t = tempStore();
  const csv = join(t.dir, 'focus-2026-11.csv');
  writeFileSync(csv, focusCsv(1000));
  raw = csvRecords(csv);
  const nok = join(t.dir, 'focus-nok.csv');
  writeFileSync(nok, focusCsv(20, { currency: 'NOK', billingAccountId: '0099999999999', month: '2026-10' }));
  expect((await runCli(['spend', 'import', csv, nok, '--db', t.path])).code).toBe(0);
});
afterAll(() => t.dispose());

describe('nuage spend report', () => {
  it('by environment and month: tagged values and (untagged) add up to the raw file, per currency', async () => {
    const json = JSON.parse(await report('--group-by', 'env', '--period', 'month', '--format', 'json'));
    expect(json.mixedCurrencies).toBe(true);
    const usd = json.reports.find((r: { currency: string }) => r.currency === 'USD');
    const envOf = (r: Record<string, string>): string => (JSON.parse(r.Tags as string) as { env?: string }).env ?? '(untagged)';
    const want = expected(envOf);
    expect(Object.fromEntries(usd.rows.map((r: { env: string; effectiveCost: string }) => [r.env, r.effectiveCost]))).toEqual(want);
    expect(usd.rows.every((r: { period: string }) => r.period === '2026-11')).toBe(true);
    expect(usd.totals.billedCost).toBe(expected(() => 'all', 'BilledCost').all);
    const nok = json.reports.find((r: { currency: string }) => r.currency === 'NOK');
    expect(nok.totals.records).toBe(20);
  });

  it.each([
    ['service', (r: Record<string, string>) => r.ServiceName as string],
    ['account', (r: Record<string, string>) => r.SubAccountId as string],
    ['region', (r: Record<string, string>) => r.RegionId as string],
    ['app', (r: Record<string, string>) => (JSON.parse(r.Tags as string) as { app: string }).app],
  ])('by %s', async (groupBy, key) => {
    const json = JSON.parse(await report('--group-by', groupBy, '--from', '2026-11-01', '--to', '2026-12-01', '--basis', 'billed', '--format', 'json'));
    expect(json.currency).toBe('USD');
    expect(json.basis).toBe('billed');
    expect(Object.fromEntries(json.rows.map((r: Record<string, string>) => [r[groupBy], r.billedCost]))).toEqual(expected(key, 'BilledCost'));
  });

  it('by day and ISO week with a window: only days in [from, to)', async () => {
    const json = JSON.parse(await report('--group-by', 'env', '--period', 'week', '--from', '2026-11-02', '--to', '2026-11-09', '--format', 'json'));
    expect(new Set(json.rows.map((r: { period: string }) => r.period))).toEqual(new Set(['2026-W45']));
    const inWeek = (r: Record<string, string>): boolean => (r.ChargePeriodStart as string) >= '2026-11-02' && (r.ChargePeriodStart as string) < '2026-11-09';
    expect(json.totals.effectiveCost).toBe(expected((r) => (inWeek(r) ? 'in' : 'out')).in);
    const daily = JSON.parse(await report('--group-by', 'service', '--period', 'day', '--from', '2026-11-02', '--to', '2026-11-03', '--format', 'json'));
    expect(new Set(daily.rows.map((r: { period: string }) => r.period))).toEqual(new Set(['2026-11-02']));
  });

  it('table, markdown and csv renderings (golden)', async () => {
    const args = ['--group-by', 'env', '--from', '2026-11-01', '--to', '2026-12-01'];
    await expect(await report(...args)).toMatchFileSnapshot('__golden__/report-env-month.txt');
    await expect(await report(...args, '--format', 'markdown')).toMatchFileSnapshot('__golden__/report-env-month.md');
    await expect(await report(...args, '--format', 'csv')).toMatchFileSnapshot('__golden__/report-env-month.csv');
  });

  it('the heading says what window was asked for: none, open-ended, or bounded', async () => {
    const first = (text: string): string => text.split('\n')[0]!;
    expect(first(await report('--group-by', 'env'))).toContain('— all stored dates —');
    expect(first(await report('--group-by', 'env', '--from', '2026-11-02'))).toContain('— 2026-11-02 → the last stored day —');
    expect(first(await report('--group-by', 'env', '--to', '2026-11-09'))).toContain('— from the first stored day → 2026-11-09 (exclusive) —');
  });

  it('refuses unknown choices and reversed windows', async () => {
    const bad = await runCli(['spend', 'report', '--group-by', 'team', '--db', t.path]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown --group-by "team"; expected one of: env, app, service, account, region');
    expect((await runCli(['spend', 'report', '--from', '2026-11-05', '--to', '2026-11-01', '--db', t.path])).stderr).toContain('must be before --to');
    expect((await runCli(['spend', 'report', '--from', '2026-11', '--db', t.path])).stderr).toContain('--from expects a day YYYY-MM-DD');
  });
});

describe('buildSpendReports (untagged per period)', () => {
  const limbs = (units: number): bigint[] => [BigInt(units), 0n, 0n, 0n, BigInt(units), 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n];
  const row = (period: string, value: string, units: number, rows: number): RollupInput => ({ currency: 'USD', period, value, rows: BigInt(rows), limbs: limbs(units), missing: [0n, BigInt(rows), BigInt(rows)] });

  it('derives untagged per week from daily totals minus tagged spend, even when a day is fully tagged', () => {
    // Monday: 5 tagged of 5; Tuesday: 2 tagged of 4 (untagged 2 records, 30).
    const grouped = [row('2026-11-02', 'prod', 50, 5), row('2026-11-03', 'prod', 20, 2)];
    const totals = [row('2026-11-02', '', 50, 5), row('2026-11-03', '', 50, 4)];
    const [r] = buildSpendReports(grouped, totals, { groupBy: 'env', tagKey: 'env', period: 'week', basis: 'billed', from: null, to: null, source: 'test' });
    expect(r?.rows).toEqual([
      { env: 'prod', period: '2026-W45', billedCost: '70', effectiveCost: '70', listCost: '0', records: 7 },
      { env: '(untagged)', period: '2026-W45', billedCost: '30', effectiveCost: '30', listCost: '0', records: 2 },
    ]);
    expect(r?.notes).toEqual(['9 of 9 records have no ListCost (counted as 0)']);
  });
});

describe('an empty window', () => {
  it('renders an explicit empty report: no currency, zero totals', async () => {
    const json = JSON.parse(await report('--from', '2020-01-01', '--to', '2020-02-01', '--format', 'json'));
    expect(json).toMatchObject({ currency: null, rows: [], totals: { billedCost: '0', effectiveCost: '0', listCost: '0', records: 0 }, notes: ['no spend stored for this window'] });
    expect(await report('--from', '2020-01-01', '--to', '2020-02-01')).toBe('No spend stored for this window.\n');
  });
});
