/**
 * One Price List product of a non-instance service (or an EC2-adjacent product) → the service-price key
 * of src/catalog/service-keys.ts it prices, with the unit, tier and conversion that key needs. Pure; the
 * ONE mapping shared by the Pricing API refresh, the bulk offer-file importer and the snapshot build
 * (scripts/data/services-eu-west-1.ts): attributes are read under their Price List API names
 * (`usagetype`, `volumeApiName`, `databaseEngine`, …).
 */
import { dec, isDecimalString } from '../../money/index.js';
import type { Attributes, ServiceMapping, ServiceProductView, TierRule } from './service-mapping.js';
import { awsElbRule, cloudwatchRule, dynamodbRule, eksRule } from './service-rules.js';
import { ec2Rule } from './service-rules-ec2.js';
import { elasticacheRule, rdsRule } from './service-rules-db.js';

type ServiceRule = (p: ServiceProductView, a: Attributes) => ServiceMapping | undefined;

const RULES: Readonly<Record<string, ServiceRule>> = {
  AmazonEC2: ec2Rule,
  AmazonRDS: rdsRule,
  AWSELB: awsElbRule,
  AmazonEKS: eksRule,
  AmazonElastiCache: elasticacheRule,
  AmazonDynamoDB: dynamodbRule,
  AmazonCloudWatch: cloudwatchRule,
};

/** Offer codes nuage reads (bulk offer files and GetProducts service codes). */
export const SERVICE_CODES: readonly string[] = Object.keys(RULES);

/** The key a product prices, or undefined when nuage does not use it. */
export function mapServiceProduct(p: ServiceProductView): ServiceMapping | undefined {
  const rule = RULES[p.serviceCode];
  if (!rule) return undefined;
  const a: Attributes = (name) => p.attributes[name]?.trim() ?? '';
  return rule(p, a);
}

/** One on-demand price dimension, as any source gives it (usd exact as published). */
export interface PriceDimension {
  readonly unit: string;
  readonly usd: string;
  readonly beginRange: string;
  readonly description: string;
}

export type ServicePriceOutcome =
  | { readonly ok: true; readonly usd: string; readonly unit: string; readonly dimension: PriceDimension; readonly description: string }
  | { readonly ok: false; readonly reason: string };

const begin = (d: PriceDimension): number => (d.beginRange === '' ? 0 : Number(d.beginRange));

/** The dimension the tier rule picks; undefined when there is none. */
export function pickDimension(tier: TierRule, dims: readonly PriceDimension[]): PriceDimension | undefined {
  const sorted = [...dims].sort((x, y) => begin(x) - begin(y));
  if (tier === 'first-paid') return sorted.find((d) => isDecimalString(d.usd) && !dec(d.usd).eq(0)) ?? sorted[0];
  return sorted[0];
}

/**
 * The key's price from the product's on-demand dimensions: tier picked, unit checked and converted
 * exactly. `usagetype` goes into the description after the label ("EBS gp3 storage (EU-EBS:VolumeUsage.gp3)").
 */
export function servicePriceOf(m: ServiceMapping, dims: readonly PriceDimension[], usagetype: string): ServicePriceOutcome {
  const dim = pickDimension(m.tier, dims);
  if (!dim) return { ok: false, reason: 'service product without on-demand price' };
  const conv = m.units[dim.unit];
  if (!conv) return { ok: false, reason: `unexpected unit "${dim.unit}" for ${m.key.split(':')[0]} prices` };
  let v = dec(dim.usd);
  if (conv.times !== undefined) v = v.times(conv.times);
  if (conv.divide !== undefined) v = v.div(conv.divide);
  const raw = dec(dim.usd).toFixed();
  const note = conv.per ? `: ${raw} ${conv.per}` : '';
  return { ok: true, usd: v.toFixed(), unit: m.unit, dimension: dim, description: `${m.label} (${usagetype}${note})` };
}

export type { ServiceMapping, ServiceProductView, TierRule } from './service-mapping.js';
