/**
 * `nuage prices`: the view of one instance type in one region (specs and every known price with its basis
 * and date) and its text rendering. Prices are shown exactly as the catalog holds them (USD, not rounded).
 */
import type { TypeInRegion } from '../catalog/lookup.js';
import type { PriceBasis } from '../catalog/types.js';
import { textTable } from './table.js';
import { wrap } from './wrap.js';

export interface ReservedView {
  readonly term: string;
  readonly offeringClass: string;
  readonly paymentOption: string;
  /** One-time fee, USD. */
  readonly upfront: number;
  /** Recurring USD/h. */
  readonly hourly: number;
  /** Upfront spread over the term + hourly, USD/h. */
  readonly effectiveHourly: number;
  readonly basis: PriceBasis;
  readonly splitBasis?: PriceBasis;
}

export interface SpotView {
  readonly savingsPercent: number | null;
  /** Spot Instance Advisor interruption-frequency range, e.g. "5-10%". */
  readonly interruptionBucket: string | null;
  /** Representative spot USD/h across availability zones (see priceBasis.method). */
  readonly averageHourly: number | null;
  readonly byZone: Readonly<Record<string, number>>;
  readonly advisorBasis: PriceBasis | null;
  readonly priceBasis: PriceBasis | null;
}

export interface PricesView {
  readonly instanceType: string;
  readonly region: string;
  readonly family: string;
  readonly generation: number;
  readonly size: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly arch: string;
  readonly cpuManufacturer: string;
  readonly sustainedClockGhz: number | null;
  readonly burstable: boolean;
  readonly bareMetal: boolean;
  readonly currentGeneration: boolean;
  readonly networkBandwidthMbps: number | null;
  readonly gpuCount: number;
  readonly currency: 'USD';
  /** On-demand Linux USD/h; null when no source prices it. */
  readonly onDemandHourly: number | null;
  /** Date of the on-demand price. */
  readonly pricesAsOf: string | null;
  /** Basis of the on-demand price. */
  readonly basis: PriceBasis | null;
  readonly reserved: readonly ReservedView[];
  readonly spot: SpotView | null;
}

export function pricesView({ spec, prices }: TypeInRegion): PricesView {
  const s = prices.spot;
  return {
    instanceType: spec.instanceType,
    region: prices.region,
    family: spec.family,
    generation: spec.generation,
    size: spec.size,
    vcpu: spec.vcpu,
    memoryGiB: spec.memoryGiB,
    arch: spec.arch,
    cpuManufacturer: spec.cpuManufacturer,
    sustainedClockGhz: spec.sustainedClockGhz,
    burstable: spec.burstable,
    bareMetal: spec.bareMetal,
    currentGeneration: spec.currentGeneration,
    networkBandwidthMbps: spec.networkBandwidthMbps,
    gpuCount: spec.gpuCount,
    currency: prices.currency,
    onDemandHourly: prices.onDemand ? Number(prices.onDemand.usdPerHour) : null,
    pricesAsOf: prices.onDemand?.basis.asOf ?? null,
    basis: prices.onDemand?.basis ?? null,
    reserved: prices.reserved.map((r) => ({
      term: r.term,
      offeringClass: r.offeringClass,
      paymentOption: r.paymentOption,
      upfront: Number(r.upfrontUsd),
      hourly: Number(r.usdPerHour),
      effectiveHourly: Number(r.effectiveUsdPerHour),
      basis: r.basis,
      ...(r.splitBasis ? { splitBasis: r.splitBasis } : {}),
    })),
    spot: s
      ? {
          savingsPercent: s.savingsPercent ?? null,
          interruptionBucket: s.interruptionBucket?.label ?? null,
          averageHourly: s.averageUsdPerHour !== undefined ? Number(s.averageUsdPerHour) : null,
          byZone: Object.fromEntries(Object.entries(s.byZone ?? {}).map(([z, usd]) => [z, Number(usd)])),
          advisorBasis: s.advisorBasis ?? null,
          priceBasis: s.priceBasis ?? null,
        }
      : null,
  };
}

/** Numbers footnotes: each distinct estimate method once. */
class Notes {
  readonly list: string[] = [];
  ref(b: PriceBasis | null | undefined): string {
    if (!b?.method) return '';
    let i = this.list.indexOf(b.method);
    if (i < 0) i = this.list.push(b.method) - 1;
    return ` [${i + 1}]`;
  }
}

function basisText(b: PriceBasis | null | undefined, notes: Notes): string {
  return b ? `${b.kind} ${b.source} ${b.asOf}${notes.ref(b)}` : '';
}

export function renderPricesTable(v: PricesView): string {
  const notes = new Notes();
  const specs = [
    `${v.vcpu} vCPU`,
    `${Number(v.memoryGiB.toFixed(2))} GiB`,
    `${v.arch} (${v.cpuManufacturer})`,
    v.sustainedClockGhz !== null ? `sustained clock ${v.sustainedClockGhz} GHz` : 'sustained clock unknown',
    v.currentGeneration ? 'current generation' : 'previous generation',
    ...(v.burstable ? ['burstable'] : []),
    ...(v.bareMetal ? ['bare metal'] : []),
    ...(v.gpuCount > 0 ? [`${v.gpuCount} GPU`] : []),
    ...(v.networkBandwidthMbps !== null ? [`network ${v.networkBandwidthMbps} Mbps`] : []),
  ];
  const rows: string[][] = [];
  rows.push(['on-demand', '', v.onDemandHourly !== null ? String(v.onDemandHourly) : 'no price', v.onDemandHourly !== null ? String(v.onDemandHourly) : '', basisText(v.basis, notes)]);
  for (const r of v.reserved) {
    const split = r.splitBasis ? `; split ${r.splitBasis.kind}${notes.ref(r.splitBasis)}` : '';
    rows.push([`reserved ${r.term} ${r.offeringClass} ${r.paymentOption}`, String(r.upfront), String(r.hourly), String(r.effectiveHourly), basisText(r.basis, notes) + split]);
  }
  if (v.spot?.averageHourly != null) rows.push(['spot', '', String(v.spot.averageHourly), String(v.spot.averageHourly), basisText(v.spot.priceBasis, notes)]);
  const out = [
    `${v.instanceType} in ${v.region} — Linux, shared tenancy, USD; ${v.pricesAsOf ? `on-demand as of ${v.pricesAsOf}` : 'no on-demand price in the sources'}`,
    `specs: ${specs.join(', ')}`,
    '',
    textTable(
      [{ header: 'price' }, { header: 'upfront', align: 'right' }, { header: 'hourly', align: 'right' }, { header: 'effective/h', align: 'right' }, { header: 'basis' }],
      rows,
    ).trimEnd(),
  ];
  if (v.reserved.length === 0) out.push('reserved: no rate known');
  if (v.spot) {
    const advisor =
      v.spot.savingsPercent !== null
        ? `spot advisor: ${v.spot.savingsPercent} % below on-demand, interruption ${v.spot.interruptionBucket ?? 'n/a'} (${basisText(v.spot.advisorBasis, notes)})`
        : 'spot advisor: no entry';
    out.push(advisor);
    const zones = Object.entries(v.spot.byZone);
    if (zones.length > 0) out.push(`spot by zone: ${zones.map(([z, usd]) => `${z} ${usd}`).join(', ')}`);
  } else out.push('spot: no data');
  if (notes.list.length > 0) out.push('', 'methods:', ...notes.list.flatMap((m, i) => wrap(`[${i + 1}] ${m}`, 100, '    ')));
  return out.join('\n') + '\n';
}
