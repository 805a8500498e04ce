import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOfferFile } from '../../src/aws/import-offer.js';
import { layeredCatalog } from '../../src/catalog/layered.js';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import type { Ec2Prices, InstanceTypeSpec } from '../../src/catalog/types.js';
import { refreshLog, writeCatalog, type CatalogWrite } from '../../src/store/catalog-repo.js';
import { openStore, type Store } from '../../src/store/db.js';
import { loadStoredCatalog } from '../../src/store/stored-catalog.js';
import { storeDigest } from './store-digest.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const CSV_FILE = join(FIXTURES, 'AmazonEC2-eu-west-3-mini.csv');
const JSON_FILE = join(FIXTURES, 'AmazonEC2-eu-west-3-mini.json');
const NOW = new Date('2025-07-02T08:00:00Z');

const M5_XLARGE: InstanceTypeSpec = {
  instanceType: 'm5.xlarge', family: 'm5', generation: 5, size: 'xlarge', vcpu: 4, memoryGiB: 16, arch: 'x86_64', cpuManufacturer: 'intel',
  sustainedClockGhz: 3.1, burstable: false, bareMetal: false, currentGeneration: true, networkBandwidthMbps: 1250, gpuCount: 0,
};
const M5_LARGE: InstanceTypeSpec = { ...M5_XLARGE, instanceType: 'm5.large', size: 'large', vcpu: 2, memoryGiB: 8 };
const snapshotBasis = { kind: 'exact' as const, source: 'snapshot-test', asOf: '2025-06-01' };
/** A small "snapshot" catalog the stored one is layered over. */
function snapshot(): InMemoryCatalog {
  const xl: Ec2Prices = {
    region: 'eu-west-3', instanceType: 'm5.xlarge', currency: 'USD',
    onDemand: { usdPerHour: '0.230', basis: snapshotBasis },
    reserved: [],
    spot: { savingsPercent: 61, interruptionBucket: { index: 0, label: '<5%' }, advisorBasis: { ...snapshotBasis, source: 'spot-advisor' } },
  };
  const c5: Ec2Prices = { region: 'eu-west-3', instanceType: 'c5.large', currency: 'USD', onDemand: { usdPerHour: '0.101', basis: snapshotBasis }, reserved: [] };
  return new InMemoryCatalog({
    info: { pricesAsOf: '2025-06-01', sources: [{ id: 'snapshot-test', description: 'test snapshot', asOf: '2025-06-01', origin: 'data/' }], regions: ['eu-west-3'], origin: 'snapshot' },
    instanceTypes: [M5_XLARGE, { ...M5_LARGE, instanceType: 'c5.large', family: 'c5' }],
    ec2Prices: [xl, c5],
    servicePrices: [{ key: 'ebs:gp3:storage', region: 'eu-west-3', unit: 'GB-month', usd: '0.0900', description: 'old', basis: snapshotBasis }, { key: 'ebs:gp2:storage', region: 'eu-west-3', unit: 'GB-month', usd: '0.116', description: 'gp2', basis: snapshotBasis }],
  });
}

