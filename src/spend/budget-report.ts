/**
 * Budget vs actual vs forecast for one month, per environment: month-to-date actuals (exact),
 * projected month-end (weekday run rate), Cost Explorer's forecast when asked (side by side),
 * variance against the budget and an over/under flag. Shown in the billing currency; a budget in
 * another currency is converted at a stated FX rate. Unbudgeted tag values and untagged spend get
 * their own rows, so the total always equals the bill.
 */
import BigImport from 'big.js';
import { scaledToDecimal } from './amount.js';
import type { BudgetPlan } from './budget-plan.js';
import { nextMonthStart, projectMonth, type Projection } from './forecast.js';
import type { Basis } from './report.js';
import { UNTAGGED } from './report.js';

const Big = BigImport as unknown as typeof BigImport;

export type BudgetStatus = 'over' | 'under' | 'no budget';

export interface BudgetRow {
  readonly environment: string;
  /** Tag values counted in this row. */
  readonly tagValues: readonly string[];
  readonly budget: string | null;
  readonly monthToDate: string;
  readonly projected: string;
  readonly projectionMethod: Projection['method'];
  /** Cost Explorer forecast of the month-end (MTD + GetCostForecast of the rest), when requested. */
  readonly ceForecast: string | null;
  /** projected − budget */
  readonly variance: string | null;
  readonly variancePct: string | null;
  readonly status: BudgetStatus;
  /** Month-to-date already above the budget. */
  readonly overAlready: boolean;
}

export interface BudgetReport {
  readonly month: string;
  readonly asOf: string;
  readonly currency: string;
  readonly basis: Basis;
  readonly tagKey: string;
  readonly budgetSource: string;
  readonly dataSource: string;
  /** FX applied to the budget, when its currency differs. */
  readonly fx: string | null;
  readonly rows: BudgetRow[];
  readonly totals: { readonly budget: string; readonly monthToDate: string; readonly projected: string; readonly ceForecast: string | null; readonly variance: string; readonly status: BudgetStatus };
  readonly notes: string[];
}

export interface BudgetInput {
  readonly plan: BudgetPlan;
  readonly month: string;
  readonly asOf: string;
  readonly basis: Basis;
  readonly tagKey: string;
  readonly currency: string;
  /** Daily spend (1e-24 units) per tag value, over the run-rate window and the month. */
  readonly byValue: ReadonlyMap<string, ReadonlyMap<string, bigint>>;
  readonly untagged: ReadonlyMap<string, bigint>;
  readonly firstDataDay: string | undefined;
  readonly dataSource: string;
  /** Budget amount (plan currency) → billing currency, with its description. */
  readonly convert?: { readonly apply: (amount: string) => string; readonly describe: string };
  /** Cost Explorer forecast of the remaining days, per environment name and for "*" (total). */
  readonly ceRemaining?: ReadonlyMap<string, string>;
}

function mergeSeries(series: readonly ReadonlyMap<string, bigint>[]): Map<string, string> {
  const out = new Map<string, bigint>();
  for (const s of series) for (const [d, v] of s) out.set(d, (out.get(d) ?? 0n) + v);
  return new Map([...out].map(([d, v]) => [d, scaledToDecimal(v)]));
}

export function budgetVsActual(i: BudgetInput): BudgetReport {
  const monthEnd = nextMonthStart(i.month);
  const rows: BudgetRow[] = [];
  const claimed = new Set<string>();
  const row = (environment: string, tagValues: string[], budget: string | null, series: Map<string, string>, ceKey: string | null): BudgetRow => {
    const p = projectMonth(series, i.month, i.asOf, i.firstDataDay);
    const ce = ceKey !== null ? i.ceRemaining?.get(ceKey) : undefined;
    const ceForecast = ce !== undefined ? new Big(p.monthToDate).plus(new Big(ce)).round(2).toFixed(2) : null;
    const variance = budget !== null ? new Big(p.projected).minus(new Big(budget)) : null;
    return {
      environment,
      tagValues,
      budget,
      monthToDate: p.monthToDate,
      projected: p.projected,
      projectionMethod: p.method,
      ceForecast,
      variance: variance ? variance.round(2).toFixed(2) : null,
      variancePct: variance && budget !== null && !new Big(budget).eq(0) ? variance.div(new Big(budget)).times(100).round(1).toFixed(1) : null,
      status: budget === null ? 'no budget' : variance && variance.gt(0) ? 'over' : 'under',
      overAlready: budget !== null && new Big(p.monthToDate).gt(new Big(budget)),
    };
  };
  for (const env of i.plan.environments) {
    const values = [...i.byValue.keys()].filter((v) => env.match.includes(v.toLowerCase()) && !claimed.has(v));
    values.forEach((v) => claimed.add(v));
    const budget = i.convert ? i.convert.apply(env.monthly) : env.monthly;
    rows.push(row(env.name, values, new Big(budget).round(2).toFixed(2), mergeSeries(values.map((v) => i.byValue.get(v) ?? new Map())), env.name));
  }
  for (const [value, series] of [...i.byValue].sort(([a], [b]) => a.localeCompare(b))) {
    if (!claimed.has(value)) rows.push(row(value, [value], null, mergeSeries([series]), null));
  }
  const untagged = row(UNTAGGED, [], null, mergeSeries([i.untagged]), null);
  if (!new Big(untagged.monthToDate).eq(0) || !new Big(untagged.projected).eq(0)) rows.push(untagged);

  const sum = (f: (r: BudgetRow) => string | null): Big => rows.reduce((s, r) => s.plus(new Big(f(r) ?? '0')), new Big(0));
  const budget = sum((r) => r.budget);
  const projected = sum((r) => r.projected);
  const ceTotal = i.ceRemaining?.get('*');
  const monthToDate = sum((r) => r.monthToDate);
  const notes: string[] = [];
  const method = rows.find((r) => r.projectionMethod !== 'actual')?.projectionMethod;
  if (i.asOf >= monthEnd) notes.push(`${i.month} is over: projections are the actuals.`);
  else if (method === 'weekday run rate') notes.push(`Projection: month-to-date + remaining days at the run rate of the last ${28} days shaped by weekday.`);
  else if (method === 'flat run rate') notes.push('Projection: month-to-date + remaining days at the flat run rate (under 7 days of history, no weekday pattern).');
  else if (method === 'no history') notes.push('No spend history before this day: projection = month-to-date.');
  if (i.ceRemaining) notes.push('Cost Explorer forecast = month-to-date + GetCostForecast for the remaining days.');
  return {
    month: i.month,
    asOf: i.asOf,
    currency: i.currency,
    basis: i.basis,
    tagKey: i.tagKey,
    budgetSource: i.plan.source,
    dataSource: i.dataSource,
    fx: i.convert?.describe ?? null,
    rows,
    totals: {
      budget: budget.round(2).toFixed(2),
      monthToDate: monthToDate.toFixed(),
      projected: projected.round(2).toFixed(2),
      ceForecast: ceTotal !== undefined ? monthToDate.plus(new Big(ceTotal)).round(2).toFixed(2) : null,
      variance: projected.minus(budget).round(2).toFixed(2),
      status: projected.gt(budget) ? 'over' : 'under',
    },
    notes,
  };
}
