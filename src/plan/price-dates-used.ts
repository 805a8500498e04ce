/**
 * The dates of the prices a cost diff actually used (not the catalog's newest date): the bases of its priced
 * components, per kind (EC2 on-demand, EC2 spot, services), exact vs estimate, per source. Prices of an
 * override file carry its own basis ("price override file x.yml", its `asOf`); an override file without a
 * date gives undated prices, counted apart and kept out of the date arithmetic.
 *
 * The diff adds components while it builds its rows (no second walk): `add` keeps one entry per distinct
 * price (a plan uses a few prices many times), `build` groups them once.
 */
import { describePriceDates, PriceDatesBuilder, type PriceDates } from '../catalog/price-dates.js';
import type { CatalogSource } from '../catalog/types.js';
import { UNDATED } from './price-lookup.js';
import type { PricedComponent } from './pricer.js';

export const PLAN_PRICE_KINDS = ['onDemand', 'spot', 'services'] as const;
export type PlanPriceKind = (typeof PLAN_PRICE_KINDS)[number];

const LABELS: Readonly<Record<PlanPriceKind, string>> = { onDemand: 'EC2 on-demand', spot: 'EC2 spot', services: 'services' };

export interface UndatedPrices {
  /** The override file ("price override file prices.yml"). */
  readonly source: string;
  readonly onDemand: number;
  readonly spot: number;
  readonly services: number;
}

export interface PlanPriceDates {
  /** One line, e.g. "EC2 on-demand 2025-05-01 exact (skypilot-v7); services 2026-09-11 exact (aws-offer-elb-2026)". */
  readonly summary: string;
  /** Dated prices used, per kind (each counted once however many components use it). */
  readonly onDemand: PriceDates;
  readonly spot: PriceDates;
  readonly services: PriceDates;
  /** Prices of an override file that states no date, per kind. */
  readonly undated?: UndatedPrices;
}

/** The kind of price a component is billed at: EC2 on-demand (shared or dedicated tenancy), EC2 spot, or a service price. */
export function priceKind(c: PricedComponent): PlanPriceKind {
  const ref = c.priceRef;
  if (ref.kind === 'ec2') return ref.purchase === 'spot' ? 'spot' : 'onDemand';
  return 'services';
}

/** Collects the priced components of a diff, one entry per distinct price. */
export class UsedPrices {
  private readonly byPrice = new Map<string, PricedComponent>();

  /** A component of a side counted in the totals (only priced ones with a basis count). */
  add(c: PricedComponent): void {
    if (c.status !== 'priced' || c.basis === undefined || this.byPrice.has(c.price)) return;
    this.byPrice.set(c.price, c);
  }

  build(catalogSources: readonly CatalogSource[]): PlanPriceDates {
    const builders = { onDemand: new PriceDatesBuilder(), spot: new PriceDatesBuilder(), services: new PriceDatesBuilder() };
    const undated = { source: '', onDemand: 0, spot: 0, services: 0 };
    for (const c of this.byPrice.values()) {
      const kind = priceKind(c);
      if (c.basis!.asOf === UNDATED) {
        undated.source = c.basis!.source;
        undated[kind]++;
      } else builders[kind].add(c.basis!);
    }
    const dates = {
      onDemand: builders.onDemand.build(catalogSources),
      spot: builders.spot.build(catalogSources),
      services: builders.services.build(catalogSources),
    };
    const hasUndated = undated.onDemand + undated.spot + undated.services > 0;
    return { summary: summaryOf(dates, hasUndated ? undated : undefined), ...dates, ...(hasUndated ? { undated } : {}) };
  }
}

/** Sources named one by one per kind, up to this many (a diff uses few); beyond, the ranges only. */
const MAX_SOURCES_NAMED = 4;

function summaryOf(d: Record<PlanPriceKind, PriceDates>, undated: UndatedPrices | undefined): string {
  const parts: string[] = [];
  for (const kind of PLAN_PRICE_KINDS) {
    const dated = d[kind].prices > 0 ? describePriceDates(d[kind], MAX_SOURCES_NAMED) : undefined;
    const n = undated?.[kind] ?? 0;
    const undatedText = n > 0 ? `${n} undated price${n === 1 ? '' : 's'} (${undated!.source})` : undefined;
    if (dated !== undefined || undatedText !== undefined) parts.push(`${LABELS[kind]} ${[dated, undatedText].filter(Boolean).join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'no prices used';
}

/**
 * The diff's headline date (JSON `pricesAsOf`): the oldest on-demand date used (every on-demand price used is
 * at least that recent); without any, the oldest date of the prices used; else `fallback()` (the catalog's date
 * for the regions), computed only then.
 */
export function headlineDate(d: PlanPriceDates, fallback: () => string): string {
  if (d.onDemand.oldest !== undefined) return d.onDemand.oldest;
  let oldest: string | undefined;
  for (const x of [d.spot.oldest, d.services.oldest]) if (x !== undefined && (oldest === undefined || x < oldest)) oldest = x;
  return oldest ?? fallback();
}
