/** The report's tables as plain cells, shared by the text-table and Markdown renderers. */
import { formatAmount, ZERO, type Decimal } from '../../money/index.js';
import type { Column } from '../../report/table.js';
import type { EstimateResult } from '../result.js';
import { amount, num, ratio } from './common.js';

export interface Section {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
}

const SYMBOL = { USD: '$', EUR: '€' } as const;

export function appsSection(r: EstimateResult): Section {
  const c = SYMBOL[r.currency];
  const cluster = r.strategy === 'cluster';
  const rows = r.apps.map((a) => [
    a.app,
    String(a.vmCount),
    a.peakCpuVcpu > 0 ? `${num(a.peakCpuGhz)}+${num(a.peakCpuVcpu, 1)}v` : num(a.peakCpuGhz),
    num(a.peakMemoryGiB),
    a.instanceType ?? 'not sized',
    cluster ? `${num(a.sharePercent ?? 0, 1)} %` : String(a.instanceCount),
    formatAmount(a.hourlyCost, 4),
    amount(a.monthlyCost),
  ]);
  const hourly = r.apps.reduce((s, a) => s.plus(a.hourlyCost), ZERO);
  const monthly = r.apps.reduce((s, a) => s.plus(a.monthlyCost), ZERO);
  rows.push(['Total (prod)', String(r.apps.reduce((s, a) => s + a.vmCount, 0)), '', '', '', '', formatAmount(hourly, 4), amount(monthly)]);
  return {
    title: 'Prod sizing per app (on-demand, all day at peak size)',
    columns: [
      { header: 'App' },
      { header: 'VMs', align: 'right' },
      { header: 'Peak GHz', align: 'right' },
      { header: 'Peak GiB', align: 'right' },
      { header: cluster ? 'Pool node' : 'Instance' },
      { header: cluster ? 'Share' : 'Count', align: 'right' },
      { header: `${c}/hour`, align: 'right' },
      { header: `${c}/month`, align: 'right' },
    ],
    rows,
  };
}

export function environmentsSection(r: EstimateResult): Section {
  const c = SYMBOL[r.currency];
  // With managed services or traffic, the month is split into compute, services and traffic.
  const split = r.services.length > 0 || r.traffic.length > 0;
  const parts = (e: EstimateResult['environments'][number]): string[] =>
    split ? [amount(e.computeMonthlyCost), amount(e.servicesMonthlyCost), amount(e.trafficMonthlyCost)] : [];
  const rows = r.environments.map((e) => [e.name, Number(e.ratio).toFixed(2), ...parts(e), amount(e.monthlyCost), amount(e.monthlyCost.times(12))]);
  const sumOf = (f: (e: EstimateResult['environments'][number]) => Decimal): string => amount(r.environments.reduce((t, e) => t.plus(f(e)), ZERO));
  const totals = split ? [sumOf((e) => e.computeMonthlyCost), sumOf((e) => e.servicesMonthlyCost), sumOf((e) => e.trafficMonthlyCost)] : [];
  rows.push(['Total', '', ...totals, amount(r.totalMonthlyCost), amount(r.totalYearlyCost)]);
  const right = (header: string): Column => ({ header, align: 'right' });
  return {
    title: 'Environments (ratio of prod)',
    columns: [
      { header: 'Environment' },
      right('Ratio'),
      ...(split ? [right('Compute'), right('Services'), right('Traffic')] : []),
      right(`${c}/month`),
      right(`${c}/year`),
    ],
    rows,
  };
}

export function scenariosSection(r: EstimateResult): Section {
  const c = SYMBOL[r.currency];
  const base = r.scenarios[0]?.totalMonthlyCost;
  const withOnprem = r.onpremMonthly !== undefined;
  const rows = r.scenarios.map((s) => {
    const vs = base && !base.eq(0) ? `${s.totalMonthlyCost.div(base).times(100).round(0).toString()} %` : '';
    return [s.title, amount(s.totalMonthlyCost), vs, ...(withOnprem ? [s.onpremRatio ? ratio(s.onpremRatio) : ''] : [])];
  });
  if (r.onpremMonthly) rows.push(['On-prem hosting today', amount(r.onpremMonthly), '', '1.00×']);
  return {
    title: 'Scenarios (all selected environments)',
    columns: [
      { header: 'Scenario' },
      { header: `${c}/month`, align: 'right' },
      { header: 'vs on-demand', align: 'right' },
      ...(withOnprem ? [{ header: 'vs on-prem', align: 'right' as const }] : []),
    ],
    rows,
  };
}

/** Per-environment cost of every scenario (wide: rendered in Markdown and CSV, not in the 100-column table). */
export function scenarioEnvironmentsSection(r: EstimateResult): Section {
  return {
    title: 'Scenarios per environment',
    columns: [{ header: 'Scenario' }, ...r.environments.map((e) => ({ header: e.name, align: 'right' as const })), { header: 'Total', align: 'right' }],
    rows: r.scenarios.map((s) => [s.name, ...s.environments.map((e) => amount(e.monthlyCost)), amount(s.totalMonthlyCost)]),
  };
}
