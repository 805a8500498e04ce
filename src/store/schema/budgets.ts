/**
 * Saved budgets (`nuage estimate --save <name>`): the estimate's facts, its per-environment and per-app
 * monthly costs (exact decimal strings in the budget's currency), and the full inputs/options/result as JSON.
 * Spend tracking compares real spend per environment and month with budget_environments.monthly_cost.
 */
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const budgets = sqliteTable('budgets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  savedAt: text('saved_at').notNull(),
  pricesAsOf: text('prices_as_of').notNull(),
  region: text('region').notNull(),
  currency: text('currency').notNull(),
  hoursPerMonth: real('hours_per_month').notNull(),
  usdToEur: text('usd_to_eur').notNull(),
  fxAsOf: text('fx_as_of').notNull(),
  fxSource: text('fx_source').notNull(),
  strategy: text('strategy').notNull(),
  headroomPct: real('headroom_pct').notNull(),
  totalMonthlyCost: text('total_monthly_cost').notNull(),
  /** { files: string[], flags: {...} } as given on the command line. */
  inputsJson: text('inputs_json').notNull(),
  /** The estimate as rendered by --format json. */
  resultJson: text('result_json').notNull(),
});

export const budgetEnvironments = sqliteTable(
  'budget_environments',
  {
    budgetId: integer('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    ratio: text('ratio').notNull(),
    monthlyCost: text('monthly_cost').notNull(),
  },
  (t) => [primaryKey({ columns: [t.budgetId, t.name] })],
);

export const budgetApps = sqliteTable(
  'budget_apps',
  {
    budgetId: integer('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    app: text('app').notNull(),
    vmCount: integer('vm_count').notNull(),
    instanceType: text('instance_type'),
    instanceCount: real('instance_count').notNull(),
    hourlyCost: text('hourly_cost').notNull(),
    monthlyCost: text('monthly_cost').notNull(),
  },
  (t) => [primaryKey({ columns: [t.budgetId, t.app] })],
);
