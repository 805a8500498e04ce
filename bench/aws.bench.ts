/**
 * Live-source figures: bulk CSV offer-file import throughput (a generated 200k-row AmazonEC2 CSV in a
 * temp dir, streamed, filtered, stored in one transaction), a region refresh through the loopback
 * AWS server (N GetProducts products over pages of 100, DescribeInstanceTypes, spot history), and a
 * service-price refresh of every --services group through the loopback Pricing API (N RDS instance
 * products scaled up from the eu-west-1 fixtures, plus the other groups' fixtures).
 */
import { DescribeInstanceTypesResult$, DescribeSpotPriceHistoryResult$ } from '@aws-sdk/client-ec2';
import { parse } from 'csv-parse';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { connectionFromEnv } from '../src/aws/connection.js';
import { importOfferFile } from '../src/aws/import-offer.js';
import { refreshRegion } from '../src/aws/refresh.js';
import { PricingClient } from '@aws-sdk/client-pricing';
import { SERVICE_GROUPS } from '../src/catalog/offer/service-groups.js';
import { fetchServicePrices } from '../src/aws/service-pricing.js';
import { pricingApi, type PriceListElement } from '../test/support/pricing-api.js';
import { serviceElements } from '../test/aws/service-fixtures.js';
import { writeCatalog } from '../src/store/catalog-repo.js';
import { openStore } from '../src/store/db.js';
import { startAwsLoopback } from '../test/support/aws-loopback.js';
import { ec2XmlResponse } from '../test/support/ec2-xml.js';
import type { BenchResult } from './run.js';

const ROWS = 200_000;
const PRODUCTS = 2_000;
const SERVICE_PRODUCTS = 5_000;

const COLUMNS = ['SKU', 'OfferTermCode', 'RateCode', 'TermType', 'PriceDescription', 'EffectiveDate', 'StartingRange', 'EndingRange', 'Unit', 'PricePerUnit', 'Currency', 'RelatedTo', 'LeaseContractLength', 'PurchaseOption', 'OfferingClass', 'Product Family', 'serviceCode', 'Location', 'Location Type', 'Instance Type', 'Current Generation', 'Instance Family', 'vCPU', 'Physical Processor', 'Clock Speed', 'Memory', 'Storage', 'Network Performance', 'Processor Architecture', 'Tenancy', 'Operating System', 'License Model', 'usageType', 'operation', 'CapacityStatus', 'ECU', 'Normalization Size Factor', 'Pre Installed S/W', 'Processor Features', 'Region Code', 'serviceName', 'Volume API Name'];

const RESERVED: [string, string, string][] = [];
for (const lease of ['1yr', '3yr']) for (const cls of ['standard', 'convertible']) for (const opt of ['No Upfront', 'Partial Upfront', 'All Upfront']) RESERVED.push([lease, cls, opt]);

const q = (v: string) => `"${v}"`;

