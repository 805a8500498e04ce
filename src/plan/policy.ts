/**
 * CI policy: `--fail-above <amount>` (monthly delta in the output currency) and `--fail-above-percent <n>`.
 * A pure function of the diff; the CLI exits 2 when `breached`.
 */
import { dec, formatSignedMoney, type Decimal } from '../money/index.js';
import type { CostDiff } from './diff.js';

export interface Policy {
  readonly failAbove?: string;
  readonly failAbovePercent?: string;
}

export interface PolicyResult {
  readonly breached: boolean;
  readonly reasons: readonly string[];
}

export function evaluatePolicy(d: CostDiff, policy: Policy): PolicyResult {
  const reasons: string[] = [];
  const delta = d.delta.totalMonthlyCost;
  if (policy.failAbove !== undefined) {
    const limit = dec(policy.failAbove);
    if (delta.gt(limit)) reasons.push(`monthly cost delta ${formatSignedMoney(delta, d.currency)} is above --fail-above ${limit.toString()} ${d.currency}`);
  }
  if (policy.failAbovePercent !== undefined) {
    const limit = dec(policy.failAbovePercent);
    const pct: Decimal | null = d.delta.percent;
    if (pct !== null && pct.gt(limit)) reasons.push(`monthly cost delta ${pct.round(2).toString()} % is above --fail-above-percent ${limit.toString()} %`);
    if (pct === null && delta.gt(0)) reasons.push(`monthly cost grows from zero by ${formatSignedMoney(delta, d.currency)}: above --fail-above-percent ${limit.toString()} %`);
  }
  return { breached: reasons.length > 0, reasons };
}
