/**
 * Where the pricer gets its unit prices: the catalog, with a price override file layered on top.
 */
import type { Catalog, CatalogSource, PriceBasis, SpotFacts } from '../catalog/types.js';
import { ec2Dedicated } from '../catalog/service-keys.js';
import { dec } from '../money/index.js';
import type { PriceRef } from './components.js';
import type { PriceOverrides } from './price-overrides.js';

export interface PriceQuote {
  /** USD per unit, exact decimal string. */
  readonly usd: string;
  readonly unit: string;
  readonly basis: PriceBasis;
}

export interface PriceLookup {
  quote(ref: PriceRef): PriceQuote | undefined;
  spotFacts(region: string, instanceType: string): SpotFacts | undefined;
  /** The catalog's sources (their own dates, for the price dates of a report). */
  readonly catalogSources: readonly CatalogSource[];
  /**
   * The catalog's date for these regions when a report used no dated price: the oldest of their newest
   * on-demand dates (`priceDates(region)`), else the catalog-wide newest date. Computed on demand.
   */
  catalogDate(regions: readonly string[]): string;
}

/** `asOf` of the prices of an override file that states no date (`asOf` absent): never borrowed from the catalog. */
export const UNDATED = 'undated';

export function catalogPrices(catalog: Catalog, overrides?: PriceOverrides): PriceLookup {
  // The override file's own basis: its name and its date (or "undated"), never the catalog's date.
  const overrideBasis: PriceBasis = {
    kind: 'exact',
    source: `price override file ${overrides?.shownAs ?? ''}`.trim(),
    asOf: overrides?.asOf ?? UNDATED,
  };
  const ec2Override = (ref: Extract<PriceRef, { kind: 'ec2' }>): PriceQuote | undefined => {
    const o = overrides?.ec2?.find(
      (e) =>
        e.instanceType === ref.instanceType &&
        (e.region === undefined || e.region === ref.region) &&
        (e.purchase ?? 'on-demand') === ref.purchase &&
        (e.tenancy ?? 'shared') === ref.tenancy,
    );
    return o ? { usd: o.usdPerHour, unit: 'hour', basis: overrideBasis } : undefined;
  };
  const serviceOverride = (region: string, key: string): PriceQuote | undefined => {
    const o = overrides?.services?.find((s) => s.key === key && (s.region === undefined || s.region === region));
    return o ? { usd: o.usd, unit: o.unit ?? '', basis: overrideBasis } : undefined;
  };
  const service = (region: string, key: string): PriceQuote | undefined => {
    const o = serviceOverride(region, key);
    if (o) return o;
    const sp = catalog.servicePrice(region, key);
    return sp ? { usd: sp.usd, unit: sp.unit, basis: sp.basis } : undefined;
  };

  return {
    catalogSources: catalog.info().sources,
    catalogDate(regions) {
      let date: string | undefined;
      for (const r of regions) {
        const newest = catalog.priceDates(r).onDemand.newest;
        if (newest !== undefined && (date === undefined || newest < date)) date = newest;
      }
      return date ?? catalog.info().pricesAsOf;
    },
    spotFacts: (region, type) => catalog.ec2Prices(region, type)?.spot,
    quote(ref) {
      if (ref.kind === 'unknown') return undefined;
      if (ref.kind === 'service') return service(ref.region, ref.key);
      const o = ec2Override(ref);
      if (o) return o;
      if (ref.tenancy === 'dedicated') return service(ref.region, ec2Dedicated(ref.instanceType));
      const prices = catalog.ec2Prices(ref.region, ref.instanceType);
      if (!prices) return undefined;
      if (ref.purchase === 'on-demand') {
        return prices.onDemand ? { usd: prices.onDemand.usdPerHour, unit: 'hour', basis: prices.onDemand.basis } : undefined;
      }
      const spot = prices.spot;
      if (spot?.averageUsdPerHour !== undefined && spot.priceBasis) {
        return { usd: spot.averageUsdPerHour, unit: 'hour', basis: spot.priceBasis };
      }
      if (spot?.savingsPercent !== undefined && prices.onDemand && spot.advisorBasis) {
        const usd = dec(prices.onDemand.usdPerHour).times(dec(100 - spot.savingsPercent)).div(100);
        return {
          usd: usd.toString(),
          unit: 'hour',
          basis: {
            kind: 'estimate',
            source: spot.advisorBasis.source,
            asOf: spot.advisorBasis.asOf,
            method: `on-demand ${prices.onDemand.usdPerHour} × (1 − Spot Advisor savings ${spot.savingsPercent} %)`,
          },
        };
      }
      return undefined;
    },
  };
}
