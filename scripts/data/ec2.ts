/**
 * The EC2 part of the snapshot: reads the public sources (../shared/data, one corpus file), assembles
 * instance facts and prices (ec2/assemble.ts) and writes data/ec2/ (format: src/catalog/snapshot-format.ts).
 */
import { encodeSnapshot, snapshotFiles } from '../../src/catalog/snapshot-encode.js';
import { type Decimal } from '../../src/money/index.js';
import { assembleEc2 } from './ec2/assemble.js';
import { median } from './ec2/reserved-ratios.js';
import { readEc2InstancesPrices, readEc2InstancesSpecs } from './ec2/ec2instances.js';
import { readKarpenterCatalog, readKarpenterPrices, readNetworkBandwidth } from './ec2/karpenter.js';
import { describeDisagreements } from './ec2/on-demand.js';
import { partialSplitFrom, readPartialSplit } from './ec2/partial-split.js';
import { readLeanerCloudUsEast1, readLibcloudAttributes } from './ec2/price-list-2023.js';
import { readSkyPilotVms } from './ec2/skypilot.js';
import { manifestSource, readSourceFile, SOURCES } from './ec2/sources.js';
import { readArchitectureSnapshot, readSpotAdvisor } from './ec2/spot-advisor.js';
import { parseJson } from './ec2/table.js';
import type { SnapshotBuilder, SnapshotFile } from './part.js';

/** How LeanerCloud's 2023 rates compare with the 2018-based figures they replace: a check of the estimates. */
function driftNotes(d: { exact: readonly Decimal[]; estimate: readonly Decimal[] }): string[] {
  const line = (xs: readonly Decimal[], what: string): string => {
    const s = [...xs].sort((a, b) => a.cmp(b));
    const pct = (x: Decimal): string => {
      const v = x.minus(1).times(100).round(1);
      return `${v.gt(0) ? '+' : ''}${v.eq(0) ? '0.0' : v.toFixed(1)}`;
    };
    return `check of ${what} against these 2023 rates (${s.length} types): 2023 ÷ 2018-based = median ${pct(median(s))} %, range ${pct(s[0]!)} % to ${pct(s[s.length - 1]!)} %`;
  };
  return [
    ...(d.exact.length > 0 ? [line(d.exact, 'the exact 2018 rates')] : []),
    ...(d.estimate.length > 0 ? [line(d.estimate, 'the ratio estimates')] : []),
  ];
}

