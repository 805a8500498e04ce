/**
 * Plain catalog values → the snapshot files of snapshot-format.ts (the inverse of snapshot-decode.ts).
 * Used by the importer (npm run data:build) and by tests that round-trip values through the format.
 */
import { CATALOG_FILE, RESERVED_ORDER, SNAPSHOT_FORMAT, SPEC_COLUMNS, TYPES_FILE, regionFilePath, type CatalogFile, type PriceRow, type RegionFile, type SpecRow, type SpotCell, type TypesFile } from './snapshot-format.js';
import { ratioEstimate, splitReserved, type PartialSplit } from './reserved-split.js';
import type { Ec2Prices, InstanceTypeSpec, PriceBasis, ReservedRate, SpotFacts } from './types.js';

export interface SnapshotContent {
  readonly pricesAsOf: string;
  /** Regions in file order; every price's region must be listed. */
  readonly regions: readonly string[];
  readonly interruptionLabels: readonly string[];
  readonly instanceTypes: readonly InstanceTypeSpec[];
  /** In the order rows should appear within each region. */
  readonly ec2Prices: readonly Ec2Prices[];
  /** Partial-upfront split applied to ratio sets (required with reservedRatios). */
  readonly partialSplit?: PartialSplit;
  /**
   * Rows whose reserved rates are all ratio × on-demand ("region\0type" → ratio per RESERVED_ORDER offer):
   * stored as a shared ratio set instead of 12 figures. The encoder checks the loader will give back
   * exactly the rates of `ec2Prices`.
   */
  readonly reservedRatios?: ReadonlyMap<string, readonly (RatioEntry | undefined)[]>;
}

export interface RatioEntry {
  readonly ratio: string;
  readonly basis: PriceBasis;
}

export interface EncodedSnapshot {
  readonly catalog: CatalogFile;
  readonly types: TypesFile;
  readonly regions: readonly RegionFile[];
}

class Bases {
  private readonly ids = new Map<string, number>();
  readonly list: PriceBasis[] = [];
  id(b: PriceBasis): number {
    const key = JSON.stringify([b.kind, b.source, b.asOf, b.method ?? null]);
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.list.length));
      this.list.push(b.method === undefined ? { kind: b.kind, source: b.source, asOf: b.asOf } : { kind: b.kind, source: b.source, asOf: b.asOf, method: b.method });
    }
    return id;
  }
}

function specRow(s: InstanceTypeSpec): SpecRow {
  const b = (v: boolean): 0 | 1 => (v ? 1 : 0);
  return [s.instanceType, s.family, s.generation, s.size, s.vcpu, s.memoryGiB, s.arch, s.cpuManufacturer, s.sustainedClockGhz, b(s.burstable), b(s.bareMetal), b(s.currentGeneration), s.networkBandwidthMbps, s.gpuCount];
}

function reservedEntry(r: ReservedRate, where: string, bases: Bases): string {
  const p = r.paymentOption;
  if (p === 'no-upfront' && (r.upfrontUsd !== '0' || r.usdPerHour !== r.effectiveUsdPerHour)) throw new Error(`${where}: a no-upfront rate must have upfront 0 and hourly = effective`);
  if (p === 'all-upfront' && r.usdPerHour !== '0') throw new Error(`${where}: an all-upfront rate must have hourly 0`);
  const cells = p === 'no-upfront' ? [r.effectiveUsdPerHour] : p === 'all-upfront' ? [r.effectiveUsdPerHour, r.upfrontUsd] : [r.effectiveUsdPerHour, r.upfrontUsd, r.usdPerHour];
  for (const c of cells) if (/[\s,@/]/.test(c) || c === '') throw new Error(`${where}: "${c}" is not a plain decimal`);
  return `${cells.join(',')}@${bases.id(r.basis)}${r.splitBasis ? `/${bases.id(r.splitBasis)}` : ''}`;
}

function reservedCell(p: Ec2Prices, bases: Bases): string | null {
  if (p.reserved.length === 0) return null;
  const slots: string[] = RESERVED_ORDER.map(() => '-');
  for (const r of p.reserved) {
    const i = RESERVED_ORDER.findIndex((o) => o.term === r.term && o.offeringClass === r.offeringClass && o.paymentOption === r.paymentOption);
    const where = `${p.instanceType} ${p.region} ${r.term} ${r.offeringClass} ${r.paymentOption}`;
    if (slots[i] !== '-') throw new Error(`${where}: listed twice`);
    slots[i] = reservedEntry(r, where, bases);
  }
  return slots.join(' ');
}

