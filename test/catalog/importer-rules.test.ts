import { describe, expect, it } from 'vitest';
import type { Ec2InstancesPrice } from '../../scripts/data/ec2/ec2instances.js';
import { chooseOnDemand, describeDisagreements } from '../../scripts/data/ec2/on-demand.js';
import { categoryOf, median, RatioTables } from '../../scripts/data/ec2/reserved-ratios.js';
import { reservedFor, roundingTolerance, type ReservedContext } from '../../scripts/data/ec2/reserved.js';
import { cpuMakerOf, currentGenerationRule, generationOf } from '../../scripts/data/ec2/specs.js';
import { isPlaceholderSpot, spotFor } from '../../scripts/data/ec2/spot.js';
import { ratioEstimate, splitReserved } from '../../src/catalog/reserved-split.js';
import { RESERVED_ORDER } from '../../src/catalog/snapshot-format.js';
import { dec } from '../../src/money/index.js';

const KARP = { id: 'karpenter-pricing', asOf: '2026-07-20' };
const SKY = { id: 'skypilot-v7', asOf: '2025-05-01' };
const E18 = { id: 'ec2instances-2018', asOf: '2018-08-16' };
const LC = { id: 'leanercloud-2023', asOf: '2023-08-30' };
const table = (region: string, entries: Record<string, string>) => new Map([[region, new Map(Object.entries(entries))]]);

describe('on-demand precedence', () => {
  it('keeps the newest exact price and records older disagreeing ones', () => {
    const c = chooseOnDemand([
      { source: E18, prices: table('us-east-1', { 'm5.large': '0.096', 'm4.large': '0.1' }) },
      { source: KARP, prices: table('us-east-1', { 'm5.large': '0.096', 'c7i.metal-24xl': '4.7124' }) },
      { source: SKY, prices: table('us-east-1', { 'c7i.metal-24xl': '4.284', 'm5.large': '0.0960' }) },
    ]);
    const us = c.chosen.get('us-east-1')!;
    expect(us.get('c7i.metal-24xl')).toEqual({ usdPerHour: '4.7124', source: KARP });
    expect(us.get('m5.large')!.source).toEqual(KARP);
    expect(us.get('m4.large')).toEqual({ usdPerHour: '0.1', source: E18 });
    expect(c.disagreements).toHaveLength(1); // 0.0960 equals 0.096
    expect(describeDisagreements(c.disagreements)).toEqual([
      'on-demand: karpenter-pricing (2026-07-20) over skypilot-v7 (2025-05-01): 1 prices differ, newer kept: c7i.metal-24xl us-east-1 4.7124 vs 4.284',
    ]);
  });
});

