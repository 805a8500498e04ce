/**
 * An in-memory Catalog built from plain values. The snapshot loader and the SQLite-refreshed
 * catalog both produce these values; tests build small ones directly.
 */
import type {
  Catalog,
  CatalogInfo,
  Ec2Prices,
  InstanceTypeSpec,
  RegionCoverage,
  ServicePrice,
} from './types.js';

export interface CatalogData {
  readonly info: CatalogInfo;
  readonly instanceTypes: readonly InstanceTypeSpec[];
  readonly ec2Prices: readonly Ec2Prices[];
  readonly servicePrices?: readonly ServicePrice[];
}

export class InMemoryCatalog implements Catalog {
  private readonly specs = new Map<string, InstanceTypeSpec>();
  /** region → instance type → prices */
  private readonly prices = new Map<string, Map<string, Ec2Prices>>();
  /** region → key → service price */
  private readonly services = new Map<string, Map<string, ServicePrice>>();
  private readonly typesInRegion = new Map<string, InstanceTypeSpec[]>();
  private readonly specList: readonly InstanceTypeSpec[];

  constructor(private readonly data: CatalogData) {
    for (const s of data.instanceTypes) this.specs.set(s.instanceType, s);
    this.specList = [...this.specs.values()];
    for (const p of data.ec2Prices) {
      let byType = this.prices.get(p.region);
      if (!byType) this.prices.set(p.region, (byType = new Map()));
      byType.set(p.instanceType, p);
    }
    for (const sp of data.servicePrices ?? []) {
      let byKey = this.services.get(sp.region);
      if (!byKey) this.services.set(sp.region, (byKey = new Map()));
      byKey.set(sp.key, sp);
    }
  }

  info(): CatalogInfo {
    return this.data.info;
  }

  regions(): readonly string[] {
    return this.data.info.regions;
  }

  instanceTypes(): readonly InstanceTypeSpec[] {
    return this.specList;
  }

  instanceType(name: string): InstanceTypeSpec | undefined {
    return this.specs.get(name);
  }

  instanceTypesIn(region: string): readonly InstanceTypeSpec[] {
    let list = this.typesInRegion.get(region);
    if (!list) {
      const byType = this.prices.get(region);
      list = byType ? [...byType.keys()].map((t) => this.specs.get(t)).filter((s): s is InstanceTypeSpec => s !== undefined) : [];
      this.typesInRegion.set(region, list);
    }
    return list;
  }

  ec2Prices(region: string, instanceType: string): Ec2Prices | undefined {
    return this.prices.get(region)?.get(instanceType);
  }

  servicePrice(region: string, key: string): ServicePrice | undefined {
    return this.services.get(region)?.get(key);
  }

  /** Every service price of a region (for listings and the layered catalog). */
  servicePricesIn(region: string): readonly ServicePrice[] {
    return [...(this.services.get(region)?.values() ?? [])];
  }

  coverage(region: string): RegionCoverage {
    const byType = this.prices.get(region) ?? new Map<string, Ec2Prices>();
    let onDemandExact = 0;
    let onDemandEstimated = 0;
    let reservedExact = 0;
    let reservedEstimated = 0;
    let spot = 0;
    let currentGen = 0;
    let currentGenExact = 0;
    for (const p of byType.values()) {
      const exact = p.onDemand?.basis.kind === 'exact';
      if (p.onDemand) exact ? onDemandExact++ : onDemandEstimated++;
      if (p.reserved.length > 0) p.reserved.every((r) => r.basis.kind === 'exact') ? reservedExact++ : reservedEstimated++;
      if (p.spot) spot++;
      if (this.specs.get(p.instanceType)?.currentGeneration) {
        currentGen++;
        if (exact) currentGenExact++;
      }
    }
    return {
      region,
      instanceTypes: byType.size,
      onDemandExact,
      onDemandEstimated,
      reservedExact,
      reservedEstimated,
      spot,
      servicePrices: this.services.get(region)?.size ?? 0,
      currentGenOnDemandExactPercent: currentGen === 0 ? 0 : (100 * currentGenExact) / currentGen,
    };
  }
}
