/**
 * Spend domain tables (migrations in drizzle/spend/).
 *
 * - spend_scope: one billing period of one source (file imports: provider + payer account + billing
 *   period; Cost Explorer: one day for one tag key). Re-importing a scope replaces it.
 * - spend_file: the files an import read (lines point at their file and row), with a content hash.
 * - spend_file_scope: the scopes each file's lines went to (live while the scope is stored).
 * - spend_line: the canonical FOCUS-shaped records. Amounts are exact decimal TEXT as read.
 * - spend_daily: per-day, per-dimension rollups with exact costs as four integer limbs each
 *   (amount = units + f1·1e-8 + f2·1e-16 + f3·1e-24, see src/spend/amount.ts); what reports read.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const spendScope = sqliteTable(
  'spend_scope',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scopeKey: text('scope_key').notNull(),
    /** "file" or "cost-explorer" */
    source: text('source').notNull(),
    provider: text('provider').notNull(),
    /** Payer / billing account id (a string: leading zeros kept), or the file name. */
    account: text('account').notNull(),
    /** "YYYY-MM-DD": billing period start (files) or the day (Cost Explorer). */
    period: text('period').notNull(),
    /** 1 when Cost Explorer marked the day Estimated (refetched by the next pull). */
    estimated: integer('estimated').notNull().default(0),
    rowCount: integer('row_count').notNull(),
    importedAt: text('imported_at').notNull(),
    /** JSON: files, tag key, notes. */
    detail: text('detail').notNull().default('{}'),
  },
  (t) => [uniqueIndex('spend_scope_key').on(t.scopeKey), index('spend_scope_source_period').on(t.source, t.period)],
);

export const spendFile = sqliteTable(
  'spend_file',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    path: text('path').notNull(),
    format: text('format').notNull(),
    importedAt: text('imported_at').notNull(),
    /** sha256 (hex) of the content (CSV: after gzip decompression); null for files imported before it was kept. */
    contentSha256: text('content_sha256'),
  },
  (t) => [index('spend_file_content').on(t.contentSha256)],
);

/**
 * Which scopes a file's lines went to. A link dies with its scope (replaced or deleted), so a file
 * whose content is still counted in the store is one with a link left.
 */
export const spendFileScope = sqliteTable(
  'spend_file_scope',
  {
    fileId: integer('file_id').notNull(),
    scopeId: integer('scope_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.scopeId] }), index('spend_file_scope_scope').on(t.scopeId)],
);

export const spendLine = sqliteTable(
  'spend_line',
  {
    id: integer('id').primaryKey(),
    scopeId: integer('scope_id').notNull(),
    fileId: integer('file_id'),
    /** Where in the file: CSV row as a spreadsheet numbers it (header = row 1); Parquet: N-th row of the data. */
    sourceRow: integer('source_row'),
    billedCost: text('billed_cost').notNull(),
    effectiveCost: text('effective_cost'),
    listCost: text('list_cost'),
    contractedCost: text('contracted_cost'),
    billingCurrency: text('billing_currency').notNull(),
    chargePeriodStart: text('charge_period_start').notNull(),
    chargePeriodEnd: text('charge_period_end'),
    billingPeriodStart: text('billing_period_start').notNull(),
    billingPeriodEnd: text('billing_period_end'),
    chargeCategory: text('charge_category'),
    chargeClass: text('charge_class'),
    chargeFrequency: text('charge_frequency'),
    pricingCategory: text('pricing_category'),
    pricingQuantity: text('pricing_quantity'),
    pricingUnit: text('pricing_unit'),
    consumedQuantity: text('consumed_quantity'),
    consumedUnit: text('consumed_unit'),
    serviceName: text('service_name'),
    serviceCategory: text('service_category'),
    resourceId: text('resource_id'),
    resourceType: text('resource_type'),
    regionId: text('region_id'),
    availabilityZone: text('availability_zone'),
    providerName: text('provider_name'),
    billingAccountId: text('billing_account_id'),
    subAccountId: text('sub_account_id'),
    skuId: text('sku_id'),
    commitmentDiscountId: text('commitment_discount_id'),
    commitmentDiscountType: text('commitment_discount_type'),
    commitmentDiscountCategory: text('commitment_discount_category'),
    commitmentDiscountStatus: text('commitment_discount_status'),
    /** JSON object, keys without "user:". */
    tags: text('tags').notNull().default('{}'),
  },
  (t) => [index('spend_line_scope').on(t.scopeId)],
);

export const spendDaily = sqliteTable(
  'spend_daily',
  {
    scopeId: integer('scope_id').notNull(),
    source: text('source').notNull(),
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    /** "total" | "service" | "account" | "region" | "tag:<key>" */
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    rows: integer('rows').notNull(),
    billedUnits: integer('billed_units').notNull(),
    billedF1: integer('billed_f1').notNull(),
    billedF2: integer('billed_f2').notNull(),
    billedF3: integer('billed_f3').notNull(),
    effectiveUnits: integer('effective_units').notNull(),
    effectiveF1: integer('effective_f1').notNull(),
    effectiveF2: integer('effective_f2').notNull(),
    effectiveF3: integer('effective_f3').notNull(),
    listUnits: integer('list_units').notNull(),
    listF1: integer('list_f1').notNull(),
    listF2: integer('list_f2').notNull(),
    listF3: integer('list_f3').notNull(),
    contractedUnits: integer('contracted_units').notNull(),
    contractedF1: integer('contracted_f1').notNull(),
    contractedF2: integer('contracted_f2').notNull(),
    contractedF3: integer('contracted_f3').notNull(),
    effectiveMissing: integer('effective_missing').notNull(),
    listMissing: integer('list_missing').notNull(),
    contractedMissing: integer('contracted_missing').notNull(),
    /**
     * Last day covered by the bucket's charges (day of ChargePeriodEnd minus one second) when later
     * than `day` (monthly fees, purchases); null: `day`. Reports state the days their data covers.
     */
    lastDay: text('last_day'),
  },
  (t) => [index('spend_daily_report').on(t.source, t.dim, t.currency, t.day), index('spend_daily_scope').on(t.scopeId)],
);
