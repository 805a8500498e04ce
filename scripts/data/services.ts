/**
 * SnapshotBuilder for non-EC2 service prices: data/services/<region>.json for eu-west-3, eu-west-1,
 * eu-central-1 and us-east-1.
 * - eu-west-1: exact, from the terracost pricing dump (AWS Price List rows, 2023-02-23).
 * - eu-west-3 EBS (gp2, st1, io1 storage and IOPS, magnetic I/O): exact, from the AWS bulk price-list CSV rows
 *   kept by terracost (publication 2020-10-19).
 * - Every other price of the other regions: an ESTIMATE = eu-west-1 price × the region's EC2 on-demand ratio
 *   (same instance type where one matches: dedicated `m5.large`, RDS `db.m5.large` → m5.large, ElastiCache
 *   `cache.m5.large` → m5.large; else the median ratio over all types both regions price), from SkyPilot v7.
 * - EKS cluster hour: estimate, AWS's flat published rate.
 * - DynamoDB, SQS, S3 Standard, internet egress and inter-AZ transfer (and a few exact Paris prices): dated
 *   2025–2026 excerpts of AWS offers, layered over the above with estimates where a region lacks them
 *   (services-2026.ts, services-layer.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { ebsIops, ebsIoRequests, ebsStorage, eksClusterHour } from '../../src/catalog/service-keys.js';
import type { PriceBasis } from '../../src/catalog/types.js';
import { dec } from '../../src/money/index.js';
import { readPricingDump } from './mysql-dump.js';
import type { ManifestSource, SnapshotBuilder, SourceFile } from './part.js';
import { mapEuWest1, type MappedPrice } from './services-eu-west-1.js';
import { EXCERPT_SOURCES } from './services-2026.js';
import { FLAT_KEYS, fillFlatPrices, layerExcerpts, type OutPrice } from './services-layer.js';

export const SERVICE_REGIONS = ['eu-west-3', 'eu-west-1', 'eu-central-1', 'us-east-1'] as const;
const BASE_REGION = 'eu-west-1';
const DUMP = 'corpora/terraform_plans/terracost/pricing_fixture/2023-02-23-pricing.sql.gz';
const PARIS_CSV = 'corpora/terraform_plans/terracost/pricing_fixture/AmazonEC2_eu-west-3.csv';
const SKYPILOT = 'data/skypilot/ondemand_spot_by_region.csv';
const DUMP_DATE = '2023-02-23';
const SKYPILOT_DATE = '2025-05-01';

function sourceFile(shared: string, path: string): SourceFile {
  const bytes = readFileSync(resolve(shared, path));
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** instance type → region → on-demand USD/h (SkyPilot). */
function onDemandByRegion(shared: string): Map<string, Map<string, number>> {
  const rows = parseCsv(readFileSync(resolve(shared, SKYPILOT)), { columns: true }) as Record<string, string>[];
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const price = Number(r.ondemand_usd_hour);
    if (!r.instance_type || !r.region || !(price > 0)) continue;
    let m = out.get(r.instance_type);
    if (!m) out.set(r.instance_type, (m = new Map()));
    m.set(r.region, price);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The EC2 type a service price follows (dedicated m5.large, db.m5.large, cache.m5.large), if any. */
function ec2TypeOf(key: string): string | undefined {
  const m = /^(?:ec2:dedicated:|rds:db\.|elasticache:cache\.)([a-z0-9-]+\.[a-z0-9-]+)/.exec(key);
  return m?.[1];
}

function parisEbs(shared: string): OutPrice[] {
  const text = readFileSync(resolve(shared, PARIS_CSV), 'utf8');
  const rows = parseCsv(text, { relax_column_count: true }) as string[][];
  const pub = rows.find((r) => r[0] === 'Publication Date')?.[1]?.slice(0, 10) ?? 'unknown';
  const header = rows.findIndex((r) => r[0] === 'SKU');
  const cols = rows[header]!;
  const col = (name: string): number => cols.indexOf(name);
  const basis: PriceBasis = { kind: 'exact', source: 'aws-bulk-csv-eu-west-3-2020', asOf: pub };
  const out: OutPrice[] = [];
  for (const r of rows.slice(header + 1)) {
    const api = r[col('Volume API Name')] ?? '';
    const unit = r[col('Unit')] ?? '';
    const usd = dec(r[col('PricePerUnit')] ?? '0');
    const desc = r[col('PriceDescription')] ?? '';
    if (unit === 'GB-Mo') out.push({ key: ebsStorage(api as 'gp2'), unit: 'GB-month', usd: usd.toString(), description: desc, basis });
    else if (unit === 'IOPS-Mo' && (api === 'io1' || api === 'io2' || api === 'gp3')) out.push({ key: ebsIops(api), unit: 'IOPS-month', usd: usd.toString(), description: desc, basis });
    else if (unit === 'IOs') out.push({ key: ebsIoRequests(), unit: 'million-requests', usd: usd.times(1_000_000).toString(), description: `${desc} (per million)`, basis });
  }
  return out;
}

export const buildServices: SnapshotBuilder = async ({ shared, log }) => {
  const { products, prices } = await readPricingDump(resolve(shared, DUMP));
  const base = mapEuWest1(products, prices);
  log(`services: ${base.length} eu-west-1 prices from the terracost dump (${products.length} products, ${prices.length} price rows)`);
  const od = onDemandByRegion(shared);
  const paris = parisEbs(shared);
  const exactBasis: PriceBasis = { kind: 'exact', source: 'terracost-pricing-2023-02-23', asOf: DUMP_DATE };
  const files = [];
  const counts: Record<string, Record<string, number>> = {};
  const perRegion = new Map<string, OutPrice[]>();
  for (const region of SERVICE_REGIONS) {
    const ratios: number[] = [];
    for (const byRegion of od.values()) {
      const a = byRegion.get(region);
      const b = byRegion.get(BASE_REGION);
      if (a && b) ratios.push(a / b);
    }
    const medianRatio = dec(median(ratios).toFixed(6));
    const exactHere = new Map((region === 'eu-west-3' ? paris : []).map((p) => [p.key, p]));
    const out: OutPrice[] = [];
    for (const p of base) {
      if (region !== BASE_REGION && FLAT_KEYS.includes(p.key)) continue; // filled by fillFlatPrices
      if (region === BASE_REGION) {
        out.push({ ...p, basis: exactBasis });
        continue;
      }
      const exact = exactHere.get(p.key);
      if (exact) {
        out.push(exact);
        continue;
      }
      const e = estimate(p, region, od, medianRatio, ratios.length);
      if (e) out.push(e);
    }
    for (const p of exactHere.values()) if (!out.some((o) => o.key === p.key)) out.push(p);
    out.push({
      key: eksClusterHour(),
      unit: 'hour',
      usd: '0.10',
      description: 'EKS cluster, standard Kubernetes version support',
      basis: { kind: 'estimate', source: 'aws-eks-pricing-page', asOf: '2024-01-01', method: 'AWS publishes one flat rate, $0.10 per cluster-hour, for standard support in every commercial region' },
    });
    perRegion.set(region, layerExcerpts(region, out, medianRatio, ratios.length));
  }
  fillFlatPrices(perRegion);
  for (const [region, out] of perRegion) {
    out.sort((a, b) => a.key.localeCompare(b.key));
    counts[region] = { servicePricesExact: out.filter((p) => p.basis.kind === 'exact').length, servicePricesEstimated: out.filter((p) => p.basis.kind === 'estimate').length };
    files.push({ path: `services/${region}.json`, content: JSON.stringify({ region, prices: out }, null, 1) + '\n' });
  }
  const sources: ManifestSource[] = [
    {
      id: 'terracost-pricing-2023-02-23',
      description: 'AWS Price List rows (EC2 incl. EBS/NAT/ELB, RDS, ElastiCache, CloudWatch), mostly eu-west-1, as a MySQL dump',
      asOf: DUMP_DATE,
      origin: 'cycloidio/terracost mysql/testdata/2023-02-23-pricing.sql.gz @ 23cf94d, MIT',
      files: [sourceFile(shared, DUMP)],
      notes: ['on-demand, first tier only; RDS storage/IOPS from MySQL rows (same as PostgreSQL/MariaDB); ELB rows of service AWSELB win over AmazonEC2 duplicates'],
    },
    {
      id: 'aws-bulk-csv-eu-west-3-2020',
      description: 'AWS bulk price-list CSV rows for Paris EBS (gp2, st1, io1 storage and IOPS, magnetic I/O requests)',
      asOf: '2020-10-19',
      origin: 'cycloidio/terracost e2e/testdata/AmazonEC2_eu-west-3.csv @ 23cf94d, MIT',
      files: [sourceFile(shared, PARIS_CSV)],
    },
    {
      id: 'skypilot-v7-ratios',
      description: 'EC2 on-demand prices per type and region, used only as region/eu-west-1 ratios for estimates',
      asOf: SKYPILOT_DATE,
      origin: 'skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv @ 001367d, Apache-2.0 (date inferred, see shared/data/skypilot/README.md)',
      files: [sourceFile(shared, SKYPILOT)],
    },
    {
      id: 'aws-eks-pricing-page',
      description: 'EKS cluster flat hourly rate (standard support), as published by AWS',
      asOf: '2024-01-01',
      origin: 'https://aws.amazon.com/eks/pricing/ (no dated file; recorded as an estimate)',
      files: [],
    },
    ...EXCERPT_SOURCES,
  ];
  return {
    id: 'services',
    files,
    sources,
    counts,
    notes: [
      'DynamoDB, SQS, S3 Standard and data-transfer prices come from dated excerpts of AWS offers (sources aws-*-2025/2026); regions without an excerpt carry estimates with their method',
      'S3 Standard storage beyond the first 50 TB has no price here: such storage is listed as a missing price',
      'free tiers (DynamoDB 25 GB, SQS 1 million requests, 100 GB of internet egress) are not deducted: they are per account, not per application',
    ],
  };
};

/** The estimate of an eu-west-1 price in another region; undefined when its instance type is not offered there. */
function estimate(p: MappedPrice, region: string, od: Map<string, Map<string, number>>, medianRatio: ReturnType<typeof dec>, n: number): OutPrice | undefined {
  const t = ec2TypeOf(p.key);
  const here = t ? od.get(t)?.get(region) : undefined;
  const there = t ? od.get(t)?.get(BASE_REGION) : undefined;
  if (there !== undefined && here === undefined) return undefined;
  const perType = here !== undefined && there !== undefined;
  const ratio = perType ? dec(here).div(dec(there)) : medianRatio;
  const usd = dec(p.usd).times(ratio).round(6);
  const method = perType
    ? `eu-west-1 price ${p.usd} (2023-02-23) × ${t} on-demand ratio ${region}/eu-west-1 = ${here}/${there} (SkyPilot v7)`
    : `eu-west-1 price ${p.usd} (2023-02-23) × median EC2 on-demand ratio ${region}/eu-west-1 = ${medianRatio.toString()} over ${n} types (SkyPilot v7)`;
  return { key: p.key, unit: p.unit, usd: usd.toString(), description: p.description, basis: { kind: 'estimate', source: 'terracost-pricing-2023-02-23+skypilot-v7-ratios', asOf: DUMP_DATE, method } };
}
