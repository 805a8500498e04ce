/** The GetProducts fixtures of test/aws/fixtures/get-products/ (see its README for their origin). */
import { readFileSync } from 'node:fs';
import type { PriceListElement } from '../support/pricing-api.js';

export const SERVICE_FIXTURE_CODES = ['AmazonEC2', 'AmazonRDS', 'AWSELB', 'AmazonEKS', 'AmazonElastiCache', 'AmazonDynamoDB', 'AmazonCloudWatch'] as const;

const DIR = new URL('./fixtures/get-products/eu-west-1/', import.meta.url).pathname;

/** The eu-west-1 elements of one service (all services when omitted). */
export function serviceElements(serviceCode?: (typeof SERVICE_FIXTURE_CODES)[number]): PriceListElement[] {
  const codes = serviceCode ? [serviceCode] : SERVICE_FIXTURE_CODES;
  return codes.flatMap((c) => JSON.parse(readFileSync(`${DIR}${c}.json`, 'utf8')) as PriceListElement[]);
}

/** A copy of an element with another on-demand price in every dimension and another publication date. */
export function repriced(e: PriceListElement, usd: string, publicationDate: string): PriceListElement {
  const copy = JSON.parse(JSON.stringify(e)) as PriceListElement & { terms: { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }> } };
  for (const t of Object.values(copy.terms.OnDemand)) for (const d of Object.values(t.priceDimensions)) d.pricePerUnit.USD = usd;
  return { ...copy, publicationDate };
}
