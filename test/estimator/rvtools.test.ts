import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { estimate } from '../../src/estimator/estimate.js';
import { parseInventoryTexts } from '../../src/estimator/inventory/parse-inventory.js';
import { rvtoolsInventory } from '../../src/estimator/inventory/rvtools.js';
import { readRvtoolsXlsx } from '../../src/estimator/inventory/rvtools-xlsx.js';
import { isMigrationHubHeader, migrationHubInventory, parseTags } from '../../src/estimator/inventory/migration-hub.js';
import { csvTable } from '../../src/estimator/inventory/csv-table.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { options } from './helpers.js';

const SAMPLE = corpusPath('onprem_inventory/rvtools_kubev2v_migration_planner/example1.xlsx');

describe.skipIf(!haveCorpus(SAMPLE, 'RVTools example1.xlsx'))('RVTools xlsx (real kubev2v sample, sheets padded to 1,048,575 rows)', () => {
  it('reads the 9 VMs without scanning the padding, with the checksums of ORIGIN.md', async () => {
    const { tables, stats } = await readRvtoolsXlsx(createReadStream(SAMPLE), 'example1.xlsx');
    expect(stats.sheets).toEqual(['vPartition', 'vDisk', 'vMemory', 'vCPU', 'vInfo', 'vHost']);
    // header + 9 VM rows + the run of empty rows that ends the sheet: far from 1,048,575
    expect(stats.rowsScanned.vInfo).toBeLessThan(40);
    expect(tables.vInfo.rows.map((r) => r.cells[0])).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6', 'vm-7', 'vm-8', 'vm-9']);
    const cpus = tables.vInfo.header.indexOf('CPUs');
    const memory = tables.vInfo.header.indexOf('Memory');
    const total = (i: number): number => tables.vInfo.rows.reduce((a, r) => a + Number(r.cells[i] || 0), 0);
    expect(total(cpus)).toBe(51);
    expect(total(memory)).toBe(105753);
    expect(tables.vHost!.rows).toHaveLength(7);
    expect(tables.vInfo.rows.filter((r) => r.cells[1] === 'poweredOn').map((r) => r.cells[0])).toEqual(['vm-3', 'vm-8', 'vm-9']);
  });

  it('keeps the running VMs, says why each other row was skipped', async () => {
    const { tables } = await readRvtoolsXlsx(createReadStream(SAMPLE), 'example1.xlsx');
    const inv = rvtoolsInventory(tables, 'rvtools-xlsx');
    expect(inv.records.map((r) => [r.vm, r.ref.row, r.peakCpuGhz, r.peakMemoryGiB])).toEqual([
      ['vm-3', 4, 0.091, 3526 / 1024],
      ['vm-8', 9, 3.304, 34321 / 1024],
    ]);
    expect(inv.skipped.filter((s) => s.reason === 'powered-off').map((s) => s.vm)).toEqual(['vm-1', 'vm-2', 'vm-4', 'vm-5', 'vm-6', 'vm-7']);
    // vm-9 is listed powered on with every configuration column empty: vCenter could not read it.
    expect(inv.skipped.find((s) => s.vm === 'vm-9')).toEqual({
      file: 'example1.xlsx [vInfo]', row: 10, field: 'CPUs', vm: 'vm-9', reason: 'no-config',
      detail: 'no configuration in the export: CPUs and Memory are both empty (vCenter could not read this VM)',
    });
  });

  it('"allocated" CPU uses CPUs × host Speed (cluster mean when the host is not in vHost)', async () => {
    const { tables } = await readRvtoolsXlsx(createReadStream(SAMPLE), 'example1.xlsx');
    const inv = rvtoolsInventory(tables, 'rvtools-xlsx', { cpu: 'allocated' });
    expect(inv.records[0]!.peakCpuGhz).toBeCloseTo(3 * 2.295, 10);
    expect(inv.records[1]!.peakCpuGhz).toBeCloseTo(13 * 2.295, 10);
    expect(inv.records[0]!.cpuBasis).toContain('cluster Cluster mean');
  });

  it('estimates end to end, listing what it skipped', async () => {
    const { tables } = await readRvtoolsXlsx(createReadStream(SAMPLE), 'example1.xlsx');
    const r = estimate(rvtoolsInventory(tables, 'rvtools-xlsx'), fixtureCatalog(), options({ currency: 'USD' }));
    expect(r.apps.map((a) => [a.app, a.vmCount])).toEqual([['vm', 2]]);
    expect(r.skippedCounts).toEqual({ 'powered-off': 6, 'no-config': 1 });
    // 3.395 GHz and 36.96 GiB: RAM decides, 3 × r5.large (48 GiB) at 0.444 USD/h
    expect([r.apps[0]!.instanceType, r.apps[0]!.instanceCount, r.apps[0]!.hourlyCost.toString()]).toEqual(['r5.large', 3, '0.444']);
  });
});

