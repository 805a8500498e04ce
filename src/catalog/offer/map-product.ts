/**
 * One Price List product → catalog values: a Linux/shared-tenancy instance's on-demand and reserved
 * prices, a service price (EBS, NAT, RDS, load balancers… through service-map.ts), or a reason it is
 * skipped. Pure: shared by the Pricing API refresh and the bulk offer-file importer.
 */
import { InputError } from '../../errors.js';
import type { OnDemandPrice, PriceBasis, ReservedRate, ServicePrice } from '../types.js';
import { regionOf } from './locations.js';
import type { OfferOrigin, OfferProduct } from './offer-model.js';
import { plainDecimal, reservedRate } from './reserved-term.js';
import { mapServiceProduct, servicePriceOf, type ServiceMapping } from './service-map.js';

export interface InstanceOffer {
  readonly kind: 'instance';
  readonly sku: string;
  readonly region: string;
  readonly instanceType: string;
  readonly onDemand?: OnDemandPrice;
  readonly reserved: readonly ReservedRate[];
}

export interface ServiceOffer {
  readonly kind: 'service';
  readonly sku: string;
  readonly price: ServicePrice;
  /** Lower wins when several products map to the same key (see ServiceMapping.rank). */
  readonly rank: number;
}

export interface SkippedOffer {
  readonly kind: 'skip';
  /** Short, countable reason, e.g. "Windows/Dedicated/… instance" or "product family Data Transfer". */
  readonly reason: string;
}

export type MappedOffer = InstanceOffer | ServiceOffer | SkippedOffer;

export interface MapContext {
  /** Offer code of the file / ServiceCode of the GetProducts query: AmazonEC2, AmazonRDS, AWSELB, … */
  readonly serviceCode: string;
  /** Only service prices are wanted (a GetProducts query for services): instance products are skipped. */
  readonly servicesOnly?: boolean;
  /** Source id recorded in every basis ("aws-pricing-api", "aws-offer-file"). */
  readonly source: string;
  /** Publication date of the price list, YYYY-MM-DD. */
  readonly asOf: string;
  readonly origin: OfferOrigin;
  /** Keep only this region (offer files spanning several regions). */
  readonly region?: string;
}

/** The filter nuage prices: Linux, shared tenancy, no pre-installed software, used capacity. */
export const LINUX_SHARED_FILTER: Readonly<Record<string, string>> = {
  operatingSystem: 'Linux',
  tenancy: 'Shared',
  preInstalledSw: 'NA',
  capacitystatus: 'Used',
};

export function mapOfferProduct(product: OfferProduct, ctx: MapContext): MappedOffer {
  const { origin } = ctx;
  const attrs = product.attributes;
  const isInstance = ctx.serviceCode === 'AmazonEC2' && product.productFamily.startsWith('Compute Instance');
  const service = mapServiceProduct({ serviceCode: ctx.serviceCode, productFamily: product.productFamily, attributes: attrs });
  if (!isInstance && service === undefined) return { kind: 'skip', reason: `product family ${product.productFamily || '(none)'}` };

  // Local Zones, Wavelength Zones and Outposts carry their parent region's code: not the region's price.
  const locationType = attrs.locationType ?? '';
  if (locationType !== '' && locationType !== 'AWS Region') return { kind: 'skip', reason: `location type ${locationType}` };
  const region = regionOf(attrs);
  if (region === undefined) {
    throw new InputError(
      { file: origin.file, row: origin.row, field: fieldOf(origin, 'attributes.regionCode') },
      `product ${product.sku} has no region code and an unknown location "${attrs.location ?? ''}"`,
    );
  }
  if (ctx.region !== undefined && region !== ctx.region) return { kind: 'skip', reason: 'other region' };
  const basis: PriceBasis = { kind: 'exact', source: ctx.source, asOf: ctx.asOf };
  if (service !== undefined) return servicePrice(product, service, region, basis, origin);
  if (ctx.servicesOnly) return { kind: 'skip', reason: 'instance product in a service query' };

  for (const [name, wanted] of Object.entries(LINUX_SHARED_FILTER)) {
    const value = attrs[name] ?? '';
    // Older offer files have no capacitystatus: every row there is used capacity.
    if (name === 'capacitystatus' && value === '') continue;
    if (value === '') {
      throw new InputError({ file: origin.file, row: origin.row, field: fieldOf(origin, `attributes.${name}`) }, `compute product ${product.sku} has no ${name}`);
    }
    if (value !== wanted) return { kind: 'skip', reason: 'instance not Linux/Shared/NA/Used' };
  }
  if ((attrs.marketoption ?? 'OnDemand') !== 'OnDemand' && attrs.marketoption !== '') {
    return { kind: 'skip', reason: `instance market option ${attrs.marketoption}` };
  }
  const instanceType = attrs.instanceType?.trim();
  if (!instanceType) {
    throw new InputError({ file: origin.file, row: origin.row, field: fieldOf(origin, 'attributes.instanceType') }, `compute product ${product.sku} has no instance type`);
  }

  let onDemand: OnDemandPrice | undefined;
  const reserved: ReservedRate[] = [];
  for (const term of product.terms) {
    if (term.type === 'OnDemand') {
      const dim = term.dimensions.find((d) => d.unit === 'Hrs');
      if (!dim) {
        throw new InputError(
          { file: origin.file, row: origin.row, field: termField(term.path, 'priceDimensions') },
          `on-demand term of ${instanceType} has no "Hrs" price`,
        );
      }
      const usdPerHour = plainDecimal(dim.usd, origin, termField(term.path, 'pricePerUnit.USD'));
      onDemand = { usdPerHour, basis };
    } else {
      const rate = reservedRate(term, basis, origin);
      if (rate) reserved.push(rate);
    }
  }
  return { kind: 'instance', sku: product.sku, region, instanceType, onDemand, reserved };
}

/** A service product's on-demand price, by its mapping's tier and unit rules. */
function servicePrice(product: OfferProduct, m: ServiceMapping, region: string, basis: PriceBasis, origin: OfferOrigin): MappedOffer {
  const term = product.terms.find((t) => t.type === 'OnDemand');
  if (!term || term.dimensions.length === 0) return { kind: 'skip', reason: 'service product without on-demand price' };
  const dims = term.dimensions.map((d) => ({ ...d, usd: plainDecimal(d.usd, origin, termField(term.path, 'pricePerUnit.USD')) }));
  const priced = servicePriceOf(m, dims, product.attributes.usagetype?.trim() ?? '');
  if (!priced.ok) return { kind: 'skip', reason: priced.reason };
  const description = priced.dimension.description || priced.description;
  return { kind: 'service', sku: product.sku, rank: m.rank, price: { key: m.key, region, unit: priced.unit, usd: priced.usd, description, basis } };
}

function fieldOf(origin: OfferOrigin, rest: string): string {
  return origin.path ? `${origin.path}.${rest}` : rest;
}

function termField(termPath: string, rest: string): string {
  return termPath ? `${termPath}.${rest}` : rest;
}
