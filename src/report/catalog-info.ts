/** `nuage catalog info`: where the catalog's figures come from and how much of each region it covers. */
import type { Catalog, CatalogSource, RegionCoverage } from '../catalog/types.js';
import { textTable } from './table.js';

export const OFFERED_DEFINITION =
  'a type is offered in a region when a price source lists it there (with or without a price) or the Spot Instance Advisor does; ' +
  'coverage = share of the current-generation offered types with an exact on-demand price';

export interface CatalogInfoView {
  readonly pricesAsOf: string;
  readonly origin: string;
  readonly sources: readonly CatalogSource[];
  readonly offeredDefinition: string;
  readonly regions: readonly RegionCoverage[];
}

export function catalogInfoView(catalog: Catalog, regions: readonly string[] = catalog.regions()): CatalogInfoView {
  const info = catalog.info();
  return {
    pricesAsOf: info.pricesAsOf,
    origin: info.origin,
    sources: info.sources,
    offeredDefinition: OFFERED_DEFINITION,
    regions: regions.map((r) => {
      const c = catalog.coverage(r);
      return { ...c, currentGenOnDemandExactPercent: Math.round(c.currentGenOnDemandExactPercent * 100) / 100 };
    }),
  };
}

export function renderCatalogInfoTable(v: CatalogInfoView): string {
  const sources = textTable(
    [{ header: 'source' }, { header: 'as of' }, { header: 'what' }],
    v.sources.map((s) => [s.id, s.asOf, s.description]),
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
  return [
    `price catalog: ${v.origin}, newest exact price ${v.pricesAsOf} (each price carries its own date)`,
    '',
    'sources:',
    sources.trimEnd(),
    '',
    'coverage per region (reserved: types whose rates are all exact / types with at least one estimate):',
    coverage.trimEnd(),
    '',
    `offered: ${v.offeredDefinition}`,
  ].join('\n') + '\n';
}
