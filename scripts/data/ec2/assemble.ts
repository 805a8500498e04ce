/**
 * Pure assembly of the EC2 snapshot from parsed sources: on-demand precedence, instance facts, reserved
 * (exact or estimated), spot → plain catalog values, with counts per region for the manifest.
 */
import { splitReserved, type PartialSplit } from '../../../src/catalog/reserved-split.js';
import type { RatioEntry } from '../../../src/catalog/snapshot-encode.js';
import type { Ec2Prices, InstanceTypeSpec, ReservedRate } from '../../../src/catalog/types.js';
import { dec, type Decimal } from '../../../src/money/index.js';
import type { Ec2InstancesPrice } from './ec2instances.js';
import { chooseOnDemand, type DatedSource, type OnDemandTable } from './on-demand.js';
import type { LeanerCloudPrice } from './price-list-2023.js';
import { RatioTables } from './reserved-ratios.js';
import { reservedFor } from './reserved.js';
import type { SkyPilotOffer } from './skypilot.js';
import { buildSpecs, currentGenerationRule, type SpecInputs } from './specs.js';
import type { SpotAdvisor } from './spot-advisor.js';
import { spotFor } from './spot.js';

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
  /** Newest exact on-demand date. */
  readonly pricesAsOf: string;
  readonly regions: readonly string[];
  readonly interruptionLabels: readonly string[];
  readonly instanceTypes: readonly InstanceTypeSpec[];
  /** Sorted by region, then instance type. */
  readonly ec2Prices: readonly Ec2Prices[];
  /** Rows whose reserved rates are all ratio × on-demand, stored as shared ratio sets. */
  readonly reservedRatios: ReadonlyMap<string, readonly (RatioEntry | undefined)[]>;
  readonly partialSplit: PartialSplit;
  readonly counts: Readonly<Record<string, RegionCounts>>;
  readonly onDemand: ReturnType<typeof chooseOnDemand>;
  readonly specSource: ReadonlyMap<string, string>;
  readonly withoutFacts: readonly string[];
  readonly advisorOnlyRegions: readonly string[];
  /** LeanerCloud 2023 exact ÷ the 2018-based figure it replaced, by the replaced figure's basis kind. */
  readonly drift2018To2023: { readonly exact: readonly Decimal[]; readonly estimate: readonly Decimal[] };
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

/** region → key → count */
class Tally<K> {
  readonly map = new Map<string, Map<K, number>>();
  add(region: string, key: K, by = 1): void {
    let m = this.map.get(region);
    if (!m) this.map.set(region, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + by);
  }
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
  // `listed` counts what each source lists per region, before precedence (manifest row counts).
  const offered = new Map<string, Set<string>>();
  const listed = new Tally<string>();
  const offer = (region: string, type: string, source: string): void => {
    let s = offered.get(region);
    if (!s) offered.set(region, (s = new Set()));
    s.add(type);
    listed.add(region, source);
  };
  for (const o of inp.skypilot) offer(o.region, o.instanceType, inp.skypilotSource.id);
  for (const [region, byType] of inp.karpenterPrices.prices) for (const t of byType.keys()) offer(region, t, inp.karpenterPrices.source.id);
  for (const p of inp.leanercloud) offer('us-east-1', p.instanceType, inp.leanercloudSource.id);
  for (const p of inp.ec2instancesPrices) offer(p.region, p.instanceType, inp.ec2instancesSource.id);
  const regions = [...offered.keys()].sort();
  for (const region of regions) for (const t of inp.advisor.linux.get(region)?.keys() ?? []) offer(region, t, inp.advisorSource.id);
  const advisorOnlyRegions = [...inp.advisor.linux.keys()].filter((r) => !offered.has(r)).sort();

  const allOffered = new Set<string>();
  for (const s of offered.values()) for (const t of s) allOffered.add(t);
  const { specs, specSource, withoutFacts } = buildSpecs(inp, allOffered);
  const specByType = new Map(specs.map((s) => [s.instanceType, s]));

