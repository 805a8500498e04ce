/**
 * Catalog repository: writes a refresh or an import in ONE transaction (rows replaced per region and
 * source, so re-running never duplicates), and reads everything back for the stored catalog.
 */
import { and, asc, desc, eq, getTableColumns, getTableName, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CatalogData } from '../catalog/memory.js';
import type { CatalogSource, Ec2Prices, InstanceTypeSpec, PriceBasis, ServicePrice } from '../catalog/types.js';
import type { Store } from './db.js';
import {
  catalogInstanceTypes,
  catalogOnDemandPrices,
  catalogRefreshLog,
  catalogReservedPrices,
  catalogServicePrices,
  catalogSources,
  catalogSpotAdvisor,
  catalogSpotPrices,
} from './schema/catalog.js';

export interface CatalogWrite {
  readonly kind: 'refresh' | 'import';
  /** Offer file path or API endpoint, for the refresh log. */
  readonly origin: string;
  /** When the refresh/import ran, ISO timestamp. */
  readonly at: string;
  /** Regions whose rows are replaced. */
  readonly regions: readonly string[];
  /** Only these instance types' rows are replaced (a refresh limited with --types). */
  readonly instanceTypes?: readonly string[];
  /** Source replaced in each table; a table without a source is left untouched. */
  readonly replace: {
    readonly onDemand?: readonly string[];
    readonly reserved?: readonly string[];
    readonly spot?: readonly string[];
    readonly spotAdvisor?: readonly string[];
    readonly services?: readonly string[];
    /** Only service prices whose key starts with one of these are replaced (a refresh of some --services groups, an RDS offer file…). */
    readonly serviceKeyPrefixes?: readonly string[];
  };
  /** What the refresh-log row says the write was limited to (default: the --types list, if any). */
  readonly logScope?: string;
  /** Sources of the written figures (upserted; `catalog info` lists them). */
  readonly sources?: readonly CatalogSource[];
  readonly specs?: { readonly specs: readonly InstanceTypeSpec[]; readonly source: string; readonly asOf: string };
  readonly ec2Prices: readonly Ec2Prices[];
  readonly servicePrices: readonly ServicePrice[];
}

export interface RegionWriteCounts {
  readonly region: string;
  readonly onDemand: number;
  readonly reserved: number;
  readonly spot: number;
  readonly servicePrices: number;
}

export interface WriteSummary {
  readonly instanceTypes: number;
  readonly regions: readonly RegionWriteCounts[];
}

interface ScopeColumns {
  readonly region: AnySQLiteColumn;
  readonly source: AnySQLiteColumn;
  readonly instanceType?: AnySQLiteColumn;
}

function basisColumns(b: PriceBasis, writtenAt: string) {
  return { source: b.source, asOf: b.asOf, basisKind: b.kind, method: b.method ?? null, writtenAt };
}

/**
 * Bulk insert through one prepared statement built from the drizzle table definition (column names
 * and driver encodings come from the schema); ~10× faster than drizzle's multi-row builder on 100k rows.
 */
