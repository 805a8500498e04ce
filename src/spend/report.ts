/**
 * Spend report view model: totals by one dimension (environment or application tag, service,
 * account, region) and period (day, ISO week, month), in exact decimals, one report per currency
 * (mixed currencies are never summed). Untagged spend for a tag key = total − tagged.
 */
import { limbsToScaled, scaledToDecimal } from './amount.js';
import { isoWeek } from './timestamp.js';

export type GroupBy = 'env' | 'app' | 'service' | 'account' | 'region';
export const GROUP_BYS: readonly GroupBy[] = ['env', 'app', 'service', 'account', 'region'];
export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];
export type Basis = 'billed' | 'effective';
export const BASES: readonly Basis[] = ['billed', 'effective'];

export const UNTAGGED = '(untagged)';
export const NONE = '(none)';

/** Rollup sums for one (currency, day-or-month, value), limbs as BigInt. */
export interface RollupInput {
  readonly currency: string;
  readonly period: string;
  readonly value: string;
  readonly rows: bigint;
  readonly limbs: readonly bigint[];
  readonly missing: readonly bigint[];
}

export interface ReportRow {
  /** The group value, under the group key's name (env, app, service, account, region). */
  readonly [key: string]: string | number;
  readonly period: string;
  readonly billedCost: string;
  readonly effectiveCost: string;
  readonly listCost: string;
  readonly records: number;
}

export interface SpendReport {
  /** null only in the empty report (no spend in the window). */
  readonly currency: string | null;
  readonly basis: Basis;
  readonly groupBy: GroupBy;
  /** Tag key behind env/app. */
  readonly tagKey?: string;
  readonly period: Period;
  readonly from: string | null;
  readonly to: string | null;
  /**
   * Days the selected data actually covers (inclusive): first ChargePeriodStart day, last day of a
   * charge (ChargePeriodEnd − 1 s) within the window; null when there is no data.
   */
  readonly coverage: Coverage | null;
  readonly source: string;
  readonly rows: ReportRow[];
  readonly totals: { readonly billedCost: string; readonly effectiveCost: string; readonly listCost: string; readonly records: number };
  /** Completeness notes (records lacking EffectiveCost / ListCost). */
  readonly notes: string[];
}

