/** Types and helpers of the service-price mapping rules (service-map.ts dispatches to the rules). */

/** The product as the rules see it. */
export interface ServiceProductView {
  /** Offer code / GetProducts ServiceCode: AmazonEC2, AmazonRDS, AWSELB, … */
  readonly serviceCode: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * How a product's on-demand price dimensions become the key's price.
 * - `first`: the first tier (beginRange 0), e.g. CloudWatch's first 10,000 metrics.
 * - `first-paid`: the first tier with a price above zero, skipping an account-wide free tier
 *   (DynamoDB provisioned capacity and storage), because a resource's price is what it adds to the bill.
 */
export type TierRule = 'first' | 'first-paid';

/** Accepted AWS unit → how its price becomes the key's unit (× `times`, ÷ `divide`), and how to say so. */
export interface UnitConversion {
  readonly times?: number;
  readonly divide?: number;
  /** Appended to the description, e.g. "per request" for a per-million key. */
  readonly per?: string;
}

export interface ServiceMapping {
  readonly key: string;
  /** Catalog unit of the stored price ("hour", "GB-month", "million-requests", …). */
  readonly unit: string;
  /** AWS units this key accepts; a product in another unit is skipped and counted, never stored. */
  readonly units: Readonly<Record<string, UnitConversion>>;
  readonly tier: TierRule;
  /** Lower wins when several products of one source map to the same key (e.g. RDS "Any" over "MySQL"). */
  readonly rank: number;
  /** What the price is, e.g. "EBS gp3 storage"; the description adds the usage type. */
  readonly label: string;
}

/** Trimmed attribute look-up ("" when absent). */
export type Attributes = (name: string) => string;

/** Unit tables shared by the rules. */
export const UNITS = {
  hour: { Hrs: {}, Hours: {}, hours: {}, Hour: {} },
  gbMonth: { 'GB-Mo': {}, 'GB-month': {} },
  iopsMonth: { 'IOPS-Mo': {} },
  gb: { GB: {} },
  vcpuHour: { 'vCPU-Hours': {} },
  lcuHour: { 'LCU-Hrs': {} },
  metricMonth: { Metrics: {} },
} as const satisfies Record<string, Readonly<Record<string, UnitConversion>>>;

/** A mapping with the defaults most keys use (first tier, rank 0). */
export function mapping(key: string, unit: string, units: Readonly<Record<string, UnitConversion>>, label: string, extra: Partial<Pick<ServiceMapping, 'tier' | 'rank'>> = {}): ServiceMapping {
  return { key, unit, units, label, tier: extra.tier ?? 'first', rank: extra.rank ?? 0 };
}