describe('reserved rates', () => {
  const header = (usd: (string | undefined)[]): Ec2InstancesPrice['reserved'] => usd;
  const rows: Ec2InstancesPrice[] = [
    { instanceType: 'm5.xlarge', region: 'eu-west-3', row: 1, onDemand: '0.224', reserved: header(['0.157', '0.15', '0.147', '0.181', '0.172', '0.169', '0.111', '0.104', '0.097', '0.128', '0.118', '0.116']) },
    { instanceType: 'm5.xlarge', region: 'us-east-1', row: 2, onDemand: '0.2', reserved: header(['0.127', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]) },
    { instanceType: 'm5.large', region: 'us-east-1', row: 3, onDemand: '0.096', reserved: header(['0.061', '0.058', '0.057', '0.071', '0.068', '0.066', '0.041', '0.038', '0.036', '0.049', '0.045', '0.044']) },
    { instanceType: 'm1.small', region: 'us-east-1', row: 4, onDemand: '0.044', reserved: header(['0.027', '0.023', '0.022', undefined, undefined, undefined, undefined, '0.017', '0.015', undefined, undefined, undefined]) },
  ];
  const ctx: ReservedContext = {
    ec2instances: new Map(rows.map((r) => [`${r.region}\u0000${r.instanceType}`, r])),
    ec2instancesSource: E18,
    leanercloud: new Map([
      ['m5.large', { instanceType: 'm5.large', row: 1, onDemand: '0.096', reserved1yrStandardAllUpfront: '0.056393' }],
      ['m6g.large', { instanceType: 'm6g.large', row: 2, onDemand: '0.08', reserved1yrStandardAllUpfront: '0.048' }],
    ]),
    leanercloudSource: LC,
    ratios: new RatioTables(rows, (t) => !t.startsWith('m1.')),
  };

  it('tolerates the 2018 file rounding: half a unit of its last decimal, at least of the 3rd', () => {
    expect(roundingTolerance('0.16').toFixed()).toBe('0.0005');
    expect(roundingTolerance('0.0076').toFixed()).toBe('0.00005');
    expect(roundingTolerance('5').toFixed()).toBe('0.0005');
  });
  it('keeps 2018 rates exact when the on-demand price is unchanged (r4.large 0.16 vs 0.16005 is rounding)', () => {
    const r = reservedFor('eu-west-3', 'm5.xlarge', { usdPerHour: '0.224', source: SKY }, ctx);
    expect(r.outcome).toBe('exact');
    expect(r.rates.map((v) => v?.value)).toEqual(['0.157', '0.15', '0.147', '0.181', '0.172', '0.169', '0.111', '0.104', '0.097', '0.128', '0.118', '0.116']);
    expect(r.rates.every((v) => v?.basis.kind === 'exact' && v.basis.asOf === '2018-08-16')).toBe(true);
  });
  it('uses the type’s own 2018 ratio when its on-demand price changed, absent offers stay absent', () => {
    const r = reservedFor('us-east-1', 'm5.xlarge', { usdPerHour: '0.192', source: KARP }, ctx);
    expect(r.outcome).toBe('own-ratio');
    expect(r.absent).toBe(11);
    expect(r.rates[0]).toMatchObject({ value: '0.12192', basis: { kind: 'estimate', source: 'ec2instances-2018', asOf: '2026-07-20' } });
    expect(r.rates[0]!.basis.method).toBe(
      "m5.xlarge's own 1yr standard no-upfront ÷ on-demand ratio 0.6350 (ec2instances-2018, 2018-08-16: 0.127 ÷ 0.2; on-demand has changed since) × the on-demand price (karpenter-pricing, 2026-07-20)",
    );
  });
  it('prefers LeanerCloud 2023 for us-east-1 1yr standard all-upfront when its on-demand matches', () => {
    const r = reservedFor('us-east-1', 'm5.large', { usdPerHour: '0.096', source: KARP }, ctx);
    expect(r.rates[2]).toEqual({ value: '0.056393', basis: { kind: 'exact', source: 'leanercloud-2023', asOf: '2023-08-30' } });
    expect(r.rates[1]!.basis.source).toBe('ec2instances-2018');
    const changed = reservedFor('us-east-1', 'm6g.large', { usdPerHour: '0.077', source: KARP }, ctx);
    expect(changed.leanercloudSkipped).toBe(true);
    expect(changed.rates[2]!.basis.kind).toBe('estimate');
  });
  it('estimates types the 2018 file lacks with the family, then category, then global median ratio', () => {
    const r = reservedFor('eu-west-3', 'm7i.xlarge', { usdPerHour: '0.2352', source: SKY }, ctx);
    expect(r.outcome).toBe('family-ratio');
    // "m" category, current-generation 2018 families only (m1 excluded): ratios 0.127/0.2 = 0.635,
    // 0.061/0.096 = 0.63542, 0.157/0.224 = 0.70089 → median 0.6354; 0.6354 × 0.2352 = 0.14944608 → 0.149446
    expect(r.rates[0]!.value).toBe('0.149446');
    expect(ratioEstimate('0.6354', '0.2352').toFixed()).toBe('0.149446');
    expect(r.rates[0]!.basis.method).toBe(
      'family not in the 2018 file: "m" category median 1yr standard no-upfront ÷ on-demand ratio over its current-generation 2018 families (m5) 0.6354 (ec2instances-2018, 2018-08-16, 3 prices) × the on-demand price (skypilot-v7, 2025-05-01)',
    );
    const t = reservedFor('eu-west-3', 't3.micro', { usdPerHour: '0.0104', source: SKY }, ctx);
    expect(t.rates[0]!.basis.method).toMatch(/^neither family nor category in the 2018 file: median 1yr standard no-upfront/);
    const fam = reservedFor('eu-west-3', 'm5.metal', { usdPerHour: '4.608', source: SKY }, ctx);
    expect(fam.rates[3]!.basis.method).toMatch(/^m5 family median 1yr convertible no-upfront ÷ on-demand ratio 0\.\d{4} \(ec2instances-2018, 2018-08-16, 2 prices\)/);
  });
  it('has no reserved rate for a free type', () => {
    expect(reservedFor('eu-west-3', 'm5.large', { usdPerHour: '0', source: SKY }, ctx).rates).toEqual([]);
  });
  it('medians and categories', () => {
    expect(median([dec(3), dec(1), dec(2)]).toFixed()).toBe('2');
    expect(median([dec(1), dec(2), dec(4), dec(3)]).toFixed()).toBe('2.5');
    expect(categoryOf('c7i-flex')).toBe('c');
    expect(categoryOf('hpc7a')).toBe('hpc');
  });
});