describe('catalog store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nuage-store-'));
    store = openStore(join(dir, 'nuage.db'));
  });
  afterEach(() => store.close());

  it('is empty before any refresh', () => {
    const data = loadStoredCatalog(store);
    expect(data).toMatchObject({ ec2Prices: [], servicePrices: [], instanceTypes: [], info: { regions: [], sources: [], origin: 'store', pricesAsOf: '' } });
  });

  it('stores an import and reads it back exactly', async () => {
    const { write } = await importOfferFile(CSV_FILE, NOW);
    const summary = writeCatalog(store, write);
    expect(summary.regions).toEqual([{ region: 'eu-west-3', onDemand: 2, reserved: 6, spot: 0, servicePrices: 5 }]);
    const data = loadStoredCatalog(store);
    const cat = new InMemoryCatalog(data);
    expect(cat.ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand).toEqual({ usdPerHour: '0.224', basis: { kind: 'exact', source: 'aws-offer-file', asOf: '2025-07-01' } });
    expect(cat.ec2Prices('eu-west-3', 'm5.large')?.reserved.map((r) => `${r.term}/${r.offeringClass}/${r.paymentOption}=${r.effectiveUsdPerHour}`)).toEqual([
      '1yr/standard/no-upfront=0.071',
      '1yr/standard/partial-upfront=0.06610502283105022831',
      '1yr/standard/all-upfront=0.064954337899543379',
      '3yr/convertible/no-upfront=0.059',
    ]);
    expect(cat.servicePrice('eu-west-3', 'nat:hour')).toMatchObject({ unit: 'hour', usd: '0.048' });
    expect(data.info).toMatchObject({ pricesAsOf: '2025-07-01', regions: ['eu-west-3'], origin: 'store' });
    expect(data.info.sources).toEqual([{ id: 'aws-offer-file', description: expect.stringContaining('offer file'), asOf: '2025-07-01', origin: CSV_FILE }]);
    expect(refreshLog(store)).toMatchObject([{ kind: 'import', region: 'eu-west-3', sources: 'aws-offer-file', asOf: '2025-07-01', onDemand: 2, reserved: 6, servicePrices: 5, at: NOW.toISOString() }]);
  });

  it('re-importing the same file (JSON after CSV, twice) never duplicates', async () => {
    const a = await importOfferFile(CSV_FILE, NOW);
    writeCatalog(store, a.write);
    const once = storeDigest(store.path).rows;
    writeCatalog(store, a.write);
    writeCatalog(store, (await importOfferFile(JSON_FILE, NOW)).write);
    const thrice = storeDigest(store.path).rows;
    expect({ ...thrice, catalog_refresh_log: 0 }).toEqual({ ...once, catalog_refresh_log: 0 });
    expect(thrice.catalog_on_demand_prices).toBe(2);
    expect(thrice.catalog_reserved_prices).toBe(6);
    expect(thrice.catalog_refresh_log).toBe(3);
  });

  it('a write that fails mid-way leaves the store unchanged (one transaction)', async () => {
    writeCatalog(store, (await importOfferFile(CSV_FILE, NOW)).write);
    const before = storeDigest(store.path);
    const { write } = await importOfferFile(JSON_FILE, new Date('2025-07-03T00:00:00Z'));
    // A row violating NOT NULL after the deletes and the first inserts: SQLite rejects it, everything rolls back.
    const bad: CatalogWrite = { ...write, servicePrices: [...write.servicePrices, { ...write.servicePrices[0]!, unit: null as unknown as string }] };
    expect(() => writeCatalog(store, bad)).toThrow(/NOT NULL/);
    expect(storeDigest(store.path)).toEqual(before);
  });

  it('a refresh limited to some types replaces only their rows', () => {
    const basis = { kind: 'exact' as const, source: 'aws-pricing-api', asOf: '2025-07-01' };
    const prices = (type: string, usd: string): Ec2Prices => ({ region: 'eu-west-3', instanceType: type, currency: 'USD', onDemand: { usdPerHour: usd, basis }, reserved: [] });
    const base = { kind: 'refresh' as const, origin: 'test', regions: ['eu-west-3'], replace: { onDemand: ['aws-pricing-api'], reserved: ['aws-pricing-api'] }, servicePrices: [] };
    writeCatalog(store, { ...base, at: '2025-07-02T00:00:00Z', ec2Prices: [prices('m5.large', '0.112'), prices('m5.xlarge', '0.224')] });
    writeCatalog(store, { ...base, at: '2025-07-03T00:00:00Z', instanceTypes: ['m5.large'], ec2Prices: [prices('m5.large', '0.111')] });
    const cat = new InMemoryCatalog(loadStoredCatalog(store));
    expect(cat.ec2Prices('eu-west-3', 'm5.large')?.onDemand?.usdPerHour).toBe('0.111');
    expect(cat.ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand?.usdPerHour).toBe('0.224');
    expect(refreshLog(store)[0]).toMatchObject({ scope: 'm5.large', onDemand: 1 });
  });

  it('the newest source wins where an import and a refresh both price a type', async () => {
    writeCatalog(store, (await importOfferFile(CSV_FILE, NOW)).write); // as of 2025-07-01
    const basis = { kind: 'exact' as const, source: 'aws-pricing-api', asOf: '2025-07-15' };
    writeCatalog(store, {
      kind: 'refresh', origin: 'test', at: '2025-07-15T00:00:00Z', regions: ['eu-west-3'], replace: { onDemand: ['aws-pricing-api'], reserved: ['aws-pricing-api'] },
      sources: [{ id: 'aws-pricing-api', description: 'Pricing API', asOf: '2025-07-15', origin: 'test' }],
      ec2Prices: [{ region: 'eu-west-3', instanceType: 'm5.xlarge', currency: 'USD', onDemand: { usdPerHour: '0.226', basis }, reserved: [] }], servicePrices: [],
    });
    const cat = new InMemoryCatalog(loadStoredCatalog(store));
    expect(cat.ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand).toEqual({ usdPerHour: '0.226', basis });
    // Reserved rates stay those of the offer file (the refresh brought none).
    expect(cat.ec2Prices('eu-west-3', 'm5.xlarge')?.reserved[0]?.basis.source).toBe('aws-offer-file');
    expect(cat.info().sources.map((s) => s.id)).toEqual(['aws-offer-file', 'aws-pricing-api']);
  });

  it('layered over the snapshot: refreshed prices override per (region, type) and (region, key), each with its own date', async () => {
    writeCatalog(store, (await importOfferFile(CSV_FILE, NOW)).write);
    const cat = layeredCatalog(new InMemoryCatalog(loadStoredCatalog(store)), snapshot());
    const xl = cat.ec2Prices('eu-west-3', 'm5.xlarge')!;
    expect(xl.onDemand).toEqual({ usdPerHour: '0.224', basis: { kind: 'exact', source: 'aws-offer-file', asOf: '2025-07-01' } });
    expect(xl.reserved).toHaveLength(2);
    // The snapshot's Spot Advisor figures stay where the store has no spot price.
    expect(xl.spot).toMatchObject({ savingsPercent: 61 });
    // Types only in the snapshot are still there, with the snapshot's date.
    expect(cat.ec2Prices('eu-west-3', 'c5.large')?.onDemand).toEqual({ usdPerHour: '0.101', basis: snapshotBasis });
    expect(cat.servicePrice('eu-west-3', 'ebs:gp3:storage')).toMatchObject({ usd: '0.0928', basis: { source: 'aws-offer-file' } });
    expect(cat.servicePrice('eu-west-3', 'ebs:gp2:storage')).toMatchObject({ usd: '0.116', basis: { source: 'snapshot-test' } });
    expect(cat.info()).toMatchObject({ origin: 'snapshot+store', pricesAsOf: '2025-07-01', regions: ['eu-west-3'] });
    expect(cat.info().sources.map((s) => s.id)).toEqual(['snapshot-test', 'aws-offer-file']);
    expect(cat.instanceTypesIn('eu-west-3').map((s) => s.instanceType).sort()).toEqual(['c5.large', 'm5.xlarge']);
    expect(cat.coverage('eu-west-3')).toMatchObject({ instanceTypes: 2, onDemandExact: 2, reservedExact: 1, spot: 1, servicePrices: 6, currentGenOnDemandExactPercent: 100 });
  });

  it('layered with an empty store is the snapshot, origin unchanged', () => {
    const cat = layeredCatalog(new InMemoryCatalog(loadStoredCatalog(store)), snapshot());
    expect(cat.info().origin).toBe('snapshot');
    expect(cat.ec2Prices('eu-west-3', 'm5.xlarge')?.onDemand?.usdPerHour).toBe('0.230');
  });

  it('stores refreshed specs, which override the snapshot specs', () => {
    writeCatalog(store, {
      kind: 'refresh', origin: 'test', at: '2025-07-02T00:00:00Z', regions: ['eu-west-3'], replace: {},
      specs: { specs: [{ ...M5_XLARGE, sustainedClockGhz: 3.2 }, M5_LARGE], source: 'aws-ec2-api', asOf: '2025-07-02' }, ec2Prices: [], servicePrices: [],
    });
    const stored = loadStoredCatalog(store);
    expect(stored.instanceTypes.find((s) => s.instanceType === 'm5.large')).toEqual(M5_LARGE);
    const cat = layeredCatalog(new InMemoryCatalog(stored), snapshot());
    expect(cat.instanceType('m5.xlarge')?.sustainedClockGhz).toBe(3.2);
    expect(cat.instanceTypes().map((s) => s.instanceType).sort()).toEqual(['c5.large', 'm5.large', 'm5.xlarge']);
  });
});
