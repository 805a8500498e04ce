/** Price dates: the pure summary, and the real data/ snapshot (fast path from basis indices = decoding every price). */
import { describe, expect, it } from 'vitest';
import { describePriceDates, ec2PriceBases, RegionDatesBuilder, sourcesDated, summarizeBases } from '../../src/catalog/price-dates.js';
import { loadSnapshotCatalog } from '../../src/store/snapshot-files.js';
import type { PriceBasis } from '../../src/catalog/types.js';

const SKY: PriceBasis = { kind: 'exact', source: 'skypilot-v7', asOf: '2025-05-01' };
const KARP: PriceBasis = { kind: 'exact', source: 'karpenter-pricing', asOf: '2026-07-20' };
const E18: PriceBasis = { kind: 'exact', source: 'ec2instances-2018', asOf: '2018-08-16' };
const RATIO: PriceBasis = { kind: 'estimate', source: 'ec2instances-2018', asOf: '2025-05-01', method: 'm family median ratio 0.6424 × on-demand' };
const SOURCES = [
  { id: 'ec2instances-2018', asOf: '2018-08-16', description: '', origin: '' },
  { id: 'skypilot-v7', asOf: '2025-05-01', description: '', origin: '' },
];

describe('summarizeBases', () => {
  it('groups by source and kind, exact first then newest first; estimates name the date of the source they drew on', () => {
    const d = summarizeBases([SKY, RATIO, E18, RATIO, KARP, SKY], SOURCES);
    expect(d).toEqual({
      prices: 6,
      oldest: '2018-08-16',
      newest: '2026-07-20',
      exact: { oldest: '2018-08-16', newest: '2026-07-20', prices: 4 },
      estimate: { oldest: '2025-05-01', newest: '2025-05-01', prices: 2 },
      sources: [
        { source: 'karpenter-pricing', kind: 'exact', oldest: '2026-07-20', newest: '2026-07-20', prices: 1 },
        { source: 'skypilot-v7', kind: 'exact', oldest: '2025-05-01', newest: '2025-05-01', prices: 2 },
        { source: 'ec2instances-2018', kind: 'exact', oldest: '2018-08-16', newest: '2018-08-16', prices: 1 },
        { source: 'ec2instances-2018', kind: 'estimate', oldest: '2025-05-01', newest: '2025-05-01', prices: 2, sourceAsOf: '2018-08-16' },
      ],
    });
    expect(summarizeBases([])).toEqual({ prices: 0, sources: [] });
  });

  it('describes each source when there are few, else the ranges', () => {
    expect(describePriceDates(summarizeBases([SKY]))).toBe('2025-05-01 exact (skypilot-v7)');
    expect(describePriceDates(summarizeBases([E18, RATIO], SOURCES))).toBe('2018-08-16 exact (ec2instances-2018), 2025-05-01 estimate (from ec2instances-2018 dated 2018-08-16)');
    expect(describePriceDates(summarizeBases([E18, RATIO, KARP], SOURCES))).toBe('2018-08-16…2026-07-20 (3 sources; exact 2018-08-16…2026-07-20, estimates 2025-05-01)');
    expect(describePriceDates(summarizeBases([]))).toBe('none');
  });

  it('the sources span', () => {
    expect(sourcesDated(SOURCES)).toEqual({ oldest: '2018-08-16', newest: '2025-05-01' });
    expect(sourcesDated([])).toBeUndefined();
  });
});

describe('price dates of the committed data/ snapshot', () => {
  const catalog = loadSnapshotCatalog();

  it('eu-west-3: on-demand 2025-05-01 (SkyPilot), reserved exact 2018-08-16 or estimated from 2018 ratios, although the headline is 2026-07-20', () => {
    expect(catalog.info().pricesAsOf).toBe('2026-07-20');
    const d = catalog.priceDates('eu-west-3');
    expect(d.onDemand.sources.map((s) => [s.source, s.kind, s.oldest, s.newest])).toEqual([['skypilot-v7', 'exact', '2025-05-01', '2025-05-01']]);
    expect(d.reserved.exact).toMatchObject({ oldest: '2018-08-16', newest: '2018-08-16' });
    expect(d.reserved.sources.find((s) => s.kind === 'estimate')).toMatchObject({ source: 'ec2instances-2018', oldest: '2025-05-01', sourceAsOf: '2018-08-16' });
    expect(d.spotAdvisor.sources).toEqual([expect.objectContaining({ source: 'spot-advisor', oldest: '2025-06-28' })]);
    expect(d.services.newest! > d.services.oldest!).toBe(true);
  });

  it('us-east-1 on-demand spans SkyPilot 2025 and Karpenter 2026', () => {
    const d = catalog.priceDates('us-east-1');
    expect(d.onDemand.newest).toBe('2026-07-20');
    expect(d.onDemand.sources.map((s) => s.source)).toContain('karpenter-pricing');
  });

  it('reading the bases from the rows gives what decoding every price gives', () => {
    for (const region of ['eu-west-3', 'eu-west-1', 'eu-central-1', 'us-east-1']) {
      const slow = new RegionDatesBuilder();
      for (const spec of catalog.instanceTypesIn(region)) slow.addEc2(ec2PriceBases(catalog.ec2Prices(region, spec.instanceType)!));
      for (const sp of catalog.servicePricesIn(region)) slow.kinds.services.add(sp.basis);
      expect(catalog.priceDates(region), region).toEqual(slow.build(region, catalog.info().sources));
    }
  });
});
