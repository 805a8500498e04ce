/** Shared pieces of the text renderers: the header lines every report states, and number formats. */
import { formatAmount, formatMoney, roundTo, type Decimal } from '../../money/index.js';
import { SKIP_REASON_TITLES, type SkipReason } from '../inventory/types.js';
import type { EstimateResult } from '../result.js';

export const num = (n: number, places = 2): string => n.toFixed(places);
export const money = (r: EstimateResult, d: Decimal): string => formatMoney(d, r.currency);
export const amount = (d: Decimal): string => formatAmount(d);
export const ratio = (d: Decimal): string => `${roundTo(d, 2).toFixed(2)}×`;

export function fxLine(r: EstimateResult): string {
  if (r.currency === 'USD') return `USD (FX not applied; 1 USD = ${r.fx.usdToEur} EUR, ${r.fx.source}, ${r.fx.asOf})`;
  const quote = r.fx.usdPerEur ? `1 EUR = ${r.fx.usdPerEur} USD` : `1 USD = ${r.fx.usdToEur} EUR`;
  return `EUR at ${quote} (${r.fx.source}, ${r.fx.asOf})`;
}

/** The facts every report states: region, hours, the dates of the prices used, FX, headroom, strategy. */
export function headerLines(r: EstimateResult): string[] {
  const vms = r.apps.reduce((a, x) => a + x.vmCount, 0);
  const services = r.services.length > 0 ? `, ${r.services.length} managed service${r.services.length === 1 ? '' : 's'}` : '';
  return [
    `${r.apps.length} app${r.apps.length === 1 ? '' : 's'}, ${vms} prod VMs${services} · region ${r.region} · ${r.hoursPerMonth} h/month`,
    `Price dates (of the prices used): ${r.priceDates.summary}`,
    `Currency: ${fxLine(r)}`,
    `Headroom ${r.headroomPct} % · at least ${r.minInstances} instance${r.minInstances === 1 ? '' : 's'} per app · strategy ${r.strategy}: ${r.typeSelection}`,
    `Apps grouped by ${r.groupBy}`,
  ];
}

export function skippedSummary(r: EstimateResult): string | undefined {
  const parts = (Object.entries(r.skippedCounts) as [SkipReason, number][]).map(([k, n]) => `${n} ${SKIP_REASON_TITLES[k]}`);
  return parts.length === 0 ? undefined : `Skipped ${r.skipped.length} row${r.skipped.length === 1 ? '' : 's'}: ${parts.join('; ')}`;
}

/** "WARNING: …" lines, said first by the text renderers. */
export function warningLines(r: EstimateResult): string[] {
  return r.warnings.map((w) => `WARNING: ${w}`);
}

export { wrap } from '../../report/wrap.js';
