/** The "Managed services and traffic" part of the reports: one table and the component lines behind it. */
import { formatAmount, formatMoney, ZERO, type Decimal } from '../../money/index.js';
import type { Column } from '../../report/table.js';
import type { ComponentResult, EstimateResult, ServiceResult, TrafficResult } from '../result.js';
import { amount } from './common.js';
import type { Section } from './sections.js';

const SYMBOL = { USD: '$', EUR: '€' } as const;

export function hasServiceLines(r: EstimateResult): boolean {
  return r.services.length > 0 || r.traffic.length > 0;
}

export const serviceLabel = (s: Pick<ServiceResult, 'kind' | 'name'>): string => `${s.kind}${s.name ? ` ${s.name}` : ''}`;

const gb = (n: number): string => formatAmount(n, n % 1 === 0 ? 0 : 2);

export function trafficText(t: Pick<TrafficResult, 'internetEgressGb' | 'interAzGb'>): string {
  const parts = [];
  if (t.internetEgressGb > 0) parts.push(`${gb(t.internetEgressGb)} GB to the internet`);
  if (t.interAzGb > 0) parts.push(`${gb(t.interAzGb)} GB across AZs`);
  return parts.join(', ');
}

const lowerBound = (complete: boolean): string => (complete ? '' : '*');

export function servicesSection(r: EstimateResult): Section {
  const c = SYMBOL[r.currency];
  const rows: string[][] = [
    ...r.services.map((s) => [s.app, serviceLabel(s), s.spec, `${amount(s.monthlyCost)}${lowerBound(s.complete)}`]),
    ...r.traffic.map((t) => [t.app, 'traffic', trafficText(t), `${amount(t.monthlyCost)}${lowerBound(t.complete)}`]),
  ];
  rows.push(['Total (prod)', '', '', amount(r.servicesMonthlyCost.plus(r.trafficMonthlyCost))]);
  const columns: Column[] = [{ header: 'App' }, { header: 'Service' }, { header: 'Spec / traffic' }, { header: `${c}/month`, align: 'right' }];
  return { title: 'Managed services and traffic (prod, on-demand)', columns, rows };
}

function quantity(q: Decimal | null, unit: string): string {
  if (q === null) return `? ${unit}`;
  const places = q.eq(q.round(0)) ? 0 : q.abs().lt(1) ? 6 : 2;
  return `${formatAmount(q, places)} ${unit}`;
}

/** "Database instance (…): 730 hours × $0.395664 = €247.93 [estimate]" — or why it has no cost. */
export function componentLine(r: EstimateResult, comp: ComponentResult): string {
  const basis = comp.basis?.kind === 'estimate' ? ' [estimate]' : '';
  const note = comp.note ? ` (${comp.note})` : '';
  switch (comp.status) {
    case 'priced':
      return `${comp.name}: ${quantity(comp.monthlyQuantity, comp.unit)} × $${comp.unitPriceUsd ?? '0'} = ${formatMoney(comp.monthlyCost ?? ZERO, r.currency)}${basis}${note}`;
    case 'usage-based':
      return `${comp.name}: not given in the spec, not counted${note}`;
    case 'missing-price':
      return `${comp.name}: ${quantity(comp.monthlyQuantity, comp.unit)}, no price in the catalog (${comp.price}), not counted${note}`;
    case 'unknown':
      return `${comp.name}: quantity or price unknown (${comp.price}), not counted${note}`;
  }
}

/** Every component of every service and app traffic, as text lines (bullets). */
export function componentLines(r: EstimateResult): string[] {
  const out: string[] = [];
  for (const s of r.services) for (const comp of s.components) out.push(`${s.app} · ${serviceLabel(s)} · ${componentLine(r, comp)}`);
  for (const t of r.traffic) for (const comp of t.components) out.push(`${t.app} · traffic · ${componentLine(r, comp)}`);
  return out;
}

/** The conventions every report states when it has services or traffic. */
export const SERVICES_CONVENTIONS =
  'On-demand list prices in every scenario (no reserved or spot discount, not scaled by the load profile); ' +
  'other environments take their ratio of prod; free tiers are not deducted; internet egress tiers apply to the ' +
  'total of all apps, each app carrying its share; each GB across AZs is billed out and in (2 × the per-GB price). ' +
  '* = a lower bound: some component has no quantity or no price (see "Not priced").';

/** "Not priced (no cost counted): api · rds x · Storage (unknown); …", or undefined when everything is priced. */
export function notPricedLine(r: EstimateResult): string | undefined {
  if (r.notPriced.length === 0) return undefined;
  return `Not priced (no cost counted): ${r.notPriced.map((n) => `${n.app} · ${n.item} · ${n.component} (${n.status})`).join('; ')}`;
}
