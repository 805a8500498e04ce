/**
 * CSV report: one row per app, per managed service and per app's traffic, a total row, one row per
 * scenario and one per skipped input row ("warning" rows first when invalid rows were left out); monthly cost per environment in
 * columns; every row repeats the facts (region, snapshot date, hours, currency, FX and date, headroom,
 * strategy) so a row copied elsewhere still says what it assumed. Amounts rounded to cents.
 */
import { toCents, type Decimal } from '../../money/index.js';
import { csvTable } from '../../report/table.js';
import type { EstimateResult } from '../result.js';
import { rowWhere } from '../inventory/row-text.js';
import { serviceLabel, trafficText } from './services.js';

export function estimateCsv(r: EstimateResult): string {
  const envNames = r.environments.map((e) => e.name);
  const facts = [r.currency, r.region, r.pricesAsOf, r.priceDates.summary, r.hoursPerMonth, r.fx.usdToEur, r.fx.asOf, r.headroomPct, r.strategy];
  const envCells = (costs: readonly Decimal[]): string[] => costs.map(toCents);
  const rows: (string | number | null)[][] = r.apps.map((a) => [
    'app',
    a.app,
    '',
    a.vmCount,
    Number(a.peakCpuGhz.toFixed(3)),
    Number(a.peakMemoryGiB.toFixed(3)),
    a.instanceType,
    Number(a.instanceCount.toFixed(4)),
    a.usdPerHourEach,
    a.hourlyCost.round(4).toFixed(4),
    ...envCells(r.environments.map((e) => a.monthlyCost.times(e.ratio))),
    toCents(r.environments.reduce((t, e) => t.plus(a.monthlyCost.times(e.ratio)), a.monthlyCost.times(0))),
    ...facts,
  ]);
  const line = (row: string, name: string, spec: string, monthly: Decimal): (string | number | null)[] => [
    row,
    name,
    spec,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    ...envCells(r.environments.map((e) => monthly.times(e.ratio))),
    toCents(r.environments.reduce((t, e) => t.plus(monthly.times(e.ratio)), monthly.times(0))),
    ...facts,
  ];
  for (const s of r.services) rows.push(line('service', `${s.app}/${serviceLabel(s)}`, s.spec, s.monthlyCost));
  for (const t of r.traffic) rows.push(line('traffic', t.app, trafficText(t), t.monthlyCost));
  const hourly = r.apps.reduce((t, a) => t.plus(a.hourlyCost), r.totalMonthlyCost.times(0));
  rows.push(['total', 'all apps', '', r.apps.reduce((t, a) => t + a.vmCount, 0), '', '', '', '', '', hourly.round(4).toFixed(4), ...envCells(r.environments.map((e) => e.monthlyCost)), toCents(r.totalMonthlyCost), ...facts]);
  for (const s of r.scenarios) {
    rows.push(['scenario', s.name, '', '', '', '', '', '', '', '', ...envCells(s.environments.map((e) => e.monthlyCost)), toCents(s.totalMonthlyCost), ...facts]);
  }
  // Rows not estimated: name = where (file, row, field, VM), spec = why; no cost.
  const blank = Array.from({ length: 7 + envNames.length + 1 }, () => '');
  for (const s of r.skipped) rows.push(['skipped', `${rowWhere(s)}${s.vm ? ` (${s.vm})` : ''}`, `${s.reason}: ${s.detail}`, ...blank, ...facts]);
  // Warnings first, so they are the first thing read.
  rows.unshift(...r.warnings.map((w) => ['warning', w, '', ...blank, ...facts]));
  const headers = [
    'row',
    'name',
    'spec',
    'vm_count',
    'peak_cpu_ghz',
    'peak_memory_gib',
    'instance_type',
    'instance_count',
    'usd_per_hour_each',
    'hourly_cost_prod',
    ...envNames.map((n) => `monthly_cost_${n}`),
    'monthly_cost_total',
    'currency',
    'region',
    'prices_as_of',
    'price_dates',
    'hours_per_month',
    'usd_to_eur',
    'fx_as_of',
    'headroom_pct',
    'strategy',
  ];
  return csvTable(headers, rows);
}
