/**
 * `nuage spend pull`: daily Cost Explorer spend into the store. Only days not stored yet (or stored
 * as Estimated, or grouped by another tag key) are requested, unless `refresh`; every fetched day
 * replaces its stored copy in one transaction, written after all requests succeeded.
 */
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { InputError } from '../errors.js';
import { fetchCostAndUsage } from '../aws/cost-explorer.js';
import { dayRanges, daysToFetch, mapCostAndUsage, type StoredCeDay } from '../spend/cost-explorer.js';
import { FieldProblem } from '../spend/field-values.js';
import { RollupBuilder } from '../spend/rollup.js';
import { recordTuple, scopeKey, type ScopeIdentity } from '../spend/spend-record.js';
import { addDays, daysBetween } from '../spend/timestamp.js';
import type { Store } from '../store/db.js';
import { storedScopes } from '../store/spend-reader.js';
import { SpendWriter } from '../store/spend-writer.js';

export interface PullOptions {
  readonly client: CostExplorerClient;
  /** First day, inclusive. */
  readonly from: string;
  /** End day, exclusive. */
  readonly to: string;
  readonly tagKey: string;
  readonly refresh: boolean;
  readonly now: Date;
}

export interface PullResult {
  readonly requestedDays: number;
  readonly fetchedDays: string[];
  /** Days already stored as final: no request made. */
  readonly skippedDays: number;
  /** Fetched days Cost Explorer marked Estimated (refetched by the next pull). */
  readonly estimatedDays: string[];
  readonly requests: number;
  readonly rows: number;
  /** Days after today are not requested. */
  readonly futureDays: number;
}

export function ceIdentity(day: string): ScopeIdentity {
  return { source: 'cost-explorer', provider: 'AWS', account: 'cost-explorer', period: day };
}

export function storedCeDays(store: Store): StoredCeDay[] {
  return storedScopes(store, 'cost-explorer').map((s) => ({
    day: s.period,
    estimated: s.estimated,
    tagKey: (JSON.parse(s.detail) as { tagKey?: string }).tagKey,
  }));
}

export async function pullCostExplorer(store: Store, o: PullOptions): Promise<PullResult> {
  const tomorrow = addDays(o.now.toISOString().slice(0, 10), 1);
  const end = o.to < tomorrow ? o.to : tomorrow;
  const days = o.from < end ? daysBetween(o.from, end) : [];
  const futureDays = daysBetween(o.from > end ? o.from : end, o.to).length;
  const wanted = daysToFetch(days, storedCeDays(store), o.tagKey, o.refresh);
  const results = [];
  let requests = 0;
  for (const range of dayRanges(wanted)) {
    const pages = await fetchCostAndUsage(o.client, range, o.tagKey);
    requests += pages.requests;
    results.push(...pages.results.filter((r) => r.TimePeriod?.Start !== undefined && wanted.includes(r.TimePeriod.Start)));
  }
  let mapped;
  try {
    mapped = mapCostAndUsage(results, o.tagKey);
  } catch (err) {
    if (err instanceof FieldProblem) throw new InputError({ file: 'GetCostAndUsage response', field: err.field }, err.problem);
    throw err;
  }
  const writer = new SpendWriter(store, o.now.toISOString());
  const rollup = new RollupBuilder();
  let rows = 0;
  writer.begin();
  try {
    for (const day of wanted) {
      const entry = mapped.get(day);
      const identity = ceIdentity(day);
      const key = scopeKey(identity);
      writer.scopeId(identity, { estimated: entry?.estimated ?? false, detail: { tagKey: o.tagKey } });
      for (const m of entry?.records ?? []) {
        writer.addLine(key, null, null, recordTuple(m.record));
        rollup.add(key, m);
        rows++;
      }
    }
    writer.writeRollups(rollup.buckets());
    writer.commit();
  } catch (err) {
    writer.rollback();
    throw err;
  }
  return {
    requestedDays: days.length,
    fetchedDays: wanted,
    skippedDays: days.length - wanted.length,
    estimatedDays: wanted.filter((d) => mapped.get(d)?.estimated),
    requests,
    rows,
    futureDays,
  };
}
