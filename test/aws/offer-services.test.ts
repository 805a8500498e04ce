/**
 * Bulk offer files of the other services (AmazonRDS JSON and CSV, AmazonDynamoDB CSV: own fixtures holding
 * the products of the GetProducts fixtures, synthetic prices) through the same product → key mapping as the Pricing API refresh,
 * and their import: scoped to the file's service, idempotent, all or nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOfferFile } from '../../src/aws/offer-file.js';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { openStore } from '../../src/store/db.js';
import { loadStoredCatalog } from '../../src/store/stored-catalog.js';
import { runCli } from '../support/cli.js';
import { storeDigest } from './store-digest.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const RDS_JSON = join(FIXTURES, 'AmazonRDS-eu-west-1-mini.json');
const RDS_CSV = join(FIXTURES, 'AmazonRDS-eu-west-1-mini.csv');
const DDB_CSV = join(FIXTURES, 'AmazonDynamoDB-eu-west-1-mini.csv');
const NOW = new Date('2025-07-20T09:00:00Z');

describe('service offer files', () => {
  it('reads an AmazonRDS JSON offer file into the keys the plan pricer reads', async () => {
    const r = await readOfferFile(RDS_JSON);
    expect(r).toMatchObject({ format: 'json', offerCode: 'AmazonRDS', asOf: '2025-06-01', regions: ['eu-west-1'], products: 28, ec2Prices: [] });
    expect(r.servicePrices).toHaveLength(20);
    expect(r.servicePrices.find((p) => p.key === 'rds:db.m5.large:postgres:multi-az')).toEqual({
      key: 'rds:db.m5.large:postgres:multi-az', region: 'eu-west-1', unit: 'hour', usd: '0.38',
      description: '$0.38 per RDS db.m5.large Multi-AZ instance hour (or partial hour) running PostgreSQL',
      basis: { kind: 'exact', source: 'aws-offer-file', asOf: '2025-06-01' },
    });
    // Engine "Any" over MySQL, after it (storage) or before it (IOPS).
    expect(['rds:storage:gp2:single-az', 'rds:iops:io1:single-az'].map((k) => r.servicePrices.find((p) => p.key === k)?.usd)).toEqual(['0.115', '0.095']);
    expect(r.skipped).toEqual({
      'product family Database Instance': 2,
      'product family Database Storage': 2,
      'product family Provisioned IOPS': 2,
      'duplicate rds:storage:gp2:single-az price in eu-west-1 (preferred product kept)': 1,
      'duplicate rds:iops:io1:single-az price in eu-west-1 (preferred product kept)': 1,
    });
  });

  it('reads the CSV form of the same offer into the same values', async () => {
    const [j, c] = await Promise.all([readOfferFile(RDS_JSON), readOfferFile(RDS_CSV)]);
    expect(c).toMatchObject({ format: 'csv', offerCode: 'AmazonRDS', asOf: j.asOf, products: j.products });
    expect(c.servicePrices).toEqual(j.servicePrices);
    expect(c.skipped).toEqual(j.skipped);
  });

  it('keeps the paid tier of DynamoDB capacity and storage, and request units per million', async () => {
    const r = await readOfferFile(DDB_CSV);
    expect(r.servicePrices.map((p) => [p.key, p.unit, p.usd])).toEqual([
      ['dynamodb:rcu:hour', 'RCU-hour', '0.000147'],
      ['dynamodb:wcu:hour', 'WCU-hour', '0.000735'],
      ['dynamodb:rru', 'million-requests', '0.283'],
      ['dynamodb:wru', 'million-requests', '1.4135'],
      ['dynamodb:storage', 'GB-month', '0.283'],
    ]);
    expect(r.skipped).toEqual({ 'product family Provisioned IOPS': 1 });
  });

  it('fails on a CSV missing a column every offer file has, naming the offer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-offer-'));
    const file = join(dir, 'nounit.csv');
    writeFileSync(file, readFileSync(DDB_CSV, 'utf8').replace('"Unit"', '"Unit of measure"'));
    await expect(readOfferFile(file, { displayName: 'nounit.csv' })).rejects.toThrow('nounit.csv, row 6, field "Unit": missing column in the header row (is this an AmazonDynamoDB offer file?)');
  });
});

describe('nuage catalog import of service offer files', () => {
  it('replaces only the keys of the file\'s service: RDS then DynamoDB then RDS again, nothing doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-offer-'));
    const db = join(dir, 'nuage.db');
    const rds = await runCli(['catalog', 'import', RDS_JSON, '--db', db], { now: NOW });
    expect(rds.code).toBe(0);
    expect(rds.stdout).toContain('(AmazonRDS JSON offer file, version 20250601000000)');
    expect((await runCli(['catalog', 'import', DDB_CSV, '--db', db, '--format', 'json'], { now: NOW })).code).toBe(0);
    const both = storeDigest(db).rows;
    expect(both).toMatchObject({ catalog_service_prices: 25, catalog_refresh_log: 2 });
    const again = await runCli(['catalog', 'import', RDS_CSV, '--db', db], { now: new Date('2025-07-21T09:00:00Z') });
    expect(again.code).toBe(0);
    expect(storeDigest(db).rows).toEqual({ ...both, catalog_refresh_log: 3 });
    const store = openStore(db);
    try {
      const cat = new InMemoryCatalog(loadStoredCatalog(store));
      expect(cat.servicePrice('eu-west-1', 'dynamodb:storage')).toMatchObject({ usd: '0.283', basis: { source: 'aws-offer-file', asOf: '2024-06-01' } });
      expect(cat.servicePrice('eu-west-1', 'rds:storage:gp3:multi-az')).toMatchObject({ usd: '0.22', basis: { source: 'aws-offer-file', asOf: '2025-06-01' } });
    } finally {
      store.close();
    }
  });

  it('a malformed service offer file fails naming the file and field, and leaves the store unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-offer-'));
    const db = join(dir, 'nuage.db');
    await runCli(['catalog', 'import', DDB_CSV, '--db', db], { now: NOW });
    const before = storeDigest(db);
    const doc = JSON.parse(readFileSync(RDS_JSON, 'utf8')) as { terms: { OnDemand: Record<string, Record<string, { priceDimensions: Record<string, Record<string, unknown>> }>> } };
    const [sku, terms] = Object.entries(doc.terms.OnDemand)[5]!;
    const [code, term] = Object.entries(terms)[0]!;
    const [rate, dim] = Object.entries(term.priceDimensions)[0]!;
    delete dim.unit;
    const file = join(dir, 'rds.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(['catalog', 'import', 'rds.json', '--db', db], { now: NOW, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`nuage: rds.json, field "terms.OnDemand.${sku}.${code}.priceDimensions.${rate}.unit": missing\n`);
    expect(storeDigest(db)).toEqual(before);
  });
});
