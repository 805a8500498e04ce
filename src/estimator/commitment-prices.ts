/**
 * Per-type hourly prices for the scenarios: reserved (effective hourly of the chosen offer) and spot
 * (30-day average when known, else on-demand less the Spot Advisor savings %). Each says its basis;
 * a missing price is a value ({ missing }) so the scenario can fall back to on-demand and say so.
 */
import { dec, type Decimal } from '../money/index.js';
import type { Ec2Prices, OfferingClass, PaymentOption, PriceBasis, ReservedTerm } from '../catalog/types.js';

/**
 * A price with its basis (as text, and the catalog's basis it rests on), or `missing` naming what is not
 * known (e.g. "1yr standard no-upfront reserved rate").
 */
export type PriceLookup = { usdPerHour: Decimal; basis: string; priceBasis?: PriceBasis } | { missing: string };

export function reservedPrice(p: Ec2Prices, term: ReservedTerm, offeringClass: OfferingClass, paymentOption: PaymentOption): PriceLookup {
  const rate = p.reserved.find((r) => r.term === term && r.offeringClass === offeringClass && r.paymentOption === paymentOption);
  if (!rate) return { missing: `${term} ${offeringClass} ${paymentOption} reserved rate` };
  const b = rate.basis;
  const basis = b.kind === 'exact' ? `exact (${b.source}, ${b.asOf})` : `estimate (${b.method ?? b.source}, ${b.asOf})`;
  return { usdPerHour: dec(rate.effectiveUsdPerHour), basis, priceBasis: b };
}

export function spotPrice(p: Ec2Prices): PriceLookup {
  const s = p.spot;
  if (s?.averageUsdPerHour !== undefined) {
    const b = s.priceBasis;
    return { usdPerHour: dec(s.averageUsdPerHour), basis: b ? `${b.kind === 'exact' ? 'observed' : 'estimate'} spot price (${b.source}, ${b.asOf})` : 'spot price', ...(b ? { priceBasis: b } : {}) };
  }
  if (s?.savingsPercent !== undefined && p.onDemand) {
    const b = s.advisorBasis;
    return {
      usdPerHour: dec(p.onDemand.usdPerHour).times(dec(100 - s.savingsPercent)).div(100),
      basis: `estimate: on-demand less ${s.savingsPercent} % Spot Advisor savings${b ? ` (${b.source}, ${b.asOf})` : ''}`,
      // The savings % is exact; the price derived from it is an estimate.
      ...(b ? { priceBasis: { ...b, kind: 'estimate' as const, method: `on-demand less ${s.savingsPercent} % Spot Advisor savings` } } : {}),
    };
  }
  return { missing: 'spot price or Spot Advisor savings' };
}
