/**
 * CI policy: `--fail-above <amount>` (monthly delta in the output currency) and `--fail-above-percent <n>`.
 * A pure function of the diff; the CLI exits 2 when `breached`.
 *
 * The delta leaves out what is not priced (completeness.ts). A breach or a pass that this could overturn
 * says so: a breach of an upper bound or of a delta whose direction is unknown names what is left out; a
 * pass of a lower bound (or of an unknown direction) is a pass with a warning, not a breach: nuage cannot
 * tell, and failing every plan that touches an unpriced resource would make the check useless. Add usage
 * values or price overrides to make the figure complete.
 *
 * The figure compared with a limit is the figure the report shows: the delta in cents, the percentage to
 * 0.01 %. A delta shown as +€15.93 is not above --fail-above 15.93 (its 15.93133… is an artefact of the FX
 * conversion, not a cost the user can see or set a limit on).
 */
import { dec, formatSignedMoney, roundTo, type Decimal } from '../money/index.js';
import { leftOutText } from './completeness.js';
import type { CostDiff } from './diff.js';

export interface Policy {
  readonly failAbove?: string;
  readonly failAbovePercent?: string;
}

export interface PolicyResult {
  readonly breached: boolean;
  readonly reasons: readonly string[];
  /** Limits met by a delta that may be higher than shown (what is not priced is left out). */
  readonly warnings: readonly string[];
}

export function evaluatePolicy(d: CostDiff, policy: Policy): PolicyResult {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const delta = d.delta.totalMonthlyCost;
  const bound = d.delta.bound;
  const leftOut = leftOutText(d.incomplete);
  // "at least +€7.27", "at most +€7.27", "+€7.27 (priced components only)".
  const shown = (figure: string): string =>
    bound === 'lower' ? `at least ${figure}` : bound === 'upper' ? `at most ${figure}` : bound === 'unknown' ? `${figure} (priced components only)` : figure;
  const caveat = bound === 'exact' ? '' : `; not priced, so not in it: ${leftOut}`;
  // A pass can be overturned by what is left out unless the delta is exact or an upper bound.
  const mayBeHigher = bound === 'lower' || bound === 'unknown';
  if (policy.failAbove !== undefined) {
    const limit = dec(policy.failAbove);
    const what = `monthly cost delta ${shown(formatSignedMoney(delta, d.currency))}`;
    const rule = `--fail-above ${limit.toString()} ${d.currency}`;
    if (roundTo(delta, 2).gt(limit)) reasons.push(`${what} is above ${rule}${caveat}`);
    else if (mayBeHigher) warnings.push(`${what} is within ${rule}, but the real delta may be higher${caveat}`);
  }
  if (policy.failAbovePercent !== undefined) {
    const limit = dec(policy.failAbovePercent);
    const rule = `--fail-above-percent ${limit.toString()} %`;
    const pct: Decimal | null = d.delta.percent;
    if (pct !== null) {
      const shownPct = roundTo(pct, 2);
      const what = `monthly cost delta ${shown(`${shownPct.toString()} %`)}`;
      if (shownPct.gt(limit)) reasons.push(`${what} is above ${rule}${caveat}`);
      else if (mayBeHigher) warnings.push(`${what} is within ${rule}, but the real delta may be higher${caveat}`);
    } else if (roundTo(delta, 2).gt(0)) {
      reasons.push(`monthly cost grows from zero by ${shown(formatSignedMoney(delta, d.currency))}: above ${rule}${caveat}`);
    } else if (mayBeHigher) {
      warnings.push(`monthly cost stays at zero on the priced components (${rule} not breached), but the real cost may grow${caveat}`);
    }
  }
  return { breached: reasons.length > 0, reasons, warnings };
}
