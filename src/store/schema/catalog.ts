/**
 * Catalog domain: prices and instance facts refreshed from AWS (Pricing API, EC2 API) or imported
 * from bulk offer files. Every price row carries its source and as-of date; prices are decimal text.
 * Rows are replaced per (region, source) by each refresh/import, in one transaction.
 */
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const basis = {
  source: text('source').notNull(),
  asOf: text('as_of').notNull(),
  basisKind: text('basis_kind').notNull().default('exact'),
  method: text('method'),
  /** ISO timestamp of the refresh/import that wrote the row (newest wins between equal dates). */
  writtenAt: text('written_at').notNull(),
};

export const catalogInstanceTypes = sqliteTable('catalog_instance_types', {
  instanceType: text('instance_type').primaryKey(),
  family: text('family').notNull(),
  generation: integer('generation').notNull(),
  size: text('size').notNull(),
  vcpu: integer('vcpu').notNull(),
  memoryGiB: real('memory_gib').notNull(),
  arch: text('arch').notNull(),
  cpuManufacturer: text('cpu_manufacturer').notNull(),
  sustainedClockGhz: real('sustained_clock_ghz'),
  burstable: integer('burstable', { mode: 'boolean' }).notNull(),
  bareMetal: integer('bare_metal', { mode: 'boolean' }).notNull(),
  currentGeneration: integer('current_generation', { mode: 'boolean' }).notNull(),
  networkBandwidthMbps: integer('network_bandwidth_mbps'),
  gpuCount: integer('gpu_count').notNull(),
  source: text('source').notNull(),
  asOf: text('as_of').notNull(),
  writtenAt: text('written_at').notNull(),
});

export const catalogOnDemandPrices = sqliteTable(
  'catalog_on_demand_prices',
  {
    region: text('region').notNull(),
    instanceType: text('instance_type').notNull(),
    usdPerHour: text('usd_per_hour').notNull(),
    ...basis,
  },
  (t) => [primaryKey({ columns: [t.region, t.instanceType, t.source] })],
);

export const catalogReservedPrices = sqliteTable(
  'catalog_reserved_prices',
  {
    region: text('region').notNull(),
    instanceType: text('instance_type').notNull(),
    term: text('term').notNull(),
    offeringClass: text('offering_class').notNull(),
    paymentOption: text('payment_option').notNull(),
    upfrontUsd: text('upfront_usd').notNull(),
    usdPerHour: text('usd_per_hour').notNull(),
    effectiveUsdPerHour: text('effective_usd_per_hour').notNull(),
    ...basis,
    /** Basis of the upfront/hourly split when it differs from the effective rate's (ReservedRate.splitBasis). */
    splitSource: text('split_source'),
    splitAsOf: text('split_as_of'),
    splitKind: text('split_kind'),
    splitMethod: text('split_method'),
  },
  (t) => [primaryKey({ columns: [t.region, t.instanceType, t.source, t.term, t.offeringClass, t.paymentOption] })],
);

export const catalogSpotPrices = sqliteTable(
  'catalog_spot_prices',
  {
    region: text('region').notNull(),
    instanceType: text('instance_type').notNull(),
    averageUsdPerHour: text('average_usd_per_hour').notNull(),
    /** JSON object: availability zone → USD/h. */
    byZone: text('by_zone', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    ...basis,
  },
  (t) => [primaryKey({ columns: [t.region, t.instanceType, t.source] })],
);

/** Spot Instance Advisor figures (savings vs on-demand, interruption bucket). */
export const catalogSpotAdvisor = sqliteTable(
  'catalog_spot_advisor',
  {
    region: text('region').notNull(),
    instanceType: text('instance_type').notNull(),
    savingsPercent: integer('savings_percent'),
    interruptionIndex: integer('interruption_index'),
    interruptionLabel: text('interruption_label'),
    ...basis,
  },
  (t) => [primaryKey({ columns: [t.region, t.instanceType, t.source] })],
);

export const catalogServicePrices = sqliteTable(
  'catalog_service_prices',
  {
    region: text('region').notNull(),
    key: text('key').notNull(),
    unit: text('unit').notNull(),
    usd: text('usd').notNull(),
    description: text('description').notNull(),
    ...basis,
  },
  (t) => [primaryKey({ columns: [t.region, t.key, t.source] })],
);

/** The sources behind the stored figures, as listed by `nuage catalog info`. */
export const catalogSources = sqliteTable('catalog_sources', {
  id: text('id').primaryKey(),
  description: text('description').notNull(),
  asOf: text('as_of').notNull(),
  origin: text('origin').notNull(),
  writtenAt: text('written_at').notNull(),
});

/** One row per region touched by a refresh or import. */
export const catalogRefreshLog = sqliteTable('catalog_refresh_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  kind: text('kind').notNull(), // "refresh" | "import"
  origin: text('origin').notNull(), // offer file path or API endpoint
  region: text('region').notNull(),
  /** Comma-separated sources written. */
  sources: text('sources').notNull(),
  asOf: text('as_of').notNull(),
  instanceTypes: integer('instance_types').notNull(),
  onDemand: integer('on_demand').notNull(),
  reserved: integer('reserved').notNull(),
  spot: integer('spot').notNull(),
  servicePrices: integer('service_prices').notNull(),
  /** Comma-separated instance types when the refresh was limited to some (--types). */
  scope: text('scope'),
});
