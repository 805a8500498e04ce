/**
 * Turns the parsed snapshot files (see snapshot-format.ts) into catalog values. Pure: the caller reads
 * the files (a region file through a thunk, so a region is parsed only when first used). Prices decode
 * per instance type on first look-up and are then cached. A file of the wrong format fails with an
 * InputError naming it.
 */
import { InputError } from '../errors.js';
import type { CatalogData, CoverageFacts, RegionPriceTable } from './memory.js';
import { RESERVED_ORDER, SNAPSHOT_FORMAT, type CatalogFile, type PriceRow, type RegionFile, type SpecRow, type SpotCell, type TypesFile } from './snapshot-format.js';
import type { CatalogSource, Ec2Prices, InstanceTypeSpec, PriceBasis, ReservedRate, ServicePrice, SpotFacts } from './types.js';

export interface NamedFile<T> {
  /** Path shown in error messages. */
  readonly file: string;
  readonly content: T;
}

export interface SnapshotFiles {
  readonly catalog: NamedFile<CatalogFile>;
  readonly types: NamedFile<TypesFile>;
  /** One loader per region listed in catalog.json. */
  readonly regions: ReadonlyMap<string, () => NamedFile<RegionFile>>;
  readonly sources: readonly CatalogSource[];
  readonly services: readonly ServicePrice[];
}

export function checkFormat(f: NamedFile<{ format?: unknown }>): void {
  if (f.content?.format !== SNAPSHOT_FORMAT) {
    throw new InputError({ file: f.file, field: 'format' }, `expected "${SNAPSHOT_FORMAT}", found ${JSON.stringify(f.content?.format)}; rebuild with npm run data:build`);
  }
}

export function decodeSpec(r: SpecRow): InstanceTypeSpec {
  return {
    instanceType: r[0],
    family: r[1],
    generation: r[2],
    size: r[3],
    vcpu: r[4],
    memoryGiB: r[5],
    arch: r[6],
    cpuManufacturer: r[7],
    sustainedClockGhz: r[8],
    burstable: r[9] === 1,
    bareMetal: r[10] === 1,
    currentGeneration: r[11] === 1,
    networkBandwidthMbps: r[12],
    gpuCount: r[13],
  };
}

/** Decodes the rows of one region file for one catalog file. */
export class RowDecoder {
  constructor(
    private readonly catalog: CatalogFile,
    private readonly file: string,
  ) {}

  /** The basis at index `i`; `type` and `what` name the field in the error (built only then). */
  basis(i: number, type: string, what: string): PriceBasis {
    const b = this.catalog.bases[i];
    if (!b) throw new InputError({ file: this.file, field: `${type} ${what}` }, `basis index ${i} is not in ec2/catalog.json (${this.catalog.bases.length} bases)`);
    return b;
  }

