/**
 * AWS Cost and Usage Report rows → SpendRecord, for the legacy CUR ("lineItem/UnblendedCost") and
 * CUR 2.0 ("line_item_unblended_cost", CSV or Parquet with MAP columns) alike: legacy headers are
 * turned into their CUR 2.0 names (camelCase → snake_case, which is how AWS derived them, ARN
 * becoming "a_r_n"). The FinOps Foundation focus_converters rules guide the mapping:
 * - BilledCost: net unblended cost when present, else unblended cost;
 * - EffectiveCost (amortized): SP effective cost for SavingsPlanCoveredUsage, RI effective cost for
 *   DiscountedUsage, 0 for SavingsPlanNegation / SavingsPlanUpfrontFee / RI upfront Fee, the unused
 *   commitment for SavingsPlanRecurringFee and RIFee, else unblended cost;
 * - ListCost: public on-demand cost (or rate × usage).
 */
import { regionFromUsageType, regionFromZone, resourceTypeFromArn, serviceCategory } from './aws-facts.js';
import { effectiveCost, listCost, pricingCategory } from './cur-amortization.js';
import { amount, currency, FieldProblem, quantity, requiredAmount, requiredTimestamp, tagKey, text, timestamp, type Amount, type Cell, type Notes } from './field-values.js';
import type { MappedRow, MapperOptions, RowMapper } from './row-mapper.js';
import { NO_BILLING_ACCOUNT, type SpendRecord } from './spend-record.js';
import { monthStartOf } from './timestamp.js';

/** "lineItem/UnblendedCost" → "line_item_unblended_cost"; CUR 2.0 names are returned lowercased. */
export function curColumnName(header: string): string {
  const h = header.trim().replace(/^\uFEFF/, '');
  const slash = h.indexOf('/');
  if (slash < 0) return h.toLowerCase();
  return `${snake(h.slice(0, slash))}_${snake(h.slice(slash + 1))}`;
}

function snake(s: string): string {
  return s.replace(/([A-Z])/g, '_$1').toLowerCase().replace(/^_/, '');
}

/** True when the header is a CUR (legacy or 2.0). */
export function isCurHeader(header: readonly string[]): boolean {
  return header.some((h) => curColumnName(h) === 'line_item_unblended_cost');
}

/** Tag key of a CUR tag column, or undefined when the column is not a resource tag. */
export function curTagKey(header: string): string | undefined {
  const h = header.trim();
  if (h.startsWith('resourceTags/')) return tagKey(h.slice('resourceTags/'.length));
  if (h.startsWith('resource_tags_')) return cur2TagKey(h.slice('resource_tags_'.length));
  return undefined;
}

/** CUR 2.0 tag names: "user_env" → "env", "aws_created_by" → "aws:created_by". */
export function cur2TagKey(name: string): string {
  if (name.startsWith('user_')) return name.slice(5);
  if (name.startsWith('aws_')) return `aws:${name.slice(4)}`;
  return name;
}

const USAGE_TYPES = new Set(['Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation']);
const CHARGE_CATEGORY: Record<string, string> = {
  Tax: 'Tax',
  Fee: 'Purchase',
  SavingsPlanUpfrontFee: 'Purchase',
  RIFee: 'Purchase',
  SavingsPlanRecurringFee: 'Purchase',
  Usage: 'Usage',
  SavingsPlanCoveredUsage: 'Usage',
  SavingsPlanNegation: 'Usage',
  DiscountedUsage: 'Usage',
  BundledDiscount: 'Usage',
  Discount: 'Usage',
  PrivateRateDiscount: 'Usage',
  EdpDiscount: 'Usage',
  Credit: 'Adjustment',
  Refund: 'Adjustment',
};
const FREQUENCY: Record<string, string> = {
  Usage: 'Usage-Based',
  DiscountedUsage: 'Usage-Based',
  SavingsPlanCoveredUsage: 'Usage-Based',
  SavingsPlanNegation: 'Usage-Based',
  RIFee: 'Recurring',
  SavingsPlanRecurringFee: 'Recurring',
  SavingsPlanUpfrontFee: 'One-Time',
  Fee: 'One-Time',
};

