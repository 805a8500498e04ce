/**
 * Reserved-instance terms of the Price List → ReservedRate: upfront fee from the "Quantity" dimension,
 * recurring hourly from "Hrs", effective hourly = upfront / term hours + hourly (exact decimals).
 */
import { InputError } from '../../errors.js';
import { dec } from '../../money/index.js';
import {
  termHours,
  type OfferingClass,
  type PaymentOption,
  type PriceBasis,
  type ReservedRate,
  type ReservedTerm,
} from '../types.js';
import type { OfferOrigin, OfferTerm } from './offer-model.js';

/** A decimal string in plain notation, exact (no exponent, no padding zeros): "0.0960000000" → "0.096". */
export function plainDecimal(value: string, origin: OfferOrigin, field: string): string {
  try {
    return dec(value).toFixed();
  } catch {
    throw new InputError({ file: origin.file, row: origin.row, field }, `expected a decimal price, got "${value}"`);
  }
}

const PURCHASE_OPTIONS: Readonly<Record<string, PaymentOption>> = {
  'No Upfront': 'no-upfront',
  'Partial Upfront': 'partial-upfront',
  'All Upfront': 'all-upfront',
};

/** Maps one Reserved term; undefined for legacy terms nuage does not price (e.g. "Heavy Utilization"). */
export function reservedRate(term: OfferTerm, basis: PriceBasis, origin: OfferOrigin): ReservedRate | undefined {
  const field = (name: string) => (term.path ? `${term.path}.${name}` : name);
  const where = (name: string) => ({ file: origin.file, row: origin.row, field: field(name) });
  const lease = (term.termAttributes.LeaseContractLength ?? '').replace(/\s+/g, '');
  if (lease !== '1yr' && lease !== '3yr') {
    throw new InputError(where('termAttributes.LeaseContractLength'), `expected "1yr" or "3yr", got "${term.termAttributes.LeaseContractLength ?? ''}"`);
  }
  const purchase = term.termAttributes.PurchaseOption ?? '';
  const paymentOption = PURCHASE_OPTIONS[purchase];
  if (paymentOption === undefined) {
    if (/Utilization/.test(purchase)) return undefined; // pre-2014 RI types, not sold any more
    throw new InputError(where('termAttributes.PurchaseOption'), `expected No Upfront, Partial Upfront or All Upfront, got "${purchase}"`);
  }
  // Offer files from before convertible RIs (2016) have no OfferingClass: those terms are standard.
  const cls = term.termAttributes.OfferingClass || 'standard';
  if (cls !== 'standard' && cls !== 'convertible') {
    throw new InputError(where('termAttributes.OfferingClass'), `expected "standard" or "convertible", got "${cls}"`);
  }
  const upfrontDim = term.dimensions.find((d) => d.unit === 'Quantity');
  const hourlyDim = term.dimensions.find((d) => d.unit === 'Hrs');
  if (paymentOption !== 'no-upfront' && !upfrontDim) {
    throw new InputError(where('priceDimensions'), `${purchase} term has no "Quantity" (upfront fee) price`);
  }
  if (paymentOption !== 'all-upfront' && !hourlyDim) {
    throw new InputError(where('priceDimensions'), `${purchase} term has no "Hrs" (hourly) price`);
  }
  const upfrontUsd = upfrontDim ? plainDecimal(upfrontDim.usd, origin, field('pricePerUnit.USD')) : '0';
  const usdPerHour = hourlyDim ? plainDecimal(hourlyDim.usd, origin, field('pricePerUnit.USD')) : '0';
  const reservedTerm: ReservedTerm = lease;
  const effective = dec(upfrontUsd).div(termHours(reservedTerm)).plus(dec(usdPerHour));
  return {
    term: reservedTerm,
    offeringClass: cls as OfferingClass,
    paymentOption,
    upfrontUsd,
    usdPerHour,
    effectiveUsdPerHour: effective.toFixed(),
    basis,
  };
}
