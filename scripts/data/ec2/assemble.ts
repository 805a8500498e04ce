/**
 * Pure assembly of the EC2 snapshot from parsed sources: on-demand precedence, instance facts, reserved
 * (exact or estimated), spot; then the compact files of snapshot-format.ts, counts and notes.
 */
import { RESERVED_ORDER, SNAPSHOT_FORMAT, type ReservedCell, SPEC_COLUMNS, type CatalogFile, type PriceRow, type RegionFile, type SpecRow, type SpotCell, type TypesFile } from '../../../src/catalog/snapshot-format.js';
import type { InstanceTypeSpec } from '../../../src/catalog/types.js';
import { BasisTable } from './bases.js';
import type { Ec2InstancesPrice } from './ec2instances.js';
import { chooseOnDemand, type DatedSource, type OnDemandTable } from './on-demand.js';
import { RatioTables } from './reserved-ratios.js';
import { reservedFor, type Valued } from './reserved.js';
import { splitReserved, type PartialSplit } from '../../../src/catalog/reserved-split.js';
import { dec } from '../../../src/money/index.js';
import type { SkyPilotOffer } from './skypilot.js';
import { buildSpecs, currentGenerationRule, type SpecInputs } from './specs.js';
import type { SpotAdvisor } from './spot-advisor.js';
import { spotFor, type PlannedSpot } from './spot.js';
import type { LeanerCloudPrice } from './price-list-2023.js';

export interface Ec2Inputs extends SpecInputs {
  readonly karpenterPrices: OnDemandTable;
  readonly skypilotSource: DatedSource;
  readonly ec2instancesPrices: readonly Ec2InstancesPrice[];
  readonly ec2instancesSource: DatedSource;
  readonly leanercloud: readonly LeanerCloudPrice[];
  readonly leanercloudSource: DatedSource;
  readonly advisor: SpotAdvisor;
  readonly advisorSource: DatedSource;
  /** Partial-upfront split: upfront share of the term cost and the basis that states the evidence. */
  readonly split: PartialSplit;
}

export type RegionCounts = Record<string, number>;

export interface Ec2Snapshot {
  readonly catalog: CatalogFile;
  readonly types: TypesFile;
  readonly regions: readonly RegionFile[];
  readonly counts: Readonly<Record<string, RegionCounts>>;
  readonly onDemand: ReturnType<typeof chooseOnDemand>;
  readonly specSource: ReadonlyMap<string, string>;
  readonly withoutFacts: readonly string[];
  readonly advisorOnlyRegions: readonly string[];
}

function table(source: DatedSource, entries: Iterable<{ region: string; type: string; usd: string | undefined }>): OnDemandTable {
  const prices = new Map<string, Map<string, string>>();
  for (const e of entries) {
    if (e.usd === undefined) continue;
    let m = prices.get(e.region);
    if (!m) prices.set(e.region, (m = new Map()));
    m.set(e.type, e.usd);
  }
  return { source, prices };
}

function add(set: Map<string, Set<string>>, region: string, type: string): void {
  let s = set.get(region);
  if (!s) set.set(region, (s = new Set()));
  s.add(type);
}

function specRow(s: InstanceTypeSpec): SpecRow {
  const b = (v: boolean): 0 | 1 => (v ? 1 : 0);
  return [s.instanceType, s.family, s.generation, s.size, s.vcpu, s.memoryGiB, s.arch, s.cpuManufacturer, s.sustainedClockGhz, b(s.burstable), b(s.bareMetal), b(s.currentGeneration), s.networkBandwidthMbps, s.gpuCount];
}

/** The reserved cell of a PriceRow (see snapshot-format.ts), or null when there is no rate at all. */
export function reservedCell(rates: readonly (Valued | undefined)[], bases: BasisTable, partial: PartialSplit): ReservedCell | null {
  if (rates.every((v) => v === undefined)) return null;
  return RESERVED_ORDER.map((o, i) => {
    const v = rates[i];
    if (!v) return '-';
    const r = splitReserved(i, dec(v.value), v.basis, partial);
    const cells = o.paymentOption === 'no-upfront' ? [r.effectiveUsdPerHour] : o.paymentOption === 'all-upfront' ? [r.effectiveUsdPerHour, r.upfrontUsd] : [r.effectiveUsdPerHour, r.upfrontUsd, r.usdPerHour];
    return `${cells.join(',')}@${bases.id(r.basis)}${r.splitBasis ? `/${bases.id(r.splitBasis)}` : ''}`;
  }).join(' ');
}

function spotCell(s: PlannedSpot, bases: BasisTable): SpotCell {
  return [s.savingsPercent, s.bucket, s.advisorBasis ? bases.id(s.advisorBasis) : -1, s.usdPerHour, s.priceBasis ? bases.id(s.priceBasis) : -1, s.byZone.map(([zone, usd]) => `${zone}=${usd}`).join(' ')];
}

