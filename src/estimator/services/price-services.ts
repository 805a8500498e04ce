/**
 * Prices managed services and per-app traffic with the plan area's pricer (src/plan/pricer.ts): the same
 * declared components, the same catalog prices. Amounts in USD, exact; a component without a quantity or a
 * price keeps its status (usage-based, missing-price, unknown) and counts for nothing, and the service is
 * flagged incomplete.
 */
import { dec, sum, ZERO, type Decimal } from '../../money/index.js';
import type { ComponentSpec } from '../../plan/components.js';
import type { PriceLookup } from '../../plan/price-lookup.js';
import { priceComponent, type PricedComponent } from '../../plan/pricer.js';
import { interAzComponent, internetEgressComponents } from '../../plan/resources/data-transfer.js';
import type { ServiceRecord } from '../inventory/types.js';
import { declareService, serviceComponents } from './declare.js';

export interface PricedService {
  readonly record: ServiceRecord;
  readonly components: readonly PricedComponent[];
  readonly monthlyCostUsd: Decimal;
  /** False when a component has no quantity or no price (the cost is then a lower bound). */
  readonly complete: boolean;
}

export interface AppTraffic {
  readonly app: string;
  readonly internetEgressGb: number;
  readonly interAzGb: number;
}

export interface PricedTraffic extends AppTraffic {
  readonly components: readonly PricedComponent[];
  readonly monthlyCostUsd: Decimal;
  readonly complete: boolean;
}

export interface ServicePricingOptions {
  readonly region: string;
  readonly hoursPerMonth: number;
  readonly prices: PriceLookup;
}

/** Prices `specs` with `usage`; a tier the usage does not reach is left out. */
function priceAll(specs: readonly ComponentSpec[], usage: Readonly<Record<string, number>>, o: ServicePricingOptions): PricedComponent[] {
  const opts = { hoursPerMonth: o.hoursPerMonth, usage: (k: string) => usage[k] };
  return specs.flatMap((spec) => {
    const c = priceComponent(spec, o.prices, opts);
    return spec.usageSlice && c.monthlyQuantity?.eq(0) ? [] : [c];
  });
}

const total = (cs: readonly PricedComponent[]): Decimal => sum(cs.map((c) => c.monthlyCostUsd ?? ZERO));
const complete = (cs: readonly PricedComponent[]): boolean => cs.every((c) => c.status === 'priced');

export function priceServices(records: readonly ServiceRecord[], o: ServicePricingOptions): PricedService[] {
  return records.map((record) => {
    const declared = declareService(record.spec, o.hoursPerMonth);
    const address = `${record.app}${record.name ? `/${record.name}` : ''}`;
    const components = priceAll(serviceComponents(declared, o.region, address), declared.usage, o);
    return { record, components, monthlyCostUsd: total(components), complete: complete(components) };
  });
}

/**
 * Per-app traffic. Internet egress tiers apply to the month's total over all apps (AWS tiers are per account and
 * region): the total is priced once, and each app carries its share of every tier, pro rata to its GB.
 * Inter-AZ transfer is priced per app.
 */
export function priceTraffic(apps: readonly AppTraffic[], o: ServicePricingOptions): PricedTraffic[] {
  const egressGb = sum(apps.map((a) => a.internetEgressGb));
  const egress = egressGb.gt(0) ? priceAll(internetEgressComponents(o.region), { internet_egress_gb: Number(egressGb.toString()) }, o) : [];
  // Each tier per GB of the total, so that an app's share is its GB × these (one division per tier, not per app).
  const perGb = egress.map((c) => ({ c, quantity: c.monthlyQuantity?.div(egressGb) ?? null, cost: c.monthlyCostUsd?.div(egressGb) ?? null }));
  return apps.map((a) => {
    const gb = dec(a.internetEgressGb);
    const mine = a.internetEgressGb > 0 ? perGb.map((t) => share(t.c, t.quantity, t.cost, gb)) : [];
    const interAz = a.interAzGb > 0 ? priceAll([interAzComponent(o.region)], { inter_az_gb: a.interAzGb }, o) : [];
    const components = [...mine, ...interAz];
    return { ...a, components, monthlyCostUsd: total(components), complete: complete(components) };
  });
}

/** An app's part of a tier: the tier's quantity and cost per GB of the total, × the app's GB. */
function share(c: PricedComponent, quantityPerGb: Decimal | null, costPerGb: Decimal | null, gb: Decimal): PricedComponent {
  return { ...c, monthlyQuantity: quantityPerGb === null ? null : quantityPerGb.times(gb), monthlyCostUsd: costPerGb === null ? null : costPerGb.times(gb) };
}
