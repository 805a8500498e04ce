/**
 * Maps rows of the terracost pricing dump (AWS Price List rows, eu-west-1, 2023-02-23) to nuage service-price
 * keys through the shared product → key mapping (src/catalog/offer/service-map.ts), the one the Pricing API
 * refresh and the offer-file importer use. The dump keeps a few attributes under PascalCase names; they are
 * renamed to their Price List API names first. On-demand prices only; one key per price point.
 */
import { mapServiceProduct, servicePriceOf, type PriceDimension, type ServiceMapping } from '../../src/catalog/offer/service-map.js';
import type { DumpPrice, DumpProduct } from './mysql-dump.js';

export interface MappedPrice {
  readonly key: string;
  readonly unit: string;
  readonly usd: string;
  readonly description: string;
}

/** terracost attribute names → Price List API attribute names. */
const API_NAMES: Readonly<Record<string, string>> = {
  CacheEngine: 'cacheEngine',
  CapacityStatus: 'capacitystatus',
  DatabaseEdition: 'databaseEdition',
  DatabaseEngine: 'databaseEngine',
  DeploymentOption: 'deploymentOption',
  EBSOptimized: 'ebsOptimized',
  Group: 'group',
  InstanceType: 'instanceType',
  LicenseModel: 'licenseModel',
  OperatingSystem: 'operatingSystem',
  PreInstalledSW: 'preInstalledSw',
  Tenancy: 'tenancy',
  UsageType: 'usagetype',
  VolumeAPIName: 'volumeApiName',
  VolumeType: 'volumeType',
};

export function apiAttributes(dump: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(dump)) out[API_NAMES[k] ?? k] = v;
  return out;
}

/** Every mapped eu-west-1 price of the dump (on-demand; tiers as the key's mapping says), sorted by key. */
export function mapEuWest1(products: readonly DumpProduct[], prices: readonly DumpPrice[]): MappedPrice[] {
  const dims = new Map<number, PriceDimension[]>();
  for (const pr of prices) {
    if (pr.attributes.TermType !== 'OnDemand') continue;
    let list = dims.get(pr.productId);
    if (!list) dims.set(pr.productId, (list = []));
    list.push({ unit: pr.unit, usd: pr.price, beginRange: pr.attributes.StartingRange ?? '0', description: '' });
  }
  const out = new Map<string, { price: MappedPrice; rank: number }>();
  for (const p of products) {
    // Data-transfer rows carry no location; their usage type names the region (EU- = eu-west-1).
    if (p.location !== 'eu-west-1' && !(p.location === '' && p.family === 'Data Transfer' && (p.attributes.UsageType ?? '').startsWith('EU-'))) continue;
    const attributes = apiAttributes(p.attributes);
    const m: ServiceMapping | undefined = mapServiceProduct({ serviceCode: p.service, productFamily: p.family, attributes });
    const list = dims.get(p.id);
    if (!m || !list) continue;
    const priced = servicePriceOf(m, list, attributes.usagetype ?? '');
    if (!priced.ok) continue;
    // The lower rank wins (RDS "Any" rows over MySQL rows); between equals, the first row seen.
    const cur = out.get(m.key);
    if (!cur || m.rank < cur.rank) out.set(m.key, { price: { key: m.key, unit: priced.unit, usd: priced.usd, description: priced.description }, rank: m.rank });
  }
  return [...out.values()].map((v) => v.price).sort((a, b) => a.key.localeCompare(b.key));
}