/** Writes a bulk CSV offer file of about `rows` rows: per type, Linux/Shared (kept) and Windows, RHEL, Dedicated, reservation-capacity SKUs (filtered out). */
export async function writeOfferCsv(path: string, rows: number): Promise<{ rows: number; types: number }> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  for (const [k, v] of [['FormatVersion', 'v1.0'], ['Disclaimer', 'generated for nuage bench'], ['Publication Date', '2025-07-01T00:00:00Z'], ['Version', '20250701000000'], ['OfferCode', 'AmazonEC2']]) await write(`${q(k!)},${q(v!)}`);
  await write(COLUMNS.map(q).join(','));
  let written = 0;
  let t = 0;
  const variants: [string, string, string][] = [['Linux', 'Shared', 'Used'], ['Windows', 'Shared', 'Used'], ['RHEL', 'Shared', 'Used'], ['Linux', 'Dedicated', 'Used'], ['Linux', 'Shared', 'UnusedCapacityReservation']];
  while (written < rows) {
    const type = `b${t % 9}x${Math.floor(t / 9)}.${['large', 'xlarge', '2xlarge', '4xlarge'][t % 4]}`;
    for (const [v, [os, tenancy, cap]] of variants.entries()) {
      const sku = `SKU${String(t).padStart(8, '0')}V${v}`;
      const attrs = (term: string, type_: string, unit: string, price: string, lease = '', opt = '', cls = '') =>
        [sku, term, `${sku}.${term}.6YS6EN2CT7`, type_, `$${price} per ${os} ${type} hour`, '2025-07-01', '0', 'Inf', unit, price, 'USD', '', lease, opt, cls, 'Compute Instance', 'AmazonEC2', 'EU (Paris)', 'AWS Region', type, 'Yes', 'General purpose', '4', 'Intel Xeon Platinum 8175', '3.1 GHz', '16 GiB', 'EBS only', 'Up to 10 Gigabit', '64-bit', tenancy, os, 'No License required', `EUW3-BoxUsage:${type}`, 'RunInstances', cap, '16', '8', 'NA', 'Intel AVX; Intel AVX2', 'eu-west-3', 'Amazon Elastic Compute Cloud', '']
          .map(q)
          .join(',');
      await write(attrs('JRTCKXETXF', 'OnDemand', 'Hrs', `0.${String(1000 + t).slice(-4)}000000`));
      written++;
      for (const [i, [lease, cls, opt]] of RESERVED.entries()) {
        const code = `RI${String(i).padStart(8, '0')}`;
        if (opt !== 'No Upfront') {
          await write(attrs(code, 'Reserved', 'Quantity', String(300 + i), lease, opt, cls));
          written++;
        }
        await write(attrs(code, 'Reserved', 'Hrs', opt === 'All Upfront' ? '0.0000000000' : '0.0400000000', lease, opt, cls));
        written++;
      }
      if (v === 4) break;
    }
    t++;
  }
  out.end();
  await once(out, 'finish');
  return { rows: written, types: t };
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function importBench(dir: string): Promise<BenchResult[]> {
  const file = join(dir, 'AmazonEC2-bench.csv');
  const { rows, types } = await writeOfferCsv(file, ROWS);
  const mb = statSync(file).size / 1048576;
  // Baseline: csv-parse alone over the same file (the floor of any csv-parse-based import).
  const tb = process.hrtime.bigint();
  let parsed = 0;
  for await (const _ of createReadStream(file).pipe(parse({ relax_column_count: true, info: true, bom: true }))) parsed++;
  const baselineMs = ms(tb);
  const t0 = process.hrtime.bigint();
  const { write, offer } = await importOfferFile(file, new Date());
  const parseMs = ms(t0);
  const store = openStore(join(dir, 'import.db'));
  const t1 = process.hrtime.bigint();
  const summary = writeCatalog(store, write);
  const storeMs = ms(t1);
  store.close();
  const note = `${rows} rows, ${mb.toFixed(1)} MiB, ${types} types; kept ${offer.ec2Prices.length} Linux/Shared types, ${summary.regions[0]?.reserved} reserved rates`;
  return [
    { name: 'offer CSV import: stream + parse + map (rows/s)', value: rows / (parseMs / 1000), unit: 'rows/s', note },
    { name: 'offer CSV import: parse time', value: parseMs, unit: 'ms' },
    { name: 'baseline: csv-parse alone over the same file', value: baselineMs, unit: 'ms', note: `${parsed} records` },
    { name: 'offer CSV import: store write (one transaction)', value: storeMs, unit: 'ms' },
    { name: 'offer CSV import: total (rows/s)', value: rows / ((parseMs + storeMs) / 1000), unit: 'rows/s' },
  ];
}

