/** JSON rendering of the cost diff: money as numbers rounded to 6 places, unit prices also as exact USD strings. */
import { roundTo, toNumber, type Decimal } from '../../money/index.js';
import type { CostDiff, ResourceDiff } from '../diff.js';
import type { PolicyResult } from '../policy.js';

const n = (d: Decimal | null): number | null => (d === null ? null : toNumber(roundTo(d, 6)));

/** `n` remembering each Decimal's number: the diff shares one Decimal between equal amounts. */
function numbers(): (d: Decimal | null) => number | null {
  const seen = new Map<Decimal, number | null>();
  return (d) => {
    if (d === null) return null;
    let v = seen.get(d);
    if (v === undefined) seen.set(d, (v = n(d)));
    return v;
  };
}

/** One resource of the JSON output. */
export function resourceToJson(r: ResourceDiff, n: (d: Decimal | null) => number | null = numbers()): unknown {
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
    ...(r.beforeNothingPriced || r.afterNothingPriced
      ? { nothingPriced: { ...(r.beforeNothingPriced ? { before: r.beforeNothingPriced } : {}), ...(r.afterNothingPriced ? { after: r.afterNothingPriced } : {}) } }
      : {}),
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
  const num = numbers();
  return {
    currency: d.currency,
    hoursPerMonth: d.hoursPerMonth,
    pricesAsOf: d.pricesAsOf,
    priceDates: d.priceDates,
    fx: d.fx,
    regions: d.regions,
    before: { totalMonthlyCost: n(d.before.totalMonthlyCost), complete: d.before.complete },
    after: { totalMonthlyCost: n(d.after.totalMonthlyCost), complete: d.after.complete },
    delta: {
      totalMonthlyCost: n(d.delta.totalMonthlyCost),
      percent: d.delta.percent === null ? null : toNumber(roundTo(d.delta.percent, 2)),
      complete: d.delta.complete,
      bound: d.delta.bound,
    },
    incompleteComponents: { missingPrice: d.incomplete.missingPrice, unknown: d.incomplete.unknown, usageBased: d.incomplete.usageBased },
    unsupportedResources: d.incomplete.unsupportedResources,
    resources: d.resources.map((r) => resourceToJson(r, num)),
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

/** Elements of a large array stringified together (about 16k characters of JSON per piece for resources). */
const ELEMENTS_PER_PIECE = 20;

/**
 * The JSON output as pieces whose concatenation is `JSON.stringify(diffToJson(d, policy), null, 2)` and a
 * newline: large top-level arrays (resources, unsupported, usage-based…) a few elements per piece, resources
 * converted just before they are written, so a large plan never makes one huge string or object tree.
 */
export function jsonChunks(d: CostDiff, policy?: PolicyResult): string[] {
  const out: string[] = [];
  writeJson(d, policy, (piece) => void out.push(piece));
  return out;
}

/** `jsonChunks`, each piece handed to `emit` as it is made. */
export function writeJson(d: CostDiff, policy: PolicyResult | undefined, emit: (piece: string) => void): void {
  const top = diffToJson({ ...d, resources: [] }, policy) as Record<string, unknown>;
  const num = numbers();
  emit('{');
  let first = true;
  for (const key of Object.keys(top)) {
    const value = key === 'resources' ? d.resources : top[key];
    const name = JSON.stringify(key);
    const lead = `${first ? '' : ','}\n  ${name}: `;
    if (Array.isArray(value) && value.length > 0) {
      // `{ "key": [slice] }` stringified has the slice's elements at the depth they have in the whole output:
      // the text between its opening and closing lines is the slice, ready to be placed.
      const open = `{\n  ${name}: [`;
      const close = '\n  ]\n}';
      emit(`${lead}[`);
      for (let i = 0; i < value.length; i += ELEMENTS_PER_PIECE) {
        const slice = value.slice(i, i + ELEMENTS_PER_PIECE);
        const text = JSON.stringify({ [key]: key === 'resources' ? slice.map((r) => resourceToJson(r as ResourceDiff, num)) : slice }, null, 2);
        emit(`${i === 0 ? '' : ','}${text.slice(open.length, text.length - close.length)}`);
      }
      emit('\n  ]');
    } else {
      const text = JSON.stringify(value, null, 2);
      if (text === undefined) continue;
      emit(`${lead}${text.includes('\n') ? text.replace(/\n/g, '\n  ') : text}`);
    }
    first = false;
  }
  emit(first ? '}\n' : '\n}\n');
}

export function renderJson(d: CostDiff, policy?: PolicyResult): string {
  return jsonChunks(d, policy).join('');
}
