/**
 * Service prices of one region from the Pricing API: for each `--services` group (src/catalog/offer/
 * service-groups.ts), every page of its GetProducts queries, mapped by the shared product → key mapping.
 * A product mapping to a key outside its group is skipped and counted (each group replaces only its keys).
 */
import type { Filter, PricingClient } from '@aws-sdk/client-pricing';
import { PRICING_API_SOURCE } from '../catalog/live-sources.js';
import { OfferCollector } from '../catalog/offer/collect.js';
import { mapOfferProduct, type MappedOffer } from '../catalog/offer/map-product.js';
import { type GroupFilter, type ServiceGroup } from '../catalog/offer/service-groups.js';
import type { ServicePrice } from '../catalog/types.js';
import { collectInto, forEachProduct, term } from './pricing.js';

export interface GroupResult {
  readonly group: ServiceGroup;
  readonly pages: number;
  readonly products: number;
  readonly prices: readonly ServicePrice[];
  /** Newest publicationDate of the group's products ("" when none). */
  readonly asOf: string;
  readonly skipped: Readonly<Record<string, number>>;
}

export interface ServicePricingResult {
  readonly groups: readonly GroupResult[];
  readonly servicePrices: readonly ServicePrice[];
  readonly pages: number;
  readonly products: number;
  readonly asOf: string;
}

function toFilter(f: GroupFilter): Filter {
  return f.type === 'CONTAINS' ? { Type: 'CONTAINS', Field: f.field, Value: f.value } : term(f.field, f.value);
}

/** "GetProducts AmazonRDS Database Instance/MySQL" */
export function queryLabel(group: ServiceGroup, filters: readonly GroupFilter[]): string {
  return `GetProducts ${group.serviceCode}${filters.length > 0 ? ` ${filters.map((f) => f.value).join('/')}` : ''}`;
}

export async function fetchServiceGroup(client: PricingClient, region: string, group: ServiceGroup): Promise<GroupResult> {
  const collector = new OfferCollector();
  const ownKey = (m: MappedOffer): MappedOffer =>
    m.kind === 'service' && !group.keyPrefixes.some((p) => m.price.key.startsWith(p)) ? { kind: 'skip', reason: `key ${m.price.key} outside the ${group.name} group` } : m;
  const sink = collectInto(collector, (item) =>
    ownKey(mapOfferProduct(item.product, { serviceCode: group.serviceCode, servicesOnly: true, source: PRICING_API_SOURCE, asOf: item.asOf, region, origin: item.productOrigin })),
  );
  let pages = 0;
  for (const filters of group.queries) {
    pages += await forEachProduct(client, { serviceCode: group.serviceCode, filters: [term('regionCode', region), ...filters.map(toFilter)], label: queryLabel(group, filters) }, sink.onItem);
  }
  const r = collector.result();
  return { group, pages, products: r.products, prices: r.servicePrices, asOf: sink.asOf(), skipped: r.skipped };
}

export async function fetchServicePrices(client: PricingClient, region: string, groups: readonly ServiceGroup[]): Promise<ServicePricingResult> {
  const results: GroupResult[] = [];
  for (const g of groups) results.push(await fetchServiceGroup(client, region, g));
  return {
    groups: results,
    servicePrices: results.flatMap((g) => g.prices),
    pages: results.reduce((n, g) => n + g.pages, 0),
    products: results.reduce((n, g) => n + g.products, 0),
    asOf: results.reduce((a, g) => (g.asOf > a ? g.asOf : a), ''),
  };
}
