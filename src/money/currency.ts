import { dec, type Decimal, type DecimalInput } from './decimal.js';

export type Currency = 'USD' | 'EUR';
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR'];

/**
 * A dated USD→EUR rate. The ECB quotes "1 EUR = x USD" (`usdPerEur`); a user may instead give
 * "1 USD = y EUR" (`--usd-eur 0.92`). Exactly one of the two is the defining figure; conversion
 * uses it directly (division by usdPerEur, or multiplication by usdToEur) so no rounded inverse is compounded.
 */
export interface FxRate {
  /** EUR per 1 USD, for display and JSON (`usdToEur`); exact when user-given, else 1/usdPerEur to 10 places. */
  readonly usdToEur: string;
  /** USD per 1 EUR as quoted by the ECB, when the rate comes from the ECB. */
  readonly usdPerEur?: string;
  /** Date the rate applies to, YYYY-MM-DD. */
  readonly asOf: string;
  /** Where it came from, e.g. "ECB euro foreign exchange reference rate" or "--usd-eur flag". */
  readonly source: string;
}

/** An FxRate from an ECB quotation (1 EUR = usdPerEur USD). */
export function fxFromEcb(usdPerEur: string, asOf: string, source: string): FxRate {
  const inverse = dec(1).div(dec(usdPerEur)).round(10);
  return { usdToEur: inverse.toString(), usdPerEur: dec(usdPerEur).toString(), asOf, source };
}

/** An FxRate given as EUR per USD (e.g. the --usd-eur flag). */
export function fxFromUsdToEur(usdToEur: string, asOf: string, source: string): FxRate {
  const r = dec(usdToEur);
  if (r.lte(0)) throw new RangeError(`USD→EUR rate must be positive, got ${usdToEur}`);
  return { usdToEur: r.toString(), asOf, source };
}

/** Converts a USD amount into the output currency. */
export function fromUsd(amountUsd: DecimalInput, currency: Currency, fx: FxRate): Decimal {
  return usdConverter(currency, fx)(dec(amountUsd));
}

/** `fromUsd` with the rate parsed once, for converting many amounts. */
export function usdConverter(currency: Currency, fx: FxRate): (amountUsd: Decimal) => Decimal {
  if (currency === 'USD') return (amount) => amount;
  if (fx.usdPerEur !== undefined) {
    const usdPerEur = dec(fx.usdPerEur);
    return (amount) => amount.div(usdPerEur);
  }
  const usdToEur = dec(fx.usdToEur);
  return (amount) => amount.times(usdToEur);
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}
