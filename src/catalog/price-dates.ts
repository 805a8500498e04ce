/**
 * How old the prices are: the dates of a set of prices (a region's, or the ones an estimate used),
 * per kind of price (on-demand, reserved, spot price, Spot Advisor, services), grouped by source and
 * basis kind (exact / estimate), oldest and newest. Pure.
 *
 * An estimate is dated by the price it was derived from (a reserved rate estimated from a 2018 ratio ×
 * a 2025 on-demand price is dated 2025); `sourceAsOf` then gives the date of the source the method
 * drew on (the 2018 file), when the catalog lists that source.
 */
import type { CatalogSource, Ec2Prices, PriceBasis } from './types.js';

export interface DateRange {
  readonly oldest: string;
  readonly newest: string;
}

/** Prices of one source and basis kind. */
export interface DatedSource extends DateRange {
  readonly source: string;
  readonly kind: 'exact' | 'estimate';
  /** How many prices. */
  readonly prices: number;
  /** The source's own date (from the catalog's source list) when it is not the prices' date. */
  readonly sourceAsOf?: string;
}

export interface PriceDates {
  /** How many prices (0: none of this kind; then no dates). */
  readonly prices: number;
  readonly oldest?: string;
  readonly newest?: string;
  readonly exact?: DateRange & { readonly prices: number };
  readonly estimate?: DateRange & { readonly prices: number };
  /** Exact first, then estimates; newest first; then by source id. */
  readonly sources: readonly DatedSource[];
}

export const PRICE_KINDS = ['onDemand', 'reserved', 'spot', 'spotAdvisor', 'services'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export const PRICE_KIND_LABELS: Readonly<Record<PriceKind, string>> = {
  onDemand: 'on-demand',
  reserved: 'reserved',
  spot: 'spot',
  spotAdvisor: 'Spot Advisor',
  services: 'services',
};

/** The dates of every price a catalog holds for one region, per kind. */
export type RegionPriceDates = { readonly region: string } & { readonly [K in PriceKind]: PriceDates };

export const NO_PRICES: PriceDates = { prices: 0, sources: [] };

interface Group {
  source: string;
  kind: 'exact' | 'estimate';
  oldest: string;
  newest: string;
  prices: number;
}

/** Accumulates bases (one per price), then summarises them. */
export class PriceDatesBuilder {
  private readonly groups = new Map<string, Group>();

  add(b: PriceBasis, prices = 1): this {
    const key = `${b.kind}\u0000${b.source}`;
    const g = this.groups.get(key);
    if (!g) this.groups.set(key, { source: b.source, kind: b.kind, oldest: b.asOf, newest: b.asOf, prices });
    else {
      g.prices += prices;
      if (b.asOf < g.oldest) g.oldest = b.asOf;
      if (b.asOf > g.newest) g.newest = b.asOf;
    }
    return this;
  }

  /** `catalogSources` give each source's own date (for `sourceAsOf`). */
  build(catalogSources: readonly CatalogSource[] = []): PriceDates {
    const sourceDate = new Map(catalogSources.map((s) => [s.id, s.asOf] as const));
    const sources: DatedSource[] = [...this.groups.values()]
      .map((g) => {
        const own = sourceDate.get(g.source);
        return { ...g, ...(own !== undefined && (own !== g.oldest || own !== g.newest) ? { sourceAsOf: own } : {}) };
      })
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'exact' ? -1 : 1) || b.newest.localeCompare(a.newest) || a.source.localeCompare(b.source));
    if (sources.length === 0) return NO_PRICES;
    const span = (list: readonly DatedSource[]): (DateRange & { prices: number }) | undefined =>
      list.length === 0
        ? undefined
        : {
            oldest: list.reduce((m, s) => (s.oldest < m ? s.oldest : m), list[0]!.oldest),
            newest: list.reduce((m, s) => (s.newest > m ? s.newest : m), list[0]!.newest),
            prices: list.reduce((n, s) => n + s.prices, 0),
          };
    const all = span(sources)!;
    const exact = span(sources.filter((s) => s.kind === 'exact'));
    const estimate = span(sources.filter((s) => s.kind === 'estimate'));
    return { prices: all.prices, oldest: all.oldest, newest: all.newest, ...(exact ? { exact } : {}), ...(estimate ? { estimate } : {}), sources };
  }
}

