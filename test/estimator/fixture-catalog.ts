/**
 * A small real-shaped catalog for estimator tests: eu-west-3 Linux on-demand prices (SkyPilot catalog v7),
 * specs and sustained clocks from Karpenter's instance-type table, spot medians, and m5 reserved rates.
 */
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import type { Ec2Prices, InstanceTypeSpec, PriceBasis, ReservedRate, ServicePrice } from '../../src/catalog/types.js';

type Row = [type: string, vcpu: number, gib: number, clock: number | null, usd: string, spot?: string, extra?: Partial<InstanceTypeSpec>];

const ROWS: Row[] = [
  ['m5.large', 2, 8, 3.1, '0.112', '0.0445'],
  ['m5.xlarge', 4, 16, 3.1, '0.224', '0.0828'],
  ['m5.2xlarge', 8, 32, 3.1, '0.448', '0.1572'],
  ['m5.4xlarge', 16, 64, 3.1, '0.896', '0.3947'],
  ['m5.metal', 96, 384, 3.1, '5.376', '2.0699', { bareMetal: true }],
  ['m6i.large', 2, 8, 3.5, '0.112', '0.0482'],
  ['m6i.xlarge', 4, 16, 3.5, '0.224', '0.0858'],
  ['m6i.2xlarge', 8, 32, 3.5, '0.448', '0.2047'],
  ['c5.large', 2, 4, 3.4, '0.101', '0.0404'],
  ['c5.xlarge', 4, 8, 3.4, '0.202', '0.0796'],
  ['c5.2xlarge', 8, 16, 3.4, '0.404', '0.1494'],
  ['r5.large', 2, 16, 3.1, '0.148', '0.0566'],
  ['r5.xlarge', 4, 32, 3.1, '0.296', '0.0987'],
  ['r5.2xlarge', 8, 64, 3.1, '0.592', '0.1812'],
  ['t3.medium', 2, 4, 2.5, '0.0472', '0.017', { burstable: true }],
  ['t3.large', 2, 8, 2.5, '0.0944', '0.0309', { burstable: true }],
  ['m6g.large', 2, 8, 2.5, '0.09', '0.032', { arch: 'arm64', cpuManufacturer: 'aws' }],
  ['m6g.xlarge', 4, 16, 2.5, '0.18', '0.0607', { arch: 'arm64', cpuManufacturer: 'aws' }],
  ['g4dn.xlarge', 4, 16, 2.5, '0.615', '0.1829', { gpuCount: 1 }],
  ['m4.large', 2, 8, 2.4, '0.116', undefined, { currentGeneration: false }],
  ['x1.16xlarge', 64, 976, null, '8.003', undefined],
];

const SNAPSHOT = { kind: 'exact' as const, source: 'skypilot-v7', asOf: '2026-07-20' };
const RESERVED: Record<string, [string, string]> = {
  // type: [1yr standard no-upfront effective, 3yr standard no-upfront effective] (estimates from 2018 ratios)
  'm5.large': ['0.0785', '0.054'],
  'm5.xlarge': ['0.157', '0.108'],
  'm5.2xlarge': ['0.314', '0.216'],
};

function reserved(type: string): ReservedRate[] {
  const r = RESERVED[type];
  if (!r) return [];
  const basis = { kind: 'estimate' as const, source: 'ec2instances-2018', asOf: '2018-08-16', method: 'm5 family ratio × on-demand' };
  return [
    { term: '1yr', offeringClass: 'standard', paymentOption: 'no-upfront', upfrontUsd: '0', usdPerHour: r[0], effectiveUsdPerHour: r[0], basis },
    { term: '3yr', offeringClass: 'standard', paymentOption: 'no-upfront', upfrontUsd: '0', usdPerHour: r[1], effectiveUsdPerHour: r[1], basis },
  ];
}

