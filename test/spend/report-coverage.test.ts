/**
 * `nuage spend report` states the days its data actually covers (first ChargePeriodStart day, last
 * day of a charge = ChargePeriodEnd − 1 s, capped at the window), besides the requested window.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSpendFiles } from '../../src/ingest/import-spend.js';
import { querySpendReports } from '../../src/store/spend-queries.js';
import { runCli } from '../support/cli.js';
import { tempStore, type TempStore } from './support/spend-store.js';

const now = new Date('2026-11-26T12:00:00Z');
const HEADER = 'BillingAccountId,BillingCurrency,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,Tags';

/** Hourly usage from Nov 3 08:00 to Nov 20 23:00 (last hour ends at Nov 21 00:00), one row per day. */
function hourly(): string[] {
  const rows: string[] = [];
  for (let d = 3; d <= 20; d++) {
    const day = `2026-11-${String(d).padStart(2, '0')}`;
    const next = `2026-11-${String(d + 1).padStart(2, '0')}`;
    const [start, end] = d === 20 ? [`${day}T23:00:00Z`, `${next}T00:00:00Z`] : [`${day}T08:00:00Z`, `${day}T09:00:00Z`];
    rows.push(`111122223333,USD,2026-11-01T00:00:00Z,${start},${end},Usage,1.5,1.5,"{""env"":""prod""}"`);
  }
  return rows;
}

/** A monthly fee charged on Nov 2 for Nov 2 → Dec 1 (exclusive): covers up to Nov 30. */
const FEE = '111122223333,USD,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,2026-12-01T00:00:00Z,Purchase,30,30,"{""env"":""prod""}"';

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const write = (name: string, rows: string[]): string => {
  const path = join(t.dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
  return path;
};
const coverageOf = (from?: string, to?: string) =>
  querySpendReports(t.store, { groupBy: 'env', period: 'month', basis: 'effective', source: 'file', ...(from ? { from } : {}), ...(to ? { to } : {}) }).map((r) => r.coverage);

describe('data coverage of a report', () => {
  it('hourly usage: first charge day and the day of the last charge (an end at midnight belongs to the day before)', async () => {
    await importSpendFiles(t.store, [write('usage.csv', hourly())], { now });
    expect(coverageOf('2026-11-01', '2026-12-01')).toEqual([{ firstDay: '2026-11-03', lastDay: '2026-11-20' }]);
    expect(coverageOf('2026-11-05', '2026-11-10')).toEqual([{ firstDay: '2026-11-05', lastDay: '2026-11-09' }]);
    expect(coverageOf('2026-12-01', '2027-01-01')).toEqual([null]);
  });

  it('a multi-day charge extends the last day (ChargePeriodEnd − 1 s), capped at the window; same with parse workers', async () => {
    const file = write('fee.csv', [...hourly(), FEE]);
    await importSpendFiles(t.store, [file], { now });
    expect(coverageOf()).toEqual([{ firstDay: '2026-11-02', lastDay: '2026-11-30' }]);
    expect(coverageOf('2026-11-01', '2026-11-15')).toEqual([{ firstDay: '2026-11-02', lastDay: '2026-11-14' }]);
    const other = tempStore();
    try {
      await importSpendFiles(other.store, [file], { now, workers: 2, chunkBytes: 256 });
      const viaWorkers = querySpendReports(other.store, { groupBy: 'service', period: 'day', basis: 'billed', source: 'file' }).map((r) => r.coverage);
      expect(viaWorkers).toEqual([{ firstDay: '2026-11-02', lastDay: '2026-11-30' }]);
    } finally {
      other.dispose();
    }
  });

  it('every format states the requested window and the days covered', async () => {
    await importSpendFiles(t.store, [write('usage.csv', hourly())], { now });
    const run = async (format: string) => {
      const r = await runCli(['spend', 'report', '--from', '2026-11-01', '--to', '2026-12-01', '--format', format, '--db', t.path]);
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const json = JSON.parse(await run('json'));
    expect(json).toMatchObject({ from: '2026-11-01', to: '2026-12-01', coverage: { firstDay: '2026-11-03', lastDay: '2026-11-20' } });
    expect(await run('table')).toContain('2026-11-01 → 2026-12-01 (exclusive) — source: line items (CUR/FOCUS imports)\nData covers 2026-11-03 to 2026-11-20 (first and last day with charges, inclusive)\n');
    expect(await run('markdown')).toContain('\n\nData covers 2026-11-03 to 2026-11-20 (first and last day with charges, inclusive)\n\n| Environment');
    const csv = (await run('csv')).trim().split('\n');
    expect(csv[0]).toBe('env,period,currency,basis,billed_cost,effective_cost,list_cost,records,window_from,window_to_exclusive,data_first_day,data_last_day');
    expect(csv[1]).toBe('prod,2026-11,USD,effective,27,27,0,18,2026-11-01,2026-12-01,2026-11-03,2026-11-20');
  });
});