const MH_TEMPLATE = corpusPath('onprem_inventory/migration_hub_import_template/import_template_fields.header.csv');
describe.skipIf(!haveCorpus(MH_TEMPLATE, 'Migration Hub template header'))('AWS Migration Hub import CSV: the real template', () => {
  it('reads the documented header (no data rows: nothing to estimate)', () => {
    const inv = parseInventoryTexts([{ file: 'template.csv', text: readFileSync(MH_TEMPLATE, 'utf8') + '\n' }]);
    expect(inv.sources).toEqual([{ file: 'template.csv', format: 'migration-hub', rows: 0 }]);
    expect(isMigrationHubHeader(csvTable(readFileSync(MH_TEMPLATE, 'utf8'), 'template.csv').header)).toBe(true);
  });
});

describe('RVTools xlsx errors', () => {
  it('a file that is not a workbook is an InputError naming it', async () => {
    await expect(readRvtoolsXlsx(createReadStream(new URL(import.meta.url).pathname), 'notes.xlsx')).rejects.toBeInstanceOf(InputError);
  });
});

describe('RVTools CSV tabs (vInfo + vHost + vCPU)', () => {
  const vInfo = [
    'VM,Powerstate,Template,SRM Placeholder,Config status,CPUs,Memory,Host,Cluster,Folder',
    'db-01,poweredOn,False,False,green,4,16384,esx-01,Prod,/prod/db',
    'db-02,poweredOn,False,False,green,4,16384,esx-02,Prod,/prod/db',
    'web-01,poweredOn,False,False,green,2,4096,esx-09,Prod,/prod/web',
    'tpl-rhel9,poweredOff,True,False,green,2,4096,esx-01,Prod,/templates',
    'tpl-ubuntu,poweredOn,True,False,green,2,4096,esx-01,Prod,/templates',
  ].join('\n');
  const vHost = 'Host,Datacenter,Cluster,CPU Model,Speed,# Cores\nesx-01,DC,Prod,Xeon Gold 6248,2500,40\nesx-02,DC,Prod,Xeon Gold 6248,2700,40\n';
  const vCPU = 'VM,Powerstate,Template,CPUs,Max,Overall\ndb-01,poweredOn,False,4,10000,6000\ndb-02,poweredOn,False,4,10800,0\n';

  it('joins host clocks and CPU usage; templates skipped', () => {
    const inv = parseInventoryTexts([
      { file: 'RVTools_tabvInfo.csv', text: vInfo },
      { file: 'RVTools_tabvHost.csv', text: vHost },
      { file: 'RVTools_tabvCPU.csv', text: vCPU },
    ]);
    expect(inv.records.map((r) => [r.vm, r.peakCpuGhz, r.peakMemoryGiB, r.folder])).toEqual([
      ['db-01', 6, 16, '/prod/db'], // vCPU Overall 6000 MHz
      ['db-02', 4 * 2.7, 16, '/prod/db'], // Overall 0 → CPUs × host Speed
      ['web-01', 2 * 2.6, 4, '/prod/web'], // host not in vHost → cluster mean (2.5 + 2.7) / 2
    ]);
    expect(inv.skipped.map((s) => [s.vm, s.reason])).toEqual([
      ['tpl-rhel9', 'powered-off'],
      ['tpl-ubuntu', 'template'],
    ]);
    expect(inv.sources[0]!.format).toBe('rvtools-csv');
  });

  it('a vHost tab without vInfo is fatal', () => {
    expect(() => parseInventoryTexts([{ file: 'vHost.csv', text: vHost }])).toThrow('without its vInfo tab');
  });
});

