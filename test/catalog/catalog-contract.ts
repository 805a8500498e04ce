/**
 * The contract every Catalog implementation passes (snapshot, in-memory, SQLite-refreshed, layered).
 * `catalogContract(name, makeCatalog)`: makeCatalog receives CONTRACT_DATA (plain values) and returns a
 * Catalog holding exactly those values, however it stores them; the cases check that every look-up
 * gives them back unchanged, plus the invariants any price must satisfy.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogData } from '../../src/catalog/memory.js';
import { RESERVED_ORDER } from '../../src/catalog/snapshot-format.js';
import { termHours, type Catalog, type Ec2Prices, type InstanceTypeSpec, type PriceBasis, type ReservedRate } from '../../src/catalog/types.js';
import { dec } from '../../src/money/index.js';

const spec = (instanceType: string, vcpu: number, memoryGiB: number, over: Partial<InstanceTypeSpec> = {}): InstanceTypeSpec => {
  const [family = '', size = ''] = instanceType.split('.');
  return {
    instanceType, family, generation: Number(/\d+/.exec(family)?.[0] ?? 0), size, vcpu, memoryGiB, arch: 'x86_64', cpuManufacturer: 'intel',
    sustainedClockGhz: 3.1, burstable: false, bareMetal: false, currentGeneration: true, networkBandwidthMbps: 1250, gpuCount: 0, ...over,
  };
};

const E18: PriceBasis = { kind: 'exact', source: 'ec2instances-2018', asOf: '2018-08-16' };
const SKY: PriceBasis = { kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' };
const KARP: PriceBasis = { kind: 'exact', source: 'karpenter-pricing', asOf: '2026-07-20' };
const SPLIT: PriceBasis = { kind: 'estimate', source: 'aws-getproducts-2021', asOf: '2021-02-05', method: 'upfront = 50 % of the term cost' };
const RATIO: PriceBasis = { kind: 'estimate', source: 'ec2instances-2018', asOf: '2025-05-01', method: 'm family median ratio 0.6964 × on-demand' };

/** The m5.xlarge eu-west-3 reserved rates (effective hourly from ec2instances 2018-08-16). */
function m5xlargeReserved(): ReservedRate[] {
  const eff = ['0.157', '0.15', '0.147', '0.181', '0.172', '0.169', '0.111', '0.104', '0.097', '0.128', '0.118', '0.116'];
  return RESERVED_ORDER.map((o, i) => {
    const e = dec(eff[i]!);
    const hours = termHours(o.term);
    const base = { term: o.term, offeringClass: o.offeringClass, paymentOption: o.paymentOption, effectiveUsdPerHour: e.toFixed(), basis: E18 };
    if (o.paymentOption === 'no-upfront') return { ...base, upfrontUsd: '0', usdPerHour: e.toFixed() };
    if (o.paymentOption === 'all-upfront') return { ...base, upfrontUsd: e.times(hours).toFixed(), usdPerHour: '0' };
    return { ...base, upfrontUsd: e.times(hours).div(2).toFixed(), usdPerHour: e.div(2).toFixed(), splitBasis: SPLIT };
  });
}

