/**
 * A catalog layered over another: refreshed/imported prices (top, from the store) override the
 * snapshot (base) per (region, type) and per (region, key), component by component — a refreshed
 * on-demand price replaces the snapshot's, reserved rates replace the snapshot's set, spot prices
 * replace spot prices while the snapshot's Spot Advisor figures stay. Each figure keeps its own
 * basis and date. Instance facts from the top (DescribeInstanceTypes) replace the snapshot's.
 */
import type {
  Catalog,
  CatalogInfo,
  Ec2Prices,
  InstanceTypeSpec,
  RegionCoverage,
  ServicePrice,
  SpotFacts,
} from './types.js';
import { CoverageTally, coverageFactsOf, InMemoryCatalog, type CatalogData } from './memory.js';
import { ec2PriceBases, RegionDatesBuilder, type RegionPriceDates } from './price-dates.js';

function mergeSpot(top: SpotFacts | undefined, base: SpotFacts | undefined): SpotFacts | undefined {
  if (!top) return base;
  if (!base) return top;
  return {
    ...base,
    ...(top.averageUsdPerHour !== undefined ? { averageUsdPerHour: top.averageUsdPerHour, byZone: top.byZone, priceBasis: top.priceBasis } : {}),
    ...(top.savingsPercent !== undefined ? { savingsPercent: top.savingsPercent, interruptionBucket: top.interruptionBucket, advisorBasis: top.advisorBasis } : {}),
  };
}

export function mergeEc2Prices(top: Ec2Prices | undefined, base: Ec2Prices | undefined): Ec2Prices | undefined {
  if (!top) return base;
  if (!base) return top;
  const onDemand = top.onDemand ?? base.onDemand;
  const spot = mergeSpot(top.spot, base.spot);
  return {
    region: top.region,
    instanceType: top.instanceType,
    currency: 'USD',
    ...(onDemand ? { onDemand } : {}),
    reserved: top.reserved.length > 0 ? top.reserved : base.reserved,
    ...(spot ? { spot } : {}),
  };
}

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of a) seen.set(key(x), x);
  for (const x of b) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}

class LayeredCatalog implements Catalog {
  private readonly cache = new Map<string, Ec2Prices | undefined>();
  private specsCache: readonly InstanceTypeSpec[] | undefined;

  constructor(
    private readonly top: Catalog,
    private readonly base: Catalog,
  ) {}

  info(): CatalogInfo {
    const t = this.top.info();
    const b = this.base.info();
    return {
      pricesAsOf: t.pricesAsOf > b.pricesAsOf ? t.pricesAsOf : b.pricesAsOf,
      sources: union(b.sources, t.sources, (s) => s.id),
      regions: this.regions(),
      origin: t.regions.length === 0 && t.sources.length === 0 ? b.origin : `${b.origin}+${t.origin}`,
    };
  }

  regions(): readonly string[] {
    return [...new Set([...this.base.regions(), ...this.top.regions()])].sort();
  }

  instanceTypes(): readonly InstanceTypeSpec[] {
    return (this.specsCache ??= union(this.top.instanceTypes(), this.base.instanceTypes(), (s) => s.instanceType));
  }

  instanceType(name: string): InstanceTypeSpec | undefined {
    return this.top.instanceType(name) ?? this.base.instanceType(name);
  }

  instanceTypesIn(region: string): readonly InstanceTypeSpec[] {
    const names = new Set([...this.base.instanceTypesIn(region), ...this.top.instanceTypesIn(region)].map((s) => s.instanceType));
    return [...names].map((n) => this.instanceType(n)).filter((s): s is InstanceTypeSpec => s !== undefined);
  }

  ec2Prices(region: string, instanceType: string): Ec2Prices | undefined {
    const k = `${region}\u0000${instanceType}`;
    if (this.cache.has(k)) return this.cache.get(k);
    const merged = mergeEc2Prices(this.top.ec2Prices(region, instanceType), this.base.ec2Prices(region, instanceType));
    this.cache.set(k, merged);
    return merged;
  }

  servicePrice(region: string, key: string): ServicePrice | undefined {
    return this.top.servicePrice(region, key) ?? this.base.servicePrice(region, key);
  }

  servicePricesIn(region: string): readonly ServicePrice[] {
    const t = listsServicePrices(this.top) ? this.top.servicePricesIn(region) : [];
    const b = listsServicePrices(this.base) ? this.base.servicePricesIn(region) : [];
    return union(t, b, (s) => s.key);
  }

  private servicePriceCount(region: string): number {
    if (listsServicePrices(this.top) && listsServicePrices(this.base)) return this.servicePricesIn(region).length;
    // Without listings the layers' keys cannot be matched: the larger count is a lower bound.
    return Math.max(this.top.coverage(region).servicePrices, this.base.coverage(region).servicePrices);
  }

  priceDates(region: string): RegionPriceDates {
    const top = this.top.coverage(region);
    if (top.instanceTypes === 0 && top.servicePrices === 0) return this.base.priceDates(region);
    const b = new RegionDatesBuilder();
    for (const spec of this.instanceTypesIn(region)) {
      const p = this.ec2Prices(region, spec.instanceType);
      if (p) b.addEc2(ec2PriceBases(p));
    }
    if (listsServicePrices(this.top) && listsServicePrices(this.base)) {
      for (const sp of this.servicePricesIn(region)) b.kinds.services.add(sp.basis);
      return b.build(region, this.info().sources);
    }
    // Without listings the layers' service keys cannot be matched: the top's dates if it has any, else the base's.
    const dates = b.build(region, this.info().sources);
    const services = top.servicePrices > 0 ? this.top.priceDates(region).services : this.base.priceDates(region).services;
    return { ...dates, services };
  }

  coverage(region: string): RegionCoverage {
    const top = this.top.coverage(region);
    if (top.instanceTypes === 0 && top.servicePrices === 0) return this.base.coverage(region);
    const tally = new CoverageTally();
    const types = this.instanceTypesIn(region);
    for (const spec of types) {
      const p = this.ec2Prices(region, spec.instanceType);
      if (p) tally.add(coverageFactsOf(p), spec.currentGeneration === true);
    }
    return tally.result(region, types.length, this.servicePriceCount(region));
  }

}

/** Catalogs that can list a region's service prices (InMemoryCatalog does). */
interface ListsServicePrices {
  servicePricesIn(region: string): readonly ServicePrice[];
}

function listsServicePrices(c: Catalog): c is Catalog & ListsServicePrices {
  return typeof (c as Partial<ListsServicePrices>).servicePricesIn === 'function';
}

/** `top` (refreshed) over `base` (snapshot). */
export function layeredCatalog(top: Catalog, base: Catalog): Catalog {
  return new LayeredCatalog(top, base);
}

/**
 * Stored (refreshed/imported) values over a base catalog. Offer-file imports carry prices but no
 * instance facts: the top borrows the base's facts for types it has none for, so its types are listed.
 */
export function layerOver(base: Catalog, stored: CatalogData): Catalog {
  const own = new Set(stored.instanceTypes.map((s) => s.instanceType));
  const borrowed = base.instanceTypes().filter((s) => !own.has(s.instanceType));
  return layeredCatalog(new InMemoryCatalog({ ...stored, instanceTypes: [...stored.instanceTypes, ...borrowed] }), base);
}
