/**
 * The importer on the real public sources, read in place from ../shared (skipped when absent), and the
 * committed data/ checked against a fresh build from them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { haveCorpus, PROJECT_ROOT, SHARED, sharedDataPath } from '../support/corpora.js';
import { checkPriceInvariants } from './catalog-contract.js';
import { buildSnapshot, type BuiltSnapshot } from './support.js';

describe.skipIf(!haveCorpus(sharedDataPath('skypilot/vms_full.csv'), 'EC2 snapshot corpus'))('EC2 importer on the real sources', () => {
  let built: BuiltSnapshot;
  beforeAll(async () => {
    built = await buildSnapshot(SHARED);
  }, 120_000);

  it('m5.xlarge in eu-west-3: 4 vCPU, 16 GiB, 0.224 USD/h, 12 exact reserved rates', () => {
    expect(built.catalog.instanceType('m5.xlarge')).toMatchObject({ vcpu: 4, memoryGiB: 16, sustainedClockGhz: 3.1, currentGeneration: true });
    const p = built.catalog.ec2Prices('eu-west-3', 'm5.xlarge')!;
    expect(p.onDemand!.usdPerHour).toBe('0.224');
    expect(p.reserved).toHaveLength(12);
    expect(p.reserved.every((r) => r.basis.kind === 'exact')).toBe(true);
  });

  it('m5.large in us-east-1: 0.096 USD/h from Karpenter 2026-07-20', () => {
    expect(built.catalog.ec2Prices('us-east-1', 'm5.large')!.onDemand).toEqual({ usdPerHour: '0.096', basis: { kind: 'exact', source: 'karpenter-pricing', asOf: '2026-07-20' } });
  });

  it('counts: sources as documented, every SkyPilot region, coverage ≥ 95 % in the four main regions', () => {
    expect(built.catalog.regions()).toHaveLength(24); // 22 SkyPilot regions + sa-east-1 and us-gov-west-1 (2018 only)
    expect(built.part.sources.find((s) => s.id === 'skypilot-v7')!.notes).toContain(
      'read 36411 rows; 5 repeated (type, AZ) rows merged, keeping the one with a spot price; on-demand checked equal in every AZ of a region',
    );
    expect(built.part.counts['eu-west-3']).toMatchObject({ 'ec2.listedBy.skypilot-v7': 448, 'ec2.onDemand.skypilot-v7': 448 });
    expect(built.part.counts['us-east-1']).toMatchObject({ 'ec2.listedBy.karpenter-pricing': 1367, 'ec2.listedBy.skypilot-v7': 914, 'ec2.listedBy.ec2instances-2018': 115 });
    expect(built.part.counts['eu-west-1']!['ec2.listedBy.skypilot-v7']).toBe(804);
    expect(built.part.counts['eu-central-1']!['ec2.listedBy.skypilot-v7']).toBe(831);
    for (const region of ['eu-west-3', 'eu-west-1', 'eu-central-1', 'us-east-1']) {
      expect(built.catalog.coverage(region).currentGenOnDemandExactPercent, region).toBeGreaterThanOrEqual(95);
    }
    const karpenter = built.part.sources.find((s) => s.id === 'skypilot-v7')!.notes!.find((n) => n.startsWith('on-demand: karpenter-pricing (2026-07-20) over skypilot-v7'));
    expect(karpenter).toMatch(/^on-demand: karpenter-pricing \(2026-07-20\) over skypilot-v7 \(2025-05-01\): 31 prices differ, newer kept: .*c7i\.metal-24xl us-east-1 4\.7124 vs 4\.284/);
  });

  it('every price of the four main regions satisfies the catalog invariants', () => {
    const checked: Record<string, number> = {};
    for (const region of ['eu-west-3', 'eu-west-1', 'eu-central-1', 'us-east-1']) {
      const types = built.catalog.instanceTypesIn(region);
      for (const s of types) checkPriceInvariants(built.catalog, region, s.instanceType);
      checked[region] = types.length;
    }
    // Every type listed in the region was checked (an empty list would check nothing).
    expect(checked).toEqual({ 'eu-west-3': 448, 'eu-west-1': 813, 'eu-central-1': 838, 'us-east-1': 1370 });
  });

  it('the committed data/ is this build, byte for byte', () => {
    for (const f of built.part.files) expect(readFileSync(resolve(PROJECT_ROOT, 'data', f.path), 'utf8'), `data/${f.path} is stale: run npm run data:build`).toBe(f.content);
    const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'data/manifest.json'), 'utf8')) as { sources: unknown[] };
    expect(manifest.sources).toEqual(expect.arrayContaining(built.part.sources.map((s) => JSON.parse(JSON.stringify(s)))));
  });

  it('the committed snapshot loads and answers like the fresh build', () => {
    const committed = loadSnapshotCatalog();
    expect(committed.ec2Prices('eu-west-3', 'm5.xlarge')).toEqual(built.catalog.ec2Prices('eu-west-3', 'm5.xlarge'));
  });
});
