/**
 * Reserved rates per region and type, in RESERVED_ORDER:
 * - exact ec2instances-2018 effective rates where that file prices the type in the region and its
 *   on-demand price then matches today's (within the file's rounding); offers missing there stay absent;
 * - where the on-demand price has changed since 2018, the type's own 2018 ratio × today's on-demand (estimate);
 * - types the 2018 file does not price in the region: family → category → global median ratio × on-demand
 *   (estimate, effective rounded half-up to 6 decimals);
 * - us-east-1 1yr standard all-upfront: LeanerCloud 2023-08-30 (exact, newer) where its on-demand matches.
 * The upfront/hourly split follows from the effective rate and the payment option (src/catalog/reserved-split.ts).
 */
import { ratioEstimate, plainDecimal } from '../../../src/catalog/reserved-split.js';
import { RESERVED_ORDER } from '../../../src/catalog/snapshot-format.js';
import type { PriceBasis } from '../../../src/catalog/types.js';
import { dec, type Decimal } from '../../../src/money/index.js';
import type { Ec2InstancesPrice } from './ec2instances.js';
import type { ChosenPrice, DatedSource } from './on-demand.js';
import type { LeanerCloudPrice } from './price-list-2023.js';
import { offerLabel, ratioOf, type RatioTables } from './reserved-ratios.js';
import { splitName } from './specs.js';

/** An effective USD/h rate with its basis, per RESERVED_ORDER index. */
export interface Valued {
  readonly value: string;
  readonly basis: PriceBasis;
}


export interface ReservedContext {
  readonly ec2instances: ReadonlyMap<string, Ec2InstancesPrice>; // key region\0type
  readonly ec2instancesSource: DatedSource;
  readonly leanercloud: ReadonlyMap<string, LeanerCloudPrice>; // us-east-1 only, by type
  readonly leanercloudSource: DatedSource;
  readonly ratios: RatioTables;
}

export type ReservedOutcome = 'exact' | 'own-ratio' | 'family-ratio' | 'none';

export interface ReservedResult {
  /** Effective rates by RESERVED_ORDER index (empty: none). */
  readonly rates: readonly (Valued | undefined)[];
  readonly outcome: ReservedOutcome;
  /** Offers the 2018 row lacks (left absent). */
  readonly absent: number;
  /** LeanerCloud rate skipped because its on-demand differs from today's. */
  readonly leanercloudSkipped: boolean;
  /** When every rate is ratio × on-demand: the ratios (value = ratio), so the snapshot can store them once. */
  readonly ratios?: readonly (Valued | undefined)[];
  /** The rate LeanerCloud's exact 2023 rate replaced (for measuring how far 2018-based figures drift). */
  readonly replacedByLeanercloud?: Valued;
}

/** Half a unit of the last decimal place the 2018 file prints, never finer than its 3-decimal rounding. */
export function roundingTolerance(price2018: string): Decimal {
  const decimals = price2018.split('.')[1]?.length ?? 0;
  return dec(5).times(dec(10).pow(-(Math.max(3, decimals) + 1)));
}

function estimateBasis(od: ChosenPrice, method: string, source: DatedSource): PriceBasis {
  return { kind: 'estimate', source: source.id, asOf: od.source.asOf, method: `${method} × the on-demand price (${od.source.id}, ${od.source.asOf})` };
}

const LEANERCLOUD_OFFER = RESERVED_ORDER.findIndex((o) => o.term === '1yr' && o.offeringClass === 'standard' && o.paymentOption === 'all-upfront');

export function reservedFor(region: string, instanceType: string, od: ChosenPrice, ctx: ReservedContext): ReservedResult {
  const src = ctx.ec2instancesSource;
  const current = dec(od.usdPerHour);
  if (current.eq(0)) return { rates: [], outcome: 'none', absent: 0, leanercloudSkipped: false };
  const row = ctx.ec2instances.get(`${region}\u0000${instanceType}`);
  let rates: (Valued | undefined)[];
  let ratios: (Valued | undefined)[] | undefined;
  let outcome: ReservedOutcome;
  let absent = 0;
  if (row?.onDemand !== undefined && !dec(row.onDemand).eq(0)) {
    const consistent = current.minus(dec(row.onDemand)).abs().lte(roundingTolerance(row.onDemand));
    outcome = consistent ? 'exact' : 'own-ratio';
    const exact: PriceBasis = { kind: 'exact', source: src.id, asOf: src.asOf };
    rates = row.reserved.map((usd, i): Valued | undefined => {
      if (usd === undefined) return void absent++;
      if (consistent) return { value: usd, basis: exact };
      const ratio = ratioOf(usd, row.onDemand!).toFixed(4);
      const method = `${instanceType}'s own ${offerLabel(i)} ÷ on-demand ratio ${ratio} (${src.id}, ${src.asOf}: ${usd} ÷ ${row.onDemand}; on-demand has changed since)`;
      return { value: plainDecimal(ratioEstimate(ratio, od.usdPerHour)), basis: estimateBasis(od, method, src) };
    });
  } else {
    const family = splitName(instanceType).family;
    outcome = 'family-ratio';
    ratios = RESERVED_ORDER.map((_, i): Valued | undefined => {
      const r = ctx.ratios.ratio(family, i);
      if (!r) return undefined;
      const ratio = r.value.toFixed(4);
      return { value: ratio, basis: estimateBasis(od, `${r.scope} ${ratio} (${src.id}, ${src.asOf}, ${r.n} prices)`, src) };
    });
    rates = ratios.map((r) => r && { value: plainDecimal(ratioEstimate(r.value, od.usdPerHour)), basis: r.basis });
  }

  let leanercloudSkipped = false;
  let replaced: Valued | undefined;
  const lc = region === 'us-east-1' ? ctx.leanercloud.get(instanceType) : undefined;
  if (lc?.reserved1yrStandardAllUpfront !== undefined) {
    if (lc.onDemand !== undefined && dec(lc.onDemand).eq(current)) {
      replaced = rates[LEANERCLOUD_OFFER];
      if (replaced === undefined && outcome !== 'family-ratio') absent--;
      const s = ctx.leanercloudSource;
      rates[LEANERCLOUD_OFFER] = { value: lc.reserved1yrStandardAllUpfront, basis: { kind: 'exact', source: s.id, asOf: s.asOf } };
      ratios = undefined;
    } else leanercloudSkipped = true;
  }
  return { rates, outcome, absent, leanercloudSkipped, ...(ratios ? { ratios } : {}), ...(replaced ? { replacedByLeanercloud: replaced } : {}) };
}
