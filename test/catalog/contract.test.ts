/** Runs the Catalog contract against the in-memory catalog and the snapshot catalog (values → files → loader). */
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { encodeSnapshot, snapshotFiles } from '../../src/catalog/snapshot-encode.js';
import { readSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { catalogContract } from './catalog-contract.js';
import { writeDataDir } from './support.js';

catalogContract('InMemoryCatalog', (data) => new InMemoryCatalog(data));

catalogContract('snapshot (data/ files)', (data) => {
  const encoded = encodeSnapshot({
    pricesAsOf: data.info.pricesAsOf,
    regions: data.info.regions,
    interruptionLabels: ['<5%', '5-10%', '10-15%', '15-20%', '>20%'],
    instanceTypes: data.instanceTypes,
    ec2Prices: data.ec2Prices ?? [],
  });
  const services: Record<string, string> = {};
  for (const region of new Set((data.servicePrices ?? []).map((s) => s.region))) {
    const prices = (data.servicePrices ?? []).filter((s) => s.region === region).map(({ region: _, ...rest }) => rest);
    services[`services/${region}.json`] = JSON.stringify({ region, prices });
  }
  const dir = writeDataDir(snapshotFiles(encoded), { ...services, 'manifest.json': JSON.stringify({ sources: data.info.sources }) });
  return readSnapshotCatalog(dir);
});
