/** Shared wording and rounding of the plan renderers (rounding happens here, never in the diff). */
import { formatAmount, formatMoney, formatSignedMoney, roundTo, type Currency, type Decimal } from '../../money/index.js';
import { leftOutText } from '../completeness.js';
import type { CostDiff, ResourceDiff } from '../diff.js';

export const money = (d: Decimal | null, currency: Currency): string => (d === null ? '-' : formatMoney(d, currency));
export const signed = (d: Decimal, currency: Currency): string => formatSignedMoney(d, currency);

/** "+18 %", "-3.5 %" (one decimal under 10 %); a change under 0.05 %: "+0.03 %", "+<0.01 %", never "0 %". */
export function percent(p: Decimal): string {
  const abs = p.abs();
  if (!p.eq(0) && abs.lt(0.05)) {
    const small = roundTo(p, 2);
    return small.eq(0) ? `${p.gt(0) ? '+' : '-'}<0.01 %` : `${small.gt(0) ? '+' : ''}${small.toString()} %`;
  }
  const r = abs.lt(10) ? roundTo(p, 1) : roundTo(p, 0);
  const s = r.toString();
  return `${r.gt(0) ? '+' : ''}${s} %`;
}

/** "730 hours", "20 GB-months", "usage-based", "unknown". */
export function quantity(q: Decimal | null, unit: string, status: string): string {
  if (status === 'usage-based') return 'usage-based';
  if (q === null) return 'unknown';
  return `${formatAmount(q, q.eq(q.round(0)) ? 0 : 2)} ${unit}`;
}

export function unitPrice(p: Decimal | null, currency: Currency): string {
  if (p === null) return 'no price';
  return formatMoney(p, currency, p.abs().lt(0.01) && !p.eq(0) ? 6 : 4);
}

/**
 * money / signed / unitPrice of one report, each distinct Decimal formatted once: the diff shares one
 * Decimal between equal amounts, and large plans repeat the same figures.
 */
export interface Figures {
  quantity(q: Decimal | null, unit: string, status: string): string;
  money(d: Decimal | null): string;
  signed(d: Decimal): string;
  unitPrice(p: Decimal | null): string;
  figure(d: Decimal | null, r: ResourceDiff, side: Side): string;
  delta(r: ResourceDiff): string;
}

export type Side = 'before' | 'after';

export function figuresOf(currency: Currency): Figures {
  const memo = (format: (d: Decimal) => string): ((d: Decimal) => string) => {
    const seen = new Map<Decimal, string>();
    return (d) => {
      let s = seen.get(d);
      if (s === undefined) seen.set(d, (s = format(d)));
      return s;
    };
  };
  const m = memo((d) => formatMoney(d, currency));
  const sg = memo((d) => signed(d, currency));
  const up = memo((p) => unitPrice(p, currency));
  const amount = memo((q) => formatAmount(q, q.eq(q.round(0)) ? 0 : 2));
  return {
    quantity: (q, unit, status) => (status === 'usage-based' ? 'usage-based' : q === null ? 'unknown' : `${amount(q)} ${unit}`),
    money: (d) => (d === null ? '-' : m(d)),
    signed: sg,
    unitPrice: (p) => (p === null ? 'no price' : up(p)),
    figure: (d, r, side) => (d === null ? '-' : (nothingPricedOn(r, side) ?? (r.incomplete ? `${m(d)}*` : m(d)))),
    delta: (r) => deltaLabel(r) ?? sg(r.deltaMonthlyCost),
  };
}

const nothingPricedOn = (r: ResourceDiff, side: Side): string | undefined => (side === 'before' ? r.beforeNothingPriced : r.afterNothingPriced);

/**
 * A resource's delta when no side it has prices anything and what is left out does not cancel: the label
 * ("no price", "usage-based", "unknown") instead of a meaningless €0.00.
 */
function deltaLabel(r: ResourceDiff): string | undefined {
  if (r.deltaBound === 'exact') return undefined;
  const before = r.beforeMonthlyCost === null ? null : r.beforeNothingPriced;
  const after = r.afterMonthlyCost === null ? null : r.afterNothingPriced;
  if (before === undefined || after === undefined) return undefined;
  return after ?? before ?? undefined;
}

/**
 * Resource figure: "-" for a side it does not have, the label of a side with nothing priced ("no price",
 * "usage-based", "unknown"), else the amount with a trailing "*" when incomplete (a lower bound).
 */
export function figure(d: Decimal | null, r: ResourceDiff, currency: Currency, side: Side): string {
  if (d === null) return '-';
  return nothingPricedOn(r, side) ?? `${money(d, currency)}${r.incomplete ? '*' : ''}`;
}

/** A resource's delta: its label when nothing is priced on its sides, else the signed amount. */
export function resourceDelta(r: ResourceDiff, currency: Currency): string {
  return deltaLabel(r) ?? signed(r.deltaMonthlyCost, currency);
}

/** A total: "€7.27", or "at least €7.27" when its side leaves something out. */
export function totalText(t: { readonly totalMonthlyCost: Decimal; readonly complete: boolean }, currency: Currency): string {
  return `${t.complete ? '' : 'at least '}${money(t.totalMonthlyCost, currency)}`;
}