describe('reserved split', () => {
  const b = { kind: 'exact' as const, source: 's', asOf: '2018-08-16' };
  const partial = { upfrontShare: '0.5', basis: { kind: 'estimate' as const, source: 'g', asOf: '2021-02-05', method: 'half' } };
  const at = (term: string, cls: string, pay: string) => RESERVED_ORDER.findIndex((o) => o.term === term && o.offeringClass === cls && o.paymentOption === pay);
  it('no-upfront: all hourly', () => {
    expect(splitReserved(at('1yr', 'standard', 'no-upfront'), dec('0.157'), b, partial)).toEqual({
      term: '1yr', offeringClass: 'standard', paymentOption: 'no-upfront', effectiveUsdPerHour: '0.157', basis: b, upfrontUsd: '0', usdPerHour: '0.157',
    });
  });
  it('all-upfront: effective × term hours upfront', () => {
    const r = splitReserved(at('3yr', 'convertible', 'all-upfront'), dec('0.116'), b, partial);
    expect([r.upfrontUsd, r.usdPerHour]).toEqual(['3048.48', '0']);
    expect(r.splitBasis).toBeUndefined();
  });
  it('partial-upfront: share of the term cost upfront, the rest hourly, split basis stated', () => {
    const r = splitReserved(at('1yr', 'standard', 'partial-upfront'), dec('0.15'), b, partial);
    expect([r.upfrontUsd, r.usdPerHour, r.effectiveUsdPerHour]).toEqual(['657', '0.075', '0.15']);
    expect(r.splitBasis).toBe(partial.basis);
    expect(dec(r.upfrontUsd).div(8760).plus(r.usdPerHour).eq(r.effectiveUsdPerHour)).toBe(true);
  });
});

describe('spot', () => {
  const sky = (zones: [string, string | undefined][], onDemand = '0.224') => ({ instanceType: 'm5.xlarge', region: 'eu-west-3', vcpu: 4, memoryGiB: 16, acceleratorCount: 0, onDemand, zones: new Map(zones) });
  it('treats spot = on-demand and spot = exactly 10 % of on-demand as placeholders', () => {
    expect(isPlaceholderSpot('0.224', '0.224')).toBe('on-demand');
    expect(isPlaceholderSpot('0.0224', '0.224')).toBe('ten-percent');
    expect(isPlaceholderSpot('0.02240', '0.224')).toBe('ten-percent');
    expect(isPlaceholderSpot('0.0225', '0.224')).toBeNull();
    expect(isPlaceholderSpot('0.0225', undefined)).toBeNull();
  });
  it('medians the remaining AZs and adds the advisor facts', () => {
    const s = spotFor({ savingsPercent: 64, bucket: 1 }, ['<5%', '5-10%'], { id: 'spot-advisor', asOf: '2025-06-28' }, sky([['euw3-az3', '0.224'], ['euw3-az2', '0.0702'], ['euw3-az1', '0.0828'], ['euw3-az4', undefined]]), SKY);
    expect(s.placeholdersDropped).toBe(1);
    expect(s.spot).toMatchObject({
      savingsPercent: 64,
      interruptionBucket: { index: 1, label: '5-10%' },
      averageUsdPerHour: '0.0765',
      byZone: { 'euw3-az1': '0.0828', 'euw3-az2': '0.0702' },
      priceBasis: { kind: 'estimate', source: 'skypilot-v7' },
    });
    expect(s.spot!.priceBasis!.method).toMatch(/^median of 2 availability-zone spot prices/);
  });
  it('has no spot facts without advisor entry or market price', () => {
    expect(spotFor(undefined, [], { id: 'a', asOf: '2025-06-28' }, sky([['euw3-az1', '0.0224']]), SKY)).toEqual({ spot: undefined, placeholdersDropped: 1, tenPercentPlaceholders: 1 });
  });
});

describe('instance facts', () => {
  it('current generation: own 2023 flag, else own 2018 flag, else the family’s, else current', () => {
    const rule = currentGenerationRule(
      [{ instanceType: 'm4.large', currentGeneration: true, physicalProcessor: '', vcpu: 2, memoryGiB: 8 }],
      [
        { instanceType: 'm4.large', family: 'm4', currentGeneration: false, vcpu: 2, memoryGiB: 8, arch: 'x86_64', physicalProcessor: '', gpuCount: 0 },
        { instanceType: 'm3.medium', family: 'm3', currentGeneration: false, vcpu: 1, memoryGiB: 3.75, arch: 'x86_64', physicalProcessor: '', gpuCount: 0 },
      ],
    );
    expect(rule('m4.large')).toBe(true); // 2023 overrides 2018
    expect(rule('m4.16xlarge')).toBe(true); // family flag (2023)
    expect(rule('m3.2xlarge')).toBe(false); // family flag (2018)
    expect(rule('m8i.large')).toBe(true); // newer than both
  });
  it('generation and CPU maker of types outside the Karpenter catalog', () => {
    expect([generationOf('m5d'), generationOf('u-12tb1'), generationOf('mac2-m2pro'), generationOf('x8aedz')]).toEqual([5, 1, 2, 8]);
    expect([cpuMakerOf('AWS Graviton2 Processor'), cpuMakerOf('Intel Xeon E5-2686 v4'), cpuMakerOf('AMD EPYC 7R13'), cpuMakerOf('')]).toEqual(['aws', 'intel', 'amd', 'unknown']);
  });
});
