/**
 * nuage's own recorded-shape AWS API responses (test/aws/fixtures/api/, see its README): GetProducts
 * pages as the Pricing API sends them (PriceList elements are JSON strings), and the JSON shapes of
 * DescribeInstanceTypes / DescribeSpotPriceHistory that test/support/ec2-xml.ts turns into EC2 XML.
 */
import { readFileSync } from 'node:fs';

const DIR = new URL('./fixtures/api/', import.meta.url).pathname;

function read<T>(path: string): T {
  return JSON.parse(readFileSync(`${DIR}${path}`, 'utf8')) as T;
}

export interface GetProductsPage {
  FormatVersion: string;
  PriceList: string[];
  NextToken?: string;
}

/** Page 1 (m5.large, m5.xlarge; NextToken) and page 2 (t3.micro) of an AmazonEC2 eu-west-3 query. */
export function getProductsPages(): [GetProductsPage, GetProductsPage] {
  return [read('GetProducts/AmazonEC2-eu-west-3-page-1.json'), read('GetProducts/AmazonEC2-eu-west-3-page-2.json')];
}

/** One decoded PriceList element of those pages, by instance type. */
export function productOf(instanceType: string): Record<string, unknown> & { product: { sku: string; attributes: Record<string, string> } } {
  for (const page of getProductsPages()) {
    for (const text of page.PriceList) {
      const e = JSON.parse(text) as ReturnType<typeof productOf>;
      if (e.product.attributes.instanceType === instanceType) return e;
    }
  }
  throw new Error(`no ${instanceType} product in test/aws/fixtures/api/GetProducts`);
}

export interface InstanceTypesPage {
  InstanceTypes: Record<string, unknown>[];
  NextToken?: string;
}

export function instanceTypesPages(): [InstanceTypesPage, InstanceTypesPage] {
  return [read('DescribeInstanceTypes/page-1.json'), read('DescribeInstanceTypes/page-2.json')];
}

export interface SpotHistoryPage {
  SpotPriceHistory: Record<string, string>[];
  NextToken?: string;
}

export function spotHistoryPages(): [SpotHistoryPage, SpotHistoryPage] {
  return [read('DescribeSpotPriceHistory/page-1.json'), read('DescribeSpotPriceHistory/page-2.json')];
}