export function fixtureSpecs(): InstanceTypeSpec[] {
  return ROWS.map(([type, vcpu, gib, clock, , , extra]) => {
    const [family = '', size = ''] = type.split('.');
    return {
      instanceType: type,
      family,
      generation: Number(/\d+/.exec(family)?.[0] ?? 0),
      size,
      vcpu,
      memoryGiB: gib,
      arch: 'x86_64',
      cpuManufacturer: 'intel',
      sustainedClockGhz: clock,
      burstable: false,
      bareMetal: false,
      currentGeneration: true,
      networkBandwidthMbps: null,
      gpuCount: 0,
      ...extra,
    };
  });
}

/**
 * eu-west-3 managed-service prices as in data/services/eu-west-3.json (2026 offers; estimates where the snapshot
 * has estimates), for the services and traffic of examples/inventory.csv.
 */
const PARIS_2026: PriceBasis = { kind: 'exact', source: 'aws-offers-eu-west-3-2026', asOf: '2026-09-28' };
const RATIO: PriceBasis = { kind: 'estimate', source: 'eu-west-1 × median EC2 ratio', asOf: '2026-09-11', method: 'eu-west-1 price × 1.049645' };
const FLAT: PriceBasis = { kind: 'estimate', source: 'same as eu-west-1 / us-east-1', asOf: '2026-09-16', method: 'region-independent price' };
const SERVICES: [key: string, unit: string, usd: string, basis: PriceBasis][] = [
  ['rds:db.m5.large:mysql:multi-az', 'hour', '0.395664', RATIO],
  ['rds:storage:gp2:multi-az', 'GB-month', '0.26556', RATIO],
  ['dynamodb:rru', 'million-request-units', '0.148525', RATIO],
  ['dynamodb:wru', 'million-request-units', '0.74', RATIO],
  ['dynamodb:storage', 'GB-month', '0.29705', RATIO],
  ['sqs:requests:standard', 'million-requests', '0.40', FLAT],
  ['s3:standard:storage', 'GB-month', '0.024', PARIS_2026],
  ['s3:requests:tier1', 'million-requests', '5.3', PARIS_2026],
  ['s3:requests:tier2', 'million-requests', '0.42', PARIS_2026],
  ['alb:hour', 'hour', '0.02646', PARIS_2026],
  ['alb:lcu', 'LCU-hour', '0.0084', PARIS_2026],
  ['nat:hour', 'hour', '0.05', PARIS_2026],
  ['nat:data-processed', 'GB', '0.05', PARIS_2026],
  ['elasticache:cache.m5.large:redis', 'hour', '0.068037', RATIO],
  ['transfer:internet-out:tier1', 'GB', '0.09', PARIS_2026],
  ['transfer:internet-out:tier2', 'GB', '0.085', FLAT],
  ['transfer:internet-out:tier3', 'GB', '0.07', FLAT],
  ['transfer:internet-out:tier4', 'GB', '0.05', FLAT],
  ['transfer:inter-az', 'GB', '0.01', FLAT],
];

export function fixtureServicePrices(region = 'eu-west-3'): ServicePrice[] {
  return SERVICES.map(([key, unit, usd, basis]) => ({ key, region, unit, usd, description: key, basis }));
}

export function fixtureCatalog(region = 'eu-west-3'): InMemoryCatalog {
  const prices: Ec2Prices[] = ROWS.map(([type, , , , usd, spot]) => ({
    region,
    instanceType: type,
    currency: 'USD',
    onDemand: { usdPerHour: usd, basis: SNAPSHOT },
    reserved: reserved(type),
    ...(spot ? { spot: { averageUsdPerHour: spot, priceBasis: { kind: 'exact' as const, source: 'skypilot-v7', asOf: '2026-07-20' } } } : {}),
  }));
  return new InMemoryCatalog({
    info: { pricesAsOf: '2026-07-20', sources: [], regions: [region], origin: 'snapshot' },
    instanceTypes: fixtureSpecs(),
    ec2Prices: prices,
    servicePrices: fixtureServicePrices(region),
  });
}