async function refreshBench(dir: string): Promise<BenchResult[]> {
  const { readFileSync } = await import('node:fs');
  const { corpusPath } = await import('../test/support/corpora.js');
  const base = corpusPath('ec2_pricing_api', 'amazon-ec2-instance-selector');
  const product = readFileSync(join(base, 'GetProducts', 'm5_large.json'), 'utf8');
  const parsed = JSON.stringify(JSON.parse(product));
  const all = Array.from({ length: PRODUCTS }, (_, i) =>
    parsed.replaceAll('6C86BEPQVG73ZGGR', `SKU${String(i).padStart(13, '0')}`).replaceAll('"instanceType":"m5.large"', `"instanceType":"b${i}.large"`).replaceAll('"regionCode":"us-east-1"', '"regionCode":"eu-west-3"').replace('"location":"US East (N. Virginia)"', '"location":"EU (Paris)"'),
  );
  const loopback = await startAwsLoopback();
  loopback.on('GetProducts', (req) => {
    const start = Number((req.json as { NextToken?: string }).NextToken ?? '0');
    return { body: { FormatVersion: 'aws_v1', PriceList: all.slice(start, start + 100), ...(start + 100 < all.length ? { NextToken: String(start + 100) } : {}) } };
  });
  const types = JSON.parse(readFileSync(join(base, 'DescribeInstanceTypes', '25_instances.json'), 'utf8'));
  const spot = JSON.parse(readFileSync(join(base, 'DescribeSpotPriceHistory', 'm5_large.json'), 'utf8'));
  loopback.on('DescribeInstanceTypes', () => ({ body: ec2XmlResponse('DescribeInstanceTypes', DescribeInstanceTypesResult$, types) }));
  loopback.on('DescribeSpotPriceHistory', () => ({ body: ec2XmlResponse('DescribeSpotPriceHistory', DescribeSpotPriceHistoryResult$, spot) }));
  try {
    const conn = connectionFromEnv({ AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' }, 'eu-west-3', loopback.url);
    const t0 = process.hrtime.bigint();
    const outcome = await refreshRegion(conn, { region: 'eu-west-3', spot: true, now: new Date('2021-02-09T12:00:00Z') });
    const store = openStore(join(dir, 'refresh.db'));
    writeCatalog(store, outcome.write);
    store.close();
    const total = ms(t0);
    return [
      { name: `region refresh via loopback (${PRODUCTS} products, ${outcome.pricing.pages} pages)`, value: total, unit: 'ms', note: '+ DescribeInstanceTypes (25) + spot history (250), stored' },
      { name: 'region refresh: products/s', value: PRODUCTS / (total / 1000), unit: 'products/s' },
    ];
  } finally {
    await loopback.close();
  }
}

/** RDS instance products: the fixture's MySQL/PostgreSQL/MariaDB rows, each copy renamed to its own class (one price each). */
function scaledServiceElements(n: number): PriceListElement[] {
  const rest = serviceElements().filter((e) => e.product.productFamily !== 'Database Instance');
  const instances = serviceElements('AmazonRDS').filter((e) => e.product.productFamily === 'Database Instance' && ['MySQL', 'PostgreSQL', 'MariaDB'].includes(e.product.attributes.databaseEngine ?? ''));
  const out: PriceListElement[] = [];
  for (let i = 0; out.length < n - rest.length; i++) {
    const e = instances[i % instances.length]!;
    const cls = `db.b${i}.large`;
    const sku = `BENCH${String(i).padStart(11, '0')}`;
    out.push(JSON.parse(JSON.stringify(e).replaceAll(e.product.sku, sku).replaceAll(e.product.attributes.instanceType!, cls)) as PriceListElement);
  }
  return [...out, ...rest];
}

async function serviceRefreshBench(dir: string): Promise<BenchResult[]> {
  const elements = scaledServiceElements(SERVICE_PRODUCTS);
  const loopback = await startAwsLoopback();
  loopback.on('GetProducts', pricingApi(elements).handler);
  const client = new PricingClient({ region: 'us-east-1', endpoint: loopback.url, credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' }, maxAttempts: 1 });
  try {
    const t0 = process.hrtime.bigint();
    const result = await fetchServicePrices(client, 'eu-west-1', SERVICE_GROUPS);
    const fetchMs = ms(t0);
    const store = openStore(join(dir, 'services.db'));
    const t1 = process.hrtime.bigint();
    writeCatalog(store, {
      kind: 'refresh', origin: loopback.url, at: new Date().toISOString(), regions: ['eu-west-1'],
      replace: { services: ['aws-pricing-api'], serviceKeyPrefixes: SERVICE_GROUPS.flatMap((g) => g.keyPrefixes) },
      ec2Prices: [], servicePrices: result.servicePrices,
    });
    const storeMs = ms(t1);
    store.close();
    const total = fetchMs + storeMs;
    const note = `${result.products} products, ${result.pages} GetProducts pages over ${SERVICE_GROUPS.length} groups, ${result.servicePrices.length} prices stored`;
    return [
      { name: `service refresh via loopback (${result.products} products, all groups)`, value: total, unit: 'ms', note },
      { name: 'service refresh: store write (one transaction)', value: storeMs, unit: 'ms' },
      { name: 'service refresh: products/s', value: result.products / (total / 1000), unit: 'products/s' },
    ];
  } finally {
    client.destroy();
    await loopback.close();
  }
}

export default async function (): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nuage-bench-aws-'));
  try {
    return [...(await importBench(dir)), ...(await refreshBench(dir)), ...(await serviceRefreshBench(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