export function assembleEc2(inp: Ec2Inputs): Ec2Snapshot {
  const skyByKey = new Map<string, SkyPilotOffer>(inp.skypilot.map((o) => [`${o.region}\u0000${o.instanceType}`, o]));
  const onDemand = chooseOnDemand([
    inp.karpenterPrices,
    table(inp.skypilotSource, inp.skypilot.map((o) => ({ region: o.region, type: o.instanceType, usd: o.onDemand }))),
    table(inp.leanercloudSource, inp.leanercloud.map((p) => ({ region: 'us-east-1', type: p.instanceType, usd: p.onDemand }))),
    table(inp.ec2instancesSource, inp.ec2instancesPrices.map((p) => ({ region: p.region, type: p.instanceType, usd: p.onDemand }))),
  ]);

  // Offered: any row for the type in the region in a price source, or a Spot Advisor entry there.
  const offered = new Map<string, Set<string>>();
  for (const o of inp.skypilot) add(offered, o.region, o.instanceType);
  for (const [region, byType] of inp.karpenterPrices.prices) for (const t of byType.keys()) add(offered, region, t);
  for (const p of inp.leanercloud) add(offered, 'us-east-1', p.instanceType);
  for (const p of inp.ec2instancesPrices) add(offered, p.region, p.instanceType);
  const regions = [...offered.keys()].sort();
  for (const region of regions) for (const t of inp.advisor.linux.get(region)?.keys() ?? []) add(offered, region, t);
  const advisorOnlyRegions = [...inp.advisor.linux.keys()].filter((r) => !offered.has(r)).sort();

  const allOffered = new Set<string>();
  for (const s of offered.values()) for (const t of s) allOffered.add(t);
  const { specs, specSource, withoutFacts } = buildSpecs(inp, allOffered);
  const specByType = new Map(specs.map((s) => [s.instanceType, s]));

  const ratios = new RatioTables(inp.ec2instancesPrices, currentGenerationRule([], inp.ec2instances));
  const ctx = {
    ec2instances: new Map(inp.ec2instancesPrices.map((p) => [`${p.region}\u0000${p.instanceType}`, p])),
    ec2instancesSource: inp.ec2instancesSource,
    leanercloud: new Map(inp.leanercloud.map((p) => [p.instanceType, p])),
    leanercloudSource: inp.leanercloudSource,
    ratios,
  };

  const bases = new BasisTable();
  const counts: Record<string, RegionCounts> = {};
  let pricesAsOf = '0000-00-00';
  const regionFiles: RegionFile[] = regions.map((region) => {
    const c: RegionCounts = {};
    const inc = (k: string, by = 1): void => void (c[k] = (c[k] ?? 0) + by);
    const rows: PriceRow[] = [];
    for (const type of [...offered.get(region)!].sort()) {
      const spec = specByType.get(type);
      if (!spec) {
        inc('ec2.leftOutWithoutFacts');
        continue;
      }
      inc('ec2.offered');
      const od = onDemand.chosen.get(region)?.get(type);
      let odBasis = -1;
      let reserved: PriceRow[3] = null;
      if (od) {
        odBasis = bases.id({ kind: 'exact', source: od.source.id, asOf: od.source.asOf });
        if (od.source.asOf > pricesAsOf) pricesAsOf = od.source.asOf;
        inc(`ec2.onDemand.${od.source.id}`);
        const r = reservedFor(region, type, od, ctx);
        reserved = reservedCell(r.rates, bases, inp.split);
        const present = r.rates.filter((x): x is Valued => x !== undefined);
        const exact = present.filter((x) => x.basis.kind === 'exact').length;
        inc('ec2.reserved.ratesExact', exact);
        inc('ec2.reserved.ratesEstimated', present.length - exact);
        inc('ec2.reserved.offersAbsentIn2018', r.absent);
        if (present.length > 0) inc(exact === present.length ? 'ec2.reserved.typesAllExact' : 'ec2.reserved.typesWithEstimates');
        if (r.outcome === 'own-ratio') inc('ec2.reserved.typesOnDemandChangedSince2018');
        if (r.leanercloudSkipped) inc('ec2.reserved.leanercloudSkippedOnDemandChanged');
      }
      if (spec.currentGeneration) {
        inc('ec2.currentGeneration');
        if (od) inc('ec2.currentGenerationOnDemandExact');
      }
      const s = spotFor(inp.advisor.linux.get(region)?.get(type), inp.advisorSource, skyByKey.get(`${region}\u0000${type}`), inp.skypilotSource);
      inc('ec2.spot.placeholdersDropped', s.placeholdersDropped);
      if (s.spot?.savingsPercent != null) inc('ec2.spot.advisor');
      if (s.spot?.usdPerHour != null) inc('ec2.spot.price');
      rows.push([type, od?.usdPerHour ?? null, odBasis, reserved, s.spot ? spotCell(s.spot, bases) : null]);
    }
    counts[region] = Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)));
    return { format: SNAPSHOT_FORMAT, region, rows };
  });

  return {
    catalog: { format: SNAPSHOT_FORMAT, pricesAsOf, regions, interruptionLabels: inp.advisor.labels, bases: bases.list },
    types: { format: SNAPSHOT_FORMAT, columns: SPEC_COLUMNS, rows: specs.map(specRow) },
    regions: regionFiles,
    counts,
    onDemand,
    specSource,
    withoutFacts,
    advisorOnlyRegions,
  };
}
