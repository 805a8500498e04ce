/**
 * Saved budgets repository. Amounts are exact decimal strings in the budget's currency.
 * Saving an existing name replaces it (in one transaction) and says so.
 */
import { asc, eq } from 'drizzle-orm';
import type { Currency } from '../money/index.js';
import { estimateJson } from '../estimator/render/json.js';
import type { EstimateResult } from '../estimator/result.js';
import type { Store } from './db.js';
import { budgetApps, budgetEnvironments, budgets } from './schema/budgets.js';

export interface SaveBudgetInput {
  readonly name: string;
  readonly result: EstimateResult;
  /** Inventory files as given. */
  readonly inputs: readonly string[];
  /** Options as given on the command line (or API request). */
  readonly flags: Readonly<Record<string, unknown>>;
  readonly now: Date;
}

export interface BudgetSummary {
  readonly name: string;
  readonly savedAt: string;
  readonly region: string;
  readonly currency: Currency;
  readonly pricesAsOf: string;
  readonly strategy: string;
  readonly totalMonthlyCost: string;
  readonly apps: number;
}

export interface SavedBudgetEnvironment {
  readonly name: string;
  readonly ratio: string;
  /** Monthly budget for the environment, exact decimal string in `currency`. */
  readonly monthlyCost: string;
}

export interface SavedBudgetApp {
  readonly app: string;
  readonly vmCount: number;
  readonly instanceType: string | null;
  readonly instanceCount: number;
  readonly hourlyCost: string;
  readonly monthlyCost: string;
}

export interface SavedBudget extends BudgetSummary {
  readonly hoursPerMonth: number;
  readonly usdToEur: string;
  readonly fxAsOf: string;
  readonly fxSource: string;
  readonly headroomPct: number;
  readonly environments: readonly SavedBudgetEnvironment[];
  readonly appsDetail: readonly SavedBudgetApp[];
  readonly inputs: { readonly files: readonly string[]; readonly flags: Readonly<Record<string, unknown>> };
  /** The estimate as --format json renders it. */
  readonly result: Record<string, unknown>;
}

export function saveBudget(store: Store, input: SaveBudgetInput): { name: string; replaced: boolean } {
  const name = input.name.trim();
  if (name === '') throw new RangeError('budget name must not be empty');
  const r = input.result;
  return store.transaction(() => {
    const existing = store.db.select({ id: budgets.id }).from(budgets).where(eq(budgets.name, name)).get();
    if (existing) store.db.delete(budgets).where(eq(budgets.id, existing.id)).run();
    const row = store.db
      .insert(budgets)
      .values({
        name,
        savedAt: input.now.toISOString(),
        pricesAsOf: r.pricesAsOf,
        region: r.region,
        currency: r.currency,
        hoursPerMonth: r.hoursPerMonth,
        usdToEur: r.fx.usdToEur,
        fxAsOf: r.fx.asOf,
        fxSource: r.fx.source,
        strategy: r.strategy,
        headroomPct: r.headroomPct,
        totalMonthlyCost: r.totalMonthlyCost.toString(),
        inputsJson: JSON.stringify({ files: input.inputs, flags: input.flags }),
        resultJson: JSON.stringify(estimateJson(r)),
      })
      .returning({ id: budgets.id })
      .get();
    r.environments.forEach((e, position) => {
      store.db.insert(budgetEnvironments).values({ budgetId: row.id, position, name: e.name, ratio: e.ratio, monthlyCost: e.monthlyCost.toString() }).run();
    });
    r.apps.forEach((a, position) => {
      store.db
        .insert(budgetApps)
        .values({
          budgetId: row.id,
          position,
          app: a.app,
          vmCount: a.vmCount,
          instanceType: a.instanceType,
          instanceCount: a.instanceCount,
          hourlyCost: a.hourlyCost.toString(),
          monthlyCost: a.monthlyCost.toString(),
        })
        .run();
    });
    return { name, replaced: existing !== undefined };
  });
}

function summary(b: typeof budgets.$inferSelect, apps: number): BudgetSummary {
  return {
    name: b.name,
    savedAt: b.savedAt,
    region: b.region,
    currency: b.currency as Currency,
    pricesAsOf: b.pricesAsOf,
    strategy: b.strategy,
    totalMonthlyCost: b.totalMonthlyCost,
    apps,
  };
}

export function listBudgets(store: Store): BudgetSummary[] {
  const rows = store.db.select().from(budgets).orderBy(asc(budgets.name)).all();
  const counts = new Map<number, number>();
  for (const a of store.db.select({ budgetId: budgetApps.budgetId }).from(budgetApps).all()) counts.set(a.budgetId, (counts.get(a.budgetId) ?? 0) + 1);
  return rows.map((b) => summary(b, counts.get(b.id) ?? 0));
}

export function getSavedBudget(store: Store, name: string): SavedBudget | undefined {
  const b = store.db.select().from(budgets).where(eq(budgets.name, name)).get();
  if (!b) return undefined;
  const envs = store.db.select().from(budgetEnvironments).where(eq(budgetEnvironments.budgetId, b.id)).orderBy(asc(budgetEnvironments.position)).all();
  const apps = store.db.select().from(budgetApps).where(eq(budgetApps.budgetId, b.id)).orderBy(asc(budgetApps.position)).all();
  return {
    ...summary(b, apps.length),
    hoursPerMonth: b.hoursPerMonth,
    usdToEur: b.usdToEur,
    fxAsOf: b.fxAsOf,
    fxSource: b.fxSource,
    headroomPct: b.headroomPct,
    environments: envs.map((e) => ({ name: e.name, ratio: e.ratio, monthlyCost: e.monthlyCost })),
    appsDetail: apps.map((a) => ({
      app: a.app,
      vmCount: a.vmCount,
      instanceType: a.instanceType,
      instanceCount: a.instanceCount,
      hourlyCost: a.hourlyCost,
      monthlyCost: a.monthlyCost,
    })),
    inputs: JSON.parse(b.inputsJson) as SavedBudget['inputs'],
    result: JSON.parse(b.resultJson) as Record<string, unknown>,
  };
}
