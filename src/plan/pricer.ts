/**
 * The one place prices are filled in: declared components → priced components (USD, exact decimals).
 * A missing price, an unknown quantity and an absent usage value are statuses, never zeros.
 */
import type { PriceBasis } from '../catalog/types.js';
import { dec, type Decimal } from '../money/index.js';
import { UNKNOWN } from './attrs.js';
import { describePriceRef, type ComponentSpec, type PriceRef } from './components.js';
import type { PriceLookup } from './price-lookup.js';

export type ComponentStatus = 'priced' | 'missing-price' | 'unknown' | 'usage-based';

export interface PricedComponent {
  readonly name: string;
  readonly unit: string;
  readonly status: ComponentStatus;
  /** Monthly quantity in `unit`; null when unknown or usage-based without a value. */
  readonly monthlyQuantity: Decimal | null;
  /** USD per unit; null when the price is missing. */
  readonly unitPriceUsd: string | null;
  /** USD per month; null unless status is "priced". */
  readonly monthlyCostUsd: Decimal | null;
  readonly price: string;
  readonly priceRef: PriceRef;
  readonly basis?: PriceBasis;
  readonly note?: string;
  /** The usage-file key the quantity comes from (usage-based components). */
  readonly usageKey?: string;
}

export interface PricingOptions {
  readonly hoursPerMonth: number;
  /** Usage value for a key of this resource (usage file), if any. */
  readonly usage: (key: string) => number | undefined;
}

/** The part of `q` inside the tier [from, from + size). */
function sliceOf(q: Decimal, slice: ComponentSpec['usageSlice']): Decimal {
  if (!slice) return q;
  const above = q.minus(slice.from);
  if (above.lte(0)) return dec(0);
  return slice.size !== null && above.gt(slice.size) ? dec(slice.size) : above;
}

/** Unit prices as Decimals, parsed once each (a plan uses a few distinct prices many times). */
const usdDecimals = new Map<string, Decimal>();
function usdDecimal(usd: string): Decimal {
  let d = usdDecimals.get(usd);
  if (d === undefined) {
    if (usdDecimals.size >= 10_000) usdDecimals.clear();
    usdDecimals.set(usd, (d = dec(usd)));
  }
  return d;
}

export function priceComponent(spec: ComponentSpec, prices: PriceLookup, opts: PricingOptions): PricedComponent {
  const quote = prices.quote(spec.price);
  let quantity: Decimal | null = null;
  let usageMissing = false;
  if (spec.usageKey !== undefined) {
    const v = opts.usage(spec.usageKey);
    if (v === undefined) usageMissing = true;
    else quantity = sliceOf(dec(v).times(spec.usageMultiplier ?? 1), spec.usageSlice);
  } else if (spec.hourlyQuantity !== undefined) {
    quantity = spec.hourlyQuantity === UNKNOWN ? null : spec.hourlyQuantity.times(opts.hoursPerMonth);
  } else if (spec.monthlyQuantity !== undefined) {
    quantity = spec.monthlyQuantity === UNKNOWN ? null : spec.monthlyQuantity;
  }
  const unreachedTier = spec.usageSlice !== undefined && quantity !== null && quantity.eq(0);
  const status: ComponentStatus = usageMissing
    ? 'usage-based'
    : unreachedTier
      ? 'priced'
      : quantity === null || spec.price.kind === 'unknown'
        ? 'unknown'
        : quote === undefined
          ? 'missing-price'
          : 'priced';
  const priced: { -readonly [K in keyof PricedComponent]: PricedComponent[K] } = {
    name: spec.name,
    unit: spec.unit,
    status,
    monthlyQuantity: quantity,
    unitPriceUsd: quote?.usd ?? null,
    monthlyCostUsd: unreachedTier ? dec(0) : status === 'priced' && quantity !== null && quote ? quantity.times(usdDecimal(quote.usd)) : null,
    price: describePriceRef(spec.price),
    priceRef: spec.price,
  };
  if (quote) priced.basis = quote.basis;
  if (spec.note) priced.note = spec.note;
  if (spec.usageKey !== undefined) priced.usageKey = spec.usageKey;
  return priced;
}
