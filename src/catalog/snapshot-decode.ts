/**
 * Turns the parsed snapshot files (see snapshot-format.ts) into catalog values. Pure: the caller reads
 * the files (a region file through a thunk, so a region is parsed only when first used). Prices decode
 * per instance type on first look-up and are then cached. A file of the wrong format fails with an
 * InputError naming it.
 */
import { InputError } from '../errors.js';
import { ratioEstimate, splitReserved } from './reserved-split.js';
import type { CatalogData, CoverageFacts, RegionPriceTable } from './memory.js';
import type { Ec2PriceBases } from './price-dates.js';
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
  readonly regions: ReadonlyMap<string, () => RegionText>;
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

  private reserved(cell: string | number | null, onDemand: string | null, type: string): ReservedRate[] {
    if (cell === null) return [];
    if (typeof cell === 'number') return this.fromRatios(cell, onDemand, type);
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

  /** Ratio set `set` applied to the row's on-demand price. */
  private fromRatios(set: number, onDemand: string | null, type: string): ReservedRate[] {
    const field = `${type} reserved`;
    const entries = this.catalog.ratioSets?.[set]?.split(' ');
    if (!entries || entries.length !== RESERVED_ORDER.length) throw new InputError({ file: this.file, field }, `ratio set ${set} is missing from ec2/catalog.json or malformed`);
    if (onDemand === null) throw new InputError({ file: this.file, field }, 'a ratio set needs an on-demand price');
    const split = this.catalog.partialSplit;
    if (!split) throw new InputError({ file: this.file, field }, 'ec2/catalog.json has no partialSplit for its ratio sets');
    const partial = { upfrontShare: split.upfrontShare, basis: this.basis(split.basis, type, 'partialSplit') };
    const out: ReservedRate[] = [];
    entries.forEach((e, i) => {
      if (e === '-') return;
      const at = e.indexOf('@');
      out.push(splitReserved(i, ratioEstimate(e.slice(0, at), onDemand), this.basis(Number(e.slice(at + 1)), type, `reserved[${i}]`), partial));
    });
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
    Object.defineProperty(prices, 'reserved', { enumerable: true, get: () => (rates ??= this.reserved(reserved, od, type)) });
    if (od !== null) prices.onDemand = { usdPerHour: od, basis: this.basis(odIdx, type, 'on-demand') };
    if (spot !== null) prices.spot = this.spot(spot, type);
    return prices;
  }
}

/** A region file as text (parsed row by row, on demand). */
export interface RegionText {
  readonly file: string;
  readonly text: string;
}

const ROWS_OPEN = '"rows":[';

/**
 * Indexes a region file by instance type. Files written by snapshot-encode.ts hold one row per line, so
 * each row stays unparsed text until first used; any other layout is parsed whole.
 */
export function indexRegionText(f: RegionText, region: string): Map<string, string | PriceRow> {
  const { file, text } = f;
  const checkHeader = (header: { format?: unknown; region?: unknown }): void => {
    checkFormat({ file, content: header });
    if (header.region !== region) throw new InputError({ file, field: 'region' }, `expected "${region}", found ${JSON.stringify(header.region)}`);
  };
  const out = new Map<string, string | PriceRow>();
  const nl = text.indexOf('\n');
  const head = nl >= 0 ? text.slice(0, nl) : '';
  if (head.endsWith(ROWS_OPEN)) {
    let header: { format?: unknown; region?: unknown };
    try {
      header = JSON.parse(`${head}]}`) as typeof header;
    } catch (err) {
      throw new InputError({ file, row: 0 }, `not valid JSON (${(err as Error).message})`);
    }
    checkHeader(header);
    let row = 0;
    for (let pos = nl + 1; pos < text.length; ) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const line = text.slice(pos, end);
      pos = end + 1;
      if (line === ']}' || line === '') continue;
      row++;
      const q = line.indexOf('"', 2);
      if (!line.startsWith('["') || q < 0) throw new InputError({ file, row }, 'expected a row starting with ["<instance type>"');
      out.set(line.slice(2, q), line.endsWith(',') ? line.slice(0, -1) : line);
    }
    return out;
  }
  let doc: RegionFile;
  try {
    doc = JSON.parse(text) as RegionFile;
  } catch (err) {
    throw new InputError({ file }, `not valid JSON (${(err as Error).message})`);
  }
  checkHeader(doc);
  for (const r of doc.rows ?? []) out.set(r[0], r);
  return out;
}

