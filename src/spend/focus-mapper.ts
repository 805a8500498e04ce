/**
 * FOCUS 1.0, 1.1 and 1.2 rows → SpendRecord. Column names are matched case-insensitively and older
 * names are accepted (1.0-preview ChargeType, AmortizedCost, UsageQuantity/UsageUnit, Region;
 * 1.2 ServiceProviderName). "null"/"NULL" and empty cells are nulls (the spec examples use "null").
 */
import {
  amount,
  currency,
  FieldProblem,
  quantity,
  requiredAmount,
  requiredTimestamp,
  TagsMemo,
  text,
  timestamp,
  type Cell,
  type Notes,
} from './field-values.js';
import type { MappedRow, MapperOptions, RowMapper } from './row-mapper.js';
import { NO_BILLING_ACCOUNT, type SpendRecord } from './spend-record.js';
import { monthStartOf, nextMonth } from './timestamp.js';

/** FOCUS column → header names accepted for it (first is the 1.2 name). */
const ALIASES = {
  BilledCost: ['BilledCost'],
  EffectiveCost: ['EffectiveCost', 'AmortizedCost'],
  ListCost: ['ListCost'],
  ContractedCost: ['ContractedCost'],
  BillingCurrency: ['BillingCurrency'],
  ChargePeriodStart: ['ChargePeriodStart'],
  ChargePeriodEnd: ['ChargePeriodEnd'],
  BillingPeriodStart: ['BillingPeriodStart'],
  BillingPeriodEnd: ['BillingPeriodEnd'],
  ChargeCategory: ['ChargeCategory', 'ChargeType'],
  ChargeClass: ['ChargeClass'],
  ChargeFrequency: ['ChargeFrequency'],
  PricingCategory: ['PricingCategory'],
  PricingQuantity: ['PricingQuantity'],
  PricingUnit: ['PricingUnit'],
  ConsumedQuantity: ['ConsumedQuantity', 'UsageQuantity'],
  ConsumedUnit: ['ConsumedUnit', 'UsageUnit'],
  ServiceName: ['ServiceName'],
  ServiceCategory: ['ServiceCategory'],
  ResourceId: ['ResourceId'],
  ResourceType: ['ResourceType'],
  RegionId: ['RegionId', 'Region'],
  AvailabilityZone: ['AvailabilityZone'],
  ProviderName: ['ServiceProviderName', 'ProviderName', 'Provider'],
  BillingAccountId: ['BillingAccountId'],
  SubAccountId: ['SubAccountId'],
  SkuId: ['SkuId'],
  CommitmentDiscountId: ['CommitmentDiscountId'],
  CommitmentDiscountType: ['CommitmentDiscountType'],
  CommitmentDiscountCategory: ['CommitmentDiscountCategory'],
  CommitmentDiscountStatus: ['CommitmentDiscountStatus'],
  Tags: ['Tags'],
} as const satisfies Record<keyof SpendRecord, readonly string[]>;

type FocusColumn = keyof typeof ALIASES;

/** True when the header looks like FOCUS (has BilledCost and ChargePeriodStart). */
export function isFocusHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return names.has('billedcost') && names.has('chargeperiodstart');
}

