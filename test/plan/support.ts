/** Test helpers: a small catalog with known prices, plan JSON builders, and the diff pipeline in one call. */
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import type { Ec2Prices, PriceBasis, ServicePrice } from '../../src/catalog/types.js';
import { fxFromEcb } from '../../src/money/index.js';
import { compareCosted, costPlan } from '../../src/plan/cost-plan.js';
import { afterSideOnly, buildDiff, type CostDiff } from '../../src/plan/diff.js';
import { spotFindings } from '../../src/plan/findings.js';
import { catalogPrices } from '../../src/plan/price-lookup.js';
import type { PriceOverrides } from '../../src/plan/price-overrides.js';
import { readPlanJson } from '../../src/plan/read-plan.js';
import type { UsageFile } from '../../src/plan/usage.js';
import type { Currency } from '../../src/money/index.js';

export const TEST_BASIS: PriceBasis = { kind: 'exact', source: 'test', asOf: '2025-06-01' };
export const TEST_FX = fxFromEcb('1.165', '2025-07-18', 'ECB euro foreign exchange reference rate');

/**
 * Bases of the test catalog, dated apart as the shipped snapshot's are, so reports can be checked to quote
 * the dates of the prices they use: EC2 on-demand 2025-05-01 (exact), spot 2025-05-01 (estimate), EBS
 * 2020-10-19 (exact), gp3 / ALB / NAT 2026-09-11 (exact), other services 2023-02-23 (estimates). The catalog's
 * newest price (us-east-1, 2026-07-20) is never used by an eu-west-3 plan.
 */
