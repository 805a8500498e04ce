/**
 * Layers the dated 2025–2026 excerpts (services-2026.ts) over the prices built from the 2023 dump, and fills the
 * regions they leave out, always saying how:
 * - an exact excerpt replaces an estimate, or an older exact price, of the same key and region;
 * - DynamoDB prices absent in a region: ESTIMATE = the eu-west-1 excerpt × the median EC2 on-demand ratio
 *   region/eu-west-1 (the method the 2023 prices use);
 * - prices AWS sets per transfer or per request regardless of region (SQS requests, internet egress tiers,
 *   inter-AZ transfer) absent in a region: ESTIMATE = the exact price of the reference regions, when they all
 *   agree; egress tiers 2–4 only where the region's first tier equals the reference's first tier.
 */
import * as K from '../../src/catalog/service-keys.js';
import type { PriceBasis } from '../../src/catalog/types.js';
import { dec, type Decimal } from '../../src/money/index.js';
import { EXCERPTS } from './services-2026.js';

export interface OutPrice {
  key: string;
  unit: string;
  usd: string;
  description: string;
  basis: PriceBasis;
}

/** Keys whose price AWS sets per unit, independent of the region in these four regions (see the module note). */
export const FLAT_KEYS: readonly string[] = [
  K.sqsRequests('standard'),
  K.sqsRequests('fifo'),
  K.internetEgress(1),
  K.internetEgress(2),
  K.internetEgress(3),
  K.internetEgress(4),
  K.interAzTransfer(),
];

const RATIO_KEYS: readonly string[] = [
  K.dynamodbRequestUnits('rru'),
  K.dynamodbRequestUnits('wru'),
  K.dynamodbStorage(),
  K.dynamodbCapacityHour('rcu'),
  K.dynamodbCapacityHour('wcu'),
];

const BASE_REGION = 'eu-west-1';

/** A description without its region-specific parenthesis (usage type, SKU). */
const plain = (d: string): string => d.split(' (')[0]!;

/** Step 1 and 2 for one region: exact excerpts over the 2023 prices, then DynamoDB ratio estimates. */
export function layerExcerpts(region: string, prices: readonly OutPrice[], medianRatio: Decimal, ratioTypes: number): OutPrice[] {
  const byKey = new Map(prices.map((p) => [p.key, p]));
  for (const e of EXCERPTS) {
    if (e.region !== region) continue;
    const old = byKey.get(e.key);
    if (old && old.basis.kind === 'exact' && old.basis.asOf >= e.asOf) continue;
    byKey.set(e.key, { key: e.key, unit: e.unit, usd: e.usd, description: e.description, basis: { kind: 'exact', source: e.source, asOf: e.asOf } });
  }
  if (region !== BASE_REGION) {
    for (const key of RATIO_KEYS) {
      if (byKey.has(key)) continue;
      const base = EXCERPTS.find((e) => e.region === BASE_REGION && e.key === key);
      if (!base) continue;
      const usd = dec(base.usd).times(medianRatio).round(6);
      byKey.set(key, {
        key,
        unit: base.unit,
        usd: usd.toString(),
        description: plain(base.description),
        basis: {
          kind: 'estimate',
          source: `${base.source}+skypilot-v7-ratios`,
          asOf: base.asOf,
          method: `eu-west-1 price ${base.usd} (${base.asOf}) × median EC2 on-demand ratio ${region}/eu-west-1 = ${medianRatio.toString()} over ${ratioTypes} types (SkyPilot v7)`,
        },
      });
    }
  }
  return [...byKey.values()];
}

/** Step 3 across regions: the region-independent prices, copied where absent (mutates the per-region lists). */
export function fillFlatPrices(perRegion: Map<string, OutPrice[]>): void {
  const exactOf = (key: string): { region: string; p: OutPrice }[] =>
    [...perRegion].flatMap(([region, list]) => list.filter((p) => p.key === key && p.basis.kind === 'exact').map((p) => ({ region, p })));
  const tier1 = K.internetEgress(1);
  // Tier 1 first: tiers 2–4 depend on it.
  for (const key of FLAT_KEYS) {
    const refs = exactOf(key);
    if (refs.length === 0 || new Set(refs.map((r) => r.p.usd)).size !== 1) continue;
    const ref = refs[0]!.p;
    const refText = refs.map((r) => `${r.region} ${r.p.basis.source} ${r.p.basis.asOf}`).join('; ');
    for (const [region, list] of perRegion) {
      if (list.some((p) => p.key === key)) continue;
      let condition = '';
      if (key !== tier1 && key.startsWith('transfer:internet-out:')) {
        const mine = list.find((p) => p.key === tier1)?.usd;
        const theirs = refs.map((r) => perRegion.get(r.region)?.find((p) => p.key === tier1)?.usd);
        if (mine === undefined || !theirs.every((t) => t !== undefined && dec(t).eq(dec(mine)))) continue;
        condition = `; this region's first tier equals theirs (${mine})`;
      }
      const basis: PriceBasis = {
        kind: 'estimate',
        source: [...new Set(refs.map((r) => r.p.basis.source))].join('+'),
        asOf: refs.map((r) => r.p.basis.asOf).sort().at(-1)!,
        method: `same price as the exact ${ref.usd} per ${ref.unit} in ${refText}: assumed region-independent${condition}`,
      };
      list.push({ key, unit: ref.unit, usd: ref.usd, description: plain(ref.description), basis });
    }
  }
}