export function curMapper(header: readonly string[], options: MapperOptions): RowMapper {
  const index = new Map<string, number>();
  const original = new Map<string, string>();
  const tagColumns: { at: number; key: string }[] = [];
  header.forEach((h, i) => {
    const name = curColumnName(h);
    if (!index.has(name)) {
      index.set(name, i);
      original.set(name, h.trim());
    }
    const key = curTagKey(h);
    if (key !== undefined) tagColumns.push({ at: i, key });
  });
  const find = (...names: string[]): number => {
    for (const n of names) {
      const i = index.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  };
  const col = {
    unblended: find('line_item_unblended_cost'),
    net: find('line_item_net_unblended_cost'),
    type: find('line_item_line_item_type'),
    currency: find('line_item_currency_code'),
    usageStart: find('line_item_usage_start_date'),
    usageEnd: find('line_item_usage_end_date'),
    billStart: find('bill_billing_period_start_date'),
    billEnd: find('bill_billing_period_end_date'),
    payer: find('bill_payer_account_id'),
    usageAccount: find('line_item_usage_account_id'),
    usageAmount: find('line_item_usage_amount'),
    usageType: find('line_item_usage_type'),
    productCode: find('line_item_product_code'),
    resourceId: find('line_item_resource_id'),
    zone: find('line_item_availability_zone'),
    productName: find('product_product_name'),
    regionCode: find('product_region_code', 'product_region'),
    sku: find('product_sku'),
    product: find('product'),
    tagsMap: find('resource_tags'),
    pricingTerm: find('pricing_term'),
    pricingUnit: find('pricing_unit'),
    publicCost: find('pricing_public_on_demand_cost'),
    publicRate: find('pricing_public_on_demand_rate'),
    spArn: find('savings_plan_savings_plan_a_r_n', 'savings_plan_savings_plan_arn'),
    spEffective: find('savings_plan_savings_plan_effective_cost'),
    spTotalCommitment: find('savings_plan_total_commitment_to_date'),
    spUsedCommitment: find('savings_plan_used_commitment'),
    riArn: find('reservation_reservation_a_r_n', 'reservation_reservation_arn'),
    riEffective: find('reservation_effective_cost'),
    riUnusedUpfront: find('reservation_unused_amortized_upfront_fee_for_billing_period'),
    riUnusedRecurring: find('reservation_unused_recurring_fee'),
  };
  if (col.unblended < 0) throw new FieldProblem('lineItem/UnblendedCost', 'column missing from the CUR header');
  if (col.usageStart < 0) throw new FieldProblem('lineItem/UsageStartDate', 'column missing from the CUR header');
  const nameOf = (i: number, fallback: string): string => (i >= 0 ? (header[i] ?? fallback).trim() : fallback);

  const headerNotes: string[] = [];
  if (col.currency < 0) headerNotes.push(`no currency column: amounts taken as ${options.defaultCurrency ?? 'USD'}`);
  if (col.payer < 0) headerNotes.push(`no payer account column: re-import scope is the billing period (a later import of the same period without payer replaces it)`);

  const at = (cells: readonly Cell[], i: number): Cell => (i < 0 ? null : cells[i]);
  const str = (cells: readonly Cell[], i: number): string | null => (i < 0 ? null : text(cells[i]));
  const amt = (cells: readonly Cell[], i: number, notes: Notes, fallback: string): Amount | null =>
    amount(at(cells, i), nameOf(i, fallback), notes);

  return {
    format: 'cur',
    headerNotes,
    map(cells: readonly Cell[], notes: Notes): MappedRow {
      const unblended = requiredAmount(cells[col.unblended], nameOf(col.unblended, 'line_item_unblended_cost'), notes);
      const net = amt(cells, col.net, notes, 'line_item_net_unblended_cost');
      const billed = net ?? unblended;
      const type = str(cells, col.type);
      const spArn = str(cells, col.spArn);
      const riArn = str(cells, col.riArn);
      const effective = effectiveCost(type, unblended, riArn, (i, name) => amt(cells, i, notes, name), col, nameOf);
      const usageAmount = quantity(at(cells, col.usageAmount), nameOf(col.usageAmount, 'line_item_usage_amount'));
      const list = listCost(
        amt(cells, col.publicCost, notes, 'pricing_public_on_demand_cost'),
        amt(cells, col.publicRate, notes, 'pricing_public_on_demand_rate'),
        usageAmount,
      );
      const chargeStart = requiredTimestamp(cells[col.usageStart], nameOf(col.usageStart, 'line_item_usage_start_date'), notes);
      const product = objectCell(at(cells, col.product));
      const productCode = str(cells, col.productCode);
      const usageType = str(cells, col.usageType);
      const zone = str(cells, col.zone);
      const resourceId = str(cells, col.resourceId);
      const payer = str(cells, col.payer);
      const unit = str(cells, col.pricingUnit);
      const chargeCategory = type === null ? null : (CHARGE_CATEGORY[type] ?? null);
      const term = str(cells, col.pricingTerm);
      const record: SpendRecord = {
        BilledCost: billed.text,
        EffectiveCost: effective?.text ?? null,
        ListCost: list?.text ?? null,
        ContractedCost: null,
        BillingCurrency: currency(at(cells, col.currency), nameOf(col.currency, 'line_item_currency_code')) ?? options.defaultCurrency ?? 'USD',
        ChargePeriodStart: chargeStart,
        ChargePeriodEnd: timestamp(at(cells, col.usageEnd), nameOf(col.usageEnd, 'line_item_usage_end_date'), notes),
        BillingPeriodStart:
          timestamp(at(cells, col.billStart), nameOf(col.billStart, 'bill_billing_period_start_date'), notes) ?? monthStartOf(chargeStart),
        BillingPeriodEnd: timestamp(at(cells, col.billEnd), nameOf(col.billEnd, 'bill_billing_period_end_date'), notes),
        ChargeCategory: chargeCategory,
        ChargeClass: null,
        ChargeFrequency: type === null ? null : (FREQUENCY[type] ?? null),
        PricingCategory: pricingCategory(type, term, usageType),
        PricingQuantity: usageAmount,
        PricingUnit: unit,
        ConsumedQuantity: type !== null && USAGE_TYPES.has(type) ? usageAmount : null,
        ConsumedUnit: type !== null && USAGE_TYPES.has(type) ? unit : null,
        ServiceName: str(cells, col.productName) ?? fromObject(product, 'product_name') ?? productCode,
        ServiceCategory: serviceCategory(productCode),
        ResourceId: resourceId,
        ResourceType: resourceTypeFromArn(resourceId),
        RegionId:
          str(cells, col.regionCode) ??
          fromObject(product, 'region_code') ??
          fromObject(product, 'region') ??
          regionFromZone(zone) ??
          regionFromUsageType(usageType),
        AvailabilityZone: zone,
        ProviderName: 'AWS',
        BillingAccountId: payer,
        SubAccountId: str(cells, col.usageAccount),
        SkuId: str(cells, col.sku) ?? fromObject(product, 'sku'),
        CommitmentDiscountId: spArn ?? riArn,
        CommitmentDiscountType: spArn ? 'Savings Plan' : riArn ? 'Reserved Instance' : null,
        CommitmentDiscountCategory: spArn ? 'Spend' : riArn ? 'Usage' : null,
        CommitmentDiscountStatus: type === 'DiscountedUsage' || type === 'SavingsPlanCoveredUsage' ? 'Used' : null,
        Tags: curTags(cells, tagColumns, at(cells, col.tagsMap)),
      };
      return {
        record,
        costs: [billed.limbs, effective?.limbs ?? null, list?.limbs ?? null, null],
        account: payer ?? NO_BILLING_ACCOUNT,
        provider: 'AWS',
      };
    },
  };
}

function objectCell(cell: Cell): Record<string, unknown> | null {
  if (cell === null || cell === undefined || typeof cell !== 'object' || cell instanceof Date) return null;
  if (Array.isArray(cell)) {
    const out: Record<string, unknown> = {};
    for (const e of cell as { key?: unknown; value?: unknown }[]) if (e && e.key !== undefined) out[String(e.key)] = e.value;
    return out;
  }
  return cell;
}

function fromObject(obj: Record<string, unknown> | null, key: string): string | null {
  const v = obj?.[key];
  return v === undefined || v === null || v === '' ? null : String(v);
}

function curTags(cells: readonly Cell[], columns: readonly { at: number; key: string }[], map: Cell): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const v = text(cells[c.at]);
    if (v !== null) out[c.key] = v;
  }
  const obj = objectCell(map);
  if (obj) {
    for (const [k, v] of Object.entries(obj)) {
      if (v === null || v === undefined || v === '') continue;
      out[cur2TagKey(k)] = String(v);
    }
  }
  return out;
}
