import { DescribeInstanceTypesResult$, DescribeSpotPriceHistoryResult$ } from '@aws-sdk/client-ec2';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { openStore } from '../../src/store/db.js';
import { loadStoredCatalog } from '../../src/store/stored-catalog.js';
import { jsonError, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';
import { haveCorpus } from '../support/corpora.js';
import { pricingApi, type PriceListElement } from '../support/pricing-api.js';
import { ec2XmlResponse } from '../support/ec2-xml.js';
import { getProductsPages, instanceTypesPages, spotHistoryPages } from './api-fixtures.js';
import { m5LargeProduct, recorded, SELECTOR } from './recorded.js';
import { storeDigest } from './store-digest.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const NOW = new Date('2021-02-09T12:00:00Z');
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret' };

function stored(db: string) {
  const store = openStore(db);
  try {
    return new InMemoryCatalog(loadStoredCatalog(store));
  } finally {
    store.close();
  }
}

describe.skipIf(!haveCorpus(SELECTOR, 'catalog refresh CLI'))('nuage catalog refresh (loopback AWS, recorded responses)', () => {
  let loopback: AwsLoopback;
  let dir: string;
  let db: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    loopback = await startAwsLoopback();
  });
  afterAll(() => loopback.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nuage-refresh-'));
    db = join(dir, 'nuage.db');
    env = { ...KEYS, NUAGE_AWS_ENDPOINT: loopback.url };
    loopback.requests.length = 0;
    // Filters applied as AWS does: the us-east-1 m5.large product answers the EC2 query, service queries find nothing.
    loopback.on('GetProducts', pricingApi([m5LargeProduct() as PriceListElement]).handler);
    loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, recorded('DescribeInstanceTypes', 't3_micro_and_p3_16xl.json')) }));
    loopback.on('DescribeSpotPriceHistory', () => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, recorded('DescribeSpotPriceHistory', 'm5_large.json')) }));
  });

  it('stores on-demand 0.096, 12 reserved rates and the 30-day spot averages of m5.large', async () => {
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: NOW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout.replaceAll(db, '<db>').replaceAll(loopback.url, '<endpoint>')).toMatchFileSnapshot('__golden__/refresh-us-east-1.txt');
    const cat = stored(db);
    const m5 = cat.ec2Prices('us-east-1', 'm5.large')!;
    expect(m5.onDemand).toEqual({ usdPerHour: '0.096', basis: { kind: 'exact', source: 'aws-pricing-api', asOf: '2021-02-05' } });
    expect(m5.reserved).toHaveLength(12);
    expect(m5.spot?.byZone?.['us-east-1a']).toBe('0.041486231229302666');
    expect(Number(m5.spot?.byZone?.['us-east-1a'])).toBe(0.041486231229302666);
    expect(m5.spot?.priceBasis).toMatchObject({ source: 'aws-ec2-api', asOf: '2021-02-09', method: expect.stringContaining('30-day time-weighted average') });
    expect(cat.instanceType('t3.micro')).toMatchObject({ vcpu: 2, memoryGiB: 1, sustainedClockGhz: 2.5 });
    const ops = loopback.requests.map((q) => q.operation);
    // EC2 prices, facts, spot, then the 19 queries of the service groups (none matches the us-east-1 m5.large product).
    expect(ops).toEqual(['GetProducts', 'DescribeInstanceTypes', 'DescribeSpotPriceHistory', ...Array<string>(19).fill('GetProducts')]);
  });

  it('prints JSON with --format json; --no-spot skips the spot history', async () => {
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--no-spot', '--services', 'none', '--format', 'json', '--db', db], { env, now: NOW });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      region: 'us-east-1', db, pricesAsOf: '2021-02-05', refreshedAt: '2021-02-09T12:00:00.000Z', instanceTypes: 2, onDemand: 1, reserved: 12, spot: 0, servicePrices: 0, getProductsPages: 1, skipped: {}, services: [],
    });
    // EC2 prices and facts only: no spot history, no service group query.
    expect(loopback.requests.map((q) => q.operation)).toEqual(['GetProducts', 'DescribeInstanceTypes']);
  });

  it('--types limits every call to the listed types', async () => {
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--types', 'm5.large,t3.micro', '--db', db], { env, now: NOW });
    expect(r.code).toBe(0);
    const [products, types, spot] = loopback.requests;
    expect((products!.json as { Filters: unknown[] }).Filters).toContainEqual({ Type: 'ANY_OF', Field: 'instanceType', Value: 'm5.large,t3.micro' });
    expect([types!.params.get('InstanceType.1'), types!.params.get('InstanceType.2')]).toEqual(['m5.large', 't3.micro']);
    expect(spot!.params.get('InstanceType.1')).toBe('m5.large');
    expect(r.stdout).toContain('limited to: m5.large, t3.micro');
  });

  it('refreshing twice replaces the region\'s rows (no duplicates)', async () => {
    await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: NOW });
    const once = storeDigest(db).rows;
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: new Date('2021-02-10T00:00:00Z') });
    expect(r.code).toBe(0);
    expect(storeDigest(db).rows).toEqual({ ...once, catalog_refresh_log: 2 });
    expect(once).toMatchObject({ catalog_on_demand_prices: 1, catalog_reserved_prices: 12, catalog_spot_prices: 1, catalog_instance_types: 2, catalog_sources: 2 });
  });

  it('a malformed page fails naming page and field, and leaves the store unchanged', async () => {
    await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv'), '--db', db], { env, now: NOW });
    await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: NOW });
    const before = storeDigest(db);
    loopback.on('GetProducts', (req) =>
      (req.json as { NextToken?: string }).NextToken
        ? { body: { PriceList: [JSON.stringify(m5LargeProduct()).replace('"publicationDate":', '"publishedOn":')] } }
        : { body: { PriceList: [JSON.stringify(m5LargeProduct())], NextToken: 'page-2' } },
    );
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: new Date('2021-02-10T00:00:00Z') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nuage: GetProducts page 2, row 1, field "PriceList[0].publicationDate": missing\n');
    expect(storeDigest(db)).toEqual(before);
  });

  it('a malformed EC2 page (spot) also leaves the store unchanged', async () => {
    await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: NOW });
    const before = storeDigest(db);
    const history = recorded<{ SpotPriceHistory: Record<string, string>[] }>('DescribeSpotPriceHistory', 'm5_large.json');
    delete history.SpotPriceHistory[7]!.AvailabilityZone;
    loopback.on('DescribeSpotPriceHistory', () => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, history) }));
    const r = await runCli(['catalog', 'refresh', '--region', 'us-east-1', '--db', db], { env, now: new Date('2021-02-10T00:00:00Z') });
    expect(r.stderr).toBe('nuage: DescribeSpotPriceHistory page 1, row 8, field "SpotPriceHistory[7].AvailabilityZone": missing\n');
    expect(r.code).toBe(1);
    expect(storeDigest(db)).toEqual(before);
  });

});