const PRICES: Ec2Prices[] = [
  {
    region: 'eu-west-3', instanceType: 'm5.xlarge', currency: 'USD',
    onDemand: { usdPerHour: '0.224', basis: SKY },
    reserved: m5xlargeReserved(),
    spot: {
      savingsPercent: 64, interruptionBucket: { index: 1, label: '5-10%' }, averageUsdPerHour: '0.0765',
      byZone: { 'euw3-az1': '0.0828', 'euw3-az2': '0.0702' },
      advisorBasis: { kind: 'exact', source: 'spot-advisor', asOf: '2025-06-28' },
      priceBasis: { kind: 'estimate', source: 'skypilot-v7', asOf: '2025-05-01', method: 'median of 2 availability-zone spot prices' },
    },
  },
  {
    region: 'eu-west-3', instanceType: 'm7i.xlarge', currency: 'USD',
    onDemand: { usdPerHour: '0.2352', basis: SKY },
    reserved: [
      { term: '1yr', offeringClass: 'standard', paymentOption: 'no-upfront', upfrontUsd: '0', usdPerHour: '0.163793', effectiveUsdPerHour: '0.163793', basis: RATIO },
      { term: '3yr', offeringClass: 'convertible', paymentOption: 'all-upfront', upfrontUsd: '3110.92128', usdPerHour: '0', effectiveUsdPerHour: '0.118376', basis: RATIO },
    ],
  },
  {
    region: 'eu-west-3', instanceType: 'm1.small', currency: 'USD', reserved: [],
    spot: { savingsPercent: 70, interruptionBucket: { index: 0, label: '<5%' }, advisorBasis: { kind: 'exact', source: 'spot-advisor', asOf: '2025-06-28' } },
  },
  {
    region: 'us-east-1', instanceType: 'm5.large', currency: 'USD',
    onDemand: { usdPerHour: '0.096', basis: KARP },
    reserved: [{ term: '1yr', offeringClass: 'standard', paymentOption: 'all-upfront', upfrontUsd: '494.00268', usdPerHour: '0', effectiveUsdPerHour: '0.056393', basis: { kind: 'exact', source: 'leanercloud-2023', asOf: '2023-08-30' } }],
    spot: { averageUsdPerHour: '0.04', byZone: { 'use1-az1': '0.04' }, priceBasis: { kind: 'estimate', source: 'skypilot-v7', asOf: '2025-05-01', method: 'median of 1 availability-zone spot price' } },
  },
  {
    region: 'us-east-1', instanceType: 'm7i.xlarge', currency: 'USD',
    onDemand: { usdPerHour: '0.2016', basis: { kind: 'estimate', source: 'test', asOf: '2026-07-20', method: 'an on-demand estimate, to exercise coverage' } },
    reserved: [],
  },
];

/** The values every implementation under test must hold. */
export const CONTRACT_DATA: CatalogData = {
  info: {
    pricesAsOf: '2026-07-20',
    regions: ['eu-west-3', 'us-east-1'],
    origin: 'contract',
    sources: [
      { id: 'skypilot-v7', description: 'SkyPilot AWS catalog v7', asOf: '2025-05-01', origin: 'skypilot-org/skypilot-catalog' },
      { id: 'karpenter-pricing', description: 'Karpenter on-demand prices', asOf: '2026-07-20', origin: 'aws/karpenter-provider-aws' },
    ],
  },
  instanceTypes: [
    spec('m1.small', 1, 1.69921875, { sustainedClockGhz: null, currentGeneration: false, networkBandwidthMbps: null, generation: 1 }),
    spec('m5.large', 2, 8),
    spec('m5.xlarge', 4, 16),
    spec('m7i.xlarge', 4, 16, { sustainedClockGhz: 3.2, networkBandwidthMbps: 1562 }),
    spec('m6g.large', 2, 8, { arch: 'arm64', cpuManufacturer: 'aws', sustainedClockGhz: 2.5 }),
  ],
  ec2Prices: PRICES,
  servicePrices: [
    { key: 'ebs:gp3:storage', region: 'eu-west-3', unit: 'GB-month', usd: '0.0928', description: 'EBS gp3 storage', basis: { kind: 'exact', source: 'aws-bulk-2023', asOf: '2023-02-23' } },
    { key: 'nat:hour', region: 'us-east-1', unit: 'hour', usd: '0.045', description: 'NAT gateway hour', basis: { kind: 'exact', source: 'aws-bulk-2023', asOf: '2023-02-23' } },
  ],
};

const ORDER = (r: ReservedRate): number => RESERVED_ORDER.findIndex((o) => o.term === r.term && o.offeringClass === r.offeringClass && o.paymentOption === r.paymentOption);
const sorted = (p: Ec2Prices | undefined): Ec2Prices | undefined => p && { ...p, reserved: [...p.reserved].sort((a, b) => ORDER(a) - ORDER(b)) };

