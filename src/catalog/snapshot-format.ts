/**
 * The on-disk shape of the EC2 snapshot under data/ec2/ (written by scripts/data/ec2.ts, read by
 * snapshot.ts). Compact positional arrays so the whole snapshot parses in a few tens of milliseconds:
 *
 * - data/ec2/catalog.json  — headline date, region list, interruption labels, the shared basis table.
 * - data/ec2/types.json    — one row per instance type (SPEC_COLUMNS order).
 * - data/ec2/regions/<region>.json — one row per instance type offered in the region (PriceRow).
 *
 * Prices are canonical decimal strings (exact). Bases are indices into catalog.json `bases`.
 */
import type { OfferingClass, PaymentOption, PriceBasis, ReservedTerm } from './types.js';

export const SNAPSHOT_FORMAT = 'nuage-ec2-snapshot/1';

export interface CatalogFile {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** Newest exact price date in the snapshot, YYYY-MM-DD. */
  readonly pricesAsOf: string;
  readonly regions: readonly string[];
  /** Spot Instance Advisor interruption ranges, by bucket index. */
  readonly interruptionLabels: readonly string[];
  readonly bases: readonly PriceBasis[];
  /** How partial-upfront rates are split (needed when ratio sets are used): share of the term cost upfront, basis index. */
  readonly partialSplit?: { readonly upfrontShare: string; readonly basis: number };
  /**
   * Reserved ratio sets shared by many rows: 12 space-separated entries "<ratio>@<basis>" or "-". A row
   * referring to one gets effective = ratio × its on-demand price, rounded half-up to 6 decimals
   * (reserved-split.ts), and the split of its payment option.
   */
  readonly ratioSets?: readonly string[];
}

/** Column order of a row of types.json. Booleans are 0/1; unknown numbers are null. */
export const SPEC_COLUMNS = [
  'instanceType',
  'family',
  'generation',
  'size',
  'vcpu',
  'memoryGiB',
  'arch',
  'cpuManufacturer',
  'sustainedClockGhz',
  'burstable',
  'bareMetal',
  'currentGeneration',
  'networkBandwidthMbps',
  'gpuCount',
] as const;

export type SpecRow = [
  instanceType: string,
  family: string,
  generation: number,
  size: string,
  vcpu: number,
  memoryGiB: number,
  arch: 'x86_64' | 'arm64',
  cpuManufacturer: string,
  sustainedClockGhz: number | null,
  burstable: 0 | 1,
  bareMetal: 0 | 1,
  currentGeneration: 0 | 1,
  networkBandwidthMbps: number | null,
  gpuCount: number,
];

export interface TypesFile {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly columns: typeof SPEC_COLUMNS;
  readonly rows: readonly SpecRow[];
}

/** The fixed order of the 12 reserved offers in a PriceRow's reserved array. */
export const RESERVED_ORDER: readonly { term: ReservedTerm; offeringClass: OfferingClass; paymentOption: PaymentOption }[] = (
  ['1yr', '3yr'] as const
).flatMap((term) =>
  (['standard', 'convertible'] as const).flatMap((offeringClass) =>
    (['no-upfront', 'partial-upfront', 'all-upfront'] as const).map((paymentOption) => ({ term, offeringClass, paymentOption })),
  ),
);

/**
 * Reserved offers of one type in one region, one string: 12 space-separated entries in RESERVED_ORDER,
 * each "-" (no such offer) or "<effective>[,<upfront>[,<hourly>]]@<basis>[/<splitBasis>]". Cells that the
 * payment option fixes are left out: no-upfront → upfront 0 and hourly = effective; all-upfront → hourly 0.
 * One string per type keeps the JSON small and fast to parse; entries are decoded on first look-up.
 */
export type ReservedCell = string;

/**
 * One instance type in one region:
 * [type, onDemandUsdPerHour|null, onDemandBasis|-1, reserved|null, spot|null]; reserved is a ReservedCell
 * or the index of a ratio set in catalog.json.
 */
export type PriceRow = [
  instanceType: string,
  onDemand: string | null,
  onDemandBasis: number,
  reserved: ReservedCell | number | null,
  spot: SpotCell | null,
];

/**
 * [savingsPercent|null, interruptionBucket|null, advisorBasis|-1, representativeUsdPerHour|null, priceBasis|-1,
 *  byZone "zone=usd zone=usd …" ("" when none)]
 */
export type SpotCell = [
  savingsPercent: number | null,
  interruptionBucket: number | null,
  advisorBasis: number,
  usdPerHour: string | null,
  priceBasis: number,
  byZone: string,
];

export interface RegionFile {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly region: string;
  readonly rows: readonly PriceRow[];
}

export function regionFilePath(region: string): string {
  return `ec2/regions/${region}.json`;
}
export const CATALOG_FILE = 'ec2/catalog.json';
export const TYPES_FILE = 'ec2/types.json';