/** A region of the snapshot: indexed on first use, each type parsed and decoded on first look-up. */
export class SnapshotPriceTable implements RegionPriceTable {
  private index: Map<string, string | PriceRow> | undefined;
  private typeList: string[] = [];
  private decoder: RowDecoder | undefined;
  private file = '';
  private readonly decoded = new Map<string, Ec2Prices>();

  constructor(
    readonly region: string,
    private readonly catalog: CatalogFile,
    private readonly load: () => RegionText,
  ) {}

  private ensure(): Map<string, string | PriceRow> {
    if (this.index) return this.index;
    const f = this.load();
    this.file = f.file;
    this.decoder = new RowDecoder(this.catalog, f.file);
    this.index = indexRegionText(f, this.region);
    this.typeList = [...this.index.keys()];
    return this.index;
  }

  private row(instanceType: string): PriceRow | undefined {
    const index = this.ensure();
    const v = index.get(instanceType);
    if (typeof v !== 'string') return v;
    let parsed: PriceRow;
    try {
      parsed = JSON.parse(v) as PriceRow;
    } catch (err) {
      throw new InputError({ file: this.file, field: instanceType }, `row is not valid JSON (${(err as Error).message})`);
    }
    index.set(instanceType, parsed);
    return parsed;
  }

  types(): readonly string[] {
    this.ensure();
    return this.typeList;
  }

  /** Coverage facts straight from the row: basis kinds by index, no decoding of prices. */
  coverageFacts(instanceType: string): CoverageFacts | undefined {
    const r = this.row(instanceType);
    if (!r) return undefined;
    const [, od, odIdx, reserved, spot] = r;
    const bases = this.catalog.bases;
    let count = 0;
    let allExact = true;
    if (reserved !== null) {
      const text = typeof reserved === 'number' ? (this.catalog.ratioSets?.[reserved] ?? '') : reserved;
      for (const m of text.matchAll(/@(\d+)/g)) {
        count++;
        if (bases[Number(m[1])]?.kind !== 'exact') allExact = false;
      }
    }
    return { onDemand: od === null ? undefined : bases[odIdx]?.kind, reserved: count, reservedAllExact: allExact, spot: spot !== null };
  }

  /** Bases straight from the row's indices, no decoding of prices (reserved: the effective rate's basis). */
  priceBases(instanceType: string): Ec2PriceBases | undefined {
    const r = this.row(instanceType);
    if (!r) return undefined;
    const [, od, odIdx, reserved, spot] = r;
    const basis = (i: number, what: string): PriceBasis => this.decoder!.basis(i, instanceType, what);
    const out: { -readonly [K in keyof Ec2PriceBases]: Ec2PriceBases[K] } = { reserved: [] };
    if (od !== null) out.onDemand = basis(odIdx, 'on-demand');
    if (reserved !== null) {
      const text = typeof reserved === 'number' ? (this.catalog.ratioSets?.[reserved] ?? '') : reserved;
      out.reserved = [...text.matchAll(/@(\d+)/g)].map((m) => basis(Number(m[1]), 'reserved'));
    }
    if (spot !== null) {
      const [savings, , advisorIdx, usd, priceIdx] = spot;
      if (usd !== null && priceIdx >= 0) out.spot = basis(priceIdx, 'spot price');
      if (savings !== null && advisorIdx >= 0) out.spotAdvisor = basis(advisorIdx, 'spot advisor');
    }
    return out;
  }

  get(instanceType: string): Ec2Prices | undefined {
    const hit = this.decoded.get(instanceType);
    if (hit) return hit;
    const r = this.row(instanceType);
    if (!r) return undefined;
    const p = this.decoder!.decode(this.region, r);
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