describe('nuage catalog import', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nuage-import-'));
    db = join(dir, 'nuage.db');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('imports the CSV offer file and prints what it stored', async () => {
    const r = await runCli(['catalog', 'import', 'AmazonEC2-eu-west-3-mini.csv', '--db', db], { cwd: FIXTURES, now: NOW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout.replaceAll(db, '<db>')).toMatchFileSnapshot('__golden__/import-mini-csv.txt');
    expect(stored(db).ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand?.usdPerHour).toBe('0.224');
  });

  it('re-importing is idempotent; JSON output', async () => {
    const file = join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json');
    await runCli(['catalog', 'import', file, '--db', db], { now: NOW });
    const once = storeDigest(db).rows;
    const r = await runCli(['catalog', 'import', file, '--db', db, '--format', 'json'], { now: NOW });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'json', pricesAsOf: '2025-07-01', products: 10, regions: [{ region: 'eu-west-3', onDemand: 2, reserved: 6, spot: 0, servicePrices: 5 }] });
    expect({ ...storeDigest(db).rows, catalog_refresh_log: 1 }).toEqual(once);
  });

  it('a truncated offer file fails naming the file and row, leaving the store unchanged', async () => {
    await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv'), '--db', db], { now: NOW });
    const before = storeDigest(db);
    const text = readFileSync(join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv'), 'utf8');
    writeFileSync(join(dir, 'cut.csv'), text.slice(0, Math.floor(text.length * 0.6)));
    const r = await runCli(['catalog', 'import', 'cut.csv', '--db', db], { cwd: dir, now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nuage: cut\.csv, row \d+: (expected \d+ columns, got \d+ \(truncated or malformed file\?\)|malformed CSV)/);
    expect(storeDigest(db)).toEqual(before);
  });

  it('a JSON offer file missing a field fails naming file and field, leaving the store unchanged', async () => {
    await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv'), '--db', db], { now: NOW });
    const before = storeDigest(db);
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json'), 'utf8'));
    delete doc.terms.OnDemand.M5LARGELNX00001['M5LARGELNX00001.JRTCKXETXF'].priceDimensions['M5LARGELNX00001.JRTCKXETXF.6YS6EN2CT7'].unit;
    writeFileSync(join(dir, 'nounit.json'), JSON.stringify(doc));
    const r = await runCli(['catalog', 'import', 'nounit.json', '--db', db], { cwd: dir, now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nuage: nounit.json, field "terms.OnDemand.M5LARGELNX00001.M5LARGELNX00001.JRTCKXETXF.priceDimensions.M5LARGELNX00001.JRTCKXETXF.6YS6EN2CT7.unit": missing\n');
    expect(storeDigest(db)).toEqual(before);
  });

  it('an offer file without anything nuage prices stores nothing', async () => {
    const r = await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv'), '--region', 'us-east-1', '--db', db], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no prices nuage uses for us-east-1 in 10 products of this AmazonEC2 offer file: nothing stored');
    expect(existsSync(db)).toBe(false);
  });

  it('nuage catalog log lists what was imported, newest first', async () => {
    await runCli(['catalog', 'import', 'AmazonEC2-eu-west-3-mini.csv', '--db', db], { cwd: FIXTURES, now: NOW });
    await runCli(['catalog', 'import', 'AmazonEC2-eu-west-3-mini.json', '--db', db], { cwd: FIXTURES, now: new Date('2021-02-10T08:30:00Z') });
    const r = await runCli(['catalog', 'log', '--db', db]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/log-two-imports.txt');
    const json = JSON.parse((await runCli(['catalog', 'log', '--db', db, '--format', 'json', '--limit', '1'])).stdout);
    expect(json).toMatchObject([{ kind: 'import', region: 'eu-west-3', asOf: '2025-07-01', onDemand: 2, reserved: 6, servicePrices: 5, sources: 'aws-offer-file' }]);
    const none = await runCli(['catalog', 'log', '--db', join(dir, 'absent.db')]);
    expect(none).toMatchObject({ code: 1, stderr: `nuage: no database at ${join(dir, 'absent.db')} (nothing was refreshed or imported there yet)\n` });
  });

  it('NUAGE_DB names the store when --db is absent', async () => {
    const r = await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json')], { env: { NUAGE_DB: db }, now: NOW });
    expect(r.code).toBe(0);
    expect(stored(db).servicePrice('eu-west-3', 'ebs:gp3:iops')?.usd).toBe('0.0058');
  });
});

describe('stored prices override the snapshot in every command (openCatalog)', () => {
  it('nuage prices and nuage catalog info show the imported prices with their own date and source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-layer-'));
    const db = join(dir, 'nuage.db');
    const before = await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-3', '--format', 'json', '--db', db]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout).basis).toEqual({ kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' });
    expect(existsSync(db)).toBe(false); // reading the catalog never creates the store

    await runCli(['catalog', 'import', join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json'), '--db', db], { now: NOW });
    const after = JSON.parse((await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-3', '--format', 'json', '--db', db])).stdout);
    expect(after).toMatchObject({ vcpu: 4, memoryGiB: 16, onDemandHourly: 0.224, pricesAsOf: '2025-07-01', basis: { kind: 'exact', source: 'aws-offer-file', asOf: '2025-07-01' } });
    expect(after.reserved.map((r: { term: string; paymentOption: string; upfront: number }) => [r.term, r.paymentOption, r.upfront])).toEqual([
      ['1yr', 'no-upfront', 0],
      ['3yr', 'all-upfront', 2238],
    ]);
    // The snapshot's spot figures stay (the offer file has none).
    expect(after.spot).toEqual(JSON.parse(before.stdout).spot);
    expect(after.spot).toMatchObject({ savingsPercent: 64, interruptionBucket: '5-10%', averageHourly: 0.0828, advisorBasis: { source: 'spot-advisor', asOf: '2025-06-28' } });
    // Other regions are untouched.
    const other = JSON.parse((await runCli(['prices', 'm5.xlarge', '--region', 'eu-west-1', '--format', 'json', '--db', db])).stdout);
    expect(other.basis).toEqual({ kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' });

    const info = JSON.parse((await runCli(['catalog', 'info', '--region', 'eu-west-3', '--format', 'json', '--db', db])).stdout);
    expect(info.origin).toBe('snapshot+store');
    expect(info.sources).toContainEqual({ id: 'aws-offer-file', description: expect.stringContaining('offer file'), asOf: '2025-07-01', origin: join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json') });
    // The five imported keys (gp3 storage, IOPS and throughput, NAT hour, inter-AZ transfer) are all in the
    // snapshot too: the layered catalog counts each key once.
    const snapshotInfo = JSON.parse((await runCli(['catalog', 'info', '--region', 'eu-west-3', '--format', 'json', '--db', join(dir, 'none.db')])).stdout);
    expect(snapshotInfo.origin).toBe('snapshot');
    expect(info.regions[0]).toMatchObject({ region: 'eu-west-3', servicePrices: snapshotInfo.regions[0].servicePrices });
    expect(stored(db).coverage('eu-west-3').servicePrices).toBe(5);
  });
});

describe('nuage catalog refresh (loopback AWS, own recorded-shape fixtures of test/aws/fixtures/api)', () => {
  const OWN_NOW = new Date('2025-06-30T12:00:00Z');
  let loopback: AwsLoopback;
  let dir: string;
  let db: string;
  let env: Record<string, string>;
  const refresh = (...args: string[]) => runCli(['catalog', 'refresh', '--region', 'eu-west-3', '--db', db, ...args], { env, now: OWN_NOW });
  beforeAll(async () => {
    loopback = await startAwsLoopback();
  });
  afterAll(() => loopback.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nuage-refresh-own-'));
    db = join(dir, 'nuage.db');
    env = { ...KEYS, NUAGE_AWS_ENDPOINT: loopback.url };
    loopback.requests.length = 0;
    // The three eu-west-3 products, filtered and paged (2 per page) as the Pricing API does; service queries find nothing.
    const elements = getProductsPages().flatMap((p) => p.PriceList.map((t) => JSON.parse(t) as PriceListElement));
    loopback.on('GetProducts', pricingApi(elements, { pageSize: 2 }).handler);
    const [types1, types2] = instanceTypesPages();
    loopback.on('DescribeInstanceTypes', (req) => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, req.params.get('NextToken') ? types2 : types1) }));
    const [spot1, spot2] = spotHistoryPages();
    loopback.on('DescribeSpotPriceHistory', (req) => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, req.params.get('NextToken') ? spot2 : spot1) }));
  });

  it('stores on-demand, reserved and 30-day spot averages with their dates, in one refresh', async () => {
    const r = await refresh();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout.replaceAll(db, '<db>').replaceAll(loopback.url, '<endpoint>')).toMatchFileSnapshot('__golden__/refresh-eu-west-3-own.txt');
    const cat = stored(db);
    const m5 = cat.ec2Prices('eu-west-3', 'm5.large')!;
    expect(m5.onDemand).toEqual({ usdPerHour: '0.112', basis: { kind: 'exact', source: 'aws-pricing-api', asOf: '2025-06-02' } });
    expect(m5.reserved.find((x) => x.term === '3yr' && x.offeringClass === 'standard' && x.paymentOption === 'partial-upfront')).toMatchObject({ upfrontUsd: '525.6', usdPerHour: '0.022', effectiveUsdPerHour: '0.042' });
    // (0.03515625 + 0.0546875) / 2: derivation in ec2-api-fixtures.test.ts.
    expect(m5.spot).toMatchObject({ averageUsdPerHour: '0.044921875', byZone: { 'eu-west-3a': '0.03515625', 'eu-west-3b': '0.0546875' }, priceBasis: { source: 'aws-ec2-api', asOf: '2025-06-30' } });
    expect(cat.ec2Prices('eu-west-3', 't3.micro')).toMatchObject({ onDemand: { usdPerHour: '0.0118' }, reserved: [] });
    expect(cat.instanceType('m5.metal')).toMatchObject({ vcpu: 96, memoryGiB: 384, bareMetal: true });
    expect(storeDigest(db).rows).toMatchObject({ catalog_on_demand_prices: 3, catalog_reserved_prices: 14, catalog_spot_prices: 2, catalog_instance_types: 6, catalog_refresh_log: 1 });
  });

  it('a malformed spot page leaves the store as it was', async () => {
    await refresh();
    const before = storeDigest(db);
    const [spot1, spot2] = spotHistoryPages();
    spot2.SpotPriceHistory[0]!.SpotPrice = 'n/a';
    loopback.on('DescribeSpotPriceHistory', (req) => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, req.params.get('NextToken') ? spot2 : spot1) }));
    const r = await runCli(['catalog', 'refresh', '--region', 'eu-west-3', '--db', db], { env, now: new Date('2025-07-01T12:00:00Z') });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'nuage: DescribeSpotPriceHistory page 2, row 1, field "SpotPriceHistory[0].SpotPrice": expected a decimal price, got "n/a"\n' });
    expect(storeDigest(db)).toEqual(before);
  });

  it('without credentials says so plainly, exits 1 and writes nothing', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '');
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', '');
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', '');
    try {
      const r = await runCli(['catalog', 'refresh', '--region', 'eu-west-3', '--db', db], { env: { NUAGE_AWS_ENDPOINT: loopback.url }, now: NOW });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^nuage: GetProducts page 1: no AWS credentials found\. Set AWS_PROFILE .* or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
      expect(r.stderr).toContain('nuage catalog import');
      expect(loopback.requests).toHaveLength(0);
      expect(existsSync(db)).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('an AWS refusal is explained, exit 1, nothing written', async () => {
    loopback.on('GetProducts', () => jsonError(400, 'AccessDeniedException', 'User is not authorized to perform: pricing:GetProducts'));
    const r = await refresh();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nuage: GetProducts page 1: AWS refused the credentials (AccessDeniedException: User is not authorized to perform: pricing:GetProducts)');
    expect(existsSync(db)).toBe(false);
  });

  it('a region without prices stores nothing', async () => {
    loopback.on('GetProducts', () => ({ body: { PriceList: [] } }));
    const r = await runCli(['catalog', 'refresh', '--region', 'eu-west-3', '--db', db], { env, now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the Pricing API returned no Linux/shared-tenancy EC2 prices for eu-west-3 (0 products read): nothing stored');
    expect(existsSync(db)).toBe(false);
  });

  it('rejects a malformed region or type list before calling AWS', async () => {
    const a = await runCli(['catalog', 'refresh', '--region', 'paris', '--db', db], { env, now: NOW });
    expect(a).toMatchObject({ code: 1, stderr: 'nuage: --region: expected an AWS region code such as eu-west-3, got "paris"\n' });
    const b = await runCli(['catalog', 'refresh', '--region', 'eu-west-3', '--types', 'm5 large', '--db', db], { env, now: NOW });
    expect(b).toMatchObject({ code: 1, stderr: 'nuage: --types: "m5 large" is not an instance type name (e.g. m5.large)\n' });
    expect(loopback.requests).toHaveLength(0);
  });
});
