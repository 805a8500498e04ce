/**
 * Test helpers for spend: temp SQLite stores, independent exact sums of raw CSV columns,
 * and report totals read back through the real query path.
 */
import BigImport from 'big.js';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openStore, type Store } from '../../../src/store/db.js';
import { querySpendReports } from '../../../src/store/spend-queries.js';

const Big = BigImport as unknown as typeof BigImport;

export interface TempStore {
  readonly dir: string;
  readonly path: string;
  readonly store: Store;
  dispose(): void;
}

export function tempStore(prefix = 'nuage-spend-'): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'nuage.db');
  const store = openStore(path);
  return {
    dir,
    path,
    store,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows of a CSV file (plain or gz) as objects, read independently of the importer. */
export function csvRecords(path: string): Record<string, string>[] {
  const raw = readFileSync(path);
  const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, string>[];
}

/** Exact sum (big.js) of one column; empty and "null" cells count as nothing. */
export function columnSum(rows: readonly Record<string, string>[], column: string, filter: (r: Record<string, string>) => boolean = () => true): string {
  let total = new Big(0);
  for (const r of rows) {
    const v = r[column];
    if (v === undefined || v === '' || v.toLowerCase() === 'null' || !filter(r)) continue;
    total = total.plus(new Big(v));
  }
  return total.toFixed();
}

/** Report totals per currency, by service (every record counted once). */
export function totalsByCurrency(store: Store, basisFree = true): Record<string, { billedCost: string; effectiveCost: string; listCost: string; records: number }> {
  void basisFree;
  const out: Record<string, { billedCost: string; effectiveCost: string; listCost: string; records: number }> = {};
  for (const r of querySpendReports(store, { groupBy: 'service', period: 'month', basis: 'billed', source: 'file' })) if (r.currency !== null) out[r.currency] = r.totals;
  return out;
}

/** Same decimal value (trailing zeros do not matter). */
export function sameDecimal(a: string, b: string): boolean {
  return new Big(a).eq(new Big(b));
}
