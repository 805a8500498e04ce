/**
 * The pull-request comment: headline, table sorted by absolute delta, collapsible component details,
 * findings, lists of what is not priced, assumptions, and the hidden marker used to find it again.
 */
import { markdownTable } from '../../report/table.js';
import type { CostDiff } from '../diff.js';
import { FINDING_TITLES, describeFinding } from '../findings.js';
import type { PolicyResult } from '../policy.js';
import { actionLabel, assumptionLines, budgetLine, byAbsoluteDelta, figure, headline, LOWER_BOUND_NOTE, money, quantity, resourceDelta, signed, totalText, unitPrice } from './format.js';

export const COMMENT_MARKER = '<!-- nuage-cost-diff -->';

/** The marker line, optionally keyed by project so several stacks can each keep one comment on a PR. */
export function commentMarker(projectKey?: string): string {
  return projectKey ? `<!-- nuage-cost-diff:${projectKey.replace(/-->/g, '')} -->` : COMMENT_MARKER;
}

export interface CommentOptions {
  readonly project?: string;
  readonly policy?: PolicyResult;
  /** Show at most this many resources in the main table (the rest are summed in a last row). */
  readonly maxRows?: number;
}

const esc = (s: string): string => s.replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'));

export function renderComment(d: CostDiff, opts: CommentOptions = {}): string {
  return commentLines(d, opts).join('\n');
}

/** The lines of `renderComment`. */
export function commentLines(d: CostDiff, opts: CommentOptions = {}): string[] {
  const c = d.currency;
  const out: string[] = [commentMarker(opts.project), ''];
  out.push(`## ${opts.project ? `${esc(opts.project)}: ` : ''}${headline(d)}`, '');
  out.push(`**${totalText(d.before, c)} → ${totalText(d.after, c)}** per month`, '');
  const budget = budgetLine(d);
  if (budget) out.push(`${d.budget && d.budget.overBudget.gt(0) ? '**Over budget.** ' : ''}${budget}`, '');
  if (opts.policy?.breached) out.push(...opts.policy.reasons.map((r) => `> **Policy:** ${r}`), '');
  if (opts.policy && opts.policy.warnings.length > 0) out.push(...opts.policy.warnings.map((w) => `> **Policy warning:** ${w}`), '');
  const sorted = byAbsoluteDelta(d.resources).filter((r) => !r.deltaMonthlyCost.eq(0) || r.action !== 'no-op');
  const max = opts.maxRows ?? 50;
  const shown = sorted.slice(0, max);
  if (shown.length > 0) {
    const rows = shown.map((r) => [`\`${r.address}\``, actionLabel(r), figure(r.beforeMonthlyCost, r, c, 'before'), figure(r.afterMonthlyCost, r, c, 'after'), resourceDelta(r, c)]);
    if (sorted.length > max) {
      const rest = sorted.slice(max);
      const restDelta = rest.reduce((acc, r) => acc.plus(r.deltaMonthlyCost), d.delta.totalMonthlyCost.times(0));
      rows.push([`${rest.length} more resources`, '', '', '', signed(restDelta, c)]);
    }
    out.push(
      markdownTable(
        [{ header: 'Resource' }, { header: 'Action' }, { header: 'Before', align: 'right' }, { header: 'After', align: 'right' }, { header: 'Delta', align: 'right' }],
        rows,
      ).trimEnd(),
      '',
    );
    if (shown.some((r) => r.incomplete)) out.push(`\\${LOWER_BOUND_NOTE}`, '');
  } else {
    out.push('No priced resource changes.', '');
  }
  if (shown.length > 0) {
    out.push('<details><summary>Cost components</summary>', '');
    for (const r of shown) {
      out.push(`#### \`${r.address}\` (${r.type}${r.region ? `, ${r.region}` : ''})`, '');
      out.push(
        markdownTable(
          [{ header: 'Component' }, { header: 'Quantity / month', align: 'right' }, { header: 'Unit price', align: 'right' }, { header: 'Before', align: 'right' }, { header: 'After', align: 'right' }],
          r.components.map((comp) => [
            `${comp.name}${comp.status === 'priced' ? '' : ` (${comp.status})`}${comp.note ? ` — ${comp.note}` : ''}`,
            quantity(comp.monthlyQuantity, comp.unit, comp.status),
            unitPrice(comp.unitPrice, c),
            money(comp.beforeMonthlyCost, c),
            money(comp.afterMonthlyCost, c),
          ]),
        ).trimEnd(),
        '',
      );
    }
    out.push('</details>', '');
  }
  if (d.findings.length > 0) {
    out.push('**Warnings**', '');
    for (const f of d.findings) out.push(`- ${FINDING_TITLES[f.kind].title}: ${esc(describeFinding(f))}`);
    out.push('');
  }
  const notPriced = d.missingPrices.length + d.unknown.length + d.usageBased.length + d.unsupported.length;
  if (notPriced > 0) {
    out.push(`<details><summary>Not in the totals (${notPriced})</summary>`, '');
    if (d.usageBased.length > 0) {
      out.push('Usage-based (add values to `nuage-usage.yml`):', '');
      for (const u of d.usageBased) out.push(`- \`${u.address}\`: ${u.component} (${u.unit})`);
      out.push('');
    }
    if (d.missingPrices.length > 0) {
      out.push('No price in the catalog:', '');
      for (const m of d.missingPrices) out.push(`- \`${m.address}\`: ${m.component} — ${m.price}`);
      out.push('');
    }
    if (d.unknown.length > 0) {
      out.push('Unknown until apply, or not priced by nuage yet:', '');
      for (const u of d.unknown) out.push(`- \`${u.address}\`: ${u.component} — ${esc(u.reason ?? '')}`);
      out.push('');
    }
    if (d.unsupported.length > 0) {
      out.push('Resource types not supported yet:', '');
      for (const u of d.unsupported) out.push(`- ${u.type} × ${u.count}`);
      out.push('');
    }
    out.push('</details>', '');
  }
  out.push(`<sub>${assumptionLines(d).join(' · ')}${d.free.length > 0 ? ` · Free resources: ${d.free.reduce((a, f) => a + f.count, 0)}` : ''} · nuage</sub>`, '');
  return out;
}
