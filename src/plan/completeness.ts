/**
 * How far the diff's figures can be trusted when something is not priced (a component without a price,
 * known only after apply, usage-based without a value, or a resource of an unsupported type).
 *
 * Each total leaves out what is not priced on its side, so it is a lower bound. The delta (after − before)
 * is a lower bound when what is left out is on the after side only (a resource created, a price that
 * disappears), an upper bound when it is on the before side only (a resource deleted), exact when the same
 * thing is left out on both sides (an unchanged resource), and of unknown direction otherwise.
 */
import type { ChangeAction } from './plan-types.js';
import type { PricedComponent } from './pricer.js';

export type Bound = 'exact' | 'lower' | 'upper' | 'unknown';

/** Counts of what the totals leave out (the components listed under the totals, and unsupported resources). */
export interface Incompleteness {
  readonly missingPrice: number;
  readonly unknown: number;
  readonly usageBased: number;
  readonly unsupportedResources: number;
}

/** Both bounds together: exact is neutral, two different directions give an unknown one. */
export function combineBounds(a: Bound, b: Bound): Bound {
  if (a === b || b === 'exact') return a;
  if (a === 'exact') return b;
  return 'unknown';
}

const unpriced = (c: PricedComponent | undefined): boolean => c !== undefined && c.status !== 'priced';

/** The same amount is left out on both sides: same price, status and quantity (an unknown quantity only as the same component). */
function sameLeftOut(b: PricedComponent, a: PricedComponent): boolean {
  if (b === a) return true;
  if (b.price !== a.price || b.status !== a.status || b.status === 'unknown') return false;
  const qb = b.monthlyQuantity;
  const qa = a.monthlyQuantity;
  return qb === null || qa === null ? qb === qa : qb.eq(qa);
}

/** How one pair of components (before side `b`, after side `a`; either may be absent) bounds the delta. */
export function pairBound(b: PricedComponent | undefined, a: PricedComponent | undefined): Bound {
  const bu = unpriced(b);
  const au = unpriced(a);
  if (!bu && !au) return 'exact';
  if (bu && au) return sameLeftOut(b!, a!) ? 'exact' : 'unknown';
  return au ? 'lower' : 'upper';
}

/** How a resource of an unsupported type bounds the delta: what it costs is left out of the sides it has. */
export function unsupportedBound(action: ChangeAction, hasBefore: boolean, hasAfter: boolean): Bound {
  if (action === 'no-op') return 'exact';
  if (hasBefore && hasAfter) return 'unknown';
  return hasAfter ? 'lower' : hasBefore ? 'upper' : 'exact';
}

export function isComplete(i: Incompleteness): boolean {
  return i.missingPrice + i.unknown + i.usageBased + i.unsupportedResources === 0;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "7 components without a price, 31 usage-based, 11 unsupported resources" ("" when complete). */
export function leftOutText(i: Incompleteness): string {
  const parts: string[] = [];
  if (i.missingPrice > 0) parts.push(plural(i.missingPrice, 'component without a price', 'components without a price'));
  if (i.usageBased > 0) parts.push(`${i.usageBased} usage-based`);
  if (i.unknown > 0) parts.push(`${i.unknown} unknown`);
  if (i.unsupportedResources > 0) parts.push(plural(i.unsupportedResources, 'resource of an unsupported type', 'resources of unsupported types'));
  return parts.join(', ');
}
