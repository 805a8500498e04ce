/**
 * What a resource consumes, declared by its resource file (Infracost's model): a name, a unit, an hourly or
 * monthly quantity, and a reference to the price it is billed at. One pricer (pricer.ts) fills the prices.
 */
import type { Decimal } from '../money/index.js';
import { UNKNOWN, type Unknown } from './attrs.js';

export type Tenancy = 'shared' | 'dedicated';
export type Purchase = 'on-demand' | 'spot';

export type PriceRef =
  | { readonly kind: 'ec2'; readonly region: string; readonly instanceType: string; readonly purchase: Purchase; readonly tenancy: Tenancy }
  | { readonly kind: 'service'; readonly region: string; readonly key: string }
  /** The price cannot be chosen before apply (e.g. the instance type is computed). */
  | { readonly kind: 'unknown'; readonly reason: string };

export type Quantity = Decimal | Unknown;

export interface ComponentSpec {
  /** "Instance usage (Linux, on-demand, t3.large)". */
  readonly name: string;
  /** Unit of the quantity: "hours", "GB-months", "IOPS-months", "LCU-hours", "GB", … */
  readonly unit: string;
  /** Quantity per hour (monthly = × hours per month), e.g. instance count. */
  readonly hourlyQuantity?: Quantity;
  /** Quantity per month, e.g. GB of storage. */
  readonly monthlyQuantity?: Quantity;
  /** Usage-based: the monthly quantity comes from the usage file under this key; absent → "usage-based". */
  readonly usageKey?: string;
  /** Multiplier applied to the usage value (e.g. instances × per-instance usage). */
  readonly usageMultiplier?: Decimal;
  /**
   * A price tier of a usage value: only the part of the (multiplied) value in [from, from + size) is billed by
   * this component (size null: no upper end). A tier the usage does not reach costs nothing, priced or not.
   */
  readonly usageSlice?: { readonly from: number; readonly size: number | null };
  readonly price: PriceRef;
  /** An assumption the figure rests on (default volume type, AWS default applied to a computed value…). */
  readonly note?: string;
}

export function ec2OnDemand(region: string, instanceType: string, tenancy: Tenancy = 'shared'): PriceRef {
  return { kind: 'ec2', region, instanceType, purchase: 'on-demand', tenancy };
}

export function ec2Spot(region: string, instanceType: string): PriceRef {
  return { kind: 'ec2', region, instanceType, purchase: 'spot', tenancy: 'shared' };
}

export function service(region: string, key: string): PriceRef {
  return { kind: 'service', region, key };
}

export function unknownPrice(reason: string): PriceRef {
  return { kind: 'unknown', reason };
}

/** "ec2OnDemand(eu-west-1, t3.large)" — how a price reference is printed in details and JSON. */
export function describePriceRef(ref: PriceRef): string {
  switch (ref.kind) {
    case 'ec2':
      return ref.purchase === 'spot'
        ? `ec2Spot(${ref.region}, ${ref.instanceType})`
        : ref.tenancy === 'dedicated'
          ? `ec2Dedicated(${ref.region}, ${ref.instanceType})`
          : `ec2OnDemand(${ref.region}, ${ref.instanceType})`;
    case 'service':
      return `service(${ref.region}, ${ref.key})`;
    case 'unknown':
      return `unknown (${ref.reason})`;
  }
}

export { UNKNOWN };
