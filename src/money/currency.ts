import { dec, type Decimal, type DecimalInput } from './decimal.js';

export type Currency = 'USD' | 'EUR';
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR'];

/** A dated USD→EUR reference rate: 1 USD = `usdToEur` EUR. */
export interface FxRate {
  /** EUR per 1 USD, exact decimal string. */
  readonly usdToEur: string;
  /** Date the rate applies to, YYYY-MM-DD. */
  readonly asOf: string;
  /** Where it came from, e.g. "ECB euro foreign exchange reference rate" or "--usd-eur flag". */
  readonly source: string;
}

/** Converts a USD amount into the output currency. */
export function fromUsd(amountUsd: DecimalInput, currency: Currency, fx: FxRate): Decimal {
  const amount = dec(amountUsd);
  return currency === 'USD' ? amount : amount.times(dec(fx.usdToEur));
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}
