/**
 * Import behaviour on fixtures written here in the real formats: a 1,000-row FOCUS CSV (plain, gzip,
 * corrupt at row 500), the same rows as FOCUS Parquet with DECIMAL(38,19) amounts and MAP tags,
 * and a CUR 2.0 Parquet with every amortization case. Parquet files are written by DuckDB
 * (dev dependency) in the test setup.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importSpendFiles } from '../../src/ingest/import-spend.js';
import { runCli } from '../support/cli.js';
import { focusCsv, writeFocusFixtures } from './support/focus-generator.js';
import { columnSum, csvRecords, tempStore, totalsByCurrency, type TempStore } from './support/spend-store.js';

const now = new Date('2026-11-26T12:00:00Z');
let files: TempStore; // holds the fixture files (its store is unused)
let good: string;
let october: string;
let corrupt: string;

beforeAll(() => {
  files = tempStore('nuage-spend-fixtures-');
  ({ good, october, corrupt } = writeFocusFixtures(files.dir));
  writeFileSync(join(files.dir, 'focus-2026-11.csv.gz'), gzipSync(focusCsv(1000)));
});
afterAll(() => files.dispose());

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const sha256Of = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const lineCount = (): number => (t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get() as { n: number }).n;

describe('FOCUS CSV fixture (1,000 rows)', () => {
  it('imports with exact totals; re-importing leaves totals and line count unchanged', async () => {
    const raw = csvRecords(good);
    const r = await importSpendFiles(t.store, [good], { now });
    expect(r.rows).toBe(1000);
    const totals = totalsByCurrency(t.store).USD;
    expect(totals).toEqual({
      billedCost: columnSum(raw, 'BilledCost'),
      effectiveCost: columnSum(raw, 'EffectiveCost'),
      listCost: columnSum(raw, 'ListCost'),
      records: 1000,
    });
    await importSpendFiles(t.store, [good], { now });
    expect(totalsByCurrency(t.store).USD).toEqual(totals);
    expect(lineCount()).toBe(1000);
  });

  it('gzip: same totals, and it replaces the plain import (same account and period)', async () => {
    await importSpendFiles(t.store, [good], { now });
    const before = totalsByCurrency(t.store);
    await importSpendFiles(t.store, [join(files.dir, 'focus-2026-11.csv.gz')], { now });
    expect(totalsByCurrency(t.store)).toEqual(before);
    expect(lineCount()).toBe(1000);
  });

  it('parallel parse workers give the same lines, rows and totals as the inline path', async () => {
    await importSpendFiles(t.store, [good], { now, workers: 0 });
    const inline = t.store.sqlite.prepare('SELECT source_row, billed_cost, tags FROM spend_line ORDER BY source_row').all();
    const totals = totalsByCurrency(t.store);
    const other = tempStore();
    try {
      await importSpendFiles(other.store, [good], { now, workers: 2, chunkBytes: 16_384 });
      expect(other.store.sqlite.prepare('SELECT source_row, billed_cost, tags FROM spend_line ORDER BY source_row').all()).toEqual(inline);
      expect(totalsByCurrency(other.store)).toEqual(totals);
    } finally {
      other.dispose();
    }
  });

  it.each([
    ['inline', { workers: 0 }],
    ['workers', { workers: 2, chunkBytes: 16_384 }],
  ])('a file corrupt at row 500 of 1,000 (%s) names file, row and field and leaves the store as before', async (_name, opts) => {
    await importSpendFiles(t.store, [october], { now });
    const before = totalsByCurrency(t.store);
    const scopes = t.store.sqlite.prepare('SELECT scope_key, row_count FROM spend_scope').all();
    expect(readFileSync(corrupt, 'utf8').split('\n')[499]).toContain(',12.3.4,'); // line 500 of the file
    const err = await importSpendFiles(t.store, [good, corrupt], { now, ...opts }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({ file: corrupt, row: 500, field: 'BilledCost' });
    expect((err as Error).message).toBe(`${corrupt}, row 500, field "BilledCost": expected a decimal number, got "12.3.4"`);
    expect(totalsByCurrency(t.store)).toEqual(before);
    expect(lineCount()).toBe(300);
    expect(t.store.sqlite.prepare('SELECT scope_key, row_count FROM spend_scope').all()).toEqual(scopes);
    expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_file').get()).toEqual({ n: 1 });
  });

  it('record boundaries: quoted newlines, escaped quotes and CRLF survive tiny chunks, inline and in workers', async () => {
    const file = join(t.dir, 'quoted.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `"${i}.25",2026-11-0${1 + (i % 9)}T00:00:00Z,"line ${i}\r\nsays ""hi"", twice\nok","{""env"":""e${i % 3}""}"`);
    writeFileSync(file, `BilledCost,ChargePeriodStart,x_Note,Tags\r\n${rows.join('\r\n')}\r\n`);
    const expectedTotal = Array.from({ length: 40 }, (_, i) => i + 0.25).reduce((a, b) => a + b, 0).toString();
    for (const opts of [{ workers: 0, chunkBytes: 50 }, { workers: 2, chunkBytes: 50 }]) {
      const s = tempStore();
      try {
        const r = await importSpendFiles(s.store, [file], { now, ...opts });
        expect(r.rows).toBe(40);
        expect(totalsByCurrency(s.store).USD?.billedCost).toBe(expectedTotal);
        // The 40th record is row 41 (header = row 1), however many text lines the records before it span.
        expect(s.store.sqlite.prepare('SELECT source_row, tags FROM spend_line WHERE source_row = 41').get()).toEqual({ source_row: 41, tags: '{"env":"e0"}' });
      } finally {
        s.dispose();
      }
    }
  });

  it('the CLI exits 1 with that message on stderr', async () => {
    const r = await runCli(['spend', 'import', corrupt, '--db', t.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`nuage: ${corrupt}, row 500, field "BilledCost": expected a decimal number, got "12.3.4"`);
  });

  it('a header that is neither FOCUS nor CUR is refused, naming the header', async () => {
    const bad = join(t.dir, 'inventory.csv');
    writeFileSync(bad, 'app,vms,ghz\napi,8,16\n');
    await expect(importSpendFiles(t.store, [bad], { now })).rejects.toThrow(`${bad}, field "header": neither FOCUS`);
  });

  it('an unterminated quote is malformed CSV, named with its row, inline and in workers', async () => {
    const bad = join(t.dir, 'open-quote.csv');
    writeFileSync(bad, focusCsv(20, {}, (i, line) => (i === 6 ? line.replace(/"\n$/, '\n') : line)));
    for (const opts of [{ workers: 0, chunkBytes: 300 }, { workers: 2, chunkBytes: 300 }]) {
      // The 7th data row (i = 6) is row 8; its open quote swallows the rest.
      await expect(importSpendFiles(t.store, [bad], { now, ...opts })).rejects.toThrow(`${bad}, row 8: malformed CSV: `);
      expect(lineCount()).toBe(0);
    }
  });

  it('bulk journal: WAL again after an import, failed or not; another open connection keeps WAL and reads the result', async () => {
    const mode = (): unknown => t.store.sqlite.pragma('journal_mode', { simple: true });
    await importSpendFiles(t.store, [good], { now });
    expect(mode()).toBe('wal');
    await expect(importSpendFiles(t.store, [corrupt], { now })).rejects.toThrow('row 500');
    expect(mode()).toBe('wal');
    expect(lineCount()).toBe(1000);
    const reader = new Database(t.path, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM spend_line').get()).toEqual({ n: 1000 });
      await importSpendFiles(t.store, [october], { now });
      expect(mode()).toBe('wal');
      expect(reader.prepare('SELECT count(*) AS n FROM spend_line').get()).toEqual({ n: 1300 });
    } finally {
      reader.close();
    }
  });

  it('a row longer than the header is refused with its row number', async () => {
    const bad = join(t.dir, 'long.csv');
    writeFileSync(bad, focusCsv(3).replace(/\n$/, ',extra\n'));
    // The last of 3 data rows is row 4.
    await expect(importSpendFiles(t.store, [bad], { now })).rejects.toThrow(`${bad}, row 4: expected 31 fields as in the header, found 32`);
  });
});

describe('Parquet fixtures (written by DuckDB)', () => {
  let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    duck = await (await DuckDBInstance.create(':memory:')).connect();
  });

  it('FOCUS Parquet (DECIMAL(38,19) costs, TIMESTAMP periods, MAP tags, several row groups) matches the CSV exactly', async () => {
    const pq = join(t.dir, 'focus-2026-11.parquet');
    await duck.run(`COPY (
        SELECT * REPLACE (
          CAST(BilledCost AS DECIMAL(38,19)) AS BilledCost,
          CAST(EffectiveCost AS DECIMAL(38,19)) AS EffectiveCost,
          CAST(ListCost AS DECIMAL(38,19)) AS ListCost,
          CAST(ContractedCost AS DECIMAL(38,19)) AS ContractedCost,
          CAST(ChargePeriodStart AS TIMESTAMP) AS ChargePeriodStart,
          CAST(BillingPeriodStart AS TIMESTAMP) AS BillingPeriodStart,
          json_transform(Tags, '"MAP(VARCHAR, VARCHAR)"') AS Tags)
        FROM read_csv('${good}', header = true, all_varchar = true)
      ) TO '${pq}' (FORMAT parquet, ROW_GROUP_SIZE 256)`);
    const raw = csvRecords(good);
    const r = await importSpendFiles(t.store, [pq], { now });
    expect(r.files).toEqual([{ path: pq, format: 'focus', rows: 1000, sha256: sha256Of(readFileSync(pq)) }]);
    expect(totalsByCurrency(t.store).USD).toEqual({
      billedCost: columnSum(raw, 'BilledCost'),
      effectiveCost: columnSum(raw, 'EffectiveCost'),
      listCost: columnSum(raw, 'ListCost'),
      records: 1000,
    });
    const line = t.store.sqlite.prepare('SELECT billed_cost, charge_period_start, tags FROM spend_line WHERE source_row = 8').get();
    expect(raw[7]?.BilledCost).toBe('0.0554330000000733103'); // 19 places, kept to the digit through DECIMAL(38,19)
    expect(line).toEqual({ billed_cost: '0.0554330000000733103', charge_period_start: '2026-11-08T07:00:00Z', tags: raw[7]?.Tags });
  });

  it('CUR 2.0 Parquet: every amortization case, MAP product and resource_tags, doubles kept as written', async () => {
    const pq = join(t.dir, 'cur2.parquet');
    const dbl = (c: string): string => `CAST(${c} AS DOUBLE) AS ${c}`;
    await duck.run(`COPY (
      SELECT * REPLACE (${['line_item_unblended_cost', 'savings_plan_savings_plan_effective_cost', 'savings_plan_total_commitment_to_date', 'savings_plan_used_commitment', 'reservation_effective_cost', 'reservation_unused_amortized_upfront_fee_for_billing_period', 'reservation_unused_recurring_fee', 'pricing_public_on_demand_cost'].map(dbl).join(', ')})
      FROM (VALUES
        ('Usage',                   1.25,  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1.25, NULL),
        ('SavingsPlanCoveredUsage', 0.40,  0.28, NULL, NULL, NULL, NULL, NULL, 'arn:aws:savingsplans::1:savingsplan/a', 0.40, NULL),
        ('SavingsPlanNegation',    -0.40,  NULL, NULL, NULL, NULL, NULL, NULL, 'arn:aws:savingsplans::1:savingsplan/a', NULL, NULL),
        ('SavingsPlanRecurringFee', 0.30,  NULL, 0.30, 0.28, NULL, NULL, NULL, 'arn:aws:savingsplans::1:savingsplan/a', NULL, NULL),
        ('DiscountedUsage',         0.0,   NULL, NULL, NULL, 0.061, NULL, NULL, NULL, 0.096, 'arn:aws:ec2:eu-west-1:1:reserved-instances/r'),
        ('RIFee',                   0.05,  NULL, NULL, NULL, NULL, 0.01, 0.002, NULL, NULL, 'arn:aws:ec2:eu-west-1:1:reserved-instances/r'),
        ('Tax',                     0.1,   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
      ) v(line_item_line_item_type, line_item_unblended_cost, savings_plan_savings_plan_effective_cost,
          savings_plan_total_commitment_to_date, savings_plan_used_commitment, reservation_effective_cost,
          reservation_unused_amortized_upfront_fee_for_billing_period, reservation_unused_recurring_fee,
          savings_plan_savings_plan_a_r_n, pricing_public_on_demand_cost, reservation_reservation_a_r_n)
      CROSS JOIN (SELECT
          '0012345678901' AS bill_payer_account_id, '0012345678901' AS line_item_usage_account_id, 'EUR' AS line_item_currency_code,
          TIMESTAMP '2026-10-01 00:00:00' AS bill_billing_period_start_date, TIMESTAMP '2026-11-01 00:00:00' AS bill_billing_period_end_date,
          TIMESTAMP '2026-10-05 10:00:00' AS line_item_usage_start_date, 'AmazonEC2' AS line_item_product_code,
          MAP {'region': 'eu-west-1', 'product_name': 'Amazon Elastic Compute Cloud'} AS product,
          MAP {'user_env': 'prod', 'user_app': 'billing'} AS resource_tags)
    ) TO '${pq}' (FORMAT parquet)`);
    const r = await importSpendFiles(t.store, [pq], { now });
    expect(r.files).toEqual([{ path: pq, format: 'cur', rows: 7, sha256: sha256Of(readFileSync(pq)) }]);
    const lines = t.store.sqlite
      .prepare('SELECT billed_cost, effective_cost, charge_category, service_name, region_id, tags FROM spend_line ORDER BY source_row')
      .all() as { billed_cost: string; effective_cost: string; charge_category: string }[];
    expect(lines.map((l) => [l.billed_cost, l.effective_cost, l.charge_category])).toEqual([
      ['1.25', '1.25', 'Usage'],
      ['0.4', '0.28', 'Usage'], // SP covered: SP effective cost
      ['-0.4', '0', 'Usage'], // negation: billed offsets the covered usage, nothing amortized
      ['0.3', '0.02', 'Purchase'], // SP fee: unused commitment 0.30 − 0.28
      ['0', '0.061', 'Usage'], // RI covered: RI effective cost
      ['0.05', '0.012', 'Purchase'], // RI fee: unused upfront + unused recurring
      ['0.1', '0.1', 'Tax'],
    ]);
    expect(lines[0]).toMatchObject({ service_name: 'Amazon Elastic Compute Cloud', region_id: 'eu-west-1', tags: '{"env":"prod","app":"billing"}' });
    expect(totalsByCurrency(t.store).EUR).toEqual({ billedCost: '1.7', effectiveCost: '1.723', listCost: '1.746', records: 7 });
  });

  it('a Parquet row without a cost names its row and field', async () => {
    const pq = join(t.dir, 'cur2-bad.parquet');
    await duck.run(`COPY (SELECT * FROM (VALUES (1, 0.5), (2, NULL), (3, 0.25)) v(n, line_item_unblended_cost)
      CROSS JOIN (SELECT TIMESTAMP '2026-10-05 10:00:00' AS line_item_usage_start_date)) TO '${pq}' (FORMAT parquet)`);
    await expect(importSpendFiles(t.store, [pq], { now })).rejects.toThrow(`${pq}, row 2 of the data, field "line_item_unblended_cost": a value is required`);
    expect(lineCount()).toBe(0);
  });
});

describe('autoWorkers', () => {
  it('uses parse threads only for big files on machines with a core to spare', async () => {
    const { autoWorkers } = await import('../../src/ingest/import-spend.js');
    expect(autoWorkers(100 << 20, 2)).toBe(0);
    expect(autoWorkers(1 << 20, 8)).toBe(0);
    expect(autoWorkers(100 << 20, 4)).toBe(3);
    expect(autoWorkers(100 << 20, 16)).toBe(4);
  });
});
