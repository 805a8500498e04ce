/**
 * Reads spend rollups for reports. Sums are exact: limb columns are summed by SQLite as 64-bit
 * integers and read back as BigInt (safeIntegers), then carried into one decimal by the core.
 */
import type { RollupInput } from '../spend/report.js';
import type { Store } from './db.js';

export type SpendSource = 'file' | 'cost-explorer';
export type Granularity = 'day' | 'month';

/** One group of the rollup: currency, period key (day or month), dimension value, exact limb sums. */
export type RollupRow = RollupInput;

export interface RollupQuery {
  readonly source: SpendSource;
  /** "total" | "service" | "account" | "region" | "tag:<key>" */
  readonly dim: string;
  readonly granularity: Granularity;
  /** Inclusive first day "YYYY-MM-DD", optional. */
  readonly from?: string;
  /** Exclusive end day "YYYY-MM-DD", optional. */
  readonly to?: string;
}

const LIMBS = ['billed', 'effective', 'list', 'contracted']
  .flatMap((c) => ['units', 'f1', 'f2', 'f3'].map((l) => `sum(${c}_${l})`))
  .join(', ');

export function readRollup(store: Store, q: RollupQuery): RollupRow[] {
  const period = q.granularity === 'month' ? 'substr(day, 1, 7)' : 'day';
  const where = ['source = ?', 'dim = ?'];
  const params: string[] = [q.source, q.dim];
  if (q.from) {
    where.push('day >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('day < ?');
    params.push(q.to);
  }
  const sql = `SELECT currency, ${period} AS period, value, sum(rows), ${LIMBS},
      sum(effective_missing), sum(list_missing), sum(contracted_missing)
    FROM spend_daily WHERE ${where.join(' AND ')}
    GROUP BY currency, ${period}, value ORDER BY currency, period, value`;
  const stmt = store.sqlite.prepare(sql).raw(true).safeIntegers(true);
  return (stmt.all(...params) as unknown[][]).map((r) => ({
    currency: r[0] as string,
    period: r[1] as string,
    value: r[2] as string,
    rows: r[3] as bigint,
    limbs: r.slice(4, 20) as bigint[],
    missing: r.slice(20, 23) as bigint[],
  }));
}

export function storedScopes(store: Store, source: SpendSource): { scopeKey: string; period: string; estimated: boolean; detail: string; rows: number; account: string }[] {
  return (
    store.sqlite
      .prepare('SELECT scope_key, period, estimated, detail, row_count, account FROM spend_scope WHERE source = ? ORDER BY period, scope_key')
      .all(source) as { scope_key: string; period: string; estimated: number; detail: string; row_count: number; account: string }[]
  ).map((r) => ({ scopeKey: r.scope_key, period: r.period, estimated: r.estimated === 1, detail: r.detail, rows: r.row_count, account: r.account }));
}

/**
 * First and last day the data of the source covers within [from, to), per currency: the first
 * ChargePeriodStart day and the last day of a charge (ChargePeriodEnd minus one second, kept in the
 * rollups as last_day), the latter capped at the window's last day.
 */
export function readCoverage(store: Store, q: { source: SpendSource; from?: string; to?: string }): Map<string, { firstDay: string; lastDay: string }> {
  const rows = store.sqlite
    .prepare(
      `SELECT currency, min(day) AS firstDay, max(coalesce(last_day, day)) AS lastDay FROM spend_daily
       WHERE source = ? AND dim = 'total' AND day >= ? AND day < ? GROUP BY currency`,
    )
    .all(q.source, q.from ?? '0000-00-00', q.to ?? '9999-99-99') as { currency: string; firstDay: string; lastDay: string }[];
  const cap = q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : undefined;
  return new Map(rows.map((r) => [r.currency, { firstDay: r.firstDay, lastDay: cap !== undefined && r.lastDay > cap ? cap : r.lastDay }]));
}

/** True when any rollup of the source overlaps [from, to). */
export function hasSpend(store: Store, source: SpendSource, from?: string, to?: string): boolean {
  const row = store.sqlite
    .prepare(`SELECT 1 FROM spend_daily WHERE source = ? AND dim = 'total' AND day >= ? AND day < ? LIMIT 1`)
    .get(source, from ?? '0000-00-00', to ?? '9999-99-99');
  return row !== undefined;
}

/** First day with any spend of the source, or undefined. */
export function firstSpendDay(store: Store, source: SpendSource): string | undefined {
  const row = store.sqlite.prepare(`SELECT min(day) AS day FROM spend_daily WHERE source = ? AND dim = 'total'`).get(source) as { day: string | null };
  return row.day ?? undefined;
}
