/** The estimate's price dates: the prices it used, and its headline date. */
import { describe, expect, it } from 'vitest';
import { summarizeBases } from '../../src/catalog/price-dates.js';
import type { PriceBasis } from '../../src/catalog/types.js';
import { estimate } from '../../src/estimator/estimate.js';
import { headlineDate, type EstimatePriceDates } from '../../src/estimator/price-dates-used.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, options, WORKED_EXAMPLE } from './helpers.js';

const at = (asOf: string, source = 's'): PriceBasis => ({ kind: 'exact', source, asOf });
const dates = (o: Partial<Record<'onDemand' | 'reserved' | 'spot' | 'services', PriceBasis[]>>): EstimatePriceDates => ({
  summary: '',
  onDemand: summarizeBases(o.onDemand ?? []),
  reserved: summarizeBases(o.reserved ?? []),
  spot: summarizeBases(o.spot ?? []),
  services: summarizeBases(o.services ?? []),
});

describe('headlineDate (JSON pricesAsOf)', () => {
  it('the oldest on-demand date used: every on-demand price used is at least that recent', () => {
    expect(headlineDate(dates({ onDemand: [at('2026-07-20'), at('2025-05-01')], services: [at('2020-10-19')] }), () => 'x')).toBe('2025-05-01');
  });

  it('without on-demand prices, the oldest price used; without any, the fallback (only then computed)', () => {
    expect(headlineDate(dates({ services: [at('2026-09-11'), at('2023-02-23')] }), () => 'x')).toBe('2023-02-23');
    let called = 0;
    expect(headlineDate(dates({ onDemand: [at('2025-05-01')] }), () => String(++called))).toBe('2025-05-01');
    expect(called).toBe(0);
    expect(headlineDate(dates({}), () => 'fallback')).toBe('fallback');
  });
});

const M5 = { types: { arch: 'x86_64' as const, allowBurstable: false, allowMetal: false, allowGpu: false, allowPreviousGeneration: false, family: 'm5' }, strategy: 'family' as const };

describe('estimate(): priceDates', () => {
  it('counts each chosen type once; reserved only with prod reported, spot only with non-prod', () => {
    const inv = csv(`${WORKED_EXAMPLE}web,,prod,2,2,4\n`);
    const r = estimate(inv, fixtureCatalog(), options(M5));
    expect(r.apps.map((a) => a.instanceType)).toEqual(['m5.xlarge', 'm5.large']);
    expect(r.priceDates.onDemand).toMatchObject({ prices: 2, oldest: '2026-07-20' });
    expect(r.priceDates.reserved.prices).toBe(4); // 2 types × 1 yr and 3 yr
    expect(r.priceDates.spot.prices).toBe(2);
    const prodOnly = estimate(inv, fixtureCatalog(), options({ ...M5, environments: [{ name: 'prod', ratio: '1' }] }));
    expect([prodOnly.priceDates.reserved.prices, prodOnly.priceDates.spot.prices]).toEqual([4, 0]);
    const devOnly = estimate(inv, fixtureCatalog(), options({ ...M5, environments: [{ name: 'dev', ratio: '0.2' }] }));
    expect([devOnly.priceDates.reserved.prices, devOnly.priceDates.spot.prices]).toEqual([0, 2]);
    expect(devOnly.priceDates.summary).toBe('on-demand 2026-07-20 exact (skypilot-v7); spot 2026-07-20 exact (skypilot-v7)');
  });
});