  const ctx = {
    ec2instances: new Map(inp.ec2instancesPrices.map((p) => [`${p.region}\u0000${p.instanceType}`, p])),
    ec2instancesSource: inp.ec2instancesSource,
    leanercloud: new Map(inp.leanercloud.map((p) => [p.instanceType, p])),
    leanercloudSource: inp.leanercloudSource,
    ratios: new RatioTables(inp.ec2instancesPrices, currentGenerationRule([], inp.ec2instances)),
  };

  const drift = { exact: [] as Decimal[], estimate: [] as Decimal[] };
  const reservedRatios = new Map<string, (RatioEntry | undefined)[]>();
  const tally = new Tally<string>();
  let pricesAsOf = '0000-00-00';
  const ec2Prices: Ec2Prices[] = [];
  for (const region of regions) {
    const inc = (k: string, by = 1): void => tally.add(region, k, by);
    for (const [source, n] of listed.map.get(region) ?? []) inc(`ec2.listedBy.${source}`, n);
    for (const type of [...offered.get(region)!].sort()) {
      const spec = specByType.get(type);
      if (!spec) {
        inc('ec2.leftOutWithoutFacts');
        continue;
      }
      inc('ec2.offered');
      const od = onDemand.chosen.get(region)?.get(type);
      const prices: { -readonly [K in keyof Ec2Prices]: Ec2Prices[K] } = { region, instanceType: type, currency: 'USD', reserved: [] };
      if (od) {
        prices.onDemand = { usdPerHour: od.usdPerHour, basis: { kind: 'exact', source: od.source.id, asOf: od.source.asOf } };
        if (od.source.asOf > pricesAsOf) pricesAsOf = od.source.asOf;
        inc(`ec2.onDemand.${od.source.id}`);
        const r = reservedFor(region, type, od, ctx);
        const rates: ReservedRate[] = [];
        r.rates.forEach((v, i) => v && rates.push(splitReserved(i, dec(v.value), v.basis, inp.split)));
        prices.reserved = rates;
        if (r.ratios) reservedRatios.set(`${region}\u0000${type}`, r.ratios.map((v) => v && { ratio: v.value, basis: v.basis }));
        const exact = rates.filter((x) => x.basis.kind === 'exact').length;
        inc('ec2.reserved.ratesExact', exact);
        inc('ec2.reserved.ratesEstimated', rates.length - exact);
        inc('ec2.reserved.offersAbsentIn2018', r.absent);
        if (rates.length > 0) inc(exact === rates.length ? 'ec2.reserved.typesAllExact' : 'ec2.reserved.typesWithEstimates');
        if (r.outcome === 'own-ratio') inc('ec2.reserved.typesOnDemandChangedSince2018');
        if (r.leanercloudSkipped) inc('ec2.reserved.leanercloudSkippedOnDemandChanged');
        const was = r.replacedByLeanercloud;
        if (was) drift[was.basis.kind].push(dec(r.rates.find((v) => v?.basis.source === inp.leanercloudSource.id)!.value).div(was.value));
      }
      if (spec.currentGeneration) {
        inc('ec2.currentGeneration');
        if (od) inc('ec2.currentGenerationOnDemandExact');
      }
      const s = spotFor(inp.advisor.linux.get(region)?.get(type), inp.advisor.labels, inp.advisorSource, skyByKey.get(`${region}\u0000${type}`), inp.skypilotSource);
      inc('ec2.spot.placeholdersDropped', s.placeholdersDropped);
      inc('ec2.spot.placeholdersTenPercent', s.tenPercentPlaceholders);
      if (s.spot?.savingsPercent !== undefined) inc('ec2.spot.advisor');
      if (s.spot?.averageUsdPerHour !== undefined) inc('ec2.spot.price');
      if (s.spot) prices.spot = s.spot;
      ec2Prices.push(prices);
    }
  }
  const counts: Record<string, RegionCounts> = {};
  for (const [region, m] of tally.map) counts[region] = Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));

  return {
    pricesAsOf,
    regions,
    interruptionLabels: inp.advisor.labels,
    instanceTypes: specs,
    ec2Prices,
    reservedRatios,
    partialSplit: inp.split,
    counts,
    onDemand,
    specSource,
    withoutFacts,
    advisorOnlyRegions,
    drift2018To2023: drift,
  };
}
