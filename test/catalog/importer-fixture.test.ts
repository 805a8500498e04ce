/** The whole EC2 importer on small fixtures in the sources' exact formats (test/catalog/fixtures/shared). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEc2 } from '../../scripts/data/ec2.js';
import { InputError } from '../../src/errors.js';
import { buildSnapshot, FIXTURE_SHARED, type BuiltSnapshot } from './support.js';

let built: BuiltSnapshot;
beforeAll(async () => {
  built = await buildSnapshot();
});

const rate = (b: BuiltSnapshot, region: string, type: string, term: string, cls: string, pay: string) =>
  b.catalog.ec2Prices(region, type)!.reserved.find((r) => r.term === term && r.offeringClass === cls && r.paymentOption === pay);

describe('EC2 importer on fixtures', () => {
  it('covers every region with a price source, not the Spot-Advisor-only ones', () => {
    expect(built.catalog.regions()).toEqual(['eu-west-3', 'sa-east-1', 'us-east-1']);
    expect(built.catalog.info().pricesAsOf).toBe('2026-07-20');
    expect(built.part.sources.find((s) => s.id === 'spot-advisor')!.notes![0]).toContain('1 advisor regions without any on-demand source are left out: ca-west-1');
  });

  it('m5.xlarge in eu-west-3: SkyPilot on-demand, 12 exact 2018 reserved rates, spot without placeholders', () => {
    const p = built.catalog.ec2Prices('eu-west-3', 'm5.xlarge')!;
    expect(p.onDemand).toEqual({ usdPerHour: '0.224', basis: { kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' } });
    expect(p.reserved).toHaveLength(12);
    expect(p.reserved.every((r) => r.basis.kind === 'exact' && r.basis.asOf === '2018-08-16')).toBe(true);
    expect(rate(built, 'eu-west-3', 'm5.xlarge', '3yr', 'standard', 'all-upfront')).toMatchObject({ upfrontUsd: '2549.16', usdPerHour: '0', effectiveUsdPerHour: '0.097' });
    const partial = rate(built, 'eu-west-3', 'm5.xlarge', '1yr', 'convertible', 'partial-upfront')!;
    expect(partial).toMatchObject({ upfrontUsd: '753.36', usdPerHour: '0.086', effectiveUsdPerHour: '0.172' });
    expect(partial.splitBasis).toMatchObject({ kind: 'estimate', source: 'aws-getproducts-2021', asOf: '2021-02-05' });
    expect(partial.splitBasis!.method).toContain('its 2 partial-upfront offers put 49.8–50.3 % of the term cost upfront');
    expect(p.spot).toMatchObject({ savingsPercent: 64, interruptionBucket: { index: 1, label: '5-10%' }, averageUsdPerHour: '0.0765', byZone: { 'euw3-az1': '0.0828', 'euw3-az2': '0.0702' } });
  });

  it('Karpenter wins in us-east-1, including its metal price, and the disagreement is recorded', () => {
    expect(built.catalog.ec2Prices('us-east-1', 'm5.large')!.onDemand!.usdPerHour).toBe('0.096');
    const metal = built.catalog.ec2Prices('us-east-1', 'm7i.metal-24xl')!;
    expect(metal.onDemand).toEqual({ usdPerHour: '5.32224', basis: { kind: 'exact', source: 'karpenter-pricing', asOf: '2026-07-20' } });
    expect(metal.spot).toMatchObject({ savingsPercent: -12, averageUsdPerHour: '1.9' });
    const notes = built.part.sources.find((s) => s.id === 'skypilot-v7')!.notes!;
    expect(notes).toContain('on-demand: karpenter-pricing (2026-07-20) over skypilot-v7 (2025-05-01): 1 prices differ, newer kept: m7i.metal-24xl us-east-1 5.32224 vs 4.8384');
  });

  it('reserved: own ratio when on-demand changed, LeanerCloud 2023 for 1yr standard all-upfront, category ratio for new families', () => {
    expect(rate(built, 'us-east-1', 'm5.xlarge', '1yr', 'standard', 'no-upfront')).toMatchObject({ effectiveUsdPerHour: '0.12192', basis: { kind: 'estimate' } });
    expect(rate(built, 'us-east-1', 'm5.xlarge', '1yr', 'standard', 'all-upfront')).toMatchObject({
      effectiveUsdPerHour: '0.1129',
      upfrontUsd: '989.004',
      basis: { kind: 'exact', source: 'leanercloud-2023', asOf: '2023-08-30' },
    });
    const m7i = rate(built, 'eu-west-3', 'm7i.xlarge', '1yr', 'standard', 'no-upfront')!;
    expect(m7i.effectiveUsdPerHour).toBe('0.163793'); // 0.6964 × 0.2352
    expect(m7i.basis.method).toContain('"m" category median 1yr standard no-upfront ÷ on-demand ratio over its current-generation 2018 families (m5) 0.6964');
    // m1.small: the 2018 file lists 5 of the 12 offers; the others stay absent.
    expect(built.catalog.ec2Prices('us-east-1', 'm1.small')!.reserved).toHaveLength(5);
  });

  it('a 2018-only region keeps its 2018 date; a Spot-Advisor-only type has facts but no price', () => {
    expect(built.catalog.ec2Prices('sa-east-1', 'm5.large')!.onDemand).toEqual({ usdPerHour: '0.153', basis: { kind: 'exact', source: 'ec2instances-2018', asOf: '2018-08-16' } });
    const c6g = built.catalog.ec2Prices('eu-west-3', 'c6g.large')!;
    expect(c6g.onDemand).toBeUndefined();
    expect(c6g.reserved).toEqual([]);
    expect(c6g.spot).toMatchObject({ savingsPercent: 50, interruptionBucket: { index: 2, label: '10-15%' } });
    expect(built.catalog.instanceType('c6g.large')).toMatchObject({ vcpu: 2, memoryGiB: 4, arch: 'arm64', sustainedClockGhz: null, currentGeneration: true });
  });

  it('instance facts: Karpenter first, others for the rest, unknown sustained clock is null', () => {
    expect(built.catalog.instanceType('m5.xlarge')).toEqual({
      instanceType: 'm5.xlarge', family: 'm5', generation: 5, size: 'xlarge', vcpu: 4, memoryGiB: 16, arch: 'x86_64', cpuManufacturer: 'intel',
      sustainedClockGhz: 3.1, burstable: false, bareMetal: false, currentGeneration: true, networkBandwidthMbps: 1250, gpuCount: 0,
    });
    expect(built.catalog.instanceType('m1.small')).toMatchObject({ sustainedClockGhz: null, currentGeneration: false });
    expect(built.catalog.instanceType('g3s.xlarge')).toMatchObject({ vcpu: 4, memoryGiB: 30.5, arch: 'x86_64', cpuManufacturer: 'intel', networkBandwidthMbps: 10000, sustainedClockGhz: null });
    expect(built.catalog.instanceType('t3.micro')).toMatchObject({ burstable: true });
    expect(built.catalog.instanceType('m7i.metal-24xl')).toMatchObject({ bareMetal: true });
    expect(built.catalog.instanceType('mac1.metal')).toBeUndefined();
    expect(built.part.notes).toContain('left out, no instance facts in any source (Mac instances have no Linux price either): cc2.8xlarge, mac1.metal');
  });

  it('counts per region for the manifest', () => {
    expect(built.part.counts['eu-west-3']).toMatchObject({
      'ec2.offered': 4,
      'ec2.leftOutWithoutFacts': 1,
      'ec2.onDemand.skypilot-v7': 3,
      'ec2.reserved.ratesExact': 23,
      'ec2.reserved.ratesEstimated': 12,
      'ec2.reserved.offersAbsentIn2018': 1,
      'ec2.spot.placeholdersDropped': 2,
      'ec2.spot.price': 2,
      'ec2.listedBy.skypilot-v7': 4,
    });
    expect(built.part.counts['us-east-1']).toMatchObject({ 'ec2.onDemand.karpenter-pricing': 9, 'ec2.reserved.typesOnDemandChangedSince2018': 1, 'ec2.reserved.leanercloudSkippedOnDemandChanged': 1 });
    expect(built.catalog.coverage('eu-west-3')).toMatchObject({ instanceTypes: 4, onDemandExact: 3, reservedExact: 2, reservedEstimated: 1, spot: 3, currentGenOnDemandExactPercent: 75 });
  });

  it('records every source file with its sha256 and date', () => {
    const sky = built.part.sources.find((s) => s.id === 'skypilot-v7')!;
    expect(sky.asOf).toBe('2025-05-01');
    expect(sky.files[0]).toMatchObject({ path: 'data/skypilot/vms_full.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(built.part.sources.map((s) => s.id)).toEqual([
      'karpenter-catalog', 'karpenter-pricing', 'skypilot-v7', 'ec2instances-2018', 'spot-advisor', 'spot-advisor-architecture', 'libcloud-2023', 'leanercloud-2023', 'aws-getproducts-2021',
    ]);
  });

  it('is deterministic: the same inputs give the same bytes', async () => {
    const again = await buildEc2({ shared: FIXTURE_SHARED, log: () => {} });
    expect(again.files).toEqual(built.part.files);
  });
});

describe('EC2 importer on bad input', () => {
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-shared-'));
    cpSync(FIXTURE_SHARED, dir, { recursive: true });
    return dir;
  };
  it('names the missing source file', async () => {
    const dir = copy();
    rmSync(join(dir, 'data/skypilot/vms_full.csv'));
    await expect(buildEc2({ shared: dir, log: () => {} })).rejects.toThrow(/data\/skypilot\/vms_full\.csv: source file is missing/);
  });
  it('names file, row and field of a malformed price', async () => {
    const dir = copy();
    const file = join(dir, 'data/ec2instances-2018/prices_linux_all_regions.csv');
    writeFileSync(file, `instance_type,region,ondemand_usd_hour,reserved_yrTerm1Standard.noUpfront,reserved_yrTerm1Standard.partialUpfront,reserved_yrTerm1Standard.allUpfront,reserved_yrTerm3Standard.noUpfront,reserved_yrTerm3Standard.partialUpfront,reserved_yrTerm3Standard.allUpfront,reserved_yrTerm1Convertible.noUpfront,reserved_yrTerm1Convertible.partialUpfront,reserved_yrTerm1Convertible.allUpfront,reserved_yrTerm3Convertible.noUpfront,reserved_yrTerm3Convertible.partialUpfront,reserved_yrTerm3Convertible.allUpfront\r\nm5.large,us-east-1,0.096,0.061,0.058,abc,,,,,,,,,\r\n`);
    const err = await buildEc2({ shared: dir, log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(`${file}, row 1, field "reserved_yrTerm1Standard.allUpfront": expected a decimal number, found "abc"`);
  });
});
