/** JSON rendering of the cost diff: money as numbers rounded to 6 places, unit prices also as exact USD strings. */
import { roundTo, toNumber, type Decimal } from '../../money/index.js';
import type { CostDiff } from '../diff.js';
import type { PolicyResult } from '../policy.js';

const n = (d: Decimal | null): number | null => (d === null ? null : toNumber(roundTo(d, 6)));

export function diffToJson(d: CostDiff, policy?: PolicyResult): unknown {
  return {
    currency: d.currency,
    hoursPerMonth: d.hoursPerMonth,
    pricesAsOf: d.pricesAsOf,
    fx: d.fx,
    regions: d.regions,
    before: { totalMonthlyCost: n(d.before.totalMonthlyCost) },
    after: { totalMonthlyCost: n(d.after.totalMonthlyCost) },
    delta: { totalMonthlyCost: n(d.delta.totalMonthlyCost), percent: d.delta.percent === null ? null : toNumber(roundTo(d.delta.percent, 2)) },
    resources: d.resources.map((r) => ({
      address: r.address,
      type: r.type,
      action: r.action,
      ...(r.replaceOrder ? { replaceOrder: r.replaceOrder } : {}),
      region: r.region ?? null,
      beforeMonthlyCost: n(r.beforeMonthlyCost),
      afterMonthlyCost: n(r.afterMonthlyCost),
      deltaMonthlyCost: n(r.deltaMonthlyCost),
      incomplete: r.incomplete,
      components: r.components.map((c) => ({
        name: c.name,
        unit: c.unit,
        status: c.status,
        monthlyQuantity: n(c.monthlyQuantity),
        unitPrice: n(c.unitPrice),
        unitPriceUsd: c.unitPriceUsd,
        beforeMonthlyCost: n(c.beforeMonthlyCost),
        afterMonthlyCost: n(c.afterMonthlyCost),
        price: c.price,
        ...(c.basis ? { basis: c.basis } : {}),
        ...(c.note ? { note: c.note } : {}),
      })),
    })),
    unsupported: d.unsupported,
    free: d.free,
    usageBased: d.usageBased,
    missingPrices: d.missingPrices,
    unknown: d.unknown,
    findings: d.findings,
    ...(d.budget
      ? {
          budget: {
            name: d.budget.name,
            environment: d.budget.environment,
            monthlyBudget: n(d.budget.monthlyBudget),
            afterMonthlyCost: n(d.budget.afterMonthlyCost),
            overBudget: n(d.budget.overBudget),
            percentOfBudget: d.budget.percentOfBudget === null ? null : toNumber(roundTo(d.budget.percentOfBudget, 2)),
          },
        }
      : {}),
    ...(policy ? { policy } : {}),
  };
}

export function renderJson(d: CostDiff, policy?: PolicyResult): string {
  return JSON.stringify(diffToJson(d, policy), null, 2) + '\n';
}
