/**
 * The SQLite-refreshed catalog: rows written by `nuage catalog refresh` / `catalog import` read back
 * as plain catalog values (for InMemoryCatalog, and layered over the snapshot by layeredCatalog).
 * Where several sources hold the same price, the newest as-of date wins, then the latest write.
 */
import type { CatalogData } from '../catalog/memory.js';
import { LIVE_SOURCE_DESCRIPTIONS } from '../catalog/live-sources.js';
import type {
  CatalogSource,
  Ec2Prices,
  InstanceTypeSpec,
  OfferingClass,
  PaymentOption,
  PriceBasis,
  ReservedRate,
  ReservedTerm,
  ServicePrice,
  SpotFacts,
} from '../catalog/types.js';
import { readCatalogRows, type StoredRows } from './catalog-repo.js';
import { openStoreIfExists, type Store } from './db.js';

interface BasisRow {
  source: string;
  asOf: string;
  basisKind: string;
  method: string | null;
  writtenAt: string;
}

function basisOf(r: BasisRow): PriceBasis {
  return { kind: r.basisKind === 'estimate' ? 'estimate' : 'exact', source: r.source, asOf: r.asOf, ...(r.method ? { method: r.method } : {}) };
}

/** True when `a` is newer than `b` (as-of date, then write time). */
function newer(a: BasisRow, b: BasisRow): boolean {
  return a.asOf !== b.asOf ? a.asOf > b.asOf : a.writtenAt > b.writtenAt;
}

function newestBy<R extends BasisRow>(rows: readonly R[], key: (r: R) => string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = key(r);
    const cur = out.get(k);
    if (!cur || newer(r, cur)) out.set(k, r);
  }
  return out;
}

const typeKey = (r: { region: string; instanceType: string }) => `${r.region}\u0000${r.instanceType}`;

export function storedCatalogData(rows: StoredRows): CatalogData {
  const specs: InstanceTypeSpec[] = rows.specs.map((s) => ({
    instanceType: s.instanceType,
    family: s.family,
    generation: s.generation,
    size: s.size,
    vcpu: s.vcpu,
    memoryGiB: s.memoryGiB,
    arch: s.arch === 'arm64' ? 'arm64' : 'x86_64',
    cpuManufacturer: s.cpuManufacturer,
    sustainedClockGhz: s.sustainedClockGhz,
    burstable: s.burstable,
    bareMetal: s.bareMetal,
    currentGeneration: s.currentGeneration,
    networkBandwidthMbps: s.networkBandwidthMbps,
    gpuCount: s.gpuCount,
  }));

  const onDemand = newestBy(rows.onDemand, typeKey);
  // Reserved rates come as a set from one source: pick the newest source per (region, type).
  const reservedSource = newestBy(rows.reserved, typeKey);
  const reserved = new Map<string, ReservedRate[]>();
  for (const r of rows.reserved) {
    const k = typeKey(r);
    const chosen = reservedSource.get(k)!;
    if (r.source !== chosen.source) continue;
    let list = reserved.get(k);
    if (!list) reserved.set(k, (list = []));
    list.push({
      term: r.term as ReservedTerm,
      offeringClass: r.offeringClass as OfferingClass,
      paymentOption: r.paymentOption as PaymentOption,
      upfrontUsd: r.upfrontUsd,
      usdPerHour: r.usdPerHour,
      effectiveUsdPerHour: r.effectiveUsdPerHour,
      basis: basisOf(r),
      ...(r.splitSource && r.splitAsOf
        ? { splitBasis: basisOf({ source: r.splitSource, asOf: r.splitAsOf, basisKind: r.splitKind ?? 'exact', method: r.splitMethod, writtenAt: r.writtenAt }) }
        : {}),
    });
  }
  const spot = newestBy(rows.spot, typeKey);
  const advisor = newestBy(rows.advisor, typeKey);

  const keys = new Map<string, { region: string; instanceType: string }>();
  for (const r of [...rows.onDemand, ...rows.reserved, ...rows.spot, ...rows.advisor]) keys.set(typeKey(r), { region: r.region, instanceType: r.instanceType });
  const ec2Prices: Ec2Prices[] = [...keys].map(([k, { region, instanceType }]) => {
    const od = onDemand.get(k);
    const sp = spot.get(k);
    const adv = advisor.get(k);
    const spotFacts: SpotFacts | undefined =
      sp || adv
        ? {
            ...(adv?.savingsPercent != null ? { savingsPercent: adv.savingsPercent } : {}),
            ...(adv?.interruptionIndex != null ? { interruptionBucket: { index: adv.interruptionIndex, label: adv.interruptionLabel ?? '' } } : {}),
            ...(adv ? { advisorBasis: basisOf(adv) } : {}),
            ...(sp ? { averageUsdPerHour: sp.averageUsdPerHour, byZone: sp.byZone, priceBasis: basisOf(sp) } : {}),
          }
        : undefined;
    return {
      region,
      instanceType,
      currency: 'USD',
      ...(od ? { onDemand: { usdPerHour: od.usdPerHour, basis: basisOf(od) } } : {}),
      reserved: sortReserved(reserved.get(k) ?? []),
      ...(spotFacts ? { spot: spotFacts } : {}),
    };
  });

  const servicePrices: ServicePrice[] = [...newestBy(rows.services, (r) => `${r.region}\u0000${r.key}`).values()].map((r) => ({
    key: r.key,
    region: r.region,
    unit: r.unit,
    usd: r.usd,
    description: r.description,
    basis: basisOf(r),
  }));

  const sources: CatalogSource[] = rows.sources.map((s) => ({
    id: s.id,
    description: s.description || (LIVE_SOURCE_DESCRIPTIONS[s.id] ?? s.id),
    asOf: s.asOf,
    origin: s.origin,
  }));
  const priceDates = [...rows.onDemand, ...rows.reserved, ...rows.spot, ...rows.advisor, ...rows.services].map((r) => r.asOf);
  const regions = [...new Set([...ec2Prices.map((p) => p.region), ...servicePrices.map((s) => s.region)])].sort();
  return {
    info: { pricesAsOf: priceDates.reduce((a, b) => (a > b ? a : b), ''), sources, regions, origin: 'store' },
    instanceTypes: specs,
    ec2Prices,
    servicePrices,
  };
}

const TERM_ORDER = ['1yr', '3yr'];
const CLASS_ORDER = ['standard', 'convertible'];
const OPTION_ORDER = ['no-upfront', 'partial-upfront', 'all-upfront'];

function sortReserved(list: ReservedRate[]): ReservedRate[] {
  const rank = (r: ReservedRate) => TERM_ORDER.indexOf(r.term) * 9 + CLASS_ORDER.indexOf(r.offeringClass) * 3 + OPTION_ORDER.indexOf(r.paymentOption);
  return list.sort((a, b) => rank(a) - rank(b));
}

/** Everything refreshed or imported into the store, as catalog values (empty when nothing was). */
export function loadStoredCatalog(store: Store): CatalogData {
  return storedCatalogData(readCatalogRows(store));
}

/**
 * The stored values of the SQLite file at `path`, or undefined when the file does not exist or holds
 * no refreshed/imported figures (reading never creates the file).
 */
export function readStoredCatalog(path: string): CatalogData | undefined {
  const store = openStoreIfExists(path);
  if (!store) return undefined;
  try {
    const data = loadStoredCatalog(store);
    return data.info.regions.length === 0 && data.instanceTypes.length === 0 ? undefined : data;
  } finally {
    store.close();
  }
}