/** Invariants any catalog's prices satisfy (also run on the real snapshot). */
export function checkPriceInvariants(catalog: Catalog, region: string, instanceType: string): void {
  const p = catalog.ec2Prices(region, instanceType);
  if (!p) throw new Error(`${instanceType} ${region}: no prices`);
  const bases: PriceBasis[] = [];
  if (p.onDemand) {
    bases.push(p.onDemand.basis);
    expect(dec(p.onDemand.usdPerHour).gte(0)).toBe(true);
  }
  const seen = new Set<number>();
  for (const r of p.reserved) {
    const where = `${instanceType} ${region} ${r.term} ${r.offeringClass} ${r.paymentOption}`;
    expect(seen.has(ORDER(r)), `${where} listed twice`).toBe(false);
    seen.add(ORDER(r));
    bases.push(r.basis, ...(r.splitBasis ? [r.splitBasis] : []));
    const effective = dec(r.upfrontUsd).div(termHours(r.term)).plus(r.usdPerHour);
    expect(effective.minus(r.effectiveUsdPerHour).abs().lte('0.000001'), `${where}: upfront/hours + hourly = effective`).toBe(true);
    if (r.paymentOption === 'no-upfront') expect(r.upfrontUsd, where).toBe('0');
    if (r.paymentOption === 'all-upfront') expect(r.usdPerHour, where).toBe('0');
  }
  if (p.spot?.advisorBasis) bases.push(p.spot.advisorBasis);
  if (p.spot?.priceBasis) bases.push(p.spot.priceBasis);
  for (const b of bases) {
    expect(b.asOf, `${instanceType} ${region} basis date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b.source.length).toBeGreaterThan(0);
    if (b.kind === 'estimate') expect(b.method?.length ?? 0, `${instanceType} ${region}: an estimate states its method`).toBeGreaterThan(0);
  }
}

export function catalogContract(name: string, makeCatalog: (data: CatalogData) => Catalog | Promise<Catalog>): void {
  describe(`Catalog contract: ${name}`, () => {
    let catalog: Catalog;
    const get = async (): Promise<Catalog> => (catalog ??= await makeCatalog(CONTRACT_DATA));

    it('info and regions', async () => {
      const c = await get();
      expect(c.info().pricesAsOf).toBe('2026-07-20');
      expect(c.info().origin.length).toBeGreaterThan(0);
      expect(c.regions()).toEqual(['eu-west-3', 'us-east-1']);
      expect(c.info().regions).toEqual(c.regions());
      expect(c.info().sources.map((s) => [s.id, s.asOf])).toEqual([
        ['skypilot-v7', '2025-05-01'],
        ['karpenter-pricing', '2026-07-20'],
      ]);
    });

    it('instance types by name, all of them, and per region', async () => {
      const c = await get();
      for (const s of CONTRACT_DATA.instanceTypes) expect(c.instanceType(s.instanceType)).toEqual(s);
      expect(c.instanceType('m5.nope')).toBeUndefined();
      expect(c.instanceTypes().map((s) => s.instanceType).sort()).toEqual(['m1.small', 'm5.large', 'm5.xlarge', 'm6g.large', 'm7i.xlarge']);
      expect(c.instanceTypesIn('eu-west-3').map((s) => s.instanceType).sort()).toEqual(['m1.small', 'm5.xlarge', 'm7i.xlarge']);
      expect(c.instanceTypesIn('us-east-1').map((s) => s.instanceType).sort()).toEqual(['m5.large', 'm7i.xlarge']);
      expect(c.instanceTypesIn('ap-south-2')).toEqual([]);
    });

    it('gives every price back exactly, with its basis and date', async () => {
      const c = await get();
      for (const p of PRICES) expect(sorted(c.ec2Prices(p.region, p.instanceType))).toEqual(sorted(p));
      expect(c.ec2Prices('eu-west-3', 'm5.xlarge')!.onDemand!.usdPerHour).toBe('0.224');
      expect(c.ec2Prices('eu-west-3', 'm5.xlarge')!.reserved).toHaveLength(12);
    });

    it('has nothing for an unknown type, a type not offered in the region, or an unknown region', async () => {
      const c = await get();
      expect(c.ec2Prices('eu-west-3', 'm5.nope')).toBeUndefined();
      expect(c.ec2Prices('eu-west-3', 'm5.large')).toBeUndefined();
      expect(c.ec2Prices('ap-south-2', 'm5.large')).toBeUndefined();
    });

    it('prices satisfy the invariants (effective = upfront ÷ term hours + hourly; estimates state their method)', async () => {
      const c = await get();
      for (const p of PRICES) checkPriceInvariants(c, p.region, p.instanceType);
    });

    it('service prices by region and key', async () => {
      const c = await get();
      expect(c.servicePrice('eu-west-3', 'ebs:gp3:storage')).toEqual(CONTRACT_DATA.servicePrices![0]);
      expect(c.servicePrice('us-east-1', 'nat:hour')!.usd).toBe('0.045');
      expect(c.servicePrice('us-east-1', 'ebs:gp3:storage')).toBeUndefined();
    });

    it('coverage per region', async () => {
      const c = await get();
      expect(c.coverage('eu-west-3')).toEqual({
        region: 'eu-west-3', instanceTypes: 3, onDemandExact: 2, onDemandEstimated: 0, reservedExact: 1, reservedEstimated: 1, spot: 2, servicePrices: 1,
        currentGenOnDemandExactPercent: 100, // m1.small is previous generation
      });
      expect(c.coverage('us-east-1')).toEqual({
        region: 'us-east-1', instanceTypes: 2, onDemandExact: 1, onDemandEstimated: 1, reservedExact: 1, reservedEstimated: 0, spot: 1, servicePrices: 1,
        currentGenOnDemandExactPercent: 50,
      });
      expect(c.coverage('ap-south-2')).toMatchObject({ instanceTypes: 0, currentGenOnDemandExactPercent: 0 });
    });

    it('price dates per region and kind: oldest, newest, exact / estimate, per source', async () => {
      const c = await get();
      const one = (source: string, kind: 'exact' | 'estimate', date: string, prices: number, sourceAsOf?: string) => ({
        source, kind, oldest: date, newest: date, prices, ...(sourceAsOf ? { sourceAsOf } : {}),
      });
      const span = (oldest: string, newest: string, prices: number) => ({ oldest, newest, prices });
      expect(c.priceDates('eu-west-3')).toEqual({
        region: 'eu-west-3',
        onDemand: { prices: 2, oldest: '2025-05-01', newest: '2025-05-01', exact: span('2025-05-01', '2025-05-01', 2), sources: [one('skypilot-v7', 'exact', '2025-05-01', 2)] },
        // 12 exact 2018 rates (m5.xlarge) and 2 estimates dated by the on-demand price they scale (m7i.xlarge)
        reserved: {
          prices: 14, oldest: '2018-08-16', newest: '2025-05-01',
          exact: span('2018-08-16', '2018-08-16', 12), estimate: span('2025-05-01', '2025-05-01', 2),
          sources: [one('ec2instances-2018', 'exact', '2018-08-16', 12), one('ec2instances-2018', 'estimate', '2025-05-01', 2)],
        },
        spot: { prices: 1, oldest: '2025-05-01', newest: '2025-05-01', estimate: span('2025-05-01', '2025-05-01', 1), sources: [one('skypilot-v7', 'estimate', '2025-05-01', 1)] },
        spotAdvisor: { prices: 2, oldest: '2025-06-28', newest: '2025-06-28', exact: span('2025-06-28', '2025-06-28', 2), sources: [one('spot-advisor', 'exact', '2025-06-28', 2)] },
        services: { prices: 1, oldest: '2023-02-23', newest: '2023-02-23', exact: span('2023-02-23', '2023-02-23', 1), sources: [one('aws-bulk-2023', 'exact', '2023-02-23', 1)] },
      });
      const us = c.priceDates('us-east-1');
      // on-demand: one exact Karpenter price and one estimate, both 2026-07-20; the newest date is not every price's date
      expect(us.onDemand).toEqual({
        prices: 2, oldest: '2026-07-20', newest: '2026-07-20', exact: span('2026-07-20', '2026-07-20', 1), estimate: span('2026-07-20', '2026-07-20', 1),
        sources: [one('karpenter-pricing', 'exact', '2026-07-20', 1), one('test', 'estimate', '2026-07-20', 1)],
      });
      expect(us.reserved.sources).toEqual([one('leanercloud-2023', 'exact', '2023-08-30', 1)]);
      // the Karpenter source is dated 2026-07-20, SkyPilot 2025-05-01: us-east-1 spot is SkyPilot's
      expect([us.spot.oldest, us.spot.newest, us.spotAdvisor.prices, us.services.newest]).toEqual(['2025-05-01', '2025-05-01', 0, '2023-02-23']);
      const none = c.priceDates('ap-south-2');
      for (const k of ['onDemand', 'reserved', 'spot', 'spotAdvisor', 'services'] as const) expect(none[k]).toEqual({ prices: 0, sources: [] });
    });

    it('a region\'s price dates are its own, not the catalog headline (info().pricesAsOf is the newest anywhere)', async () => {
      const c = await get();
      expect(c.info().pricesAsOf).toBe('2026-07-20');
      expect(c.priceDates('eu-west-3').onDemand.newest).toBe('2025-05-01');
    });

    it('answers the same way twice', async () => {
      const c = await get();
      expect(c.ec2Prices('eu-west-3', 'm5.xlarge')).toEqual(c.ec2Prices('eu-west-3', 'm5.xlarge'));
      expect(c.instanceTypesIn('eu-west-3')).toEqual(c.instanceTypesIn('eu-west-3'));
    });
  });
}
