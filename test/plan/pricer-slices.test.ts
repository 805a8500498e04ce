/** Usage slices (price tiers of one usage value) in the shared pricer. */
import { describe, expect, it } from 'vitest';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { dec, toNumber } from '../../src/money/index.js';
import { service, type ComponentSpec } from '../../src/plan/components.js';
import { catalogPrices } from '../../src/plan/price-lookup.js';
import { priceComponent } from '../../src/plan/pricer.js';
import { TEST_BASIS } from './support.js';

const prices = catalogPrices(
  new InMemoryCatalog({
    info: { pricesAsOf: '2025-06-01', sources: [], regions: ['r'], origin: 'test' },
    instanceTypes: [],
    servicePrices: [
      { key: 't1', region: 'r', unit: 'GB', usd: '0.09', description: 't1', basis: TEST_BASIS },
      { key: 't2', region: 'r', unit: 'GB', usd: '0.085', description: 't2', basis: TEST_BASIS },
    ],
  }),
);
const tier = (key: string, from: number, size: number | null): ComponentSpec => ({ name: key, unit: 'GB', usageKey: 'gb', usageSlice: { from, size }, price: service('r', key) });
const price = (spec: ComponentSpec, gb: number | undefined) => priceComponent(spec, prices, { hoursPerMonth: 730, usage: () => gb });

describe('usage slices', () => {
  it('bill only the part of the usage inside the tier', () => {
    expect(toNumber(price(tier('t1', 0, 10240), 15000).monthlyQuantity!)).toBe(10240);
    expect(toNumber(price(tier('t2', 10240, 40960), 15000).monthlyCostUsd!)).toBe(404.6); // 4,760 × 0.085
    expect(toNumber(price(tier('t1', 0, 10240), 500).monthlyCostUsd!)).toBe(45);
  });

  it('a tier the usage does not reach costs nothing, even without a price; without usage it is usage-based', () => {
    const unreached = price(tier('t3', 51200, null), 15000);
    expect(unreached).toMatchObject({ status: 'priced', unitPriceUsd: null });
    expect(unreached.monthlyCostUsd!.eq(dec(0))).toBe(true);
    expect(price(tier('t3', 51200, null), 60000)).toMatchObject({ status: 'missing-price', monthlyCostUsd: null });
    expect(price(tier('t1', 0, 10240), undefined)).toMatchObject({ status: 'usage-based', monthlyQuantity: null });
  });
});