export const BASES = {
  onDemand: { kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' },
  spot: { kind: 'estimate', source: 'skypilot-v7', asOf: '2025-05-01', method: 'median of the zone prices' },
  ebs2020: { kind: 'exact', source: 'aws-ebs-csv-2020', asOf: '2020-10-19' },
  offer2026: { kind: 'exact', source: 'aws-offer-2026', asOf: '2026-09-11' },
  dumpEstimate: { kind: 'estimate', source: 'terracost-pricing-2023-02-23', asOf: '2023-02-23', method: 'eu-west-1 price × the median EC2 ratio' },
  newest: { kind: 'exact', source: 'karpenter-pricing', asOf: '2026-07-20' },
} as const satisfies Record<string, PriceBasis>;

const ec2 = (region: string, instanceType: string, usdPerHour: string, spot?: Ec2Prices['spot'], basis: PriceBasis = BASES.onDemand): Ec2Prices => ({
  region,
  instanceType,
  currency: 'USD',
  onDemand: { usdPerHour, basis },
  reserved: [],
  ...(spot ? { spot } : {}),
});
const svc = (region: string, key: string, unit: string, usd: string): ServicePrice => ({
  key,
  region,
  unit,
  usd,
  description: key,
  basis: /^(ebs:gp3|alb:|nat:)/.test(key) ? BASES.offer2026 : key.startsWith('ebs:') ? BASES.ebs2020 : BASES.dumpEstimate,
});

/** eu-west-3 prices used by the golden tests (round figures, chosen for checkable arithmetic). */
export function testCatalog(): InMemoryCatalog {
  const r = 'eu-west-3';
  const advisor: PriceBasis = { kind: 'exact', source: 'spot-advisor', asOf: '2025-06-28' };
  const spot = BASES.spot;
  const sources = [
    { id: 'skypilot-v7', description: 'SkyPilot catalog v7', asOf: '2025-05-01', origin: 'test' },
    { id: 'terracost-pricing-2023-02-23', description: 'terracost pricing dump', asOf: '2023-02-23', origin: 'test' },
    { id: 'karpenter-pricing', description: 'Karpenter us-east-1 prices', asOf: '2026-07-20', origin: 'test' },
  ];
  return new InMemoryCatalog({
    info: { pricesAsOf: '2026-07-20', sources, regions: [r, 'us-east-1'], origin: 'test' },
    instanceTypes: [],
    ec2Prices: [
      ec2(r, 'm5.large', '0.112', { averageUsdPerHour: '0.04', priceBasis: spot, interruptionBucket: { index: 0, label: '<5%' }, advisorBasis: advisor }),
      ec2(r, 'm5.xlarge', '0.224', { averageUsdPerHour: '0.08', priceBasis: spot, interruptionBucket: { index: 4, label: '>20%' }, advisorBasis: advisor }),
      ec2(r, 't3.medium', '0.0472'),
      ec2(r, 't3.large', '0.0944'),
      ec2(r, 'c5.large', '0.101', { averageUsdPerHour: '0.03', priceBasis: spot, interruptionBucket: { index: 1, label: '5-10%' }, advisorBasis: advisor }),
      ec2('us-east-1', 'm5.large', '0.096', undefined, BASES.newest),
    ],
    servicePrices: [
      svc(r, 'ebs:gp2:storage', 'GB-month', '0.116'),
      svc(r, 'ebs:gp3:storage', 'GB-month', '0.0928'),
      svc(r, 'ebs:gp3:iops', 'IOPS-month', '0.0058'),
      svc(r, 'ebs:gp3:throughput', 'MiBps-month', '0.0464'),
      svc(r, 'ebs:io1:storage', 'GB-month', '0.145'),
      svc(r, 'ebs:io1:iops', 'IOPS-month', '0.076'),
      svc(r, 'ebs:io2:storage', 'GB-month', '0.145'),
      svc(r, 'ebs:io2:iops', 'IOPS-month', '0.076'),
      svc(r, 'ebs:io2:iops:tier2', 'IOPS-month', '0.0532'),
      svc(r, 'ebs:st1:storage', 'GB-month', '0.053'),
      svc(r, 'ebs:sc1:storage', 'GB-month', '0.0168'),
      svc(r, 'ebs:standard:storage', 'GB-month', '0.058'),
      svc(r, 'ebs:standard:io-requests', 'million-requests', '0.058'),
      svc(r, 'ec2:dedicated:m5.large', 'hour', '0.123'),
      svc(r, 'ec2:cpu-credits:t3', 'vCPU-hour', '0.05'),
      svc(r, 'cloudwatch:metric', 'metric-month', '0.30'),
      svc(r, 'rds:db.m5.large:postgres:multi-az', 'hour', '0.396'),
      svc(r, 'rds:db.t3.micro:mysql:single-az', 'hour', '0.019'),
      svc(r, 'rds:storage:gp3:multi-az', 'GB-month', '0.266'),
      svc(r, 'rds:storage:gp2:single-az', 'GB-month', '0.133'),
      svc(r, 'rds:storage:io1:single-az', 'GB-month', '0.145'),
      svc(r, 'rds:iops:io1:single-az', 'IOPS-month', '0.116'),
      svc(r, 'nat:hour', 'hour', '0.05'),
      svc(r, 'nat:data-processed', 'GB', '0.05'),
      svc(r, 'alb:hour', 'hour', '0.0265'),
      svc(r, 'alb:lcu', 'LCU-hour', '0.0084'),
      svc(r, 'nlb:hour', 'hour', '0.0265'),
      svc(r, 'clb:hour', 'hour', '0.0294'),
      svc(r, 'clb:data-processed', 'GB', '0.0084'),
      svc(r, 'eks:cluster:hour', 'hour', '0.10'),
      svc(r, 'dynamodb:rcu:hour', 'hour', '0.000147'),
      svc(r, 'dynamodb:wcu:hour', 'hour', '0.000735'),
      svc(r, 'elasticache:cache.t3.micro:redis', 'hour', '0.018'),
      svc(r, 'sqs:requests:standard', 'million-requests', '0.40'),
      svc(r, 'sqs:requests:fifo', 'million-requests', '0.50'),
      svc(r, 's3:standard:storage', 'GB-month', '0.024'),
      svc(r, 's3:requests:tier1', 'million-requests', '5.3'),
      svc(r, 's3:requests:tier2', 'million-requests', '0.42'),
    ],
  });
}

export interface ChangeInput {
  readonly address: string;
  readonly type?: string;
  readonly actions?: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly module_address?: string;
  readonly index?: string | number;
}

/** A `terraform show -json` document (format 1.2) with the given changes, provider aws in `region`. */
export function planJson(changes: readonly ChangeInput[], opts: { region?: string; extraConfig?: unknown[] } = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: {} },
    resource_changes: changes.map((c) => {
      const addr = c.address.replace(/^(module\.[^.]+\.)+/, '');
      const [type, name] = addr.replace(/\[.*\]$/, '').split('.');
      return {
        address: c.address,
        ...(c.module_address ? { module_address: c.module_address } : {}),
        mode: 'managed',
        type: c.type ?? type,
        name,
        ...(c.index !== undefined ? { index: c.index } : {}),
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: c.actions ?? ['create'],
          before: c.before ?? null,
          after: c.after ?? null,
          after_unknown: c.after_unknown ?? {},
        },
      };
    }),
    configuration: {
      provider_config: opts.region ? { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: opts.region } } } } : {},
      root_module: { resources: opts.extraConfig ?? [] },
    },
  };
}

export interface DiffRun {
  readonly currency?: Currency;
  readonly hoursPerMonth?: number;
  readonly defaultRegion?: string;
  readonly usage?: UsageFile;
  readonly overrides?: PriceOverrides;
  readonly catalog?: InMemoryCatalog;
  readonly breakdown?: boolean;
  readonly base?: Record<string, unknown>;
}

export function diffOf(json: unknown, run: DiffRun = {}, file = 'plan.json'): CostDiff {
  const prices = catalogPrices(run.catalog ?? testCatalog(), run.overrides);
  const opts = {
    hoursPerMonth: run.hoursPerMonth ?? 730,
    prices,
    ...(run.usage ? { usage: run.usage } : {}),
    ...(run.defaultRegion ? { defaultRegion: run.defaultRegion } : {}),
  };
  let costed = costPlan(readPlanJson(json, file), opts);
  if (run.base) costed = compareCosted(afterSideOnly(costPlan(readPlanJson(run.base, 'base.json'), opts)), costed);
  if (run.breakdown) costed = afterSideOnly(costed);
  return buildDiff(costed, {
    currency: run.currency ?? 'USD',
    fx: TEST_FX,
    hoursPerMonth: opts.hoursPerMonth,
    prices,
    findings: spotFindings(costed, prices),
  });
}