export interface Coverage {
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface ReportOptions {
  readonly groupBy: GroupBy;
  readonly tagKey?: string;
  readonly period: Period;
  readonly basis: Basis;
  readonly from: string | null;
  readonly to: string | null;
  readonly source: string;
}

interface Sum {
  billed: bigint;
  effective: bigint;
  list: bigint;
  records: bigint;
  effectiveMissing: bigint;
  listMissing: bigint;
}

const zero = (): Sum => ({ billed: 0n, effective: 0n, list: 0n, records: 0n, effectiveMissing: 0n, listMissing: 0n });

function sumOf(r: RollupInput): Sum {
  return {
    billed: limbsToScaled(r.limbs.slice(0, 4)),
    effective: limbsToScaled(r.limbs.slice(4, 8)),
    list: limbsToScaled(r.limbs.slice(8, 12)),
    records: r.rows,
    effectiveMissing: r.missing[0] ?? 0n,
    listMissing: r.missing[1] ?? 0n,
  };
}

function add(a: Sum, b: Sum, sign: 1n | -1n = 1n): void {
  a.billed += sign * b.billed;
  a.effective += sign * b.effective;
  a.list += sign * b.list;
  a.records += sign * b.records;
  a.effectiveMissing += sign * b.effectiveMissing;
  a.listMissing += sign * b.listMissing;
}

function periodKey(period: Period, dayOrMonth: string): string {
  if (period === 'week') return isoWeek(dayOrMonth);
  return dayOrMonth;
}

/**
 * Builds one report per currency. `grouped` holds the rollup of the chosen dimension; for tag
 * dimensions `totals` holds the "total" rollup so untagged spend can be derived.
 */
export function buildSpendReports(
  grouped: readonly RollupInput[],
  totals: readonly RollupInput[] | null,
  o: ReportOptions,
  coverage: ReadonlyMap<string, Coverage> = new Map(),
): SpendReport[] {
  const isTag = o.groupBy === 'env' || o.groupBy === 'app';
  const cells = new Map<string, Map<string, Map<string, Sum>>>(); // currency → period → value → sum
  const cell = (currency: string, period: string, value: string): Sum => {
    let byPeriod = cells.get(currency);
    if (!byPeriod) cells.set(currency, (byPeriod = new Map()));
    let byValue = byPeriod.get(period);
    if (!byValue) byPeriod.set(period, (byValue = new Map()));
    let s = byValue.get(value);
    if (!s) byValue.set(value, (s = zero()));
    return s;
  };
  for (const r of grouped) add(cell(r.currency, periodKey(o.period, r.period), r.value === '' ? NONE : r.value), sumOf(r));
  if (isTag && totals) {
    // untagged = total − Σ tagged, per currency and period
    const rest = new Map<string, { currency: string; period: string; sum: Sum }>();
    const slot = (currency: string, period: string): Sum => {
      const k = `${currency}\u001f${period}`;
      let e = rest.get(k);
      if (!e) rest.set(k, (e = { currency, period, sum: zero() }));
      return e.sum;
    };
    for (const r of totals) add(slot(r.currency, periodKey(o.period, r.period)), sumOf(r));
    for (const r of grouped) add(slot(r.currency, periodKey(o.period, r.period)), sumOf(r), -1n);
    for (const e of rest.values()) if (e.sum.records !== 0n) add(cell(e.currency, e.period, UNTAGGED), e.sum);
  }
  const key = o.groupBy;
  const reports: SpendReport[] = [];
  for (const [currency, byPeriod] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const total = zero();
    const rows: ReportRow[] = [];
    for (const [period, byValue] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
      const ordered = [...byValue].sort(([va, a], [vb, b]) => {
        const x = o.basis === 'billed' ? b.billed - a.billed : b.effective - a.effective;
        return x > 0n ? 1 : x < 0n ? -1 : va.localeCompare(vb);
      });
      for (const [value, s] of ordered) {
        add(total, s);
        rows.push({
          [key]: value,
          period,
          billedCost: scaledToDecimal(s.billed),
          effectiveCost: scaledToDecimal(s.effective),
          listCost: scaledToDecimal(s.list),
          records: Number(s.records),
        } as ReportRow);
      }
    }
    const notes: string[] = [];
    if (total.effectiveMissing > 0n) notes.push(`${total.effectiveMissing} of ${total.records} records have no EffectiveCost (counted as 0)`);
    if (total.listMissing > 0n) notes.push(`${total.listMissing} of ${total.records} records have no ListCost (counted as 0)`);
    reports.push({
      currency,
      basis: o.basis,
      groupBy: o.groupBy,
      ...(isTag && o.tagKey ? { tagKey: o.tagKey } : {}),
      period: o.period,
      from: o.from,
      to: o.to,
      coverage: coverage.get(currency) ?? null,
      source: o.source,
      rows,
      totals: {
        billedCost: scaledToDecimal(total.billed),
        effectiveCost: scaledToDecimal(total.effective),
        listCost: scaledToDecimal(total.list),
        records: Number(total.records),
      },
      notes,
    });
  }
  return reports;
}

/** The report of a window without spend: no currency, no rows, zero totals. */
export function emptySpendReport(o: ReportOptions): SpendReport {
  return {
    currency: null,
    basis: o.basis,
    groupBy: o.groupBy,
    ...(o.tagKey && (o.groupBy === 'env' || o.groupBy === 'app') ? { tagKey: o.tagKey } : {}),
    period: o.period,
    from: o.from,
    to: o.to,
    coverage: null,
    source: o.source,
    rows: [],
    totals: { billedCost: '0', effectiveCost: '0', listCost: '0', records: 0 },
    notes: ['no spend stored for this window'],
  };
}
