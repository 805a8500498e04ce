/**
 * Spend reports from the store: picks the data source, reads the rollups of the requested
 * dimension (plus totals for untagged spend) and builds the per-currency reports.
 */
import { buildSpendReports, emptySpendReport, type Basis, type GroupBy, type Period, type SpendReport } from '../spend/report.js';
import type { Store } from './db.js';
import { hasSpend, readCoverage, readRollup, type SpendSource } from './spend-reader.js';

export type SourcePreference = SpendSource | 'auto';

export interface SpendReportQuery {
  readonly groupBy: GroupBy;
  readonly period: Period;
  readonly basis: Basis;
  /** Tag key for env (default "env") and app (default "app"). */
  readonly tagKey?: string;
  readonly from?: string;
  readonly to?: string;
  readonly source?: SourcePreference;
}

/** Line items (file imports) when any overlap the window, else Cost Explorer data. */
export function pickSource(store: Store, pref: SourcePreference, from?: string, to?: string): SpendSource {
  if (pref !== 'auto') return pref;
  if (hasSpend(store, 'file', from, to)) return 'file';
  if (hasSpend(store, 'cost-explorer', from, to)) return 'cost-explorer';
  return 'file';
}

export function defaultTagKey(groupBy: GroupBy): string | undefined {
  return groupBy === 'env' ? 'env' : groupBy === 'app' ? 'app' : undefined;
}

export function dimensionOf(groupBy: GroupBy, tagKey: string | undefined): string {
  switch (groupBy) {
    case 'env':
    case 'app':
      return `tag:${tagKey ?? defaultTagKey(groupBy)}`;
    default:
      return groupBy;
  }
}

export function querySpendReports(store: Store, q: SpendReportQuery): SpendReport[] {
  const source = pickSource(store, q.source ?? 'auto', q.from, q.to);
  const tagKey = q.groupBy === 'env' || q.groupBy === 'app' ? (q.tagKey ?? defaultTagKey(q.groupBy)) : undefined;
  const granularity = q.period === 'month' ? 'month' : 'day';
  const base = { source, granularity, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) } as const;
  const grouped = readRollup(store, { ...base, dim: dimensionOf(q.groupBy, tagKey) });
  const totals = tagKey !== undefined ? readRollup(store, { ...base, dim: 'total' }) : null;
  const options = {
    groupBy: q.groupBy,
    ...(tagKey ? { tagKey } : {}),
    period: q.period,
    basis: q.basis,
    from: q.from ?? null,
    to: q.to ?? null,
    source: source === 'file' ? 'line items (CUR/FOCUS imports)' : 'Cost Explorer (daily, pulled)',
  };
  const coverage = readCoverage(store, { source, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
  const reports = buildSpendReports(grouped, totals, options, coverage);
  return reports.length > 0 ? reports : [emptySpendReport(options)];
}
