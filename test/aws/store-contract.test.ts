/**
 * The Catalog contract (test/catalog/catalog-contract.ts, owned by the catalog area) run against the
 * SQLite-refreshed catalog and the layered catalog.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layeredCatalog } from '../../src/catalog/layered.js';
import { InMemoryCatalog, type CatalogData } from '../../src/catalog/memory.js';
import { writeCatalogData } from '../../src/store/catalog-repo.js';
import { openStore } from '../../src/store/db.js';
import { loadStoredCatalog } from '../../src/store/stored-catalog.js';
import { catalogContract } from '../catalog/catalog-contract.js';

/** Values → SQLite file (written, closed) → reopened → stored catalog. */
function throughStore(data: CatalogData): InMemoryCatalog {
  const path = join(mkdtempSync(join(tmpdir(), 'nuage-contract-')), 'nuage.db');
  const w = openStore(path);
  writeCatalogData(w, data, { at: '2026-11-26T00:00:00.000Z', origin: 'contract' });
  w.close();
  const r = openStore(path);
  try {
    return new InMemoryCatalog(loadStoredCatalog(r));
  } finally {
    r.close();
  }
}

const EMPTY: CatalogData = { info: { pricesAsOf: '', sources: [], regions: [], origin: 'snapshot' }, instanceTypes: [], ec2Prices: [] };
const empty = (): InMemoryCatalog => new InMemoryCatalog(EMPTY);

catalogContract('SQLite-refreshed catalog (store)', (data) => throughStore(data));

catalogContract('layered: store over an empty snapshot', (data) => layeredCatalog(throughStore(data), empty()));

catalogContract('layered: empty store over the snapshot values', (data) => layeredCatalog(throughStore(EMPTY), new InMemoryCatalog(data)));

catalogContract('layered: eu-west-3 refreshed in the store over us-east-1 in the snapshot', (data) => {
  const ec2 = data.ec2Prices ?? [];
  const [first, ...rest] = data.info.sources;
  const top: CatalogData = {
    info: { ...data.info, sources: rest, regions: ['eu-west-3'] },
    instanceTypes: data.instanceTypes,
    ec2Prices: ec2.filter((p) => p.region === 'eu-west-3'),
    servicePrices: (data.servicePrices ?? []).filter((s) => s.region === 'eu-west-3'),
  };
  const base: CatalogData = {
    info: { ...data.info, sources: first ? [first] : [], regions: ['us-east-1'] },
    instanceTypes: data.instanceTypes,
    ec2Prices: ec2.filter((p) => p.region === 'us-east-1'),
    servicePrices: (data.servicePrices ?? []).filter((s) => s.region === 'us-east-1'),
  };
  return layeredCatalog(throughStore(top), new InMemoryCatalog(base));
});