export const buildEc2: SnapshotBuilder = async ({ shared, log }) => {
  const read = (path: string) => readSourceFile(shared, path);
  const S = SOURCES;
  const f = {
    catalog: read(S.karpenterCatalog.files.catalog),
    network: read(S.karpenterCatalog.files.network),
    kprices: read(S.karpenterPricing.files.prices),
    vms: read(S.skypilot.files.vms),
    e18prices: read(S.ec2instances.files.prices),
    e18specs: read(S.ec2instances.files.specs),
    advisor: read(S.spotAdvisor.files.advisor),
    arch: read(S.architecture.files.families),
    libcloud: read(S.libcloud.files.attributes),
    leaner: read(S.leanercloud.files.prices),
    product: read(S.getProducts.files.product),
  };
  const karpenterPrices = readKarpenterPrices(f.kprices.text, f.kprices.absolute);
  const archDoc = parseJson(f.arch.text, f.arch.absolute) as { reviewed_at?: string };
  const archAsOf = typeof archDoc.reviewed_at === 'string' ? archDoc.reviewed_at.slice(0, 10) : S.architecture.asOf;
  const sky = readSkyPilotVms(f.vms.text, f.vms.absolute);
  const split = partialSplitFrom(readPartialSplit(f.product.text, f.product.absolute), S.getProducts.id);
  const advisor = readSpotAdvisor(f.advisor.text, f.advisor.absolute);

  const src = (def: { id: string; asOf: string }, asOf = def.asOf) => ({ id: def.id, asOf });
  const karpenter = readKarpenterCatalog(f.catalog.text, f.catalog.absolute);
  const architecture = readArchitectureSnapshot(f.arch.text, f.arch.absolute);
  const archConflicts = karpenter.filter((k) => architecture.has(k.family) && architecture.get(k.family) !== k.arch).map((k) => k.instanceType);
  const snap = assembleEc2({
    karpenter,
    network: readNetworkBandwidth(f.network.text, f.network.absolute),
    ec2instances: readEc2InstancesSpecs(f.e18specs.text, f.e18specs.absolute),
    priceList: readLibcloudAttributes(f.libcloud.text, f.libcloud.absolute),
    skypilot: sky.offers,
    advisorTypes: advisor.types,
    architecture,
    karpenterPrices: { source: src(S.karpenterPricing, karpenterPrices.asOf), prices: karpenterPrices.prices },
    skypilotSource: src(S.skypilot),
    ec2instancesPrices: readEc2InstancesPrices(f.e18prices.text, f.e18prices.absolute),
    ec2instancesSource: src(S.ec2instances),
    leanercloud: readLeanerCloudUsEast1(f.leaner.text, f.leaner.absolute),
    leanercloudSource: src(S.leanercloud),
    advisor,
    advisorSource: src(S.spotAdvisor),
    split,
  });

  const total = (k: string): number => Object.values(snap.counts).reduce((n, c) => n + (c[k] ?? 0), 0);
  const bySpecSource = new Map<string, number>();
  for (const s of snap.specSource.values()) bySpecSource.set(s, (bySpecSource.get(s) ?? 0) + 1);
  const disagreements = describeDisagreements(snap.onDemand.disagreements);

  const encoded = encodeSnapshot(snap);
  const files: SnapshotFile[] = snapshotFiles(encoded);
  log(`ec2: ${snap.instanceTypes.length} instance types, ${snap.regions.length} regions, ${encoded.catalog.bases.length} price bases`);

  return {
    id: 'ec2',
    files,
    counts: snap.counts,
    sources: [
      manifestSource(S.karpenterCatalog, [f.catalog, f.network], S.karpenterCatalog.asOf, [
        `primary instance facts for ${bySpecSource.get('karpenter') ?? 0} types; sustained clock 0 (oldest types) is stored as null (unknown)`,
        `types priced elsewhere but absent here take their facts from ec2instances-2018 (${bySpecSource.get('ec2instances-2018') ?? 0}), libcloud-2023 (${bySpecSource.get('libcloud-2023') ?? 0}), skypilot-v7 (${bySpecSource.get('skypilot-v7') ?? 0}), spot-advisor (${bySpecSource.get('spot-advisor') ?? 0}), with a null sustained clock`,
      ]),
      manifestSource(S.karpenterPricing, [f.kprices], karpenterPrices.asOf, [
        'newest exact on-demand source: wins in us-east-1 over every older source',
        "known disagreement kept on purpose: Karpenter prices some bare-metal sizes (7th/8th-gen *.metal-24xl/-48xl, 6th-gen Graviton *.metal, m5zn/r5b/x2gd.metal, i7i/i7ie metal) 1.06–1.1× the equivalent virtualised size where SkyPilot (about 2025-05) has them equal. The ratios vary by family, as repricing would and a generator bug would not, and the source is AWS's Pricing API 14 months later, so the newest-exact rule applies; SkyPilot's figure is listed below",
      ]),
      manifestSource(S.skypilot, [f.vms], S.skypilot.asOf, [
        'date of facts not stated in the file: inferred about 2025-05 (lists i7i and m8gd, not p6-b200/c8gn/m8i; P4/P5 prices from before the June 2025 cut); recorded as 2025-05-01, month precision',
        'read from vms_full.csv as published (one row per type and AZ); the derived ondemand_spot_by_region.csv is not needed: per-AZ prices are aggregated here after dropping placeholders',
        `read ${sky.rows} rows; ${sky.duplicateRows} repeated (type, AZ) rows merged, keeping the one with a spot price; on-demand checked equal in every AZ of a region`,
        `spot: a per-AZ spot price equal to the on-demand price or exactly 10 % of it is a placeholder, dropped (${total('ec2.spot.placeholdersDropped')} AZ prices: ${total('ec2.spot.placeholdersDropped') - total('ec2.spot.placeholdersTenPercent')} equal, ${total('ec2.spot.placeholdersTenPercent')} at 10 %, compared as exact decimals); the representative spot price is the median of the remaining AZs, marked an estimate`,
        ...disagreements,
      ]),
      manifestSource(S.ec2instances, [f.e18prices, f.e18specs], S.ec2instances.asOf, [
        'reserved rates are effective hourly figures rounded to 0.001 USD (coarse for the smallest types: t2.nano 0.004). no-upfront: upfront 0, hourly = effective; all-upfront: hourly 0, upfront = effective × 8,760 h (1 yr) or 26,280 h (3 yr), so within ±0.0005 × those hours of the real fee; partial-upfront: split estimated, see aws-getproducts-2021',
        'a 2018 reserved rate is kept as exact (dated 2018-08-16) only where the type\'s on-demand price today equals its 2018 price within that file\'s rounding (half a unit of its last printed decimal, never finer than 0.0005); otherwise the rates become estimates: the type\'s own 2018 reserved ÷ on-demand ratio × today\'s on-demand',
        `offers the 2018 file does not list for a type it prices stay absent (${total('ec2.reserved.offersAbsentIn2018')}): AWS did not sell them then`,
        'types it does not price in a region get all 12 offers estimated: median reserved ÷ on-demand ratio of the family in 2018, else of the current-generation 2018 families of the same category (leading letters), else of all current-generation 2018 types; ratio rounded to 4 decimals × on-demand, effective rounded to 6 decimals; each rate states its ratio',
        `result: ${total('ec2.reserved.ratesExact')} exact and ${total('ec2.reserved.ratesEstimated')} estimated reserved rates; ${total('ec2.reserved.typesOnDemandChangedSince2018')} type-regions whose on-demand changed since 2018 switched to their own ratio`,
      ]),
      manifestSource(S.spotAdvisor, [f.advisor], S.spotAdvisor.asOf, [
        `Linux savings % and interruption bucket for every priced region; ${snap.advisorOnlyRegions.length} advisor regions without any on-demand source are left out: ${snap.advisorOnlyRegions.join(', ')}`,
        'a type listed by the advisor in a priced region counts as offered there even without a price',
      ]),
      manifestSource(S.architecture, [f.arch], archAsOf, [
        'architecture of types absent from the Karpenter catalog',
        `checked against Karpenter for every family both list: ${archConflicts.length === 0 ? 'no disagreement' : `Karpenter kept for ${archConflicts.join(', ')}`}`,
      ]),
      manifestSource(S.libcloud, [f.libcloud], S.libcloud.asOf, [
        "current generation: a type's own AWS currentGeneration flag here, else its ec2instances-2018 flag, else its family's flag in either, else current (a family absent from both was launched after 2023-08)",
      ]),
      manifestSource(S.leanercloud, [f.leaner], S.leanercloud.asOf, [
        'us-east-1 on-demand ranks between SkyPilot and ec2instances-2018 (fills types the newer sources lack)',
        `us-east-1 1yr standard all-upfront: exact (newer than 2018) where its on-demand equals today's; ${total('ec2.reserved.leanercloudSkippedOnDemandChanged')} skipped because on-demand changed since`,
        ...driftNotes(snap.drift2018To2023),
      ]),
      manifestSource(S.getProducts, [f.product], split.basis.asOf, [split.basis.method!]),
    ],
    notes: [
      'on-demand precedence per region and type: newest exact source wins (karpenter-pricing 2026-07-20 > skypilot-v7 ~2025-05 > leanercloud-2023 > ec2instances-2018); every price keeps its source and date',
      'no on-demand price is estimated: a type without one in a region has none',
      'offered in a region = listed there by a price source (with or without a price) or by the Spot Advisor; coverage = current-generation offered types with an exact on-demand price',
      `left out, no instance facts in any source (Mac instances have no Linux price either): ${snap.withoutFacts.join(', ') || 'none'}`,
    ],
  };
};
