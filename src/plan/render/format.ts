/** Shared wording and rounding of the plan renderers (rounding happens here, never in the diff). */
import { formatAmount, formatMoney, formatSignedMoney, roundTo, type Currency, type Decimal } from '../../money/index.js';
import type { CostDiff, ResourceDiff } from '../diff.js';

export const money = (d: Decimal | null, currency: Currency): string => (d === null ? '-' : formatMoney(d, currency));
export const signed = (d: Decimal, currency: Currency): string => formatSignedMoney(d, currency);

/** "+18 %", "-3.5 %" (one decimal under 10 %). */
export function percent(p: Decimal): string {
  const abs = p.abs();
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
  figure(d: Decimal | null, r: ResourceDiff): string;
}

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
    figure: (d, r) => (d === null ? '-' : r.incomplete ? `${m(d)}*` : m(d)),
  };
}

/** Resource figure with a trailing "*" when incomplete. */
export function figure(d: Decimal | null, r: ResourceDiff, currency: Currency): string {
  if (d === null) return '-';
  return `${money(d, currency)}${r.incomplete ? '*' : ''}`;
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
    `Prices as of: ${d.pricesAsOf} (Linux, on-demand unless stated)`,
  ];
}

/** Resources sorted by absolute monthly delta, largest first (address breaks ties). */
export function byAbsoluteDelta(resources: readonly ResourceDiff[]): ResourceDiff[] {
  return [...resources].sort((a, b) => {
    const c = b.deltaMonthlyCost.abs().cmp(a.deltaMonthlyCost.abs());
    return c !== 0 ? c : a.address.localeCompare(b.address);
  });
}

export function headline(d: CostDiff): string {
  const delta = d.delta.totalMonthlyCost;
  const pct = d.delta.percent !== null ? ` (${percent(d.delta.percent)})` : '';
  const amount = money(delta.abs(), d.currency);
  if (roundTo(delta, 2).eq(0)) return `Monthly cost will not change (${money(d.after.totalMonthlyCost, d.currency)})`;
  return delta.gt(0) ? `Monthly cost will increase by ${amount}${pct}` : `Monthly cost will decrease by ${amount}${pct}`;
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