/** The bases of one type's EC2 prices, per kind (reserved: one per offer, the effective rate's basis). */
export interface Ec2PriceBases {
  readonly onDemand?: PriceBasis;
  readonly reserved: readonly PriceBasis[];
  readonly spot?: PriceBasis;
  readonly spotAdvisor?: PriceBasis;
}

export function ec2PriceBases(p: Ec2Prices): Ec2PriceBases {
  return {
    ...(p.onDemand ? { onDemand: p.onDemand.basis } : {}),
    reserved: p.reserved.map((r) => r.basis),
    ...(p.spot?.priceBasis && p.spot.averageUsdPerHour !== undefined ? { spot: p.spot.priceBasis } : {}),
    ...(p.spot?.advisorBasis && p.spot.savingsPercent !== undefined ? { spotAdvisor: p.spot.advisorBasis } : {}),
  };
}

/** Builders for every kind of a region's prices. */
export class RegionDatesBuilder {
  readonly kinds: { readonly [K in PriceKind]: PriceDatesBuilder } = {
    onDemand: new PriceDatesBuilder(),
    reserved: new PriceDatesBuilder(),
    spot: new PriceDatesBuilder(),
    spotAdvisor: new PriceDatesBuilder(),
    services: new PriceDatesBuilder(),
  };

  addEc2(b: Ec2PriceBases): this {
    if (b.onDemand) this.kinds.onDemand.add(b.onDemand);
    for (const r of b.reserved) this.kinds.reserved.add(r);
    if (b.spot) this.kinds.spot.add(b.spot);
    if (b.spotAdvisor) this.kinds.spotAdvisor.add(b.spotAdvisor);
    return this;
  }

  build(region: string, catalogSources: readonly CatalogSource[]): RegionPriceDates {
    const k = this.kinds;
    return {
      region,
      onDemand: k.onDemand.build(catalogSources),
      reserved: k.reserved.build(catalogSources),
      spot: k.spot.build(catalogSources),
      spotAdvisor: k.spotAdvisor.build(catalogSources),
      services: k.services.build(catalogSources),
    };
  }
}

/** The dates of `bases` (one per price). */
export function summarizeBases(bases: Iterable<PriceBasis>, catalogSources: readonly CatalogSource[] = []): PriceDates {
  const b = new PriceDatesBuilder();
  for (const x of bases) b.add(x);
  return b.build(catalogSources);
}

/** "2025-05-01" or "2018-08-16…2025-05-01". */
export function rangeText(r: DateRange): string {
  return r.oldest === r.newest ? r.oldest : `${r.oldest}…${r.newest}`;
}

function sourceText(s: DatedSource): string {
  if (s.kind === 'exact') return `${rangeText(s)} exact (${s.source})`;
  return `${rangeText(s)} estimate (from ${s.source}${s.sourceAsOf ? ` dated ${s.sourceAsOf}` : ''})`;
}

/**
 * One phrase for a kind's dates: each source when there are at most `maxSources`, else the overall range
 * with the exact and estimate ranges. "none" when there are no prices.
 */
export function describePriceDates(d: PriceDates, maxSources = 2): string {
  if (d.prices === 0 || d.oldest === undefined || d.newest === undefined) return 'none';
  if (d.sources.length <= maxSources) return d.sources.map(sourceText).join(', ');
  const parts = [d.exact ? `exact ${rangeText(d.exact)}` : undefined, d.estimate ? `estimates ${rangeText(d.estimate)}` : undefined].filter(Boolean);
  return `${rangeText({ oldest: d.oldest, newest: d.newest })} (${d.sources.length} sources; ${parts.join(', ')})`;
}

/** The oldest and newest dates of the catalog's sources, or undefined when it lists none. */
export function sourcesDated(sources: readonly CatalogSource[]): DateRange | undefined {
  const dates = sources.map((s) => s.asOf).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return dates.length === 0 ? undefined : { oldest: dates[0]!, newest: dates[dates.length - 1]! };
}
