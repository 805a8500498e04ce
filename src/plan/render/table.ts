/** Text and Markdown tables of the cost diff (and of the breakdown: the after side alone). */
import { writeMarkdownTable, writeTextTable, type Column } from '../../report/table.js';
import type { CostDiff } from '../diff.js';
import { describeFinding } from '../findings.js';
import { actionLabel, assumptionLines, breakdownTitle, budgetLine, deltaTotalText, figuresOf, hasStarredFigure, headline, LOWER_BOUND_NOTE, money, percent } from './format.js';
import { wrap } from '../../report/wrap.js';

const TEXT_WIDTH = 100;

export type TableStyle = 'text' | 'markdown';

const DIFF_COLUMNS: Column[] = [
  { header: 'Resource / component' },
  { header: 'Action' },
  { header: 'Quantity / month', align: 'right' },
  { header: 'Unit price', align: 'right' },
  { header: 'Before', align: 'right' },
  { header: 'After', align: 'right' },
  { header: 'Delta', align: 'right' },
];

const BREAKDOWN_COLUMNS: Column[] = [
  { header: 'Resource / component' },
  { header: 'Quantity / month', align: 'right' },
  { header: 'Unit price', align: 'right' },
  { header: 'Monthly cost', align: 'right' },
];

function rows(d: CostDiff, breakdown: boolean, style: TableStyle): string[][] {
  const c = d.currency;
  const f = figuresOf(c);
  const indent = style === 'text' ? '  ' : '↳ ';
  const out: string[][] = [];
  for (let i = 0; i < d.resources.length; i++) {
    const r = d.resources[i]!;
    out.push(
      breakdown
        ? [r.address, '', '', f.figure(r.afterMonthlyCost, r, 'after')]
        : [r.address, actionLabel(r), '', '', f.figure(r.beforeMonthlyCost, r, 'before'), f.figure(r.afterMonthlyCost, r, 'after'), f.delta(r)],
    );
    for (let j = 0; j < r.components.length; j++) {
      const comp = r.components[j]!;
      const q = f.quantity(comp.monthlyQuantity, comp.unit, comp.status);
      const p = f.unitPrice(comp.unitPrice);
      const status = comp.status === 'priced' ? '' : ` [${comp.status}]`;
      out.push(
        breakdown
          ? [`${indent}${comp.name}${status}`, q, p, f.money(comp.afterMonthlyCost)]
          : [`${indent}${comp.name}${status}`, '', q, p, f.money(comp.beforeMonthlyCost), f.money(comp.afterMonthlyCost), ''],
      );
    }
  }
  const pct = d.delta.percent !== null ? ` (${percent(d.delta.percent)})` : '';
  const total = (t: CostDiff['after']): string => `${money(t.totalMonthlyCost, c)}${t.complete ? '' : '*'}`;
  out.push(breakdown ? ['Total', '', '', total(d.after)] : ['Total', '', '', '', total(d.before), total(d.after), `${deltaTotalText(d)}${pct}`]);
  return out;
}

/** Lists of what is not in the totals, and findings: one line each. */
export function notPricedLines(d: CostDiff): string[] {
  const out: string[] = [];
  for (const m of d.missingPrices) out.push(`No price: ${m.address} — ${m.component} (${m.price})`);
  for (const u of d.unknown) out.push(`Unknown or not priced: ${u.address} — ${u.component} (${u.reason ?? ''})`);
  for (const u of d.usageBased) out.push(`Usage-based (no value in the usage file): ${u.address} — ${u.component} (${u.unit})`);
  for (const u of d.unsupported) out.push(`Not supported yet: ${u.type} × ${u.count}`);
  return out;
}

export function renderTable(d: CostDiff, style: TableStyle, breakdown = false): string {
  return tableLines(d, style, breakdown).join('\n');
}

/** The lines of `renderTable` (the last one empty: the text ends with a line break). */
export function tableLines(d: CostDiff, style: TableStyle, breakdown = false): string[] {
  const out: string[] = [];
  writeTable(d, style, breakdown, (line) => void out.push(line));
  return out;
}

/**
 * `tableLines`, each line handed to `emit` as it is made (a large plan's table is written as it renders);
 * text table lines as pieces through `emit.parts` when given.
 */
export function writeTable(d: CostDiff, style: TableStyle, breakdown: boolean, emit: ((line: string) => void) & { parts?: (parts: readonly string[], count: number) => void }): void {
  const title = breakdown ? breakdownTitle(d) : headline(d);
  const bullet = style === 'text' ? '' : '- ';
  emit(style === 'text' ? title : `### ${title}`);
  emit('');
  const columns = breakdown ? BREAKDOWN_COLUMNS : DIFF_COLUMNS;
  if (style === 'text') writeTextTable(columns, rows(d, breakdown, style), emit, emit.parts);
  else writeMarkdownTable(columns, rows(d, breakdown, style), emit);
  // Notes under the table: wrapped at 100 columns in text (the table itself is as wide as its addresses).
  const block = (lines: readonly string[]): void => {
    emit('');
    for (const line of style === 'text' ? lines.flatMap((l) => wrap(l, TEXT_WIDTH, '  ')) : lines) emit(line);
  };
  if (hasStarredFigure(d, d.resources)) block([`${style === 'text' ? '' : '\\'}${LOWER_BOUND_NOTE}`]);
  const notPriced = notPricedLines(d);
  if (notPriced.length > 0) block(notPriced.map((l) => bullet + l));
  if (d.free.length > 0) block([`${bullet}Free: ${d.free.map((f) => `${f.type} × ${f.count}`).join(', ')}`]);
  const budget = budgetLine(d);
  if (budget) block([`${bullet}${budget}`]);
  if (d.findings.length > 0) block(d.findings.map((f) => `${bullet}Warning: ${describeFinding(f)}`));
  block(assumptionLines(d).map((l) => bullet + l));
  emit('');
}
