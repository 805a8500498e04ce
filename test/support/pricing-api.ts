/**
 * A GetProducts handler for the AWS loopback that behaves like the Pricing API over a fixed set of
 * PriceList elements: it keeps the elements of the request's ServiceCode that pass every filter
 * (TERM_MATCH / EQUALS: equal; CONTAINS: substring; ANY_OF / NONE_OF: comma-separated list), serves them
 * as JSON strings in pages of MaxResults (or `pageSize`), and hands out an opaque NextToken.
 */
import { regionOf } from '../../src/catalog/offer/locations.js';
import type { AwsHandler, AwsRequest } from './aws-loopback.js';

/** One decoded PriceList element (product, serviceCode, terms, publicationDate). */
export type PriceListElement = {
  readonly product: { readonly productFamily?: string; readonly attributes: Readonly<Record<string, string>>; readonly sku: string };
  readonly serviceCode: string;
} & Record<string, unknown>;

interface Filter {
  Type: string;
  Field: string;
  Value: string;
}

function fieldOf(e: PriceListElement, field: string): string | undefined {
  if (field === 'productFamily') return e.product.productFamily;
  if (field === 'sku') return e.product.sku;
  // Products recorded before AWS added `regionCode` (2021) are found by their location name.
  if (field === 'regionCode') return e.product.attributes.regionCode ?? regionOf(e.product.attributes);
  return e.product.attributes[field];
}

export function matches(e: PriceListElement, f: Filter): boolean {
  const v = fieldOf(e, f.Field);
  switch (f.Type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return v === f.Value;
    case 'CONTAINS':
      return v !== undefined && v.includes(f.Value);
    case 'ANY_OF':
      return v !== undefined && f.Value.split(',').includes(v);
    case 'NONE_OF':
      return v === undefined || !f.Value.split(',').includes(v);
    default:
      throw new Error(`loopback Pricing API: unknown filter type ${f.Type}`);
  }
}

export interface PricingApi {
  readonly handler: AwsHandler;
  /** Elements served per request, in order (for assertions). */
  readonly served: { serviceCode: string; filters: Filter[]; count: number }[];
}

export function pricingApi(elements: readonly PriceListElement[], opts: { pageSize?: number } = {}): PricingApi {
  const texts = elements.map((e) => JSON.stringify(e));
  const served: PricingApi['served'] = [];
  const handler = (req: AwsRequest) => {
    const body = req.json as { ServiceCode: string; Filters?: Filter[]; MaxResults?: number; NextToken?: string };
    const filters = body.Filters ?? [];
    const hits = elements.map((e, i) => [e, i] as const).filter(([e]) => e.serviceCode === body.ServiceCode && filters.every((f) => matches(e, f)));
    const size = opts.pageSize ?? body.MaxResults ?? 100;
    const start = body.NextToken ? Number(Buffer.from(body.NextToken, 'base64').toString('utf8').replace('offset:', '')) : 0;
    const page = hits.slice(start, start + size);
    served.push({ serviceCode: body.ServiceCode, filters, count: page.length });
    const next = start + size < hits.length ? Buffer.from(`offset:${start + size}`).toString('base64') : undefined;
    return { body: { FormatVersion: 'aws_v1', PriceList: page.map(([, i]) => texts[i]), ...(next ? { NextToken: next } : {}) } };
  };
  return { handler, served };
}
