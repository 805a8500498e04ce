/**
 * An in-memory Catalog built from plain values. The snapshot loader and the SQLite-refreshed
 * catalog both produce these values; tests build small ones directly. Prices come either as plain
 * Ec2Prices values or as per-region tables that decode their entries on first use (the snapshot).
 */
import { ec2PriceBases, RegionDatesBuilder, type Ec2PriceBases, type RegionPriceDates } from './price-dates.js';
import type {
  Catalog,
  CatalogInfo,
  Ec2Prices,
  InstanceTypeSpec,
  RegionCoverage,
  ServicePrice,
} from './types.js';

/** What coverage() needs to know about one entry. */
export interface CoverageFacts {
  readonly onDemand: 'exact' | 'estimate' | undefined;
  /** Number of reserved offers, and whether all of them are exact. */
  readonly reserved: number;
  readonly reservedAllExact: boolean;
  readonly spot: boolean;
}

export function coverageFactsOf(p: Ec2Prices): CoverageFacts {
  return { onDemand: p.onDemand?.basis.kind, reserved: p.reserved.length, reservedAllExact: p.reserved.every((r) => r.basis.kind === 'exact'), spot: p.spot !== undefined };
}

/** Counts coverage facts entry by entry (the in-memory catalog and the layered one share it). */
export class CoverageTally {
  private onDemandExact = 0;
  private onDemandEstimated = 0;
  private reservedExact = 0;
  private reservedEstimated = 0;
  private spot = 0;
  private currentGen = 0;
  private currentGenExact = 0;

  add(f: CoverageFacts, currentGeneration: boolean): void {
    const exact = f.onDemand === 'exact';
    if (f.onDemand) exact ? this.onDemandExact++ : this.onDemandEstimated++;
    if (f.reserved > 0) f.reservedAllExact ? this.reservedExact++ : this.reservedEstimated++;
    if (f.spot) this.spot++;
    if (currentGeneration) {
      this.currentGen++;
      if (exact) this.currentGenExact++;
    }
  }

  result(region: string, instanceTypes: number, servicePrices: number): RegionCoverage {
    return {
      region,
      instanceTypes,
      onDemandExact: this.onDemandExact,
      onDemandEstimated: this.onDemandEstimated,
      reservedExact: this.reservedExact,
      reservedEstimated: this.reservedEstimated,
      spot: this.spot,
      servicePrices,
      currentGenOnDemandExactPercent: this.currentGen === 0 ? 0 : (100 * this.currentGenExact) / this.currentGen,
    };
  }
}

/** Every price entry of one region, possibly decoded lazily. */
export interface RegionPriceTable {
  readonly region: string;
  /** Instance types with an entry in the region. */
  types(): readonly string[];
  get(instanceType: string): Ec2Prices | undefined;
  /** Optional shortcut for coverage() that avoids decoding whole entries. */
  coverageFacts?(instanceType: string): CoverageFacts | undefined;
  /** Optional shortcut for priceDates(): the bases of an entry without decoding its prices. */
  priceBases?(instanceType: string): Ec2PriceBases | undefined;
}

export interface CatalogData {
  readonly info: CatalogInfo;
  readonly instanceTypes: readonly InstanceTypeSpec[];
  readonly ec2Prices?: readonly Ec2Prices[];
  /** Per-region tables (one per region; a region may not also appear in `ec2Prices`). */
  readonly priceTables?: readonly RegionPriceTable[];
  readonly servicePrices?: readonly ServicePrice[];
}

/** A RegionPriceTable over plain values. */
export class MapPriceTable implements RegionPriceTable {
  private readonly byType = new Map<string, Ec2Prices>();
  constructor(readonly region: string) {}
  add(p: Ec2Prices): void {
    this.byType.set(p.instanceType, p);
  }
  types(): readonly string[] {
    return [...this.byType.keys()];
  }
  get(instanceType: string): Ec2Prices | undefined {
    return this.byType.get(instanceType);
  }
}

export class InMemoryCatalog implements Catalog {
  private readonly specs = new Map<string, InstanceTypeSpec>();
  /** region → price table */
  private readonly prices = new Map<string, RegionPriceTable>();
  /** region → key → service price */
  private readonly services = new Map<string, Map<string, ServicePrice>>();
  private readonly typesInRegion = new Map<string, InstanceTypeSpec[]>();
  private readonly datesByRegion = new Map<string, RegionPriceDates>();
  private readonly specList: readonly InstanceTypeSpec[];

  constructor(private readonly data: CatalogData) {
    for (const s of data.instanceTypes) this.specs.set(s.instanceType, s);
    this.specList = [...this.specs.values()];
    for (const t of data.priceTables ?? []) {
      if (this.prices.has(t.region)) throw new Error(`InMemoryCatalog: two price tables for ${t.region}`);
      this.prices.set(t.region, t);
    }
    const lazyRegions = new Set(this.prices.keys());
    for (const p of data.ec2Prices ?? []) {
      if (lazyRegions.has(p.region)) throw new Error(`InMemoryCatalog: ${p.region} has both a price table and plain prices`);
      let table = this.prices.get(p.region) as MapPriceTable | undefined;
      if (!table) this.prices.set(p.region, (table = new MapPriceTable(p.region)));
      table.add(p);
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
      const table = this.prices.get(region);
      list = table ? table.types().map((t) => this.specs.get(t)).filter((s): s is InstanceTypeSpec => s !== undefined) : [];
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

  priceDates(region: string): RegionPriceDates {
    const hit = this.datesByRegion.get(region);
    if (hit) return hit;
    const b = new RegionDatesBuilder();
    const table = this.prices.get(region);
    for (const t of table?.types() ?? []) {
      const bases = table!.priceBases ? table!.priceBases(t) : ((p) => p && ec2PriceBases(p))(table!.get(t));
      if (bases) b.addEc2(bases);
    }
    for (const sp of this.services.get(region)?.values() ?? []) b.kinds.services.add(sp.basis);
    const dates = b.build(region, this.data.info.sources);
    this.datesByRegion.set(region, dates);
    return dates;
  }

  coverage(region: string): RegionCoverage {
    const table = this.prices.get(region);
    const tally = new CoverageTally();
    let instanceTypes = 0;
    for (const t of table?.types() ?? []) {
      const f = table!.coverageFacts ? table!.coverageFacts(t) : ((p) => p && coverageFactsOf(p))(table!.get(t));
      if (!f) continue;
      instanceTypes++;
      tally.add(f, this.specs.get(t)?.currentGeneration === true);
    }
    return tally.result(region, instanceTypes, this.services.get(region)?.size ?? 0);
  }

}
