/**
 * Where a saved budget exists for the environment, the stack's monthly cost after the change against it.
 * Pure: the caller passes the budget's environment amount and currency (read from the store at the edge).
 */
import { dec, fromUsd, type Currency, type Decimal, type FxRate } from '../money/index.js';
import type { CostDiff } from './diff.js';

export interface BudgetRef {
  readonly name: string;
  readonly environment: string;
  /** Monthly budget of the environment, exact decimal string in `currency`. */
  readonly monthlyCost: string;
  readonly currency: Currency;
}

export interface BudgetCheck {
  readonly name: string;
  readonly environment: string;
  /** The budget in the diff's currency. */
  readonly monthlyBudget: Decimal;
  readonly afterMonthlyCost: Decimal;
  /** after − budget: positive = over budget. */
  readonly overBudget: Decimal;
  readonly percentOfBudget: Decimal | null;
}

/** Converts an amount between USD and EUR with the diff's FX rate. */
function convert(amount: Decimal, from: Currency, to: Currency, fx: FxRate): Decimal {
  if (from === to) return amount;
  if (from === 'USD') return fromUsd(amount, to, fx);
  // EUR → USD
  return fx.usdPerEur !== undefined ? amount.times(dec(fx.usdPerEur)) : amount.div(dec(fx.usdToEur));
}

export function checkBudget(d: CostDiff, budget: BudgetRef): BudgetCheck {
  const monthlyBudget = convert(dec(budget.monthlyCost), budget.currency, d.currency, d.fx);
  const after = d.after.totalMonthlyCost;
  return {
    name: budget.name,
    environment: budget.environment,
    monthlyBudget,
    afterMonthlyCost: after,
    overBudget: after.minus(monthlyBudget),
    percentOfBudget: monthlyBudget.eq(0) ? null : after.div(monthlyBudget).times(100),
  };
}
