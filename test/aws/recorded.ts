/** Recorded AWS responses from ../shared/corpora/ec2_pricing_api, read in place. */
import { readFileSync } from 'node:fs';
import { corpusPath } from '../support/corpora.js';

export const SELECTOR = corpusPath('ec2_pricing_api', 'amazon-ec2-instance-selector');
export const CLI_EXAMPLES = corpusPath('ec2_pricing_api', 'aws_cli_examples', 'extracted_json');

export function recorded<T = Record<string, unknown>>(...parts: string[]): T {
  return JSON.parse(readFileSync(`${SELECTOR}/${parts.join('/')}`, 'utf8')) as T;
}

export function cliExample<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${CLI_EXAMPLES}/${name}`, 'utf8')) as T;
}

/** The m5.large product (one decoded PriceList element). */
export function m5LargeProduct(): Record<string, unknown> {
  return recorded('GetProducts', 'm5_large.json');
}

/** A copy of the m5.large product renamed to `instanceType` with a new SKU (for pagination tests). */
export function renamedProduct(instanceType: string, sku: string): string {
  const text = JSON.stringify(m5LargeProduct());
  return text.replaceAll('6C86BEPQVG73ZGGR', sku).replaceAll('"instanceType":"m5.large"', `"instanceType":"${instanceType}"`);
}
