/**
 * Acceptance on real third-party files, read in place from ../shared/corpora: koku CUR fixtures and
 * the FOCUS specification's commitment-discount examples. Every expected total is summed here,
 * independently, from the raw file with big.js.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSpendFiles } from '../../src/ingest/import-spend.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { columnSum, csvRecords, sameDecimal, tempStore, totalsByCurrency, type TempStore } from './support/spend-store.js';
import { readdirSync } from 'node:fs';

const KOKU = corpusPath('cur/koku_test_data');
const FOCUS = corpusPath('focus/spec_examples');
const now = new Date('2026-11-26T12:00:00Z');

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.dispose());

const importFiles = (files: string[], extra: { currency?: string } = {}) => importSpendFiles(t.store, files, { now, ...extra });

describe.skipIf(!haveCorpus(KOKU, 'koku CUR fixtures'))('koku CUR fixtures', () => {
  it('legacy CUR test_cur.csv: 19 rows, totals equal the raw file to the last decimal (19 places)', async () => {
    const file = `${KOKU}/test_cur.csv`;
    const raw = csvRecords(file);
    const r = await importFiles([file]);
    expect(r.rows).toBe(19);
    const totals = totalsByCurrency(t.store).USD;
    const unblended = columnSum(raw, 'lineItem/UnblendedCost');
    expect(unblended).toBe('0.0827499841274349353'); // python Decimal agrees
    expect(totals?.billedCost).toBe(unblended);
    expect(totals?.effectiveCost).toBe(unblended); // all rows are plain Usage
    expect(totals?.listCost).toBe(columnSum(raw, 'pricing/publicOnDemandCost'));
    expect(totals?.records).toBe(19);
    // The rows are one field short of the header: tolerated and said.
    expect(r.notes.some((n) => n.startsWith('fewer fields than the header') && n.includes('19 rows'))).toBe(true);
  });

  it('gzip variant reads the same and, being the same payer and period, replaces it (totals unchanged)', async () => {
    await importFiles([`${KOKU}/test_cur.csv`]);
    const before = totalsByCurrency(t.store);
    const r = await importFiles([`${KOKU}/test_cur.csv.gz`]);
    expect(r.rows).toBe(19);
    expect(totalsByCurrency(t.store)).toEqual(before);
    const lines = t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get() as { n: number };
    expect(lines.n).toBe(19);
  });

  it('2023-06-01.csv keeps NOK, the payer id 0099999999999 as a string, and amortizes SavingsPlanCoveredUsage', async () => {
    const file = `${KOKU}/2023-06-01.csv`;
    const raw = csvRecords(file);
    await importFiles([file]);
    const totals = totalsByCurrency(t.store);
    expect(Object.keys(totals)).toEqual(['NOK']);
    expect(totals.NOK?.billedCost).toBe(columnSum(raw, 'lineItem/UnblendedCost'));
    expect(totals.NOK?.billedCost).toBe('30');
    expect(totals.NOK?.effectiveCost).toBe(columnSum(raw, 'savingsPlan/SavingsPlanEffectiveCost'));
    expect(totals.NOK?.effectiveCost).toBe('0.3');
    const scope = t.store.sqlite.prepare("SELECT account, typeof(account) AS type FROM spend_scope WHERE source = 'file'").get();
    expect(scope).toEqual({ account: '0099999999999', type: 'text' });
    const line = t.store.sqlite
      .prepare('SELECT billing_account_id, sub_account_id, billing_currency, pricing_category, commitment_discount_status, region_id FROM spend_line LIMIT 1')
      .get();
    expect(line).toEqual({
      billing_account_id: '0099999999999',
      sub_account_id: '0099999999999',
      billing_currency: 'NOK',
      pricing_category: 'Committed',
      commitment_discount_status: 'Used',
      region_id: 'us-west-1',
    });
  });

  it('the not-final restatement of another payer is a separate scope; re-importing either changes nothing', async () => {
    await importFiles([`${KOKU}/2023-06-01.csv`, `${KOKU}/2023-06-01-not-final.csv`]);
    const before = totalsByCurrency(t.store);
    expect(before.NOK?.billedCost).toBe('60');
    await importFiles([`${KOKU}/2023-06-01-not-final.csv`]);
    await importFiles([`${KOKU}/2023-06-01.csv`]);
    expect(totalsByCurrency(t.store)).toEqual(before);
  });

  it('CUR 2.0-style snake_case columns (2022-07-01-alt-columns.csv) map the same way', async () => {
    const file = `${KOKU}/2022-07-01-alt-columns.csv`;
    const raw = csvRecords(file);
    const r = await importFiles([file]);
    expect(r.rows).toBe(2);
    expect(r.files[0]?.format).toBe('cur');
    expect(totalsByCurrency(t.store).USD).toMatchObject({ billedCost: columnSum(raw, 'line_item_unblended_cost'), records: 2 });
    const line = t.store.sqlite.prepare('SELECT service_name, region_id, tags, resource_type, charge_period_start FROM spend_line LIMIT 1').get();
    expect(line).toEqual({
      service_name: 'Red Hat® Enterprise Linux®',
      region_id: 'us-east-1',
      tags: JSON.stringify({ 'aws:created_by': 'IAMUser:fake:and' }),
      resource_type: 'instance',
      charge_period_start: '2022-07-01T00:00:00Z',
    });
  });

  it.each(['test_cur.csv', 'test_cur.csv.gz', '2023-06-01.csv', '2023-06-01-not-final.csv', '2022-07-01-alt-columns.csv', 'empty_frame.csv'])(
    're-importing %s leaves totals and line count unchanged',
    async (name) => {
      await importFiles([`${KOKU}/${name}`]);
      const totals = totalsByCurrency(t.store);
      const lines = t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get();
      await importFiles([`${KOKU}/${name}`]);
      expect(totalsByCurrency(t.store)).toEqual(totals);
      expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM spend_line').get()).toEqual(lines);
    },
  );

  it('the empty file imports zero rows without error', async () => {
    const r = await importFiles([`${KOKU}/empty_frame.csv`]);
    expect(r.rows).toBe(0);
    expect(r.scopes).toEqual([]);
    expect(totalsByCurrency(t.store)).toEqual({});
  });
});

const HAVE_FOCUS = haveCorpus(FOCUS, 'FOCUS spec examples');

describe.skipIf(!HAVE_FOCUS)('FOCUS specification examples', () => {
  const files = HAVE_FOCUS ? readdirSync(FOCUS).filter((f) => f.endsWith('.csv')).sort() : [];

  it('finds the 11 examples (it.each over an empty list would test nothing)', () => {
    expect(files).toHaveLength(11);
    expect(files).toContain('commitment_discount_usage_scenario_4.csv');
  });

  it.each(files)('%s imports with totals equal to the raw file', async (name) => {
    const file = `${FOCUS}/${name}`;
    const raw = csvRecords(file);
    const r = await importFiles([file]);
    expect(r.rows).toBe(raw.length);
    const totals = totalsByCurrency(t.store).USD;
    expect(totals?.billedCost).toBe(columnSum(raw, 'BilledCost'));
    expect(totals?.effectiveCost).toBe(columnSum(raw, 'EffectiveCost'));
    expect(totals?.listCost).toBe(raw[0] && 'ListCost' in raw[0] ? columnSum(raw, 'ListCost') : '0');
    // Re-importing the same file leaves the totals unchanged.
    await importFiles([file]);
    expect(totalsByCurrency(t.store).USD).toEqual(totals);
  });

  it('states the outcomes the specification gives', async () => {
    const totalsOf = async (name: string) => {
      const s = tempStore();
      try {
        await importSpendFiles(s.store, [`${FOCUS}/${name}`], { now });
        return totalsByCurrency(s.store).USD;
      } finally {
        s.dispose();
      }
    };
    expect((await totalsOf('commitment_discount_purchase_scenario_1.csv'))?.billedCost).toBe('8760');
    expect((await totalsOf('commitment_discount_usage_scenario_1.csv'))?.effectiveCost).toBe('1');
    expect(await totalsOf('commitment_discount_usage_scenario_3.csv')).toMatchObject({ billedCost: '0', effectiveCost: '1' });
    expect(await totalsOf('commitment_discount_usage_scenario_4.csv')).toMatchObject({ billedCost: '0.5', effectiveCost: '1.5' });
  });

  it('all examples in one import: no account id, so one scope (provider and billing period), files summed together', async () => {
    const paths = files.map((f) => `${FOCUS}/${f}`);
    const raws = paths.flatMap((p) => csvRecords(p));
    const r = await importFiles(paths, { currency: 'EUR' });
    expect(r.scopes.map((s) => [s.identity.account, s.identity.period, s.rows])).toEqual([['(no billing account id)', '2023-01-01', raws.length]]);
    expect(r.notes.some((n) => n.startsWith('no BillingAccountId column: re-import scope is the provider and billing period') && n.includes('11 files'))).toBe(true);
    const totals = totalsByCurrency(t.store);
    expect(Object.keys(totals)).toEqual(['EUR']);
    expect(sameDecimal(totals.EUR?.billedCost ?? '', columnSum(raws, 'BilledCost'))).toBe(true);
    expect(r.notes.some((n) => n.includes('ChargePeriodEnd: hour past 23 rolled over'))).toBe(true);
  });
});
