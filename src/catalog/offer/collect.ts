/**
 * Collects mapped Price List products into catalog values: one Ec2Prices per (region, type), one
 * ServicePrice per (region, key) — the lowest-ranked product's, else the first — and counts of what was
 * skipped and why (reported, never silent).
 */
import type { Ec2Prices, ServicePrice } from '../types.js';
import type { MappedOffer } from './map-product.js';

export interface OfferBatch {
  readonly regions: readonly string[];
  readonly ec2Prices: readonly Ec2Prices[];
  readonly servicePrices: readonly ServicePrice[];
  /** Products read (before filtering). */
  readonly products: number;
  /** reason → number of products skipped for it. */
  readonly skipped: Readonly<Record<string, number>>;
}

export class OfferCollector {
  private readonly ec2 = new Map<string, Ec2Prices>();
  private readonly services = new Map<string, { price: ServicePrice; rank: number }>();
  private readonly regionSet = new Set<string>();
  private readonly skipped: Record<string, number> = {};
  private products = 0;

  add(mapped: MappedOffer): void {
    this.products++;
    if (mapped.kind === 'skip') return this.skip(mapped.reason);
    if (mapped.kind === 'service') {
      const id = `${mapped.price.region}\u0000${mapped.price.key}`;
      const cur = this.services.get(id);
      if (cur) {
        this.skip(`duplicate ${mapped.price.key} price in ${mapped.price.region} (${cur.rank === mapped.rank ? 'first' : 'preferred product'} kept)`);
        if (cur.rank <= mapped.rank) return;
      }
      this.services.set(id, { price: mapped.price, rank: mapped.rank });
      this.regionSet.add(mapped.price.region);
      return;
    }
    const id = `${mapped.region}\u0000${mapped.instanceType}`;
    if (this.ec2.has(id)) return this.skip(`duplicate ${mapped.instanceType} product in ${mapped.region} (first kept)`);
    this.regionSet.add(mapped.region);
    this.ec2.set(id, {
      region: mapped.region,
      instanceType: mapped.instanceType,
      currency: 'USD',
      ...(mapped.onDemand ? { onDemand: mapped.onDemand } : {}),
      reserved: mapped.reserved,
    });
  }

  private skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  result(): OfferBatch {
    return {
      regions: [...this.regionSet].sort(),
      ec2Prices: [...this.ec2.values()],
      servicePrices: [...this.services.values()].map((s) => s.price),
      products: this.products,
      skipped: { ...this.skipped },
    };
  }
}
