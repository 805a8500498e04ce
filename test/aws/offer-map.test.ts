import { describe, expect, it } from 'vitest';
import { mergeEc2Prices } from '../../src/catalog/layered.js';
import { OfferCollector } from '../../src/catalog/offer/collect.js';
import { CsvOfferAssembler } from '../../src/catalog/offer/csv-products.js';
import { regionOf } from '../../src/catalog/offer/locations.js';
import { mapOfferProduct } from '../../src/catalog/offer/map-product.js';
import type { OfferProduct, OfferTerm } from '../../src/catalog/offer/offer-model.js';
import { reservedRate } from '../../src/catalog/offer/reserved-term.js';
import { spotAverages, zoneAverage } from '../../src/catalog/spot-average.js';
import type { Ec2Prices } from '../../src/catalog/types.js';

const basis = { kind: 'exact' as const, source: 'test', asOf: '2025-01-01' };
const origin = { file: 'f.json', path: 'p' };
const term = (attrs: Record<string, string>, dims: [string, string][]): OfferTerm => ({
  type: 'Reserved', offerTermCode: 'T', path: 'terms.T', termAttributes: attrs, dimensions: dims.map(([unit, usd]) => ({ unit, usd, description: '', beginRange: '0' })),
});
const linux = (over: Record<string, string> = {}): OfferProduct => ({
  sku: 'S1', productFamily: 'Compute Instance',
  attributes: { instanceType: 'm5.large', operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', regionCode: 'eu-west-3', ...over },
  terms: [{ type: 'OnDemand', offerTermCode: 'OD', path: 'od', termAttributes: {}, dimensions: [{ unit: 'Hrs', usd: '0.1120000000', description: '', beginRange: '0' }] }],
});

describe('reserved terms', () => {
  it('computes effective hourly = upfront / term hours + hourly, exactly', () => {
    expect(reservedRate(term({ LeaseContractLength: '3yr', OfferingClass: 'standard', PurchaseOption: 'Partial Upfront' }, [['Quantity', '505'], ['Hrs', '0.0190000000']]), basis, origin)).toEqual({
      term: '3yr', offeringClass: 'standard', paymentOption: 'partial-upfront', upfrontUsd: '505', usdPerHour: '0.019', effectiveUsdPerHour: '0.03821613394216133942', basis,
    });
  });
  it('treats a missing OfferingClass (pre-2016 files) as standard and "1 yr" as 1yr', () => {
    expect(reservedRate(term({ LeaseContractLength: '1 yr', PurchaseOption: 'No Upfront' }, [['Hrs', '0.06']]), basis, origin)).toMatchObject({ term: '1yr', offeringClass: 'standard', effectiveUsdPerHour: '0.06' });
  });
  it('skips legacy utilization-based terms', () => {
    expect(reservedRate(term({ LeaseContractLength: '1yr', PurchaseOption: 'Heavy Utilization' }, [['Hrs', '0.06']]), basis, origin)).toBeUndefined();
  });
  it('rejects an All Upfront term without its fee', () => {
    expect(() => reservedRate(term({ LeaseContractLength: '1yr', OfferingClass: 'standard', PurchaseOption: 'All Upfront' }, [['Hrs', '0']]), basis, origin)).toThrow(
      'f.json, field "terms.T.priceDimensions": All Upfront term has no "Quantity" (upfront fee) price',
    );
  });
});

describe('mapOfferProduct', () => {
  const ctx = { serviceCode: 'AmazonEC2', source: 'test', asOf: '2025-01-01', origin };
  it('keeps Linux/Shared/NA/Used and skips other operating systems, tenancies and capacity', () => {
    expect(mapOfferProduct(linux(), ctx)).toMatchObject({ kind: 'instance', region: 'eu-west-3', instanceType: 'm5.large', onDemand: { usdPerHour: '0.112' } });
    expect(mapOfferProduct(linux({ operatingSystem: 'RHEL' }), ctx)).toEqual({ kind: 'skip', reason: 'instance not Linux/Shared/NA/Used' });
    expect(mapOfferProduct(linux({ tenancy: 'Host' }), ctx).kind).toBe('skip');
    expect(mapOfferProduct(linux({ tenancy: 'Dedicated' }), ctx)).toMatchObject({ kind: 'service', price: { key: 'ec2:dedicated:m5.large', unit: 'hour', usd: '0.112' } });
    expect(mapOfferProduct(linux({ tenancy: 'Dedicated', operatingSystem: 'Windows' }), ctx).kind).toBe('skip');
    expect(mapOfferProduct(linux({ preInstalledSw: 'SQL Web' }), ctx).kind).toBe('skip');
    expect(mapOfferProduct(linux({ capacitystatus: 'UnusedCapacityReservation' }), ctx).kind).toBe('skip');
    expect(mapOfferProduct(linux({ capacitystatus: '' }), ctx).kind).toBe('instance');
    expect(mapOfferProduct(linux({ locationType: 'AWS Local Zone', location: 'US East (Boston)' }), ctx)).toEqual({ kind: 'skip', reason: 'location type AWS Local Zone' });
    expect(mapOfferProduct(linux({ locationType: 'AWS Region' }), ctx).kind).toBe('instance');
    expect(mapOfferProduct(linux({ marketoption: 'CapacityBlock' }), ctx)).toEqual({ kind: 'skip', reason: 'instance market option CapacityBlock' });
  });
  it('falls back from regionCode to the location name, and fails on an unknown one', () => {
    expect(mapOfferProduct(linux({ regionCode: '', location: 'EU (Frankfurt)' }), ctx)).toMatchObject({ region: 'eu-central-1' });
    expect(() => mapOfferProduct(linux({ regionCode: '', location: 'Atlantis' }), ctx)).toThrow('f.json, field "p.attributes.regionCode": product S1 has no region code and an unknown location "Atlantis"');
  });
});

describe('locations', () => {
  it('maps location names to regions', () => {
    expect(regionOf({ location: 'EU (Paris)' })).toBe('eu-west-3');
    expect(regionOf({ regionCode: 'ap-south-2', location: 'whatever' })).toBe('ap-south-2');
    expect(regionOf({})).toBeUndefined();
  });
});

describe('OfferCollector', () => {
  it('keeps the first of two products for the same region and type, and says so', () => {
    const c = new OfferCollector();
    const ctx = { serviceCode: 'AmazonEC2', source: 'test', asOf: '2025-01-01', origin };
    c.add(mapOfferProduct(linux(), ctx));
    c.add(mapOfferProduct({ ...linux(), sku: 'S2' }, ctx));
    const r = c.result();
    expect(r.ec2Prices).toHaveLength(1);
    expect(r.skipped).toEqual({ 'duplicate m5.large product in eu-west-3 (first kept)': 1 });
  });
});

describe('OfferCollector with service prices', () => {
  const storage = (sku: string, databaseEngine: string, usd: string): OfferProduct => ({
    sku, productFamily: 'Database Storage',
    attributes: { databaseEngine, deploymentOption: 'Single-AZ', volumeType: 'General Purpose', usagetype: 'EU-RDS:GP2-Storage', regionCode: 'eu-west-1' },
    terms: [{ type: 'OnDemand', offerTermCode: 'OD', path: 'od', termAttributes: {}, dimensions: [{ unit: 'GB-Mo', usd, description: '', beginRange: '0' }] }],
  });
  it('keeps the preferred product of a key whatever the order, and counts the other', () => {
    const ctx = { serviceCode: 'AmazonRDS', source: 'test', asOf: '2025-01-01', origin };
    for (const order of [['MySQL', 'Any'], ['Any', 'MySQL']]) {
      const c = new OfferCollector();
      for (const engine of order) c.add(mapOfferProduct(storage(engine, engine, engine === 'Any' ? '0.115' : '0.127'), ctx));
      const r = c.result();
      expect(r.servicePrices.map((p) => [p.key, p.usd])).toEqual([['rds:storage:gp2:single-az', '0.115']]);
      expect(r.skipped).toEqual({ 'duplicate rds:storage:gp2:single-az price in eu-west-1 (preferred product kept)': 1 });
    }
  });
  it('skips instance products in a service query', () => {
    expect(mapOfferProduct(linux(), { serviceCode: 'AmazonEC2', servicesOnly: true, source: 'test', asOf: '2025-01-01', origin })).toEqual({ kind: 'skip', reason: 'instance product in a service query' });
  });
});

describe('CsvOfferAssembler', () => {
  it('drops products no key prices and the reserved rows of service products while streaming', () => {
    const a = new CsvOfferAssembler('rds.csv');
    a.header(['SKU', 'OfferTermCode', 'TermType', 'Unit', 'PricePerUnit', 'Currency', 'Product Family', 'Instance Type', 'Database Engine', 'Deployment Option', 'Region Code'], 6, 'AmazonRDS');
    a.row(['A', 'OD', 'OnDemand', 'Hrs', '0.018', 'USD', 'Database Instance', 'db.t3.micro', 'MySQL', 'Single-AZ', 'eu-west-1'], 7);
    a.row(['A', 'RI', 'Reserved', 'Quantity', '100', 'USD', 'Database Instance', 'db.t3.micro', 'MySQL', 'Single-AZ', 'eu-west-1'], 8);
    a.row(['B', 'OD', 'OnDemand', 'Hrs', '0.2', 'USD', 'Database Instance', 'db.m5.large', 'Oracle', 'Single-AZ', 'eu-west-1'], 9);
    a.row(['C', 'OD', 'OnDemand', 'GB', '0.01', 'USD', 'Storage Snapshot', '', '', '', 'eu-west-1'], 10);
    const products = [...a.products()];
    expect(products.map((p) => [p.product.sku, p.product.terms.map((t) => t.type)])).toEqual([['A', ['OnDemand']]]);
    expect(a.droppedReasons()).toEqual({ 'product family Database Instance': 1, 'product family Storage Snapshot': 1 });
    expect(() => new CsvOfferAssembler('x.csv').header(['SKU'], 6, 'AmazonRDS')).toThrow('x.csv, row 6, field "OfferTermCode": missing column in the header row (is this an AmazonRDS offer file?)');
  });

  it('groups rows by SKU and term and drops filtered SKUs while streaming', () => {
    const a = new CsvOfferAssembler('x.csv');
    const header = ['SKU', 'OfferTermCode', 'TermType', 'Unit', 'PricePerUnit', 'Currency', 'Product Family', 'Instance Type', 'Operating System', 'Tenancy', 'Pre Installed S/W', 'Location', 'LeaseContractLength', 'PurchaseOption', 'OfferingClass'];
    a.header(header, 6);
    a.row(['A', 'RI', 'Reserved', 'Quantity', '100', 'USD', 'Compute Instance', 'm5.large', 'Linux', 'Shared', 'NA', 'EU (Paris)', '1yr', 'Partial Upfront', 'standard'], 7);
    a.row(['B', 'OD', 'OnDemand', 'Hrs', '0.5', 'USD', 'Compute Instance', 'm5.large', 'Windows', 'Shared', 'NA', 'EU (Paris)', '', '', ''], 8);
    a.row(['A', 'RI', 'Reserved', 'Hrs', '0.01', 'USD', 'Compute Instance', 'm5.large', 'Linux', 'Shared', 'NA', 'EU (Paris)', '1yr', 'Partial Upfront', 'standard'], 9);
    a.row(['B', 'RI', 'Reserved', 'Hrs', '0.3', 'USD', 'Compute Instance', 'm5.large', 'Windows', 'Shared', 'NA', 'EU (Paris)', '1yr', 'No Upfront', 'standard'], 10);
    const products = [...a.products()];
    expect(a.droppedReasons()).toEqual({ 'instance not Linux/Shared/NA/Used': 1 });
    expect(products).toHaveLength(1);
    expect(products[0]!.line).toBe(7);
    expect(products[0]!.product.terms[0]!.dimensions.map((d) => d.unit)).toEqual(['Quantity', 'Hrs']);
    expect(() => a.row(['C', 'OD', 'Savings', 'Hrs', '1', 'USD', 'Compute Instance', 'x.large', 'Linux', 'Shared', 'NA', 'EU (Paris)', '', '', ''], 11)).toThrow('x.csv, row 11, field "TermType": expected OnDemand or Reserved, got "Savings"');
    expect(() => a.row(['C', 'OD', 'OnDemand', 'Hrs', '1', 'CNY', 'Compute Instance', 'x.large', 'Linux', 'Shared', 'NA', 'EU (Paris)', '', '', ''], 12)).toThrow('x.csv, row 12, field "Currency": expected USD, got "CNY"');
  });
});

describe('spot averages', () => {
  it('handles the degenerate cases', () => {
    expect(zoneAverage([])).toBe(0);
    expect(zoneAverage([{ usdPerHour: '0.05', at: 0 }])).toBe(0.05);
    expect(zoneAverage([{ usdPerHour: '0.05', at: 0 }, { usdPerHour: '0.07', at: 0 }])).toBe(0.05);
  });
  it('weights each price by the time until the next-newer one (the newest has no weight)', () => {
    const h = 3_600_000;
    // 0.10 for 1 h, then 0.20 for 3 h, newest 0.90 (weight 0): (0.10×60 + 0.20×180) / 240 = 0.175
    expect(zoneAverage([{ usdPerHour: '0.90', at: 4 * h }, { usdPerHour: '0.10', at: 0 }, { usdPerHour: '0.20', at: h }])).toBeCloseTo(0.175, 15);
    const [a] = spotAverages([
      { instanceType: 'c5.large', zone: 'b', usdPerHour: '0.04', at: 0 },
      { instanceType: 'c5.large', zone: 'a', usdPerHour: '0.02', at: 0 },
    ]);
    expect(a).toMatchObject({ averageUsdPerHour: '0.03', byZone: { a: '0.02', b: '0.04' }, samples: 2 });
  });
});

describe('mergeEc2Prices', () => {
  const base: Ec2Prices = {
    region: 'r', instanceType: 't', currency: 'USD', onDemand: { usdPerHour: '1', basis }, reserved: [],
    spot: { savingsPercent: 70, averageUsdPerHour: '0.3', priceBasis: basis, advisorBasis: basis },
  };
  it('overrides per component and keeps the base where the top has nothing', () => {
    const top: Ec2Prices = { region: 'r', instanceType: 't', currency: 'USD', reserved: [], spot: { averageUsdPerHour: '0.25', byZone: { a: '0.25' }, priceBasis: { ...basis, source: 'live' } } };
    expect(mergeEc2Prices(top, base)).toEqual({
      region: 'r', instanceType: 't', currency: 'USD', onDemand: { usdPerHour: '1', basis }, reserved: [],
      spot: { savingsPercent: 70, advisorBasis: basis, averageUsdPerHour: '0.25', byZone: { a: '0.25' }, priceBasis: { ...basis, source: 'live' } },
    });
    expect(mergeEc2Prices(undefined, base)).toBe(base);
    expect(mergeEc2Prices(top, undefined)).toBe(top);
  });
});
