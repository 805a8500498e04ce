/**
 * `nuage catalog refresh --services` end to end: the CLI with the real SDK clients against the loopback
 * server serving the eu-west-1 GetProducts fixtures; the SQLite store; then `nuage diff` pricing a plan's
 * RDS instance, ALB and NAT gateway with the refreshed figures and dates.
 */
import { DescribeInstanceTypesResult$ } from '@aws-sdk/client-ec2';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { refreshLog } from '../../src/store/catalog-repo.js';
import { openStore } from '../../src/store/db.js';
import { loadStoredCatalog } from '../../src/store/stored-catalog.js';
import { planJson } from '../plan/support.js';
import { startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { runCli } from '../support/cli.js';
import { ec2XmlResponse } from '../support/ec2-xml.js';
import { pricingApi, type PriceListElement } from '../support/pricing-api.js';
import { repriced, serviceElements } from './service-fixtures.js';
import { storeDigest } from './store-digest.js';

const NOW = new Date('2025-07-20T09:00:00Z');
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK', AWS_SECRET_ACCESS_KEY: 'loopback-secret' };
/** DescribeInstanceTypes answer for the two fixture instances (facts as AWS publishes them). */
const TYPES = {
  InstanceTypes: [
    { InstanceType: 'm5.large', CurrentGeneration: true, VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 8192 }, ProcessorInfo: { SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: 3.1, Manufacturer: 'Intel' }, BurstablePerformanceSupported: false, BareMetal: false },
    { InstanceType: 't3.micro', CurrentGeneration: true, VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 }, ProcessorInfo: { SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: 2.5, Manufacturer: 'Intel' }, BurstablePerformanceSupported: true, BareMetal: false },
  ],
};

function stored(db: string) {
  const store = openStore(db);
  try {
    return new InMemoryCatalog(loadStoredCatalog(store));
  } finally {
    store.close();
  }
}

let loopback: AwsLoopback;
let dir: string;
let db: string;
let env: Record<string, string>;
const refresh = (...args: string[]) => runCli(['catalog', 'refresh', '--region', 'eu-west-1', '--no-spot', '--db', db, ...args], { env, now: NOW });
const serve = (elements: readonly PriceListElement[], pageSize?: number) => loopback.on('GetProducts', pricingApi(elements, { pageSize }).handler);

beforeAll(async () => {
  loopback = await startAwsLoopback();
});
afterAll(() => loopback.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nuage-services-'));
  db = join(dir, 'nuage.db');
  env = { ...KEYS, NUAGE_AWS_ENDPOINT: loopback.url };
  loopback.requests.length = 0;
  serve(serviceElements(), 5);
  loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, TYPES) }));
});

