/**
 * A small real-shaped catalog for estimator tests: eu-west-3 Linux on-demand prices (SkyPilot catalog v7),
 * specs and sustained clocks from Karpenter's instance-type table, spot medians, and m5 reserved rates.
 */
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import type { Ec2Prices, InstanceTypeSpec, ReservedRate } from '../../src/catalog/types.js';

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
  });
}