  private reserved(cell: string | null, type: string): ReservedRate[] {
    if (cell === null) return [];
    const entries = cell.split(' ');
    if (entries.length !== RESERVED_ORDER.length) {
      throw new InputError({ file: this.file, field: `${type} reserved` }, `expected ${RESERVED_ORDER.length} entries, found ${entries.length}`);
    }
    const out: ReservedRate[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e === '-') continue;
      const at = e.indexOf('@');
      const [effective, upfront, hourly] = e.slice(0, at).split(',') as [string, string?, string?];
      const [b, sb] = e.slice(at + 1).split('/');
      const o = RESERVED_ORDER[i]!;
      const rate: { -readonly [K in keyof ReservedRate]: ReservedRate[K] } = {
        term: o.term,
        offeringClass: o.offeringClass,
        paymentOption: o.paymentOption,
        upfrontUsd: o.paymentOption === 'no-upfront' ? '0' : (upfront ?? '0'),
        usdPerHour: o.paymentOption === 'no-upfront' ? effective : o.paymentOption === 'all-upfront' ? '0' : (hourly ?? '0'),
        effectiveUsdPerHour: effective,
        basis: this.basis(Number(b), type, `reserved[${i}]`),
      };
      if (sb !== undefined) rate.splitBasis = this.basis(Number(sb), type, `reserved[${i}] split`);
      out.push(rate);
    }
    return out;
  }

  private spot(s: SpotCell, type: string): SpotFacts {
    const [savings, bucket, advisorIdx, usd, priceIdx, zones] = s;
    const facts: { -readonly [K in keyof SpotFacts]: SpotFacts[K] } = {};
    if (savings !== null) facts.savingsPercent = savings;
    if (bucket !== null) facts.interruptionBucket = { index: bucket, label: this.catalog.interruptionLabels[bucket] ?? `bucket ${bucket}` };
    if (advisorIdx >= 0) facts.advisorBasis = this.basis(advisorIdx, type, 'spot advisor');
    if (usd !== null) facts.averageUsdPerHour = usd;
    if (priceIdx >= 0) facts.priceBasis = this.basis(priceIdx, type, 'spot price');
    if (zones !== '') {
      const byZone: Record<string, string> = {};
      for (const pair of zones.split(' ')) {
        const eq = pair.indexOf('=');
        byZone[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      facts.byZone = byZone;
    }
    return facts;
  }

  decode(region: string, row: PriceRow): Ec2Prices {
    const [type, od, odIdx, reserved, spot] = row;
    const prices = { region, instanceType: type, currency: 'USD' } as { -readonly [K in keyof Ec2Prices]: Ec2Prices[K] };
    // Reserved rates are decoded on first access: most look-ups need only the on-demand price.
    let rates: ReservedRate[] | undefined;
    Object.defineProperty(prices, 'reserved', { enumerable: true, get: () => (rates ??= this.reserved(reserved, type)) });
    if (od !== null) prices.onDemand = { usdPerHour: od, basis: this.basis(odIdx, type, 'on-demand') };
    if (spot !== null) prices.spot = this.spot(spot, type);
    return prices;
  }
}

/** A region of the snapshot: parsed on first use, each type decoded on first look-up. */
export class SnapshotPriceTable implements RegionPriceTable {
  private rows: readonly PriceRow[] | undefined;
  private index: Map<string, number> | undefined;
  private typeList: string[] = [];
  private decoder: RowDecoder | undefined;
  private readonly decoded = new Map<string, Ec2Prices>();

  constructor(
    readonly region: string,
    private readonly catalog: CatalogFile,
    private readonly load: () => NamedFile<RegionFile>,
  ) {}

  private ensure(): Map<string, number> {
    if (this.index) return this.index;
    const f = this.load();
    checkFormat(f);
    if (f.content.region !== this.region) throw new InputError({ file: f.file, field: 'region' }, `expected "${this.region}", found "${f.content.region}"`);
    this.rows = f.content.rows;
    this.decoder = new RowDecoder(this.catalog, f.file);
    const index = new Map<string, number>();
    this.rows.forEach((r, i) => index.set(r[0], i));
    this.typeList = [...index.keys()];
    return (this.index = index);
  }

  types(): readonly string[] {
    this.ensure();
    return this.typeList;
  }

  /** Coverage facts straight from the row: basis kinds by index, no decoding of prices. */
  coverageFacts(instanceType: string): CoverageFacts | undefined {
    const at = this.ensure().get(instanceType);
    if (at === undefined) return undefined;
    const [, od, odIdx, reserved, spot] = this.rows![at]!;
    const bases = this.catalog.bases;
    let count = 0;
    let allExact = true;
    if (reserved !== null) {
      for (const m of reserved.matchAll(/@(\d+)/g)) {
        count++;
        if (bases[Number(m[1])]?.kind !== 'exact') allExact = false;
      }
    }
    return { onDemand: od === null ? undefined : bases[odIdx]?.kind, reserved: count, reservedAllExact: allExact, spot: spot !== null };
  }

  get(instanceType: string): Ec2Prices | undefined {
    const hit = this.decoded.get(instanceType);
    if (hit) return hit;
    const at = this.ensure().get(instanceType);
    if (at === undefined) return undefined;
    const p = this.decoder!.decode(this.region, this.rows![at]!);
    this.decoded.set(instanceType, p);
    return p;
  }
}

/** Every file of the snapshot → the values an InMemoryCatalog is built from. */
export function decodeSnapshot(files: SnapshotFiles): CatalogData {
  checkFormat(files.catalog);
  checkFormat(files.types);
  const catalog = files.catalog.content;
  const regions = new Set(catalog.regions);
  for (const s of files.services) regions.add(s.region);
  const priceTables = catalog.regions.map((r) => {
    const load = files.regions.get(r);
    if (!load) throw new InputError({ file: files.catalog.file, field: 'regions' }, `no file for region ${r}`);
    return new SnapshotPriceTable(r, catalog, load);
  });
  return {
    info: { pricesAsOf: catalog.pricesAsOf, sources: files.sources, regions: [...regions].sort(), origin: 'snapshot' },
    instanceTypes: files.types.content.rows.map(decodeSpec),
    priceTables,
    servicePrices: files.services,
  };
}
