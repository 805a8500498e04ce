/**
 * Budget vs actual vs forecast renderers (table, markdown, csv, json). Tables round to cents;
 * JSON and CSV keep exact month-to-date figures.
 */
import { formatAmount } from '../money/index.js';
import { csvTable, markdownTable, textTable, type Column } from '../report/table.js';
import type { BudgetReport, BudgetRow } from './budget-report.js';
import type { OutputFormat } from './render-report.js';

const STATUS: Record<BudgetRow['status'], string> = { over: 'OVER', under: 'under', 'no budget': '—' };

function heading(r: BudgetReport): string[] {
  return [
    `Budget vs actual vs forecast — ${r.month} as of ${r.asOf} — ${r.currency}, ${r.basis} basis — environments from tag "${r.tagKey}"`,
    `Budget: ${r.budgetSource}${r.fx ? ` (converted: ${r.fx})` : ''} — actuals: ${r.dataSource}`,
  ];
}

function columns(r: BudgetReport, withCe: boolean): Column[] {
  return [
    { header: 'Environment' },
    { header: `Budget (${r.currency})`, align: 'right' },
    { header: 'Month to date', align: 'right' },
    { header: 'Projected', align: 'right' },
    ...(withCe ? [{ header: 'CE forecast', align: 'right' } as Column] : []),
    { header: 'Variance', align: 'right' },
    { header: 'Var %', align: 'right' },
    { header: 'Status' },
  ];
}

function money(v: string | null): string {
  return v === null ? '—' : formatAmount(v);
}

function cells(r: BudgetReport, withCe: boolean): string[][] {
  const body = r.rows.map((row) => [
    row.environment,
    money(row.budget),
    money(row.monthToDate),
    money(row.projected),
    ...(withCe ? [money(row.ceForecast)] : []),
    row.variance === null ? '—' : `${row.variance.startsWith('-') ? '' : '+'}${formatAmount(row.variance)}`,
    row.variancePct === null ? '—' : `${row.variancePct.startsWith('-') ? '' : '+'}${row.variancePct}%`,
    STATUS[row.status] + (row.overAlready ? ' (already)' : ''),
  ]);
  body.push([
    'Total',
    money(r.totals.budget),
    money(r.totals.monthToDate),
    money(r.totals.projected),
    ...(withCe ? [money(r.totals.ceForecast)] : []),
    `${r.totals.variance.startsWith('-') ? '' : '+'}${formatAmount(r.totals.variance)}`,
    '',
    STATUS[r.totals.status],
  ]);
  return body;
}

export function renderBudgetReport(r: BudgetReport, format: OutputFormat): string {
  const withCe = r.totals.ceForecast !== null || r.rows.some((row) => row.ceForecast !== null);
  switch (format) {
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'csv':
      return csvTable(
        ['environment', 'currency', 'budget', 'month_to_date', 'projected', 'ce_forecast', 'variance', 'variance_pct', 'status'],
        r.rows.map((row) => [row.environment, r.currency, row.budget, row.monthToDate, row.projected, row.ceForecast, row.variance, row.variancePct, row.status]),
      );
    case 'markdown':
      return `### ${heading(r)[0]}\n\n_${heading(r)[1]}_\n\n${markdownTable(columns(r, withCe), cells(r, withCe))}${r.notes.map((n) => `\n_${n}_`).join('')}\n`;
    case 'table':
      return `${heading(r).join('\n')}\n\n${textTable(columns(r, withCe), cells(r, withCe))}${r.notes.map((n) => `${n}\n`).join('')}`;
  }
}
