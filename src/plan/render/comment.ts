/**
 * The pull-request comment: headline, table sorted by absolute delta, collapsible component details,
 * findings, lists of what is not priced, assumptions, and the hidden marker used to find it again.
 */
import { markdownTable } from '../../report/table.js';
import type { CostDiff, ResourceDiff } from '../diff.js';
import { FINDING_TITLES, describeFinding } from '../findings.js';
import type { PolicyResult } from '../policy.js';
import { COMMENT_LIST_MAX, COMMENT_MAX_CHARS, fitCommentBody } from './comment-limit.js';
import { actionLabel, assumptionLines, budgetLine, byAbsoluteDelta, figure, headline, LOWER_BOUND_NOTE, money, quantity, resourceDelta, signed, totalText, unitPrice } from './format.js';

export const COMMENT_MARKER = '<!-- nuage-cost-diff -->';
export { COMMENT_MAX_CHARS } from './comment-limit.js';

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

/**
 * A Markdown code span showing `s` literally: fenced by more backticks than its longest run (GFM), padded
 * with a space when it starts or ends with one. A for_each key may hold backticks, `<` or `</details>`.
 */
export function codeSpan(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
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
    const rows = shown.map((r) => [codeSpan(r.address), actionLabel(r), figure(r.beforeMonthlyCost, r, c, 'before'), figure(r.afterMonthlyCost, r, c, 'after'), resourceDelta(r, c)]);
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
  const details = shown.length > 0 ? componentBlocks(shown, c) : [];
  const tail: string[] = [];
  if (d.findings.length > 0) {
    tail.push('**Warnings**', '');
    capped(d.findings, (f) => `- ${FINDING_TITLES[f.kind].title}: ${esc(describeFinding(f))}`, tail);
    tail.push('');
  }
  const notPriced = d.missingPrices.length + d.unknown.length + d.usageBased.length + d.unsupported.length;
  if (notPriced > 0) {
    tail.push(`<details><summary>Not in the totals (${notPriced})</summary>`, '');
    if (d.usageBased.length > 0) {
      tail.push('Usage-based (add values to `nuage-usage.yml`):', '');
      capped(d.usageBased, (u) => `- ${codeSpan(u.address)}: ${u.component} (${u.unit})`, tail);
      tail.push('');
    }
    if (d.missingPrices.length > 0) {
      tail.push('No price in the catalog:', '');
      capped(d.missingPrices, (m) => `- ${codeSpan(m.address)}: ${m.component} — ${m.price}`, tail);
      tail.push('');
    }
    if (d.unknown.length > 0) {
      tail.push('Unknown until apply, or not priced by nuage yet:', '');
      capped(d.unknown, (u) => `- ${codeSpan(u.address)}: ${u.component} — ${esc(u.reason ?? '')}`, tail);
      tail.push('');
    }
    if (d.unsupported.length > 0) {
      tail.push('Resource types not supported yet:', '');
      capped(d.unsupported, (u) => `- ${u.type} × ${u.count}`, tail);
      tail.push('');
    }
    tail.push('</details>', '');
  }
  tail.push(`<sub>${assumptionLines(d).join(' · ')}${d.free.length > 0 ? ` · Free resources: ${d.free.reduce((a, f) => a + f.count, 0)}` : ''} · nuage</sub>`, '');
  return fitLines(out, details, tail);
}

/** Each entry's line, at most COMMENT_LIST_MAX of them, then how many more there are. */
function capped<T>(items: readonly T[], line: (item: T) => string, into: string[]): void {
  const n = Math.min(items.length, COMMENT_LIST_MAX);
  for (let i = 0; i < n; i++) into.push(line(items[i]!));
  if (items.length > n) into.push(`- … and ${(items.length - n).toLocaleString('en-US')} more (all of them: \`nuage diff --format json\`)`);
}

/** The collapsible block of every shown resource's components, one entry (its lines) per resource. */
function componentBlocks(shown: readonly ResourceDiff[], c: CostDiff['currency']): string[][] {
  return shown.map((r) => [
    `#### ${codeSpan(r.address)} (${r.type}${r.region ? `, ${r.region}` : ''})`,
    '',
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
  ]);
}

const size = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

/**
 * head + the component details + tail within GitHub's limit: the details of as many resources as fit (the
 * largest deltas first), a note for the others; a comment still too long is cut (fitCommentBody).
 */
function fitLines(head: string[], details: readonly (readonly string[])[], tail: readonly string[]): string[] {
  const open = ['<details><summary>Cost components</summary>', ''];
  const close = ['</details>', ''];
  const budget = COMMENT_MAX_CHARS - size(head) - size(tail) - size(open) - size(close) - 300;
  const kept: string[] = [];
  let used = 0;
  let n = 0;
  for (; n < details.length; n++) {
    const s = size(details[n]!);
    if (used + s > budget) break;
    used += s;
    kept.push(...details[n]!);
  }
  if (details.length > 0) {
    const left = details.length - n;
    const note = left > 0 ? [`Components of ${left} more resource${left === 1 ? '' : 's'} left out to stay within GitHub's comment size limit (all of them: \`nuage diff --format json\`).`, ''] : [];
    head.push(...open, ...kept, ...note, ...close);
  }
  head.push(...tail);
  const body = head.join('\n');
  return body.length <= COMMENT_MAX_CHARS ? head : fitCommentBody(body).split('\n');
}