/** The delta total for a table cell: "≥ +€7.27" (a lower bound), "≤ -€5.00" (an upper bound), else signed. */
export function deltaTotalText(d: CostDiff): string {
  const s = signed(d.delta.totalMonthlyCost, d.currency);
  return d.delta.bound === 'lower' ? `≥ ${s}` : d.delta.bound === 'upper' ? `≤ ${s}` : s;
}

/** The footnote of the "*" figures, when one is shown. */
export const LOWER_BOUND_NOTE = '* leaves out what is not priced (listed below): the figure is a lower bound';

/** A figure of the report carries "*": an incomplete resource or total. */
export function hasStarredFigure(d: CostDiff, resources: readonly ResourceDiff[]): boolean {
  return !d.before.complete || !d.after.complete || resources.some((r) => r.incomplete);
}

export function actionLabel(r: ResourceDiff): string {
  if (r.action !== 'replace') return r.action;
  return r.replaceOrder === 'create-before-delete' ? 'replace (create first)' : 'replace';
}

/** The assumptions every report states. */
export function assumptionLines(d: CostDiff): string[] {
  const fx = d.fx.usdPerEur ? `1 EUR = ${d.fx.usdPerEur} USD` : `1 USD = ${d.fx.usdToEur} EUR`;
  return [
    `Region${d.regions.length === 1 ? '' : 's'}: ${d.regions.length > 0 ? d.regions.join(', ') : 'none priced'}`,
    `Hours per month: ${d.hoursPerMonth}`,
    `Currency: ${d.currency}${d.currency === 'EUR' ? ` (FX ${fx}, ${d.fx.source}, ${d.fx.asOf})` : ` (FX for reference: ${fx}, ${d.fx.asOf})`}`,
    `Prices as of: ${d.pricesAsOf} (${headlineDateOrigin(d)}; Linux, on-demand unless stated)`,
    `Price dates (of the prices used): ${d.priceDates.summary}`,
  ];
}

/** What the headline price date is: see price-dates-used.ts headlineDate. */
function headlineDateOrigin(d: CostDiff): string {
  const p = d.priceDates;
  if (p.onDemand.oldest !== undefined) return 'oldest EC2 on-demand price used';
  if (p.spot.oldest !== undefined || p.services.oldest !== undefined) return 'oldest price used';
  return `no dated price used: the catalog's on-demand prices${d.regions.length > 0 ? ` for ${d.regions.join(', ')}` : ''}`;
}

/** Resources sorted by absolute monthly delta, largest first (address breaks ties). */
export function byAbsoluteDelta(resources: readonly ResourceDiff[]): ResourceDiff[] {
  return [...resources].sort((a, b) => {
    const c = b.deltaMonthlyCost.abs().cmp(a.deltaMonthlyCost.abs());
    return c !== 0 ? c : a.address.localeCompare(b.address);
  });
}

/**
 * "Monthly cost will increase by €412.00 (+18 %)". When something is not priced, the headline says which way
 * the figure may be off and what is left out: "will increase by at least €7.27 (7 components without a
 * price, 31 usage-based)"; when the direction is unknown it speaks of the priced components only.
 */
export function headline(d: CostDiff): string {
  const delta = d.delta.totalMonthlyCost;
  const leftOut = leftOutText(d.incomplete);
  const bound = d.delta.bound;
  if (roundTo(delta, 2).eq(0)) {
    if (bound !== 'exact') return `Monthly cost of the priced components will not change (${leftOut})`;
    return `Monthly cost will not change (${totalText(d.after, d.currency)}${leftOut ? `; not priced: ${leftOut}` : ''})`;
  }
  const notes = [d.delta.percent !== null ? percent(d.delta.percent) : '', leftOut].filter((x) => x !== '');
  const tail = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const up = delta.gt(0);
  const qualifier = bound === 'lower' ? (up ? 'at least ' : 'at most ') : bound === 'upper' ? (up ? 'at most ' : 'at least ') : '';
  const subject = bound === 'unknown' ? 'Monthly cost of the priced components' : 'Monthly cost';
  return `${subject} will ${up ? 'increase' : 'decrease'} by ${qualifier}${money(delta.abs(), d.currency)}${tail}`;
}

/** "Monthly cost breakdown: at least €7.27 (7 components without a price)". */
export function breakdownTitle(d: CostDiff): string {
  const leftOut = leftOutText(d.incomplete);
  return `Monthly cost breakdown: ${totalText(d.after, d.currency)}${leftOut ? ` (${leftOut})` : ''}`;
}

/** "Budget prod-2025 (prod): €2,000.00/month; after this change €2,312.00: €312.00 over (116 % of budget)". */
export function budgetLine(d: CostDiff): string | undefined {
  const b = d.budget;
  if (!b) return undefined;
  const c = d.currency;
  const over = b.overBudget;
  const verdict = over.gt(0) ? `${money(over, c)} over` : `${money(over.abs(), c)} under`;
  const pct = b.percentOfBudget !== null ? ` (${roundTo(b.percentOfBudget, 1).toString()} % of budget)` : '';
  return `Budget ${b.name} (${b.environment}): ${money(b.monthlyBudget, c)}/month; after this change ${money(b.afterMonthlyCost, c)}: ${verdict}${pct}`;
}
