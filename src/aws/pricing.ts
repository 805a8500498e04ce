/**
 * Prices of one region from the Pricing API (`GetProducts`), every page followed through NextToken:
 * EC2 on-demand and reserved (Linux, shared tenancy), and the service prices of `--services` groups.
 * Each PriceList element is a JSON string, parsed and mapped by the same pure code as the bulk offer
 * files (src/catalog/offer/).
 */
import { GetProductsCommand, type Filter, type PricingClient } from '@aws-sdk/client-pricing';
import { InputError } from '../errors.js';
import { PRICING_API_SOURCE } from '../catalog/live-sources.js';
import { OfferCollector, type OfferBatch } from '../catalog/offer/collect.js';
import { LINUX_SHARED_FILTER, mapOfferProduct, type MappedOffer } from '../catalog/offer/map-product.js';
import { parsePriceListItem, type PriceListItem } from '../catalog/offer/price-list-json.js';
import { call, nextToken } from './connection.js';

export interface PricingResult extends OfferBatch {
  /** Newest publicationDate of the products read, YYYY-MM-DD ("" when none). */
  readonly asOf: string;
  readonly pages: number;
}

export interface PricingQuery {
  readonly region: string;
  /** Only these instance types (ANY_OF filter); all when absent. */
  readonly instanceTypes?: readonly string[];
}

export const term = (Field: string, Value: string): Filter => ({ Type: 'TERM_MATCH', Field, Value });

export function productFilters(q: PricingQuery): Filter[] {
  const filters = [term('regionCode', q.region), ...Object.entries(LINUX_SHARED_FILTER).map(([f, v]) => term(f, v))];
  if (q.instanceTypes && q.instanceTypes.length > 0) {
    filters.push(q.instanceTypes.length === 1 ? term('instanceType', q.instanceTypes[0]!) : { Type: 'ANY_OF', Field: 'instanceType', Value: q.instanceTypes.join(',') });
  }
  return filters;
}

export interface ProductQuery {
  readonly serviceCode: string;
  readonly filters: readonly Filter[];
  /** Names the pages in messages: "GetProducts page 2", "GetProducts AmazonRDS Database Storage page 1". */
  readonly label: string;
}

/**
 * Every page of one GetProducts query; `onItem` receives each parsed element (its origin names the page,
 * element and JSON path). Returns the number of pages read.
 */
export async function forEachProduct(client: PricingClient, q: ProductQuery, onItem: (item: PriceListItem) => void): Promise<number> {
  let token: string | undefined;
  let page = 0;
  do {
    page++;
    const file = `${q.label} page ${page}`;
    const out = await call(file, () =>
      client.send(new GetProductsCommand({ ServiceCode: q.serviceCode, Filters: [...q.filters], FormatVersion: 'aws_v1', MaxResults: 100, NextToken: token })),
    );
    if (out.PriceList !== undefined && !Array.isArray(out.PriceList)) throw new InputError({ file, field: 'PriceList' }, 'expected a list');
    (out.PriceList ?? []).forEach((element: unknown, i: number) => {
      const origin = { file, row: i + 1, path: `PriceList[${i}]` };
      // The SDK hands each element over as a string (a String object wrapping the JSON text).
      if (typeof element !== 'string' && !(element instanceof String)) throw new InputError({ file, row: i + 1, field: origin.path }, 'expected a JSON string');
      onItem(parsePriceListItem(String(element), origin));
    });
    token = nextToken(token, out.NextToken, file);
  } while (token);
  return page;
}

/** Maps a page's products into `collector`, tracking the newest publication date. */
export function collectInto(collector: OfferCollector, map: (item: PriceListItem) => MappedOffer): { onItem: (item: PriceListItem) => void; asOf: () => string } {
  let asOf = '';
  return {
    onItem: (item) => {
      if (item.asOf > asOf) asOf = item.asOf;
      collector.add(map(item));
    },
    asOf: () => asOf,
  };
}

export async function fetchEc2Prices(client: PricingClient, q: PricingQuery): Promise<PricingResult> {
  const collector = new OfferCollector();
  const sink = collectInto(collector, (item) =>
    mapOfferProduct(item.product, { serviceCode: 'AmazonEC2', source: PRICING_API_SOURCE, asOf: item.asOf, region: q.region, origin: item.productOrigin }),
  );
  const pages = await forEachProduct(client, { serviceCode: 'AmazonEC2', filters: productFilters(q), label: 'GetProducts' }, sink.onItem);
  return { ...collector.result(), asOf: sink.asOf(), pages };
}
