/** JSON rendering of the cost diff: money as numbers rounded to 6 places, unit prices also as exact USD strings. */
import { roundTo, toNumber, type Decimal } from '../../money/index.js';
import type { CostDiff, ResourceDiff } from '../diff.js';
import type { PolicyResult } from '../policy.js';

const n = (d: Decimal | null): number | null => (d === null ? null : toNumber(roundTo(d, 6)));

/** One resource of the JSON output. */
export function resourceToJson(r: ResourceDiff): unknown {
  return {
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
  };
}

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
    resources: d.resources.map(resourceToJson),
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

/**
 * The JSON output as pieces whose concatenation is `JSON.stringify(diffToJson(d, policy), null, 2)` and a
 * newline: large top-level arrays (resources, unsupported, usage-based…) one element per piece, each resource
 * converted just before it is written, so a large plan never makes one huge string or object tree.
 */
export function jsonChunks(d: CostDiff, policy?: PolicyResult): string[] {
  const top = diffToJson({ ...d, resources: [] }, policy) as Record<string, unknown>;
  const out: string[] = ['{'];
  let first = true;
  for (const key of Object.keys(top)) {
    const value = key === 'resources' ? d.resources : top[key];
    const lead = `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      out.push(`${lead}[`);
      for (let i = 0; i < value.length; i++) {
        const element = key === 'resources' ? resourceToJson(value[i] as ResourceDiff) : value[i];
        out.push(`${i === 0 ? '' : ','}\n    ${indented(JSON.stringify(element, null, 2) ?? 'null', '\n    ')}`);
      }
      out.push('\n  ]');
    } else {
      const text = JSON.stringify(value, null, 2);
      if (text === undefined) continue;
      out.push(`${lead}${indented(text, '\n  ')}`);
    }
    first = false;
  }
  out.push(first ? '}\n' : '\n}\n');
  return out;
}

/** Line breaks of JSON text (never inside its strings, where they are escaped) followed by deeper indentation. */
const indented = (text: string, newline: string): string => (text.includes('\n') ? text.replace(/\n/g, newline) : text);

export function renderJson(d: CostDiff, policy?: PolicyResult): string {
  return jsonChunks(d, policy).join('');
}
