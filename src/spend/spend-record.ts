/**
 * The canonical spend record: one charge, named with FOCUS 1.2 columns. CUR, CUR 2.0, FOCUS 1.0–1.2
 * and Cost Explorer all map into it. Amounts are exact decimal text (see amount.ts for sums);
 * identifiers stay strings ("0099999999999" keeps its zeros); absent values are null.
 */
import type { Limbs } from './amount.js';
import { tagsJson } from './field-values.js';

export interface SpendRecord {
  readonly BilledCost: string;
  /** Amortized cost; null when the source does not say. */
  readonly EffectiveCost: string | null;
  readonly ListCost: string | null;
  readonly ContractedCost: string | null;
  readonly BillingCurrency: string;
  /** "YYYY-MM-DDTHH:MM:SSZ" */
  readonly ChargePeriodStart: string;
  readonly ChargePeriodEnd: string | null;
  readonly BillingPeriodStart: string;
  readonly BillingPeriodEnd: string | null;
  readonly ChargeCategory: string | null;
  readonly ChargeClass: string | null;
  readonly ChargeFrequency: string | null;
  readonly PricingCategory: string | null;
  readonly PricingQuantity: string | null;
  readonly PricingUnit: string | null;
  readonly ConsumedQuantity: string | null;
  readonly ConsumedUnit: string | null;
  readonly ServiceName: string | null;
  readonly ServiceCategory: string | null;
  readonly ResourceId: string | null;
  readonly ResourceType: string | null;
  readonly RegionId: string | null;
  readonly AvailabilityZone: string | null;
  readonly ProviderName: string | null;
  readonly BillingAccountId: string | null;
  readonly SubAccountId: string | null;
  readonly SkuId: string | null;
  readonly CommitmentDiscountId: string | null;
  readonly CommitmentDiscountType: string | null;
  readonly CommitmentDiscountCategory: string | null;
  readonly CommitmentDiscountStatus: string | null;
  /** Tag key → value, keys without the "user:" prefix. */
  readonly Tags: Readonly<Record<string, string>>;
}

/** The record columns in storage order (after scope, file and row). */
export const RECORD_COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeFrequency',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ServiceName',
  'ServiceCategory',
  'ResourceId',
  'ResourceType',
  'RegionId',
  'AvailabilityZone',
  'ProviderName',
  'BillingAccountId',
  'SubAccountId',
  'SkuId',
  'CommitmentDiscountId',
  'CommitmentDiscountType',
  'CommitmentDiscountCategory',
  'CommitmentDiscountStatus',
  'Tags',
] as const satisfies readonly (keyof SpendRecord)[];

export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** The four cost columns, in limb order used by rollups. */
export const COST_COLUMNS = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'] as const;
export type CostColumn = (typeof COST_COLUMNS)[number];

/** A record with its amounts already split into limbs (null when the amount is null). */
export interface MappedRecord {
  readonly record: SpendRecord;
  readonly costs: readonly [Limbs, Limbs | null, Limbs | null, Limbs | null];
  /** Tags as JSON text, when the mapper already has it. */
  readonly tagsJson?: string;
}

/** Where a record came from: which logical source, which account, which billing period. */
export interface ScopeIdentity {
  /** "file" for CUR/FOCUS line items, "cost-explorer" for pulled daily aggregates. */
  readonly source: 'file' | 'cost-explorer';
  readonly provider: string;
  /** Billing (payer) account, or NO_BILLING_ACCOUNT when the file carries none. */
  readonly account: string;
  /** "YYYY-MM-DD" start of the billing period (a day for Cost Explorer). */
  readonly period: string;
}

/**
 * The account of records without a billing (payer) account id (the FOCUS specification examples):
 * their scope is then the provider and billing period alone, so a later import of the same period
 * replaces them whatever the file is called (the same content under another name never adds up).
 */
export const NO_BILLING_ACCOUNT = '(no billing account id)';

export function scopeKey(s: ScopeIdentity): string {
  return `${s.source}|${s.provider}|${s.account}|${s.period}`;
}

/** A record as storage values, in RECORD_COLUMNS order (Tags as JSON text). */
export function recordTuple(r: SpendRecord, tags?: string): (string | null)[] {
  const out = new Array<string | null>(RECORD_COLUMNS.length);
  writeRecord(r, tags ?? tagsJson(r.Tags), out, 0);
  return out;
}

/**
 * Writes a record's storage values (RECORD_COLUMNS order) into `out` from `at`, returning the index
 * after them: the import's hot path fills the insert statement's parameters with it, no tuple between.
 */
export function writeRecord(r: SpendRecord, tags: string, out: unknown[], at: number): number {
  out[at++] = r.BilledCost;
  out[at++] = r.EffectiveCost;
  out[at++] = r.ListCost;
  out[at++] = r.ContractedCost;
  out[at++] = r.BillingCurrency;
  out[at++] = r.ChargePeriodStart;
  out[at++] = r.ChargePeriodEnd;
  out[at++] = r.BillingPeriodStart;
  out[at++] = r.BillingPeriodEnd;
  out[at++] = r.ChargeCategory;
  out[at++] = r.ChargeClass;
  out[at++] = r.ChargeFrequency;
  out[at++] = r.PricingCategory;
  out[at++] = r.PricingQuantity;
  out[at++] = r.PricingUnit;
  out[at++] = r.ConsumedQuantity;
  out[at++] = r.ConsumedUnit;
  out[at++] = r.ServiceName;
  out[at++] = r.ServiceCategory;
  out[at++] = r.ResourceId;
  out[at++] = r.ResourceType;
  out[at++] = r.RegionId;
  out[at++] = r.AvailabilityZone;
  out[at++] = r.ProviderName;
  out[at++] = r.BillingAccountId;
  out[at++] = r.SubAccountId;
  out[at++] = r.SkuId;
  out[at++] = r.CommitmentDiscountId;
  out[at++] = r.CommitmentDiscountType;
  out[at++] = r.CommitmentDiscountCategory;
  out[at++] = r.CommitmentDiscountStatus;
  out[at++] = tags;
  return at;
}

/** Storage values (RECORD_COLUMNS order) → record. */
export function recordFromTuple(t: readonly (string | null)[]): SpendRecord {
  const out: Record<string, unknown> = {};
  RECORD_COLUMNS.forEach((c, i) => {
    out[c] = t[i] ?? null;
  });
  out.Tags = JSON.parse((t[RECORD_COLUMNS.length - 1] as string | null) ?? '{}');
  return out as unknown as SpendRecord;
}
