/**
 * Cost Explorer GetCostAndUsage (DAILY, UnblendedCost + AmortizedCost + UsageQuantity, grouped by
 * SERVICE and one tag) → spend records, one per day × service × tag value. Also decides which days
 * a pull must fetch: each request is billed, so stored final days are skipped; days Cost Explorer
 * marked Estimated are fetched again until final.
 */
import { parseAmount, type Limbs } from './amount.js';
import { FieldProblem } from './field-values.js';
import type { MappedRecord, SpendRecord } from './spend-record.js';
import { addDays, nextMonth } from './timestamp.js';

/** The slice of the SDK's ResultByTime we read (plain JSON shape). */
export interface CeResultByTime {
  readonly TimePeriod?: { readonly Start?: string; readonly End?: string };
  readonly Groups?: readonly { readonly Keys?: readonly string[]; readonly Metrics?: Readonly<Record<string, { readonly Amount?: string; readonly Unit?: string }>> }[];
  readonly Estimated?: boolean;
}

export const CE_METRICS = ['UnblendedCost', 'AmortizedCost', 'UsageQuantity'] as const;

export interface CeDay {
  readonly day: string;
  readonly estimated: boolean;
  readonly records: MappedRecord[];
}

export interface StoredCeDay {
  readonly day: string;
  readonly estimated: boolean;
  readonly tagKey: string | undefined;
}

/** Days of [from, to) that must be fetched: not stored, stored Estimated, or grouped by another tag. */
export function daysToFetch(days: readonly string[], stored: readonly StoredCeDay[], tagKey: string, refresh: boolean): string[] {
  if (refresh) return [...days];
  const known = new Map(stored.map((s) => [s.day, s]));
  return days.filter((d) => {
    const s = known.get(d);
    return s === undefined || s.estimated || s.tagKey !== tagKey;
  });
}

/** Contiguous runs of sorted days as [start, end) ranges: one request (plus pages) each. */
export function dayRanges(days: readonly string[]): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const d of [...days].sort()) {
    const last = out[out.length - 1];
    if (last && last.end === d) last.end = addDays(d, 1);
    else out.push({ start: d, end: addDays(d, 1) });
  }
  return out;
}

function amountOf(metric: { Amount?: string } | undefined, field: string): { text: string; limbs: Limbs } | null {
  if (metric?.Amount === undefined) return null;
  const p = parseAmount(metric.Amount);
  if (!p) throw new FieldProblem(field, `expected a decimal amount, got "${metric.Amount}"`);
  return p;
}

/**
 * Maps result pages to days. Pages may split one day's groups, so records are gathered per day
 * across all pages; a day is estimated when any page says so.
 */
export function mapCostAndUsage(pages: readonly CeResultByTime[], tagKey: string): Map<string, CeDay> {
  const days = new Map<string, { estimated: boolean; records: MappedRecord[] }>();
  for (const r of pages) {
    const day = r.TimePeriod?.Start;
    if (!day) throw new FieldProblem('ResultsByTime.TimePeriod.Start', 'missing');
    let entry = days.get(day);
    if (!entry) days.set(day, (entry = { estimated: false, records: [] }));
    entry.estimated ||= r.Estimated === true;
    for (const g of r.Groups ?? []) {
      const [service = '', tagPart = ''] = g.Keys ?? [];
      const dollar = tagPart.indexOf('$');
      const tagValue = dollar >= 0 ? tagPart.slice(dollar + 1) : '';
      const billed = amountOf(g.Metrics?.UnblendedCost, `Groups[${service}].Metrics.UnblendedCost`);
      if (!billed) throw new FieldProblem(`Groups[${service}].Metrics.UnblendedCost`, 'missing (request UnblendedCost)');
      const amortized = amountOf(g.Metrics?.AmortizedCost, `Groups[${service}].Metrics.AmortizedCost`);
      const usage = amountOf(g.Metrics?.UsageQuantity, `Groups[${service}].Metrics.UsageQuantity`);
      const usageUnit = g.Metrics?.UsageQuantity?.Unit;
      const record: SpendRecord = {
        BilledCost: billed.text,
        EffectiveCost: amortized?.text ?? null,
        ListCost: null,
        ContractedCost: null,
        BillingCurrency: g.Metrics?.UnblendedCost?.Unit ?? 'USD',
        ChargePeriodStart: `${day}T00:00:00Z`,
        ChargePeriodEnd: `${addDays(day, 1)}T00:00:00Z`,
        BillingPeriodStart: `${day.slice(0, 7)}-01T00:00:00Z`,
        BillingPeriodEnd: `${nextMonth(day.slice(0, 7))}-01T00:00:00Z`,
        ChargeCategory: null,
        ChargeClass: null,
        ChargeFrequency: null,
        PricingCategory: null,
        PricingQuantity: null,
        PricingUnit: null,
        ConsumedQuantity: usage?.text ?? null,
        ConsumedUnit: usageUnit && usageUnit !== 'N/A' ? usageUnit : null,
        ServiceName: service === '' || service === 'NoService' ? null : service,
        ServiceCategory: null,
        ResourceId: null,
        ResourceType: null,
        RegionId: null,
        AvailabilityZone: null,
        ProviderName: 'AWS',
        BillingAccountId: null,
        SubAccountId: null,
        SkuId: null,
        CommitmentDiscountId: null,
        CommitmentDiscountType: null,
        CommitmentDiscountCategory: null,
        CommitmentDiscountStatus: null,
        Tags: tagValue === '' ? {} : { [tagKey]: tagValue },
      };
      entry.records.push({ record, costs: [billed.limbs, amortized?.limbs ?? null, null, null] });
    }
  }
  return new Map([...days].map(([day, e]) => [day, { day, ...e }]));
}
