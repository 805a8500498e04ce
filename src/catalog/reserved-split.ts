/**
 * Splits an effective reserved hourly rate into upfront fee and hourly charge by payment option:
 * no-upfront pays it all hourly; all-upfront pays effective × term hours upfront; partial-upfront pays
 * `partial.upfrontShare` of the term cost upfront and the rest hourly (the share and its evidence are
 * stated in `partial.basis`). Shared by the snapshot builder and the snapshot loader so both agree.
 */
import { dec, type Decimal } from '../money/index.js';
import { RESERVED_ORDER } from './snapshot-format.js';
import { termHours, type PriceBasis, type ReservedRate } from './types.js';

export interface PartialSplit {
  /** Fraction of the term cost paid upfront, e.g. "0.5". */
  readonly upfrontShare: string;
  readonly basis: PriceBasis;
}

/** Decimal text without exponent or trailing zeros. */
export function plainDecimal(d: Decimal): string {
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The reserved offer at `index` of RESERVED_ORDER with effective rate `effective`. */
export function splitReserved(index: number, effective: Decimal, basis: PriceBasis, partial: PartialSplit): ReservedRate {
  const offer = RESERVED_ORDER[index];
  if (!offer) throw new RangeError(`no reserved offer at index ${index}`);
  const eff = plainDecimal(effective);
  const base = { term: offer.term, offeringClass: offer.offeringClass, paymentOption: offer.paymentOption, effectiveUsdPerHour: eff, basis };
  if (offer.paymentOption === 'no-upfront') return { ...base, upfrontUsd: '0', usdPerHour: eff };
  const hours = termHours(offer.term);
  if (offer.paymentOption === 'all-upfront') return { ...base, upfrontUsd: plainDecimal(effective.times(hours)), usdPerHour: '0' };
  const share = dec(partial.upfrontShare);
  return {
    ...base,
    upfrontUsd: plainDecimal(effective.times(hours).times(share)),
    usdPerHour: plainDecimal(effective.minus(effective.times(share))),
    splitBasis: partial.basis,
  };
}

/** An estimated effective rate: ratio × on-demand, rounded half-up to 6 decimals. */
export function ratioEstimate(ratio: string, onDemandUsdPerHour: string): Decimal {
  return dec(ratio).times(dec(onDemandUsdPerHour)).round(6);
}