describe('nuage catalog refresh --services (loopback AWS)', () => {
  it('refreshes EC2 and every service group by default, in one transaction, with a log entry', async () => {
    const r = await refresh();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout.replaceAll(db, '<db>').replaceAll(loopback.url, '<endpoint>')).toMatchFileSnapshot('__golden__/refresh-services-eu-west-1.txt');
    const cat = stored(db);
    expect(cat.ec2Prices('eu-west-1', 'm5.large')?.onDemand?.usdPerHour).toBe('0.1');
    expect(cat.servicePrice('eu-west-1', 'rds:db.t3.micro:mysql:single-az')).toEqual({
      key: 'rds:db.t3.micro:mysql:single-az', region: 'eu-west-1', unit: 'hour', usd: '0.02',
      description: '$0.02 per RDS db.t3.micro Single-AZ instance hour (or partial hour) running MySQL',
      basis: { kind: 'exact', source: 'aws-pricing-api', asOf: '2025-06-01' },
    });
    expect(cat.servicePrice('eu-west-1', 'dynamodb:wcu:hour')).toMatchObject({ usd: '0.000735', basis: { asOf: '2024-06-01' } });
    expect(cat.coverage('eu-west-1').servicePrices).toBe(62);
    const store = openStore(db);
    try {
      expect(refreshLog(store)).toMatchObject([{ kind: 'refresh', region: 'eu-west-1', sources: 'aws-pricing-api,aws-ec2-api', asOf: '2025-06-01', onDemand: 2, servicePrices: 62, scope: null }]);
    } finally {
      store.close();
    }
  });

  it('prints per-group figures as JSON', async () => {
    const r = await refresh('--services', 'rds,eks', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & { services: Record<string, unknown>[] };
    expect(j).toMatchObject({ region: 'eu-west-1', onDemand: 2, servicePrices: 21, pricesAsOf: '2025-06-01' });
    // RDS pages of 5: MySQL instances 4 (1 page), PostgreSQL 2 (1), MariaDB 2 (1), storage 11 (3), IOPS 7 (2).
    expect(j.services).toEqual([
      {
        group: 'rds', serviceCode: 'AmazonRDS', getProductsPages: 8, products: 26, prices: 20, pricesAsOf: '2025-06-01', stored: true,
        skipped: {
          'product family Database Storage': 2, 'product family Provisioned IOPS': 2,
          'duplicate rds:storage:gp2:single-az price in eu-west-1 (preferred product kept)': 1, 'duplicate rds:iops:io1:single-az price in eu-west-1 (preferred product kept)': 1,
        },
      },
      { group: 'eks', serviceCode: 'AmazonEKS', getProductsPages: 1, products: 2, prices: 1, pricesAsOf: '2024-06-01', stored: true, skipped: { 'product family Compute': 1 } },
    ]);
  });

  it('refreshing twice replaces the rows (no duplicates); only the log grows', async () => {
    await refresh();
    const once = storeDigest(db).rows;
    const r = await runCli(['catalog', 'refresh', '--region', 'eu-west-1', '--no-spot', '--db', db], { env, now: new Date('2025-07-21T09:00:00Z') });
    expect(r.code).toBe(0);
    expect(storeDigest(db).rows).toEqual({ ...once, catalog_refresh_log: 2 });
    expect(once).toMatchObject({ catalog_service_prices: 62, catalog_on_demand_prices: 2 });
  });

  it('--services rds replaces the RDS rows only, and the log says so', async () => {
    await refresh();
    const later = serviceElements().map((e) => (e.product.attributes.usagetype === 'EU-InstanceUsage:db.t3.micro' && e.product.attributes.databaseEngine === 'MySQL' ? repriced(e, '0.0250000000', '2025-07-01T00:00:00Z') : e));
    // A later publication without the MariaDB db.t3.micro Multi-AZ product: its stored row goes with the RDS rows.
    serve(later.filter((e) => !(e.product.attributes.usagetype === 'EU-Multi-AZUsage:db.t3.micro' && e.product.attributes.databaseEngine === 'MariaDB')));
    const before = stored(db);
    const r = await refresh('--services', 'rds');
    expect(r.code).toBe(0);
    const after = stored(db);
    expect(before.servicePrice('eu-west-1', 'rds:db.t3.micro:mysql:single-az')).toMatchObject({ usd: '0.02', basis: { asOf: '2025-06-01' } });
    expect(after.servicePrice('eu-west-1', 'rds:db.t3.micro:mysql:single-az')).toMatchObject({ usd: '0.025', basis: { asOf: '2025-07-01' } });
    expect(after.servicePrice('eu-west-1', 'rds:db.t3.micro:mariadb:multi-az')).toBeUndefined();
    for (const key of ['ebs:gp3:storage', 'nat:hour', 'alb:hour', 'dynamodb:storage', 'eks:cluster:hour']) expect(after.servicePrice('eu-west-1', key)).toEqual(before.servicePrice('eu-west-1', key));
    expect(after.coverage('eu-west-1').servicePrices).toBe(61);
    const store = openStore(db);
    try {
      expect(refreshLog(store, 1)).toMatchObject([{ servicePrices: 19, scope: 'services rds' }]);
    } finally {
      store.close();
    }
  });

  it('a group AWS returns nothing for keeps the stored prices', async () => {
    await refresh();
    serve(serviceElements().filter((e) => e.serviceCode !== 'AmazonEKS'));
    const r = await refresh('--services', 'eks,nat');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/eks\s+AmazonEKS\s+1\s+0\s+0 \(stored prices kept\)\s+-/);
    expect(stored(db).servicePrice('eu-west-1', 'eks:cluster:hour')).toMatchObject({ usd: '0.1', basis: { source: 'aws-pricing-api', asOf: '2024-06-01' } });
  });

  it('a malformed service page fails naming the query, page and field, and leaves the store unchanged', async () => {
    await refresh();
    const before = storeDigest(db);
    const elements = serviceElements().map((e) => (e.product.attributes.usagetype === 'EU-LCUUsage' && e.product.productFamily === 'Load Balancer-Network' ? { ...e, publicationDate: 'yesterday' } : e));
    serve(elements, 2);
    const r = await runCli(['catalog', 'refresh', '--region', 'eu-west-1', '--no-spot', '--db', db], { env, now: new Date('2025-07-22T00:00:00Z') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nuage: GetProducts AWSELB page [1-5], row [12], field "PriceList\[[01]\]\.publicationDate": expected a date, got "yesterday"\n$/);
    expect(storeDigest(db)).toEqual(before);
  });

  it('rejects an unknown group, naming the known ones', async () => {
    const r = await refresh('--services', 'rds,s3');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nuage: --services: unknown group "s3"; known: all, none, ebs, nat, cpu-credits, dedicated, ebs-optimized, rds, elb, eks, elasticache, dynamodb, cloudwatch\n');
    expect(loopback.requests).toHaveLength(0);
  });
});

