/**
 * Daily series per tag value (and untagged) for budget vs actual, per currency, exact (1e-24 units).
 */
import { limbsToScaled } from '../spend/amount.js';
import type { Basis } from '../spend/report.js';
import type { Store } from './db.js';
import { firstSpendDay, readRollup, type SpendSource } from './spend-reader.js';

export interface CurrencySeries {
  readonly byValue: Map<string, Map<string, bigint>>;
  readonly untagged: Map<string, bigint>;
}

export interface BudgetSeries {
  readonly currencies: Map<string, CurrencySeries>;
  readonly firstDataDay: string | undefined;
}

export function budgetSeries(store: Store, q: { source: SpendSource; tagKey: string; basis: Basis; from: string; to: string }): BudgetSeries {
  const at = q.basis === 'billed' ? 0 : 4;
  const amount = (limbs: readonly bigint[]): bigint => limbsToScaled(limbs.slice(at, at + 4));
  const currencies = new Map<string, CurrencySeries>();
  const series = (currency: string): CurrencySeries => {
    let s = currencies.get(currency);
    if (!s) currencies.set(currency, (s = { byValue: new Map(), untagged: new Map() }));
    return s;
  };
  const range = { source: q.source, granularity: 'day', from: q.from, to: q.to } as const;
  for (const r of readRollup(store, { ...range, dim: 'total' })) {
    const s = series(r.currency);
    s.untagged.set(r.period, (s.untagged.get(r.period) ?? 0n) + amount(r.limbs));
  }
  for (const r of readRollup(store, { ...range, dim: `tag:${q.tagKey}` })) {
    const s = series(r.currency);
    let days = s.byValue.get(r.value);
    if (!days) s.byValue.set(r.value, (days = new Map()));
    const v = amount(r.limbs);
    days.set(r.period, (days.get(r.period) ?? 0n) + v);
    s.untagged.set(r.period, (s.untagged.get(r.period) ?? 0n) - v);
  }
  return { currencies, firstDataDay: firstSpendDay(store, q.source) };
}
