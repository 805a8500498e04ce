/**
 * Spend report renderers: table, markdown, csv, json. Tables round to cents when rendering;
 * CSV and JSON carry the exact decimals (strings in JSON, so no digit is lost to doubles).
 */
import { formatAmount } from '../money/index.js';
import { csvTable, markdownTable, textTable, type Column } from '../report/table.js';
import type { SpendReport } from './report.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown'];

const GROUP_TITLE: Record<SpendReport['groupBy'], string> = {
  env: 'Environment',
  app: 'Application',
  service: 'Service',
  account: 'Account',
  region: 'Region',
};

function heading(r: SpendReport): string {
  const by = r.tagKey ? `${GROUP_TITLE[r.groupBy].toLowerCase()} (tag "${r.tagKey}")` : GROUP_TITLE[r.groupBy].toLowerCase();
  const window =
    !r.from && !r.to
      ? 'all stored dates'
      : `${r.from || 'from the first stored day'} → ${r.to ? `${r.to} (exclusive)` : 'the last stored day'}`;
  return `Spend by ${by} and ${r.period} — ${r.currency}, ${r.basis} basis — ${window} — source: ${r.source}`;
}

function covered(r: SpendReport): string {
  return r.coverage ? `Data covers ${r.coverage.firstDay} to ${r.coverage.lastDay} (first and last day with charges, inclusive)` : 'No data in this window';
}

function columns(r: SpendReport): Column[] {
  const mark = (b: SpendReport['basis']): string => (r.basis === b ? ' *' : '');
  return [
    { header: GROUP_TITLE[r.groupBy] },
    { header: 'Period' },
    { header: `Billed (${r.currency})${mark('billed')}`, align: 'right' },
    { header: `Effective (${r.currency})${mark('effective')}`, align: 'right' },
    { header: `List (${r.currency})`, align: 'right' },
    { header: 'Records', align: 'right' },
  ];
}

function cells(r: SpendReport): string[][] {
  const body = r.rows.map((row) => [
    String(row[r.groupBy]),
    row.period,
    formatAmount(row.billedCost),
    formatAmount(row.effectiveCost),
    formatAmount(row.listCost),
    String(row.records),
  ]);
  body.push([
    'Total',
    '',
    formatAmount(r.totals.billedCost),
    formatAmount(r.totals.effectiveCost),
    formatAmount(r.totals.listCost),
    String(r.totals.records),
  ]);
  return body;
}

function footer(r: SpendReport): string[] {
  return [`* basis: ${r.basis === 'billed' ? 'billed cost (invoiced)' : 'effective cost (amortized commitments)'}`, ...r.notes];
}

export function renderSpendReports(reports: readonly SpendReport[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reports.length === 1 ? reports[0] : { mixedCurrencies: true, reports }, null, 2) + '\n';
    case 'csv': {
      const key = reports[0]?.groupBy ?? 'group';
      const rows = reports.flatMap((r) =>
        r.rows.map((row) => [
          String(row[r.groupBy]), row.period, r.currency, r.basis, row.billedCost, row.effectiveCost, row.listCost, row.records,
          r.from ?? '', r.to ?? '', r.coverage?.firstDay ?? '', r.coverage?.lastDay ?? '',
        ]),
      );
      const header = [key, 'period', 'currency', 'basis', 'billed_cost', 'effective_cost', 'list_cost', 'records'];
      return csvTable([...header, 'window_from', 'window_to_exclusive', 'data_first_day', 'data_last_day'], rows);
    }
    case 'markdown':
      if (reports.every((r) => r.currency === null)) return 'No spend stored for this window.\n';
      return reports
        .map((r) => `### ${heading(r)}\n\n${covered(r)}\n\n${markdownTable(columns(r), cells(r))}\n${footer(r).map((l) => `_${l}_`).join('  \n')}\n`)
        .join('\n');
    case 'table':
      if (reports.every((r) => r.currency === null)) return 'No spend stored for this window.\n';
      return reports.map((r) => `${heading(r)}\n${covered(r)}\n\n${textTable(columns(r), cells(r))}${footer(r).join('\n')}\n`).join('\n');
  }
}
