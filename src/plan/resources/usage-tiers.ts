/** Price tiers of one usage value (S3 storage, internet egress): one component per tier, each billing its slice. */
import type { ComponentSpec, PriceRef } from '../components.js';

export interface UsageTiers {
  /** "Standard storage" → "Standard storage (first 50 TB)". */
  readonly label: string;
  readonly unit: string;
  readonly usageKey: string;
  /** Tier sizes in the usage's unit; the last may be null (no upper end). */
  readonly sizes: readonly (number | null)[];
  readonly names: readonly string[];
  /** The price of tier i (1-based). */
  readonly price: (tier: number) => PriceRef;
}

export function usageTierComponents(t: UsageTiers): ComponentSpec[] {
  let from = 0;
  return t.sizes.map((size, i) => {
    const spec: ComponentSpec = { name: `${t.label} (${t.names[i]})`, unit: t.unit, usageKey: t.usageKey, usageSlice: { from, size }, price: t.price(i + 1) };
    from += size ?? 0;
    return spec;
  });
}