describe('nuage diff after a service refresh', () => {
  const plan = planJson(
    [
      { address: 'aws_db_instance.db', after: { instance_class: 'db.t3.micro', engine: 'mysql', multi_az: false, allocated_storage: 20, storage_type: 'gp2' } },
      { address: 'aws_lb.web', after: { load_balancer_type: 'application' } },
      { address: 'aws_nat_gateway.nat', after: {} },
    ],
    { region: 'eu-west-1' },
  );
  interface Component {
    name: string;
    unitPriceUsd: string | null;
    basis?: { kind: string; source: string; asOf: string };
  }
  const diff = async () => {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli(['diff', 'plan.json', '--db', db, '--format', 'json', '--currency', 'USD'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as { after: { totalMonthlyCost: number }; resources: { address: string; components: Component[] }[] };
    const components = Object.fromEntries(j.resources.flatMap((res) => res.components.map((c) => [`${res.address}: ${c.name}`, [c.unitPriceUsd, c.basis?.source, c.basis?.asOf]])));
    return { total: j.after.totalMonthlyCost, components };
  };

  it('prices the RDS instance, ALB and NAT gateway with the refreshed figures and dates', async () => {
    // Before: the snapshot (data/services/eu-west-1.json, built from the terracost dump of 2023-02-23).
    const snapshot = await diff();
    expect(snapshot.components['aws_db_instance.db: Database instance (mysql, single-az, db.t3.micro)']).toEqual(['0.018', 'terracost-pricing-2023-02-23', '2023-02-23']);
    expect(await refresh('--services', 'rds,elb,nat')).toMatchObject({ code: 0 });
    const refreshed = await diff();
    expect(refreshed.components).toEqual({
      'aws_db_instance.db: Database instance (mysql, single-az, db.t3.micro)': ['0.02', 'aws-pricing-api', '2025-06-01'],
      // The engine "Any" row of the fixtures (0.115), preferred over the MySQL row (0.12).
      'aws_db_instance.db: Storage (gp2, single-az, 20 GB)': ['0.115', 'aws-pricing-api', '2025-06-01'],
      'aws_lb.web: Application load balancer': ['0.0225', 'aws-pricing-api', '2025-06-01'],
      // Usage-based (no usage file): priced per unit, no quantity.
      'aws_lb.web: Load balancer capacity units': ['0.007', 'aws-pricing-api', '2025-06-01'],
      'aws_nat_gateway.nat: NAT gateway': ['0.045', 'aws-pricing-api', '2025-06-01'],
      'aws_nat_gateway.nat: Data processed': ['0.045', 'aws-pricing-api', '2025-06-01'],
    });
    // 730 h × (0.02 + 0.0225 + 0.045) + 20 GB × 0.115 = 63.875 + 2.3
    expect(refreshed.total).toBe(66.175);

    // A later publication (synthetic prices, for the test) moves the figures and dates with it.
    serve(
      serviceElements().map((e) => {
        const ut = e.product.attributes.usagetype;
        if (ut === 'EU-NatGateway-Hours') return repriced(e, '0.0520000000', '2025-07-01T00:00:00Z');
        if (ut === 'EU-InstanceUsage:db.t3.micro' && e.product.attributes.databaseEngine === 'MySQL') return repriced(e, '0.0250000000', '2025-07-01T00:00:00Z');
        return e;
      }),
    );
    expect(await refresh('--services', 'rds,nat')).toMatchObject({ code: 0 });
    const later = await diff();
    expect(later.components['aws_nat_gateway.nat: NAT gateway']).toEqual(['0.052', 'aws-pricing-api', '2025-07-01']);
    expect(later.components['aws_db_instance.db: Database instance (mysql, single-az, db.t3.micro)']).toEqual(['0.025', 'aws-pricing-api', '2025-07-01']);
    expect(later.components['aws_lb.web: Application load balancer']).toEqual(['0.0225', 'aws-pricing-api', '2025-06-01']);
    // 730 × (0.025 + 0.0225 + 0.052) + 2.3 = 72.635 + 2.3
    expect(later.total).toBe(74.935);
  });
});
