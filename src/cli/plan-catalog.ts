/**
 * The catalog the plan commands price with. Until the snapshot loader (`src/cli/catalog-source.ts`) lands,
 * this reads the service prices this area ships (data/services/<region>.json) into an InMemoryCatalog; EC2
 * prices then come only from a price override file. Edge: reads files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dataPath } from '../catalog/data-dir.js';
import { InMemoryCatalog } from '../catalog/memory.js';
import type { Catalog, ServicePrice } from '../catalog/types.js';
import { InputError } from '../errors.js';

interface ServicesFile {
  region: string;
  prices: Omit<ServicePrice, 'region'>[];
}

export function loadServicePrices(dir = dataPath('services')): ServicePrice[] {
  if (!existsSync(dir)) return [];
  const out: ServicePrice[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = `${dir}/${f}`;
    let parsed: ServicesFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as ServicesFile;
    } catch (err) {
      throw new InputError({ file }, `not valid JSON: ${(err as Error).message}`);
    }
    for (const p of parsed.prices) out.push({ ...p, region: parsed.region });
  }
  return out;
}

export function planCatalog(): Catalog {
  const servicePrices = loadServicePrices();
  const dates = servicePrices.map((p) => p.basis.asOf).sort();
  return new InMemoryCatalog({
    info: {
      pricesAsOf: dates[dates.length - 1] ?? 'unknown',
      sources: [],
      regions: [...new Set(servicePrices.map((p) => p.region))].sort(),
      origin: 'snapshot (service prices only)',
    },
    instanceTypes: [],
    ec2Prices: [],
    servicePrices,
  });
}
