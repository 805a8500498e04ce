/**
 * Looks up one instance type in one region, failing with a NotFoundError that suggests the nearest
 * names (unknown type or region) or the regions that do price the type.
 */
import { NotFoundError } from '../errors.js';
import { didYouMean } from './suggest.js';
import type { Catalog, Ec2Prices, InstanceTypeSpec } from './types.js';

export interface TypeInRegion {
  readonly spec: InstanceTypeSpec;
  readonly prices: Ec2Prices;
}

export function checkRegion(catalog: Catalog, region: string): void {
  const regions = catalog.regions();
  if (!regions.includes(region)) {
    throw new NotFoundError(`unknown region "${region}".${didYouMean(region, regions)} Regions in the catalog: ${regions.join(', ')}`);
  }
}

export function lookupTypeInRegion(catalog: Catalog, instanceType: string, region: string): TypeInRegion {
  const name = instanceType.trim().toLowerCase();
  const spec = catalog.instanceType(name);
  if (!spec) {
    throw new NotFoundError(`unknown instance type "${instanceType}".${didYouMean(name, catalog.instanceTypes().map((s) => s.instanceType))}`);
  }
  checkRegion(catalog, region);
  const prices = catalog.ec2Prices(region, name);
  if (!prices) {
    const elsewhere = catalog.regions().filter((r) => catalog.ec2Prices(r, name) !== undefined);
    throw new NotFoundError(
      `${name} is not offered in ${region} in the price catalog (prices as of ${catalog.info().pricesAsOf}).` +
        (elsewhere.length > 0 ? ` Regions that price it: ${elsewhere.join(', ')}` : ' No region prices it.'),
    );
  }
  return { spec, prices };
}
