/**
 * Typed findings about the planned fleet, with a registry of titles and explanations (shown in the comment).
 * Spot fleets (ASG mixed policies, EKS SPOT node groups, spot instances) that can draw on fewer than 6
 * instance types, or on types in high interruption buckets of the Spot Instance Advisor, are flagged.
 */
import type { CostedChange } from './cost-plan.js';
import type { PriceLookup } from './price-lookup.js';

export const MIN_SPOT_INSTANCE_TYPES = 6;
/** Advisor buckets 15–20 % and >20 % interruptions a month. */
export const HIGH_INTERRUPTION_BUCKET = 3;

export type Finding =
  | { readonly kind: 'NarrowSpotPool'; readonly address: string; readonly instanceTypes: readonly string[] }
  | { readonly kind: 'HighInterruptionSpot'; readonly address: string; readonly instanceType: string; readonly region: string; readonly bucket: string; readonly asOf?: string };

export const FINDING_TITLES: Record<Finding['kind'], { title: string; explanation: string }> = {
  NarrowSpotPool: {
    title: 'Spot fleet with few instance types',
    explanation: `AWS recommends at least ${MIN_SPOT_INSTANCE_TYPES} instance types for spot capacity so an interruption in one pool can be refilled from another.`,
  },
  HighInterruptionSpot: {
    title: 'Spot instance type with a high interruption rate',
    explanation: 'The Spot Instance Advisor places this type in a bucket of 15 % or more interruptions a month in this region.',
  },
};

export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'NarrowSpotPool':
      return `${f.address}: spot capacity uses ${f.instanceTypes.length} instance type${f.instanceTypes.length === 1 ? '' : 's'} (${f.instanceTypes.join(', ')}); use at least ${MIN_SPOT_INSTANCE_TYPES}`;
    case 'HighInterruptionSpot':
      return `${f.address}: ${f.instanceType} in ${f.region} is interrupted ${f.bucket} of the time (Spot Instance Advisor${f.asOf ? ` ${f.asOf}` : ''})`;
  }
}

export function spotFindings(costed: readonly CostedChange[], prices: PriceLookup): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < costed.length; i++) {
    const c = costed[i]!;
    if (c.kind !== 'priced' || !c.after) continue;
    const types = new Map<string, string>();
    const components = c.after.components;
    for (let j = 0; j < components.length; j++) {
      const p = components[j]!;
      if (p.priceRef.kind === 'ec2' && p.priceRef.purchase === 'spot') types.set(p.priceRef.instanceType, p.priceRef.region);
    }
    if (types.size === 0) continue;
    if (types.size < MIN_SPOT_INSTANCE_TYPES) out.push({ kind: 'NarrowSpotPool', address: c.change.address, instanceTypes: [...types.keys()] });
    for (const [type, region] of types) {
      const facts = prices.spotFacts(region, type);
      const bucket = facts?.interruptionBucket;
      if (bucket && bucket.index >= HIGH_INTERRUPTION_BUCKET) {
        out.push({ kind: 'HighInterruptionSpot', address: c.change.address, instanceType: type, region, bucket: bucket.label, ...(facts.advisorBasis ? { asOf: facts.advisorBasis.asOf } : {}) });
      }
    }
  }
  return out;
}