export function focusMapper(header: readonly string[], options: MapperOptions): RowMapper {
  const lower = header.map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
  const at = {} as Record<FocusColumn, number>;
  for (const [col, names] of Object.entries(ALIASES) as [FocusColumn, readonly string[]][]) {
    at[col] = -1;
    for (const n of names) {
      const i = lower.indexOf(n.toLowerCase());
      if (i >= 0) {
        at[col] = i;
        break;
      }
    }
  }
  for (const required of ['BilledCost', 'ChargePeriodStart'] as const) {
    if (at[required] < 0) throw new FieldProblem(required, 'column missing from the FOCUS header');
  }
  const headerNotes: string[] = [];
  const fallbackCurrency = options.defaultCurrency ?? 'USD';
  if (at.BillingCurrency < 0) {
    headerNotes.push(
      `no BillingCurrency column: amounts taken as ${fallbackCurrency}${options.defaultCurrency ? ' (--currency)' : ' (default; set --currency)'}`,
    );
  }
  if (at.BillingPeriodStart < 0) headerNotes.push('no BillingPeriodStart column: billing period = calendar month of ChargePeriodStart');
  if (at.EffectiveCost < 0) headerNotes.push('no EffectiveCost column: effective cost unknown (reported as missing)');
  if (at.BillingAccountId < 0) headerNotes.push(`no BillingAccountId column: re-import scope is the provider and billing period (a later import of the same period without account id replaces it)`);

  const cellOf = (cells: readonly Cell[], col: FocusColumn): Cell => {
    const i = at[col];
    return i < 0 ? null : cells[i];
  };
  const str = (cells: readonly Cell[], col: FocusColumn): string | null => text(cellOf(cells, col));
  const tagsMemo = new TagsMemo();

  return {
    format: 'focus',
    headerNotes,
    map(cells: readonly Cell[], notes: Notes): MappedRow {
      const billed = requiredAmount(cellOf(cells, 'BilledCost'), 'BilledCost', notes);
      const effective = amount(cellOf(cells, 'EffectiveCost'), 'EffectiveCost', notes);
      const list = amount(cellOf(cells, 'ListCost'), 'ListCost', notes);
      const contracted = amount(cellOf(cells, 'ContractedCost'), 'ContractedCost', notes);
      const chargeStart = requiredTimestamp(cellOf(cells, 'ChargePeriodStart'), 'ChargePeriodStart', notes);
      const billingStart = timestamp(cellOf(cells, 'BillingPeriodStart'), 'BillingPeriodStart', notes) ?? monthStartOf(chargeStart);
      const billingEnd =
        timestamp(cellOf(cells, 'BillingPeriodEnd'), 'BillingPeriodEnd', notes) ??
        (at.BillingPeriodStart < 0 ? `${nextMonth(chargeStart.slice(0, 7))}-01T00:00:00Z` : null);
      const billingAccount = str(cells, 'BillingAccountId');
      const tagged = tagsMemo.tagsWithJson(cellOf(cells, 'Tags'), 'Tags');
      const provider = str(cells, 'ProviderName');
      const record: SpendRecord = {
        BilledCost: billed.text,
        EffectiveCost: effective?.text ?? null,
        ListCost: list?.text ?? null,
        ContractedCost: contracted?.text ?? null,
        BillingCurrency: currency(cellOf(cells, 'BillingCurrency'), 'BillingCurrency') ?? fallbackCurrency,
        ChargePeriodStart: chargeStart,
        ChargePeriodEnd: timestamp(cellOf(cells, 'ChargePeriodEnd'), 'ChargePeriodEnd', notes),
        BillingPeriodStart: billingStart,
        BillingPeriodEnd: billingEnd,
        ChargeCategory: str(cells, 'ChargeCategory'),
        ChargeClass: str(cells, 'ChargeClass'),
        ChargeFrequency: str(cells, 'ChargeFrequency'),
        PricingCategory: str(cells, 'PricingCategory'),
        PricingQuantity: quantity(cellOf(cells, 'PricingQuantity'), 'PricingQuantity'),
        PricingUnit: str(cells, 'PricingUnit'),
        ConsumedQuantity: quantity(cellOf(cells, 'ConsumedQuantity'), 'ConsumedQuantity'),
        ConsumedUnit: str(cells, 'ConsumedUnit'),
        ServiceName: str(cells, 'ServiceName'),
        ServiceCategory: str(cells, 'ServiceCategory'),
        ResourceId: str(cells, 'ResourceId'),
        ResourceType: str(cells, 'ResourceType'),
        RegionId: str(cells, 'RegionId'),
        AvailabilityZone: str(cells, 'AvailabilityZone'),
        ProviderName: provider,
        BillingAccountId: billingAccount,
        SubAccountId: str(cells, 'SubAccountId'),
        SkuId: str(cells, 'SkuId'),
        CommitmentDiscountId: str(cells, 'CommitmentDiscountId'),
        CommitmentDiscountType: str(cells, 'CommitmentDiscountType'),
        CommitmentDiscountCategory: str(cells, 'CommitmentDiscountCategory'),
        CommitmentDiscountStatus: str(cells, 'CommitmentDiscountStatus'),
        Tags: tagged.tags,
      };
      return {
        record,
        costs: [billed.limbs, effective?.limbs ?? null, list?.limbs ?? null, contracted?.limbs ?? null],
        tagsJson: tagged.json,
        account: billingAccount ?? NO_BILLING_ACCOUNT,
        provider: provider ?? '',
      };
    },
  };
}
