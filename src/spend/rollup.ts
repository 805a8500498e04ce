/**
 * Daily rollups: what reports read instead of scanning millions of lines.
 *
 * While importing, each record is added to an accumulator keyed by its combination of
 * (scope, day, currency, service, account, region, tags). At the end every combination is expanded
 * into one bucket per reportable dimension — "total", "service", "account", "region" and
 * "tag:<key>" for each tag the record carries — holding exact limb sums of the four costs, the row
 * count and how many rows lacked each optional cost. Untagged spend for a tag key is the total
 * minus the tagged buckets, computed at report time.
 */
import type { Limbs } from './amount.js';
import { tagsJson } from './field-values.js';
import type { MappedRecord } from './spend-record.js';

/** [rows, billed×4, effective×4, list×4, contracted×4, effectiveMissing, listMissing, contractedMissing] */
export type Accumulator = number[];
export const ACC_SIZE = 20;
const MISSING = 17;

export const BASE_DIMENSIONS = ['total', 'service', 'account', 'region'] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];
/** A rollup dimension: a base dimension or "tag:<key>". */
export type Dimension = BaseDimension | `tag:${string}`;

export interface RollupBucket {
  readonly scopeKey: string;
  /** "YYYY-MM-DD" of ChargePeriodStart (UTC). */
  readonly day: string;
  readonly currency: string;
  readonly dim: Dimension;
  /** '' when the record had no value for the dimension. */
  readonly value: string;
  readonly acc: Accumulator;
  /** Last day covered by the bucket's charges when later than `day` (multi-day charges). */
  lastDay?: string;
}

const SEP = '\u001f';

/** Combinations in transferable form (limb sums stay exact: far below 2^53 per chunk). */
export interface PackedCombos {
  readonly keys: string[];
  readonly values: Float64Array;
  /** [index into keys, last day] for combinations with charges running past their day. */
  readonly lastDays: [number, string][];
}

/** Day of the last second of a charge period ending at `end` (exclusive), "YYYY-MM-DD". */
export function lastDayOf(end: string): string {
  return new Date(Date.parse(end) - 1000).toISOString().slice(0, 10);
}

export function newAccumulator(): Accumulator {
  return new Array<number>(ACC_SIZE).fill(0);
}

/** Adds one record's costs into `acc`. */
export function accumulate(acc: Accumulator, costs: MappedRecord['costs']): void {
  acc[0] = (acc[0] as number) + 1;
  for (let c = 0; c < 4; c++) {
    const limbs: Limbs | null = costs[c] ?? null;
    if (limbs === null) {
      if (c > 0) acc[MISSING + c - 1] = (acc[MISSING + c - 1] as number) + 1;
      continue;
    }
    const base = 1 + c * 4;
    acc[base] = (acc[base] as number) + limbs[0];
    acc[base + 1] = (acc[base + 1] as number) + limbs[1];
    acc[base + 2] = (acc[base + 2] as number) + limbs[2];
    acc[base + 3] = (acc[base + 3] as number) + limbs[3];
  }
}

export function mergeInto(target: Accumulator, source: readonly number[]): void {
  for (let i = 0; i < ACC_SIZE; i++) target[i] = (target[i] as number) + (source[i] as number);
}

/** Accumulates records by combination; cheap per row (one Map lookup). */
export class RollupBuilder {
  readonly combos = new Map<string, Accumulator>();
  /** Combination → last day covered, for the few combinations with charges running past their day. */
  readonly lastDays = new Map<string, string>();

  add(scopeKey: string, m: MappedRecord): void {
    const r = m.record;
    const tags = m.tagsJson ?? tagsJson(r.Tags);
    const day = r.ChargePeriodStart.slice(0, 10);
    const key =
      scopeKey + SEP + day + SEP + r.BillingCurrency + SEP + (r.ServiceName ?? '') + SEP +
      (r.SubAccountId ?? '') + SEP + (r.RegionId ?? '') + SEP + tags;
    let acc = this.combos.get(key);
    if (!acc) {
      acc = newAccumulator();
      this.combos.set(key, acc);
    }
    accumulate(acc, m.costs);
    const end = r.ChargePeriodEnd;
    // Nearly every charge ends on its start day (or at the next midnight): one startsWith per row.
    if (end !== null && !end.startsWith(day)) this.noteLastDay(key, day, lastDayOf(end));
  }

  private noteLastDay(key: string, day: string, last: string): void {
    if (last <= day) return;
    const known = this.lastDays.get(key);
    if (known === undefined || last > known) this.lastDays.set(key, last);
  }

  /** Packs the combinations for a transfer between threads: keys, and ACC_SIZE numbers per key. */
  packed(): PackedCombos {
    const keys = [...this.combos.keys()];
    const values = new Float64Array(keys.length * ACC_SIZE);
    let at = 0;
    for (const acc of this.combos.values()) {
      values.set(acc, at);
      at += ACC_SIZE;
    }
    const index = new Map(keys.map((k, i) => [k, i]));
    return { keys, values, lastDays: [...this.lastDays].map(([k, d]) => [index.get(k) as number, d]) };
  }

  /** Adds combinations accumulated elsewhere (a worker's chunk). */
  mergePacked(p: PackedCombos): void {
    const { keys, values } = p;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      let acc = this.combos.get(key);
      if (!acc) {
        acc = newAccumulator();
        this.combos.set(key, acc);
      }
      const base = k * ACC_SIZE;
      for (let i = 0; i < ACC_SIZE; i++) acc[i] = (acc[i] as number) + (values[base + i] as number);
    }
    for (const [k, last] of p.lastDays ?? []) {
      const key = keys[k] as string;
      this.noteLastDay(key, key.split(SEP)[1] ?? '', last);
    }
  }

  /** Expands combinations into per-dimension buckets. */
  buckets(): RollupBucket[] {
    const out = new Map<string, RollupBucket>();
    let lastDay: string | undefined;
    const add = (scopeKey: string, day: string, currency: string, dim: Dimension, value: string, acc: Accumulator): void => {
      const k = scopeKey + SEP + day + SEP + currency + SEP + dim + SEP + value;
      let b = out.get(k);
      if (b) mergeInto(b.acc, acc);
      else out.set(k, (b = { scopeKey, day, currency, dim, value, acc: [...acc] }));
      if (lastDay !== undefined && (b.lastDay === undefined || lastDay > b.lastDay)) b.lastDay = lastDay;
    };
    for (const [key, acc] of this.combos) {
      lastDay = this.lastDays.get(key);
      const [scopeKey = '', day = '', currency = '', service = '', account = '', region = '', tagsJson = '{}'] = key.split(SEP);
      add(scopeKey, day, currency, 'total', '', acc);
      add(scopeKey, day, currency, 'service', service, acc);
      add(scopeKey, day, currency, 'account', account, acc);
      add(scopeKey, day, currency, 'region', region, acc);
      const tags = JSON.parse(tagsJson) as Record<string, string>;
      for (const [k, v] of Object.entries(tags)) add(scopeKey, day, currency, `tag:${k}`, v, acc);
    }
    return [...out.values()];
  }
}
