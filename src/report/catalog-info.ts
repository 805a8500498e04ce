/** `nuage catalog info`: where the catalog's figures come from and how much of each region it covers. */
import { describePriceDates, PRICE_KIND_LABELS, PRICE_KINDS, rangeText, sourcesDated, type DateRange, type PriceDates, type RegionPriceDates } from '../catalog/price-dates.js';
import type { Catalog, CatalogSource, RegionCoverage } from '../catalog/types.js';
import { textTable } from './table.js';
import { wrap } from './wrap.js';

export const OFFERED_DEFINITION =
  'a type is offered in a region when a price source lists it there (with or without a price) or the Spot Instance Advisor does; ' +
  'coverage = share of the current-generation offered types with an exact on-demand price';

export interface CatalogInfoView {
  /** The newest exact price anywhere in the catalog (not the date of any one region's prices: see priceDates). */
  readonly pricesAsOf: string;
  /** The oldest and newest dates of the listed sources. */
  readonly sourcesDated: DateRange | null;
  readonly origin: string;
  readonly sources: readonly CatalogSource[];
  readonly offeredDefinition: string;
  readonly regions: readonly RegionCoverage[];
  /** Per region: the dates of its prices per kind (on-demand, reserved, spot, Spot Advisor, services). */
  readonly priceDates: readonly RegionPriceDates[];
}

export function catalogInfoView(catalog: Catalog, regions: readonly string[] = catalog.regions()): CatalogInfoView {
  const info = catalog.info();
  return {
    pricesAsOf: info.pricesAsOf,
    sourcesDated: sourcesDated(info.sources) ?? null,
    origin: info.origin,
    sources: info.sources,
    offeredDefinition: OFFERED_DEFINITION,
    regions: regions.map((r) => {
      const c = catalog.coverage(r);
      return { ...c, currentGenOnDemandExactPercent: Math.round(c.currentGenOnDemandExactPercent * 100) / 100 };
    }),
    priceDates: regions.map((r) => catalog.priceDates(r)),
  };
}

/** A table cell: the date range of a kind, "-" when the region has none. */
function cell(d: PriceDates): string {
  return d.oldest !== undefined && d.newest !== undefined ? rangeText({ oldest: d.oldest, newest: d.newest }) : '-';
}

function headline(v: CatalogInfoView): string {
  const span = v.sourcesDated ? `sources dated ${v.sourcesDated.oldest} … ${v.sourcesDated.newest}` : 'no dated sources';
  return `price catalog: ${v.origin}, ${span}; each price carries its own date (see the price dates per region)`;
}

/** Per-region lines: the region's own dates (with --region, or when a single region is shown). */
function regionDetail(d: RegionPriceDates): string[] {
  const width = Math.max(...PRICE_KINDS.map((k) => PRICE_KIND_LABELS[k].length));
  const all = PRICE_KINDS.map((k) => d[k]).filter((x) => x.oldest !== undefined);
  const oldest = all.map((x) => x.oldest!).sort()[0];
  const newest = all.map((x) => x.newest!).sort().at(-1);
  return [
    `${d.region}: prices dated ${oldest && newest ? rangeText({ oldest, newest }) : 'none'}`,
    ...PRICE_KINDS.map((k) => `  ${PRICE_KIND_LABELS[k].padEnd(width)}  ${describePriceDates(d[k], 3)}`),
  ];
}

/** One row per source, its description wrapped onto continuation rows so the table fits 100 columns. */
function sourceRows(sources: CatalogInfoView['sources']): string[][] {
  const idWidth = Math.max('source'.length, ...sources.map((s) => s.id.length));
  const whatWidth = Math.max(40, 100 - idWidth - 2 - 'YYYY-MM-DD'.length - 2);
  return sources.flatMap((s) => wrap(s.description, whatWidth, '').map((line, i) => (i === 0 ? [s.id, s.asOf, line] : ['', '', line])));
}

export function renderCatalogInfoTable(v: CatalogInfoView): string {
  const sources = textTable(
    [{ header: 'source' }, { header: 'as of' }, { header: 'what' }],
    sourceRows(v.sources),
  );
  const coverage = textTable(
    [
      { header: 'region' },
      { header: 'types', align: 'right' },
      { header: 'on-demand exact', align: 'right' },
      { header: 'current-gen exact %', align: 'right' },
      { header: 'reserved exact', align: 'right' },
      { header: 'reserved estimated', align: 'right' },
      { header: 'spot', align: 'right' },
      { header: 'service prices', align: 'right' },
    ],
    v.regions.map((c) => [
      c.region,
      String(c.instanceTypes),
      String(c.onDemandExact),
      c.currentGenOnDemandExactPercent.toFixed(2),
      String(c.reservedExact),
      String(c.reservedEstimated),
      String(c.spot),
      String(c.servicePrices),
    ]),
  );
  const dates = textTable(
    [{ header: 'region' }, ...PRICE_KINDS.map((k) => ({ header: PRICE_KIND_LABELS[k] }))],
    v.priceDates.map((d) => [d.region, ...PRICE_KINDS.map((k) => cell(d[k]))]),
  );
  return [
    headline(v),
    '',
    'sources:',
    sources.trimEnd(),
    '',
    'coverage per region (reserved: types whose rates are all exact / types with at least one estimate):',
    coverage.trimEnd(),
    '',
    'price dates per region (oldest…newest; an estimate is dated by the price it scales):',
    dates.trimEnd(),
    ...(v.priceDates.length === 1 ? ['', ...regionDetail(v.priceDates[0]!)] : []),
    '',
    `offered: ${v.offeredDefinition}`,
  ].join('\n') + '\n';
}
