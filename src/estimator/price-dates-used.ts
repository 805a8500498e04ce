/**
 * The dates of the prices an estimate actually used (not the catalog's newest date): on-demand prices of
 * the chosen types, the reserved rates of the reserved scenarios (when prod is reported), the spot prices
 * of the spot scenario (when a non-prod environment is), and the managed-service and traffic prices.
 */
import { describePriceDates, PriceDatesBuilder, type PriceDates } from '../catalog/price-dates.js';
import { RESERVED_TERMS, type CatalogSource, type OfferingClass, type PaymentOption, type PriceBasis } from '../catalog/types.js';
import { reservedPrice, spotPrice } from './commitment-prices.js';
import type { EnvRatio } from './options.js';
import type { ComponentResult } from './result.js';
import { isProd, type Placement } from './scenarios.js';

export interface EstimatePriceDates {
  /** One line: each kind used and its dates, e.g. "on-demand 2025-05-01 exact (skypilot-v7); reserved …". */
  readonly summary: string;
  readonly onDemand: PriceDates;
  readonly reserved: PriceDates;
  readonly spot: PriceDates;
  readonly services: PriceDates;
}

export interface UsedPricesInput {
  readonly placements: readonly Placement[];
  readonly environments: readonly EnvRatio[];
  readonly reserved: { readonly offeringClass: OfferingClass; readonly paymentOption: PaymentOption };
  /** Components of the managed services and traffic. */
  readonly components: readonly ComponentResult[];
  readonly catalogSources: readonly CatalogSource[];
}

export function usedPriceDates(u: UsedPricesInput): EstimatePriceDates {
  const onDemand = new PriceDatesBuilder();
  const reserved = new PriceDatesBuilder();
  const spot = new PriceDatesBuilder();
  const services = new PriceDatesBuilder();
  const seen = new Set<string>();
  const prod = u.environments.some((e) => isProd(e.name));
  const nonProd = u.environments.some((e) => !isProd(e.name));
  for (const p of u.placements) {
    // One price per type, however many apps use it.
    if (seen.has(p.spec.instanceType)) continue;
    seen.add(p.spec.instanceType);
    if (p.prices.onDemand) onDemand.add(p.prices.onDemand.basis);
    if (prod) {
      for (const term of RESERVED_TERMS) {
        const r = reservedPrice(p.prices, term, u.reserved.offeringClass, u.reserved.paymentOption);
        if ('priceBasis' in r && r.priceBasis) reserved.add(r.priceBasis);
      }
    }
    if (nonProd) {
      const s = spotPrice(p.prices);
      if ('priceBasis' in s && s.priceBasis) spot.add(s.priceBasis);
    }
  }
  const byPrice = new Map<string, PriceBasis>();
  for (const c of u.components) if (c.status === 'priced' && c.basis) byPrice.set(c.price, c.basis);
  for (const b of byPrice.values()) services.add(b);
  const dates = {
    onDemand: onDemand.build(u.catalogSources),
    reserved: reserved.build(u.catalogSources),
    spot: spot.build(u.catalogSources),
    services: services.build(u.catalogSources),
  };
  const labels = [['on-demand', dates.onDemand], ['reserved', dates.reserved], ['spot', dates.spot], ['services', dates.services]] as const;
  const summary = labels
    .filter(([, d]) => d.prices > 0)
    .map(([label, d]) => `${label} ${describePriceDates(d)}`)
    .join('; ');
  return { summary: summary || 'no prices used', ...dates };
}

/**
 * The estimate's headline date (JSON `pricesAsOf`): the oldest date of the on-demand prices used (every
 * on-demand price used is at least that recent); without any, the oldest price used; else `fallback`.
 */
export function headlineDate(d: EstimatePriceDates, fallback: () => string): string {
  if (d.onDemand.oldest !== undefined) return d.onDemand.oldest;
  const any = [d.reserved, d.spot, d.services].map((x) => x.oldest).filter((x): x is string => x !== undefined).sort();
  return any[0] ?? fallback();
}