describe('AWS Migration Hub import CSV', () => {
  const header = 'ExternalId,SMBiosId,IPAddress,MACAddress,HostName,VMware.MoRefId,VMware.VCenterId,CPU.NumberOfProcessors,CPU.NumberOfCores,CPU.NumberOfLogicalCores,OS.Name,OS.Version,VMware.VMName,RAM.TotalSizeInMB,RAM.UsedSizeInMB.Avg,RAM.UsedSizeInMB.Max,CPU.UsagePct.Avg,CPU.UsagePct.Max,DiskReadsPerSecondInKB.Avg,DiskWritesPerSecondInKB.Avg,DiskReadsPerSecondInKB.Max,DiskWritesPerSecondInKB.Max,DiskReadsOpsPerSecond.Avg,DiskWritesOpsPerSecond.Avg,DiskReadsOpsPerSecond.Max,DiskWritesOpsPerSecond.Max,NetworkReadsPerSecondInKB.Avg,NetworkWritesPerSecondInKB.Avg,NetworkReadsPerSecondInKB.Max,NetworkWritesPerSecondInKB.Max,Applications,ApplicationWave,Tags,ServerId';
  const row = (cells: Record<string, string>): string => header.split(',').map((h) => cells[h] ?? '').join(',');
  const text = [
    header,
    row({ ExternalId: 'srv-1', HostName: 'api-01', 'CPU.NumberOfLogicalCores': '4', 'RAM.TotalSizeInMB': '16384', 'RAM.UsedSizeInMB.Max': '8192', 'CPU.UsagePct.Max': '50', Applications: 'api;shared', Tags: 'env:prod;tier:web' }),
    row({ ExternalId: 'srv-2', 'VMware.VMName': 'api-stg-01', 'CPU.NumberOfCores': '2', 'CPU.NumberOfProcessors': '2', 'RAM.TotalSizeInMB': '8192', Tags: 'env:staging' }),
    row({ ExternalId: 'srv-3', 'CPU.NumberOfLogicalCores': 'four', 'RAM.TotalSizeInMB': '8192' }),
  ].join('\n');

  it('maps cores × peak %, peak used RAM, application and env tag', () => {
    const inv = parseInventoryTexts([{ file: 'import.csv', text }]);
    expect(inv.records.map((r) => [r.vm, r.app, r.env, r.peakCpuVcpu, r.peakMemoryGiB])).toEqual([
      ['api-01', 'api', 'prod', 2, 8],
      ['api-stg-01', undefined, 'staging', 4, 8],
    ]);
    expect(inv.skipped).toEqual([
      { file: 'import.csv', row: 4, field: 'CPU.NumberOfLogicalCores', vm: 'srv-3', reason: 'invalid', detail: 'CPU.NumberOfLogicalCores must be a number, got "four"' },
    ]);
    expect(inv.sources[0]!.format).toBe('migration-hub');
  });

  it('with a host clock, cores × % become GHz', () => {
    const inv = migrationHubInventory(csvTable(text, 'import.csv'), { hostClockGhz: 2.5 });
    expect(inv.records[0]!.peakCpuGhz).toBe(5);
  });


  it('parses tags', () => {
    expect([...parseTags('env:prod;tier:web')]).toEqual([['env', 'prod'], ['tier', 'web']]);
    expect([...parseTags('Environment=dev, team = media')]).toEqual([['environment', 'dev'], ['team', 'media']]);
  });
});
