/**
 * On-demand and reserved EC2 prices of one region from the Pricing API (`GetProducts`), every page
 * followed through NextToken. Each PriceList element is a JSON string, parsed and mapped by the same
 * pure code as the bulk offer files (src/catalog/offer/).
 */
import { GetProductsCommand, type Filter, type PricingClient } from '@aws-sdk/client-pricing';
import { InputError } from '../errors.js';
import { PRICING_API_SOURCE } from '../catalog/live-sources.js';
import { OfferCollector, type OfferBatch } from '../catalog/offer/collect.js';
import { LINUX_SHARED_FILTER, mapOfferProduct } from '../catalog/offer/map-product.js';
import { parsePriceListItem } from '../catalog/offer/price-list-json.js';
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

export function productFilters(q: PricingQuery): Filter[] {
  const term = (Field: string, Value: string): Filter => ({ Type: 'TERM_MATCH', Field, Value });
  const filters = [term('regionCode', q.region), ...Object.entries(LINUX_SHARED_FILTER).map(([f, v]) => term(f, v))];
  if (q.instanceTypes && q.instanceTypes.length > 0) {
    filters.push(q.instanceTypes.length === 1 ? term('instanceType', q.instanceTypes[0]!) : { Type: 'ANY_OF', Field: 'instanceType', Value: q.instanceTypes.join(',') });
  }
  return filters;
}

export async function fetchEc2Prices(client: PricingClient, q: PricingQuery): Promise<PricingResult> {
  const collector = new OfferCollector();
  let asOf = '';
  let token: string | undefined;
  let page = 0;
  do {
    page++;
    const file = `GetProducts page ${page}`;
    const out = await call(file, () =>
      client.send(new GetProductsCommand({ ServiceCode: 'AmazonEC2', Filters: productFilters(q), FormatVersion: 'aws_v1', MaxResults: 100, NextToken: token })),
    );
    if (out.PriceList !== undefined && !Array.isArray(out.PriceList)) throw new InputError({ file, field: 'PriceList' }, 'expected a list');
    (out.PriceList ?? []).forEach((element: unknown, i: number) => {
      const origin = { file, row: i + 1, path: `PriceList[${i}]` };
      // The SDK hands each element over as a string (a String object wrapping the JSON text).
      if (typeof element !== 'string' && !(element instanceof String)) throw new InputError({ file, row: i + 1, field: origin.path }, 'expected a JSON string');
      const item = parsePriceListItem(String(element), origin);
      if (item.asOf > asOf) asOf = item.asOf;
      collector.add(mapOfferProduct(item.product, { source: PRICING_API_SOURCE, asOf: item.asOf, region: q.region, origin: item.productOrigin }));
    });
    token = nextToken(token, out.NextToken, file);
  } while (token);
  return { ...collector.result(), asOf, pages: page };
}