function insertMany<T extends SQLiteTable>(store: Store, table: T, rows: readonly T['$inferInsert'][]): void {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table));
  const sql = `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
  const statement = store.sqlite.prepare(sql);
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    statement.run(columns.map(([key, c]) => (r[key] === undefined || r[key] === null ? null : c.mapToDriverValue(r[key]))));
  }
}

/** The rows of a write, per table. */
function rowsOf(w: CatalogWrite) {
  const at = w.at;
  const onDemand = w.ec2Prices
    .filter((p) => p.onDemand)
    .map((p) => ({ region: p.region, instanceType: p.instanceType, usdPerHour: p.onDemand!.usdPerHour, ...basisColumns(p.onDemand!.basis, at) }));
  const reserved = w.ec2Prices.flatMap((p) =>
    p.reserved.map((r) => ({
      region: p.region,
      instanceType: p.instanceType,
      term: r.term,
      offeringClass: r.offeringClass,
      paymentOption: r.paymentOption,
      upfrontUsd: r.upfrontUsd,
      usdPerHour: r.usdPerHour,
      effectiveUsdPerHour: r.effectiveUsdPerHour,
      ...basisColumns(r.basis, at),
      splitSource: r.splitBasis?.source ?? null,
      splitAsOf: r.splitBasis?.asOf ?? null,
      splitKind: r.splitBasis?.kind ?? null,
      splitMethod: r.splitBasis?.method ?? null,
    })),
  );
  const spot = w.ec2Prices
    .filter((p) => p.spot?.averageUsdPerHour !== undefined && p.spot.priceBasis)
    .map((p) => ({
      region: p.region,
      instanceType: p.instanceType,
      averageUsdPerHour: p.spot!.averageUsdPerHour!,
      byZone: { ...(p.spot!.byZone ?? {}) },
      ...basisColumns(p.spot!.priceBasis!, at),
    }));
  const advisor = w.ec2Prices
    .filter((p) => p.spot?.advisorBasis && (p.spot.savingsPercent !== undefined || p.spot.interruptionBucket !== undefined))
    .map((p) => ({
      region: p.region,
      instanceType: p.instanceType,
      savingsPercent: p.spot!.savingsPercent ?? null,
      interruptionIndex: p.spot!.interruptionBucket?.index ?? null,
      interruptionLabel: p.spot!.interruptionBucket?.label ?? null,
      ...basisColumns(p.spot!.advisorBasis!, at),
    }));
  const services = w.servicePrices.map((s) => ({ region: s.region, key: s.key, unit: s.unit, usd: s.usd, description: s.description, ...basisColumns(s.basis, at) }));
  return { onDemand, reserved, spot, advisor, services };
}

/** Deletes the rows a write replaces: its sources, in its regions (only its types with --types). */
function deleteReplaced(store: Store, w: CatalogWrite): void {
  const prefixes = w.replace.serviceKeyPrefixes;
  if (prefixes?.some((p) => p === '' || /[%_\\]/.test(p))) throw new Error(`service key prefixes must be plain text: ${prefixes.join(', ')}`);
  const scoped = (cols: ScopeColumns, region: string, sources: readonly string[]): SQL => {
    const conds = [eq(cols.region, region), inArray(cols.source, [...sources])];
    if (w.instanceTypes && cols.instanceType) conds.push(inArray(cols.instanceType, [...w.instanceTypes]));
    if (prefixes && cols === catalogServicePrices) conds.push(or(...prefixes.map((p) => sql`${catalogServicePrices.key} like ${`${p}%`}`))!);
    return and(...conds)!;
  };
  const tables: [SQLiteTable & ScopeColumns, readonly string[] | undefined][] = [
    [catalogOnDemandPrices, w.replace.onDemand],
    [catalogReservedPrices, w.replace.reserved],
    [catalogSpotPrices, w.replace.spot],
    [catalogSpotAdvisor, w.replace.spotAdvisor],
    [catalogServicePrices, w.replace.services],
  ];
  for (const region of w.regions) {
    for (const [table, sources] of tables) {
      if (!sources || sources.length === 0) continue;
      if (table === catalogServicePrices && prefixes?.length === 0) continue;
      store.db.delete(table).where(scoped(table, region, sources)).run();
    }
  }
}

/** Writes a refresh or an import in one transaction: deletes what it replaces, inserts, logs. */
export function writeCatalog(store: Store, w: CatalogWrite): WriteSummary {
  const at = w.at;
  return store.transaction(() => {
    deleteReplaced(store, w);
    const rows = rowsOf(w);
    insertMany(store, catalogOnDemandPrices, rows.onDemand);
    insertMany(store, catalogReservedPrices, rows.reserved);
    insertMany(store, catalogSpotPrices, rows.spot);
    insertMany(store, catalogSpotAdvisor, rows.advisor);
    insertMany(store, catalogServicePrices, rows.services);
    for (const src of w.sources ?? []) {
      store.db
        .insert(catalogSources)
        .values({ ...src, writtenAt: at })
        .onConflictDoUpdate({
          target: catalogSources.id,
          set: { description: src.description, origin: src.origin, writtenAt: at, asOf: sql`max(${catalogSources.asOf}, excluded.as_of)` },
        })
        .run();
    }
    const specs = w.specs?.specs ?? [];
    for (const spec of specs) {
      const row = { ...spec, source: w.specs!.source, asOf: w.specs!.asOf, writtenAt: at };
      store.db.insert(catalogInstanceTypes).values(row).onConflictDoUpdate({ target: catalogInstanceTypes.instanceType, set: row }).run();
    }
    return { instanceTypes: specs.length, regions: logWrite(store, w, rows, specs.length) };
  });
}

/** One refresh-log row per region, with its counts and newest price date. */
function logWrite(store: Store, w: CatalogWrite, rows: ReturnType<typeof rowsOf>, specCount: number): RegionWriteCounts[] {
  const r = w.replace;
  const sources = [...new Set([...(r.onDemand ?? []), ...(r.reserved ?? []), ...(r.spot ?? []), ...(r.spotAdvisor ?? []), ...(r.services ?? []), ...(w.specs ? [w.specs.source] : [])])];
  const per = new Map(w.regions.map((region) => [region, { region, onDemand: 0, reserved: 0, spot: 0, servicePrices: 0, asOf: '' }]));
  const count = (list: readonly { region: string; asOf: string }[], field: 'onDemand' | 'reserved' | 'spot' | 'servicePrices' | undefined) => {
    for (const row of list) {
      const c = per.get(row.region);
      if (!c) continue;
      if (field) c[field]++;
      if (row.asOf > c.asOf) c.asOf = row.asOf;
    }
  };
  count(rows.onDemand, 'onDemand');
  count(rows.reserved, 'reserved');
  count(rows.spot, 'spot');
  count(rows.advisor, undefined);
  count(rows.services, 'servicePrices');
  return [...per.values()].map(({ asOf, ...counts }) => {
    store.db
      .insert(catalogRefreshLog)
      .values({
        at: w.at,
        kind: w.kind,
        origin: w.origin,
        sources: sources.join(','),
        asOf: asOf || (w.specs?.asOf ?? w.at.slice(0, 10)),
        instanceTypes: specCount,
        ...counts,
        scope: w.logScope ?? (w.instanceTypes ? w.instanceTypes.join(',') : null),
      })
      .run();
    return counts;
  });
}

export type RefreshLogEntry = typeof catalogRefreshLog.$inferSelect;

/** The refresh log, newest first. */
export function refreshLog(store: Store, limit = 100): RefreshLogEntry[] {
  return store.db.select().from(catalogRefreshLog).orderBy(desc(catalogRefreshLog.id)).limit(limit).all();
}

export interface StoredRows {
  readonly specs: (typeof catalogInstanceTypes.$inferSelect)[];
  readonly onDemand: (typeof catalogOnDemandPrices.$inferSelect)[];
  readonly reserved: (typeof catalogReservedPrices.$inferSelect)[];
  readonly spot: (typeof catalogSpotPrices.$inferSelect)[];
  readonly advisor: (typeof catalogSpotAdvisor.$inferSelect)[];
  readonly sources: (typeof catalogSources.$inferSelect)[];
  readonly services: (typeof catalogServicePrices.$inferSelect)[];
  readonly log: RefreshLogEntry[];
}

export function readCatalogRows(store: Store): StoredRows {
  const db = store.db;
  return {
    specs: db.select().from(catalogInstanceTypes).all(),
    onDemand: db.select().from(catalogOnDemandPrices).all(),
    reserved: db.select().from(catalogReservedPrices).all(),
    spot: db.select().from(catalogSpotPrices).all(),
    advisor: db.select().from(catalogSpotAdvisor).all(),
    sources: db.select().from(catalogSources).orderBy(asc(sql`rowid`)).all(),
    services: db.select().from(catalogServicePrices).all(),
    log: db.select().from(catalogRefreshLog).orderBy(desc(catalogRefreshLog.id)).all(),
  };
}

/**
 * Any catalog values into the store (the contract suite, tests, tools): specs upserted, prices of the
 * sources they carry replaced in their regions, the info's sources recorded.
 */
export function writeCatalogData(store: Store, data: CatalogData, opts: { at: string; origin: string }): WriteSummary {
  const ec2 = data.ec2Prices ?? [];
  const services = data.servicePrices ?? [];
  const of = (bases: (PriceBasis | undefined)[]) => [...new Set(bases.filter((b): b is PriceBasis => b !== undefined).map((b) => b.source))];
  const regions = [...new Set([...data.info.regions, ...ec2.map((p) => p.region), ...services.map((s) => s.region)])];
  const written: WriteSummary = writeCatalog(store, {
    kind: 'import',
    origin: opts.origin,
    at: opts.at,
    regions,
    replace: {
      onDemand: of(ec2.map((p) => p.onDemand?.basis)),
      reserved: of(ec2.flatMap((p) => p.reserved.map((r) => r.basis))),
      spot: of(ec2.map((p) => p.spot?.priceBasis)),
      spotAdvisor: of(ec2.map((p) => p.spot?.advisorBasis)),
      services: of(services.map((s) => s.basis)),
    },
    sources: data.info.sources,
    ...(data.instanceTypes.length > 0 ? { specs: { specs: data.instanceTypes, source: data.info.origin, asOf: data.info.pricesAsOf } } : {}),
    ec2Prices: ec2,
    servicePrices: services,
  });
  return written;
}