function spotCell(s: SpotFacts, bases: Bases): SpotCell {
  const zones = Object.entries(s.byZone ?? {}).map(([z, usd]) => {
    if (/[\s=]/.test(z) || /\s/.test(usd)) throw new Error(`spot zone "${z}" = "${usd}" cannot be encoded`);
    return `${z}=${usd}`;
  });
  return [
    s.savingsPercent ?? null,
    s.interruptionBucket?.index ?? null,
    s.advisorBasis ? bases.id(s.advisorBasis) : -1,
    s.averageUsdPerHour ?? null,
    s.priceBasis ? bases.id(s.priceBasis) : -1,
    zones.join(' '),
  ];
}

const byOrder = (rates: readonly ReservedRate[]): ReservedRate[] =>
  [...rates].sort((a, b) => RESERVED_ORDER.findIndex((o) => o.term === a.term && o.offeringClass === a.offeringClass && o.paymentOption === a.paymentOption) - RESERVED_ORDER.findIndex((o) => o.term === b.term && o.offeringClass === b.offeringClass && o.paymentOption === b.paymentOption));

/** The ratio-set index for `p`, after checking that decoding it reproduces p.reserved exactly. */
function ratioSetOf(p: Ec2Prices, ratios: readonly (RatioEntry | undefined)[], partial: PartialSplit | undefined, bases: Bases, sets: Map<string, number>): number {
  const where = `${p.instanceType} ${p.region}`;
  if (!partial) throw new Error(`${where}: ratio sets need SnapshotContent.partialSplit`);
  if (!p.onDemand) throw new Error(`${where}: ratio sets need an on-demand price`);
  const expected = ratios.flatMap((r, i) => (r ? [splitReserved(i, ratioEstimate(r.ratio, p.onDemand!.usdPerHour), r.basis, partial)] : []));
  if (JSON.stringify(expected) !== JSON.stringify(byOrder(p.reserved))) throw new Error(`${where}: reserved rates are not ratio × on-demand as declared`);
  const text = RESERVED_ORDER.map((_, i) => (ratios[i] ? `${ratios[i]!.ratio}@${bases.id(ratios[i]!.basis)}` : '-')).join(' ');
  let id = sets.get(text);
  if (id === undefined) sets.set(text, (id = sets.size));
  return id;
}

export function encodeSnapshot(c: SnapshotContent): EncodedSnapshot {
  const bases = new Bases();
  const sets = new Map<string, number>();
  const rows = new Map<string, PriceRow[]>(c.regions.map((r) => [r, []]));
  for (const p of c.ec2Prices) {
    const list = rows.get(p.region);
    if (!list) throw new Error(`${p.instanceType}: region ${p.region} is not in the snapshot's region list`);
    const odBasis = p.onDemand ? bases.id(p.onDemand.basis) : -1;
    const ratios = c.reservedRatios?.get(`${p.region}\u0000${p.instanceType}`);
    const reserved = ratios ? ratioSetOf(p, ratios, c.partialSplit, bases, sets) : reservedCell(p, bases);
    list.push([p.instanceType, p.onDemand?.usdPerHour ?? null, odBasis, reserved, p.spot ? spotCell(p.spot, bases) : null]);
  }
  const partialSplit = sets.size > 0 && c.partialSplit ? { partialSplit: { upfrontShare: c.partialSplit.upfrontShare, basis: bases.id(c.partialSplit.basis) } } : {};
  return {
    catalog: {
      format: SNAPSHOT_FORMAT,
      pricesAsOf: c.pricesAsOf,
      regions: [...c.regions],
      interruptionLabels: [...c.interruptionLabels],
      ...partialSplit,
      ...(sets.size > 0 ? { ratioSets: [...sets.keys()] } : {}),
      bases: bases.list,
    },
    types: { format: SNAPSHOT_FORMAT, columns: SPEC_COLUMNS, rows: c.instanceTypes.map(specRow) },
    regions: c.regions.map((region) => ({ format: SNAPSHOT_FORMAT, region, rows: rows.get(region)! })),
  };
}

/** JSON with one array row per line, so diffs of the committed snapshot stay readable. */
function rowsJson(header: Record<string, unknown>, key: string, rows: readonly unknown[]): string {
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},${JSON.stringify(key)}:[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** The encoded snapshot as files (paths relative to data/). */
export function snapshotFiles(e: EncodedSnapshot): { path: string; content: string }[] {
  const { bases, ratioSets, ...head } = e.catalog;
  const sets = ratioSets ? `${JSON.stringify('ratioSets')}:[\n${ratioSets.map((r) => JSON.stringify(r)).join(',\n')}\n],` : '';
  const catalog = rowsJson(head, 'bases', bases).replace(/,"bases":\[/, `,${sets}"bases":[`);
  return [
    { path: CATALOG_FILE, content: catalog },
    { path: TYPES_FILE, content: rowsJson({ format: e.types.format, columns: e.types.columns }, 'rows', e.types.rows) },
    ...e.regions.map((r) => ({ path: regionFilePath(r.region), content: rowsJson({ format: r.format, region: r.region }, 'rows', r.rows) })),
  ];
}
