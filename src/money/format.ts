import { dec, roundTo, type DecimalInput } from './decimal.js';
import type { Currency } from './currency.js';

const SYMBOL: Record<Currency, string> = { USD: '$', EUR: '€' };

/** "1,234.56" — rounded half-up to cents, thousands separated. */
export function formatAmount(amount: DecimalInput, places = 2): string {
  const d = dec(amount);
  // Rounded first (so a negative amount that rounds to zero prints "0.00"); no-op when it has few decimals.
  const fixed = (d.c.length - 1 - d.e <= places ? d : roundTo(d, places)).toFixed(places);
  const negative = fixed.charCodeAt(0) === 45; // '-'
  const body = negative ? fixed.slice(1) : fixed;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return (negative ? '-' : '') + grouped + (dot < 0 ? '' : body.slice(dot));
}

/** "€1,234.56" / "-$12.00". */
export function formatMoney(amount: DecimalInput, currency: Currency, places = 2): string {
  const s = formatAmount(amount, places);
  return s.startsWith('-') ? `-${SYMBOL[currency]}${s.slice(1)}` : `${SYMBOL[currency]}${s}`;
}

/** "+€412.00" / "-€12.00" / "€0.00" for deltas. */
export function formatSignedMoney(amount: DecimalInput, currency: Currency, places = 2): string {
  const d = dec(amount);
  const s = formatMoney(d, currency, places);
  return d.gt(0) && roundTo(d, places).gt(0) ? `+${s}` : s;
}

/** Cents-rounded plain string for CSV ("322.56"). */
export function toCents(amount: DecimalInput): string {
  return roundTo(dec(amount), 2).toFixed(2);
}
