import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import { parseServiceFile } from '../../src/catalog/service-file.js';
import { encodeSnapshot, snapshotFiles } from '../../src/catalog/snapshot-encode.js';
import { clearSnapshotCache, loadSnapshotCatalog, readSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { InputError } from '../../src/errors.js';
import { CONTRACT_DATA } from './catalog-contract.js';
import { writeDataDir } from './support.js';

function contractDir(): string {
  const encoded = encodeSnapshot({
    pricesAsOf: CONTRACT_DATA.info.pricesAsOf,
    regions: CONTRACT_DATA.info.regions,
    interruptionLabels: ['<5%', '5-10%'],
    instanceTypes: CONTRACT_DATA.instanceTypes,
    ec2Prices: CONTRACT_DATA.ec2Prices!,
  });
  return writeDataDir(snapshotFiles(encoded));
}

describe('snapshot loader', () => {
  it('parses a region file only when the region is first used', () => {
    const dir = contractDir();
    rmSync(join(dir, 'ec2/regions/us-east-1.json'));
    const c = readSnapshotCatalog(dir);
    expect(c.ec2Prices('eu-west-3', 'm5.xlarge')!.onDemand!.usdPerHour).toBe('0.224');
    expect(() => c.ec2Prices('us-east-1', 'm5.large')).toThrow(/us-east-1\.json: the price snapshot file is missing; rebuild it with `npm run data:build`/);
  });

  it('loads once per folder and process; clearing the cache reloads', () => {
    const dir = contractDir();
    const a = loadSnapshotCatalog(dir);
    expect(loadSnapshotCatalog(dir)).toBe(a);
    clearSnapshotCache();
    expect(loadSnapshotCatalog(dir)).not.toBe(a);
  });

  it('decodes a type once and returns the same value afterwards', () => {
    const c = readSnapshotCatalog(contractDir());
    expect(c.ec2Prices('eu-west-3', 'm5.xlarge')).toBe(c.ec2Prices('eu-west-3', 'm5.xlarge'));
  });

  it('fails plainly on a snapshot of another format, naming the file and field', () => {
    const dir = contractDir();
    const file = join(dir, 'ec2/catalog.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('nuage-ec2-snapshot/1', 'nuage-ec2-snapshot/0'));
    expect(() => readSnapshotCatalog(dir)).toThrow(`${file}, field "format": expected "nuage-ec2-snapshot/1", found "nuage-ec2-snapshot/0"; rebuild with npm run data:build`);
  });

  it('fails on a basis index the catalog file does not have', () => {
    const dir = contractDir();
    const file = join(dir, 'ec2/regions/eu-west-3.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('["m5.xlarge","0.224",0,', '["m5.xlarge","0.224",999,'));
    expect(() => readSnapshotCatalog(dir).ec2Prices('eu-west-3', 'm5.xlarge')).toThrow(/eu-west-3\.json, field "m5\.xlarge on-demand": basis index 999 is not in ec2\/catalog\.json/);
  });

  it('reads a region file in any JSON layout, not only one row per line', () => {
    const dir = contractDir();
    const file = join(dir, 'ec2/regions/eu-west-3.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));
    const c = readSnapshotCatalog(dir);
    expect(c.ec2Prices('eu-west-3', 'm5.xlarge')!.reserved).toHaveLength(12);
    expect(c.instanceTypesIn('eu-west-3')).toHaveLength(3);
  });

  it('names the file and type of a broken row, when the row is first used', () => {
    const dir = contractDir();
    const file = join(dir, 'ec2/regions/eu-west-3.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('["m7i.xlarge","0.2352",', '["m7i.xlarge",0.2352",'));
    const c = readSnapshotCatalog(dir);
    expect(c.ec2Prices('eu-west-3', 'm5.xlarge')!.onDemand!.usdPerHour).toBe('0.224');
    expect(() => c.ec2Prices('eu-west-3', 'm7i.xlarge')).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}, field "m7i\\.xlarge": row is not valid JSON`));
  });

  it('checks the region a region file says it holds', () => {
    const dir = contractDir();
    const file = join(dir, 'ec2/regions/eu-west-3.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"region":"eu-west-3"', '"region":"eu-west-1"'));
    expect(() => readSnapshotCatalog(dir).ec2Prices('eu-west-3', 'm5.xlarge')).toThrow(`${file}, field "region": expected "eu-west-3", found "eu-west-1"`);
  });

  it('fails on broken JSON, naming the file', () => {
    const dir = contractDir();
    writeFileSync(join(dir, 'ec2/types.json'), '{"format":');
    expect(() => readSnapshotCatalog(dir)).toThrow(/types\.json: not valid JSON/);
  });

  it('reads service prices from data/services/<region>.json', () => {
    const dir = contractDir();
    mkdirSync(join(dir, 'services'));
    writeFileSync(
      join(dir, 'services/eu-west-3.json'),
      JSON.stringify({ region: 'eu-west-3', prices: [{ key: 'ebs:gp3:storage', unit: 'GB-month', usd: '0.0928', description: 'EBS gp3', basis: { kind: 'exact', source: 'aws-bulk', asOf: '2023-02-23' } }] }),
    );
    const c = readSnapshotCatalog(dir);
    expect(c.servicePrice('eu-west-3', 'ebs:gp3:storage')).toEqual({ key: 'ebs:gp3:storage', region: 'eu-west-3', unit: 'GB-month', usd: '0.0928', description: 'EBS gp3', basis: { kind: 'exact', source: 'aws-bulk', asOf: '2023-02-23' } });
    expect(c.coverage('eu-west-3').servicePrices).toBe(1);
  });
});

describe('service price files', () => {
  const ok = { key: 'nat:hour', unit: 'hour', usd: '0.048', description: 'NAT gateway', basis: { kind: 'estimate', source: 's', asOf: '2023-02-23', method: 'eu-west-1 × 1.05' } };
  it('keeps the estimate method', () => {
    expect(parseServiceFile({ region: 'eu-west-3', prices: [ok] }, 'f.json')[0]!.basis.method).toBe('eu-west-1 × 1.05');
  });
  it('names file, row and field of a bad entry', () => {
    const bad = (p: object): InputError => {
      try {
        parseServiceFile({ region: 'eu-west-3', prices: [ok, p] }, 'f.json');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    };
    expect(bad({ ...ok, usd: 'cheap' }).message).toBe('f.json, row 2, field "usd": expected a decimal string, found "cheap"');
    expect(bad({ ...ok, basis: { kind: 'estimate', source: 's', asOf: '2023-02-23' } }).message).toBe('f.json, row 2, field "basis.method": an estimate must state its method');
    expect(bad({ ...ok, basis: { ...ok.basis, asOf: '23/02/2023' } }).message).toContain('field "basis.asOf": expected YYYY-MM-DD');
  });
});

describe('InMemoryCatalog', () => {
  it('refuses two sources of prices for one region', () => {
    const table = { region: 'eu-west-3', types: () => [], get: () => undefined };
    expect(() => new InMemoryCatalog({ ...CONTRACT_DATA, priceTables: [table] })).toThrow(/eu-west-3 has both a price table and plain prices/);
  });
});
