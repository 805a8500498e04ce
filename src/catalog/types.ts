/**
 * The price catalog's vocabulary. Every price is a USD decimal string (exact, as AWS publishes it),
 * names say the unit, and every price carries its basis and as-of date.
 */
import type { RegionPriceDates } from './price-dates.js';

export type Arch = 'x86_64' | 'arm64';

/** Facts about an EC2 instance type (region-independent). */
export interface InstanceTypeSpec {
  readonly instanceType: string; // "m5.xlarge"
  readonly family: string; // "m5"
  readonly generation: number; // 5
  readonly size: string; // "xlarge"
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly arch: Arch;
  readonly cpuManufacturer: string; // "intel" | "amd" | "aws" | "apple" | …
  /** AWS ProcessorInfo.SustainedClockSpeedInGhz; null when AWS does not publish it. */
  readonly sustainedClockGhz: number | null;
  readonly burstable: boolean;
  readonly bareMetal: boolean;
  readonly currentGeneration: boolean;
  readonly networkBandwidthMbps: number | null;
  readonly gpuCount: number;
}

/** How a price is known. */
export interface PriceBasis {
  /** "exact": copied from a dated source; "estimate": derived, see `method`. */
  readonly kind: 'exact' | 'estimate';
  /** Source id as listed in data/manifest.json (e.g. "skypilot-v7", "aws-pricing-api"). */
  readonly source: string;
  /** Date of the facts, YYYY-MM-DD. */
  readonly asOf: string;
  /** For estimates: how it was derived, e.g. "m5 family 1yr/no-upfront ratio 0.701 × on-demand (ec2instances 2018-08-16)". */
  readonly method?: string;
}

export type ReservedTerm = '1yr' | '3yr';
export type OfferingClass = 'standard' | 'convertible';
export type PaymentOption = 'no-upfront' | 'partial-upfront' | 'all-upfront';

export const RESERVED_TERMS: readonly ReservedTerm[] = ['1yr', '3yr'];
export const OFFERING_CLASSES: readonly OfferingClass[] = ['standard', 'convertible'];
export const PAYMENT_OPTIONS: readonly PaymentOption[] = ['no-upfront', 'partial-upfront', 'all-upfront'];

export interface OnDemandPrice {
  readonly usdPerHour: string;
  readonly basis: PriceBasis;
}

export interface ReservedRate {
  readonly term: ReservedTerm;
  readonly offeringClass: OfferingClass;
  readonly paymentOption: PaymentOption;
  /** One-time fee, USD. "0" for no-upfront. */
  readonly upfrontUsd: string;
  /** Recurring hourly charge, USD/h. "0" for all-upfront. */
  readonly usdPerHour: string;
  /** upfront spread over the term's hours + hourly, USD/h. */
  readonly effectiveUsdPerHour: string;
  /** Basis of the effective hourly rate (and of the split, unless `splitBasis` says otherwise). */
  readonly basis: PriceBasis;
  /**
   * Present when the upfront/hourly split is estimated although the effective rate is not, e.g. a
   * partial-upfront rate whose source gives only the effective hourly figure.
   */
  readonly splitBasis?: PriceBasis;
}

/** Spot Instance Advisor interruption-frequency buckets. */
export interface InterruptionBucket {
  /** 0..4, index into AWS's ranges (<5 %, 5–10 %, 10–15 %, 15–20 %, >20 %). */
  readonly index: number;
  readonly label: string;
}

export interface SpotFacts {
  /** Spot Instance Advisor savings vs on-demand, percent (integer). */
  readonly savingsPercent?: number;
  readonly interruptionBucket?: InterruptionBucket;
  /** Representative spot price across AZs (30-day time-weighted average where refreshed live). */
  readonly averageUsdPerHour?: string;
  /** Per-AZ spot price where known (AZ name or AZ id → USD/h). */
  readonly byZone?: Readonly<Record<string, string>>;
  /** Basis of the advisor figures. */
  readonly advisorBasis?: PriceBasis;
  /** Basis of the price figures. */
  readonly priceBasis?: PriceBasis;
}

/** Every known EC2 Linux/shared-tenancy price of one type in one region. */
export interface Ec2Prices {
  readonly region: string;
  readonly instanceType: string;
  readonly currency: 'USD';
  readonly onDemand?: OnDemandPrice;
  readonly reserved: readonly ReservedRate[];
  readonly spot?: SpotFacts;
}

/**
 * A non-EC2 (or EC2-adjacent) price point: EBS GB-month, NAT gateway hour, RDS instance hour…
 * Keys are stable strings owned by the module that declares them, e.g. "ebs:gp3:storage",
 * "rds:db.m5.large:mysql:single-az", "nat:hour". See src/catalog/service-keys.ts.
 */
export interface ServicePrice {
  readonly key: string;
  readonly region: string;
  /** Unit of `usd`: "hour", "GB-month", "IOPS-month", "MBps-month", "GB", "request", "million-requests", … */
  readonly unit: string;
  readonly usd: string;
  readonly description: string;
  readonly basis: PriceBasis;
}

export interface CatalogSource {
  readonly id: string;
  readonly description: string;
  readonly asOf: string;
  readonly origin: string;
}

export interface RegionCoverage {
  readonly region: string;
  readonly instanceTypes: number;
  readonly onDemandExact: number;
  readonly onDemandEstimated: number;
  readonly reservedExact: number;
  readonly reservedEstimated: number;
  readonly spot: number;
  readonly servicePrices: number;
  /** Current-generation types offered in the region with an exact on-demand price, percent. */
  readonly currentGenOnDemandExactPercent: number;
}

export interface CatalogInfo {
  /**
   * The newest exact price date anywhere in the catalog (all regions, all kinds). NOT the date of a
   * region's prices: use Catalog.priceDates(region) for that, or the bases of the prices used.
   */
  readonly pricesAsOf: string;
  readonly sources: readonly CatalogSource[];
  readonly regions: readonly string[];
  /** "snapshot" | "snapshot+store" — where the figures come from. */
  readonly origin: string;
}

/** Read-only price catalog. Implementations: snapshot (data/), SQLite-refreshed, layered. */
export interface Catalog {
  info(): CatalogInfo;
  regions(): readonly string[];
  instanceTypes(): readonly InstanceTypeSpec[];
  instanceType(name: string): InstanceTypeSpec | undefined;
  /** Instance types with at least one price in the region. */
  instanceTypesIn(region: string): readonly InstanceTypeSpec[];
  ec2Prices(region: string, instanceType: string): Ec2Prices | undefined;
  servicePrice(region: string, key: string): ServicePrice | undefined;
  coverage(region: string): RegionCoverage;
  /** The dates of the region's prices per kind (on-demand, reserved, spot, Spot Advisor, services): oldest, newest, exact / estimate, per source. */
  priceDates(region: string): RegionPriceDates;
}

/** Hours in a reserved term (AWS uses 365-day years: 8,760 h and 26,280 h). */
export function termHours(term: ReservedTerm): number {
  return term === '1yr' ? 8760 : 26280;
}
