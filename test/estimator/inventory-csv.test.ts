import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/estimator/inventory/decode-text.js';
import { normalizeHeader, resolveColumns } from '../../src/estimator/inventory/columns.js';
import { parseInventoryTexts } from '../../src/estimator/inventory/parse-inventory.js';
import { csv } from './helpers.js';
import { inputErrorOf } from '../support/input-error.js';


describe('generic CSV inventory', () => {
  it('reads one row per VM and one row per app, header case-insensitive with aliases', () => {
    const inv = csv(
      [
        'Application,VM Name,Environment,Peak CPU GHz,Peak RAM GB,VMs',
        'web,web-01,PROD,3.2,6,',
        'web,web-02,,2.8,6,',
        'api,,prod,16,32,8',
      ].join('\n'),
    );
    expect(inv.skipped).toEqual([]);
    expect(inv.records.map((r) => [r.app, r.vm, r.env, r.vmCount, r.peakCpuGhz, r.peakMemoryGiB, r.rowKind, r.ref.row])).toEqual([
      ['web', 'web-01', 'prod', 1, 3.2, 6, 'vm', 2],
      ['web', 'web-02', 'prod', 1, 2.8, 6, 'vm', 3],
      ['api', 'api (8 VMs)', 'prod', 8, 16, 32, 'app', 4],
    ]);
    expect(inv.sources).toEqual([{ file: 'inventory.csv', format: 'csv', rows: 3 }]);
  });

  it('accepts ";" separated files (European Excel) and MHz / MiB units', () => {
    const inv = csv('app;vm;cpu_mhz;ram_mib\nweb;web-01;3200;6144\n');
    expect(inv.records[0]).toMatchObject({ peakCpuGhz: 3.2, peakMemoryGiB: 6 });
  });

  it('vcpus × peak % × host clock gives GHz; without a clock it counts vCPU-equivalents', () => {
    const inv = csv('app,vm,vcpus,peak_cpu_pct,host_clock_ghz,peak_ram_gb\na,a-1,4,50,2.5,8\na,a-2,4,50,,8\na,a-3,2,,,4\n');
    expect(inv.records.map((r) => [r.peakCpuGhz, r.peakCpuVcpu])).toEqual([
      [5, 0],
      [0, 2],
      [0, 2],
    ]);
    expect(inv.records[2]!.cpuBasis).toContain('100 % assumed');
    const withClock = parseInventoryTexts([{ file: 'i.csv', text: 'app,vm,vcpus,peak_cpu_pct,peak_ram_gb\na,a-1,4,50,8\n' }], { hostClockGhz: 2 });
    expect(withClock.records[0]!.peakCpuGhz).toBe(4);
  });

  it('skips powered-off VMs and templates, with reasons', () => {
    const inv = csv('app,vm,peak_cpu_ghz,peak_ram_gb,powerstate,template\nw,w-1,1,2,poweredOn,false\nw,w-2,1,2,poweredOff,false\nw,w-3,1,2,,true\n');
    expect(inv.records.map((r) => r.vm)).toEqual(['w-1']);
    expect(inv.skipped.map((s) => [s.row, s.reason, s.field, s.vm])).toEqual([
      [3, 'powered-off', 'powerstate', 'w-2'],
      [4, 'template', 'template', 'w-3'],
    ]);
  });

  it('reads managed-service rows (spec column) and traffic columns; a service row without a spec is rejected with its field', () => {
    const inv = csv(
      'app,vm,kind,peak_cpu_ghz,peak_ram_gb,spec,egress_internet_gb,inter_az_gb\n' +
        'api,catalog-db,service,,,rds db.m5.large multi-az 200 GB,,\n' +
        'w,w-1,vm,1,2,,150,40\n' +
        'broken,,service,,,,,\n',
    );
    expect(inv.records.map((r) => [r.vm, r.traffic])).toEqual([['w-1', { internetEgressGb: 150, interAzGb: 40 }]]);
    expect(inv.services).toEqual([
      {
        ref: { file: 'inventory.csv', row: 2 },
        app: 'api',
        name: 'catalog-db',
        env: 'prod',
        specText: 'rds db.m5.large multi-az 200 GB',
        spec: { kind: 'rds', instanceClass: 'db.m5.large', engine: 'mysql', deployment: 'multi-az', storageGb: 200 },
      },
    ]);
    expect(inv.skipped).toEqual([{ file: 'inventory.csv', row: 4, field: 'spec', reason: 'invalid', detail: expect.stringContaining('a service row needs its spec in the spec column') }]);
  });

  it('rejects malformed rows with file, row and field, and keeps the good ones', () => {
    const inv = csv(
      [
        'app,vm,peak_cpu_ghz,peak_ram_gb,vm_count,kind,vcpus,peak_cpu_pct',
        'w,w-1,abc,2,,,,',
        'w,w-2,-1,2,,,,',
        'w,w-3,1,,,,,',
        'w,w-4,1,2,3,,,',
        ',,1,2,2,app,,',
        'w,w-5,1,2,,box,,',
        'w,w-6,1,2,,,,',
        'w,w-6,1,2,,,,',
        'w,w-7,,2,,,4,150',
        'w,w-8,"3,5",2,,,,',
      ].join('\n'),
    );
    expect(inv.records.map((r) => r.vm)).toEqual(['w-6']);
    expect(inv.skipped.map((s) => `${s.file} row ${s.row} ${s.field}: ${s.reason} ${s.detail}`)).toEqual([
      'inventory.csv row 2 peak_cpu_ghz: invalid peak_cpu_ghz must be a number, got "abc"',
      'inventory.csv row 3 peak_cpu_ghz: invalid peak_cpu_ghz must not be negative, got -1',
      'inventory.csv row 4 peak_ram_gb: invalid peak RAM is empty',
      'inventory.csv row 5 vm_count: invalid a VM row stands for one VM; got vm_count 3 (leave vm empty for an application row)',
      'inventory.csv row 6 app: invalid application name is empty',
      'inventory.csv row 7 kind: invalid kind must be vm, app or service, got "box"',
      'inventory.csv row 9 vm: duplicate VM "w-6" (prod) already listed above; this row is ignored',
      'inventory.csv row 10 peak_cpu_pct: invalid peak_cpu_pct must be between 0 and 100, got 150',
      'inventory.csv row 11 peak_cpu_ghz: invalid peak_cpu_ghz must be a number, got "3,5" (use a dot as decimal separator)',
    ]);
  });

  it('unknown columns are fatal and list the known ones', () => {
    const e = inputErrorOf(() => csv('app,vm,peak_cpu_ghz,peak_ram_gbb\nw,w-1,1,2\n'));
    expect(e.location).toEqual({ file: 'inventory.csv', row: 1, field: 'peak_ram_gbb' });
    expect(e.message).toMatch(/^inventory\.csv, row 1, field "peak_ram_gbb": unknown column; known columns: app, vm, env/);
  });

  it('missing CPU or memory columns are fatal; free-text columns are ignored', () => {
    expect(inputErrorOf(() => csv('app,vm,peak_ram_gb\nw,w-1,2\n')).message).toContain('no CPU column');
    expect(inputErrorOf(() => csv('app,vm,peak_cpu_ghz\nw,w-1,2\n')).message).toContain('no memory column');
    expect(inputErrorOf(() => csv('app,ghz,cpu_ghz,ram_gb\nw,1,1,2\n')).message).toContain('both mean peak_cpu_ghz');
    expect(csv('app,vm,peak_cpu_ghz,peak_ram_gb,Notes,Owner\nw,w-1,1,2,hello,me\n').records).toHaveLength(1);
  });

  it('empty files and header-only files are fatal', () => {
    expect(inputErrorOf(() => csv('')).message).toBe('inventory.csv: file is empty: expected a header line and at least one row');
    expect(inputErrorOf(() => csv('  \n\n')).message).toContain('file is empty');
  });

  it('a broken quote is fatal, naming the line', () => {
    const e = inputErrorOf(() => csv('app,vm,peak_cpu_ghz,peak_ram_gb\nw,"w-1,1,2\n'));
    expect(e.message).toBe('inventory.csv: malformed CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2');
  });

  it('normalises headers', () => {
    expect(normalizeHeader(' Peak CPU (GHz) ')).toBe('peak_cpu_ghz');
    expect(normalizeHeader('Peak CPU %')).toBe('peak_cpu_pct');
    expect([...resolveColumns(['App', 'vCPUs', 'CPU %', 'RAM (GB)'], 'f').keys()]).toEqual(['app', 'vcpus', 'peak_cpu_pct', 'peak_ram_gb']);
  });
});

describe('text decoding', () => {
  it('rejects Latin-1 bytes, naming the line and offset', () => {
    const bytes = Buffer.concat([Buffer.from('app,vm,peak_cpu_ghz,peak_ram_gb\nw,w-1,1,2\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(',x,1,2\n')]);
    const e = inputErrorOf(() => decodeUtf8(bytes, 'latin1.csv'));
    expect(e.location).toEqual({ file: 'latin1.csv', row: 3 });
    expect(e.message).toContain('not valid UTF-8 (byte 0xe9 at offset 45)');
    expect(firstInvalidUtf8(bytes)).toEqual({ line: 3, offset: 45 });
  });

  it('strips a UTF-8 BOM and rejects UTF-16', () => {
    expect(decodeUtf8(Buffer.from('\ufeffapp,vm', 'utf8'), 'f.csv')).toBe('app,vm');
    expect(inputErrorOf(() => decodeUtf8(Buffer.from('\ufeffapp', 'utf16le'), 'f.csv')).message).toContain('UTF-16');
    expect(decodeUtf8(Buffer.from('café,Zürich', 'utf8'), 'f.csv')).toBe('café,Zürich');
  });
});

describe('JSON inventory', () => {
  it('reads an array of rows or { vms: [...] } with the same columns', () => {
    const a = parseInventoryTexts([{ file: 'i.json', text: JSON.stringify([{ app: 'api', vm_count: 8, peak_cpu_ghz: 16, peak_ram_gb: 32 }]) }]);
    expect(a.records[0]).toMatchObject({ app: 'api', vmCount: 8, peakCpuGhz: 16, peakMemoryGiB: 32, rowKind: 'app' });
    expect(a.sources[0]!.format).toBe('json');
    const b = parseInventoryTexts([{ file: 'i.json', text: JSON.stringify({ vms: [{ app: 'w', vm: 'w-1', vcpus: 2, peak_cpu_pct: 50, host_clock_ghz: 3, peak_ram_gb: 4 }, { app: 'w', vm: 'w-2', vcpus: 'x', peak_ram_gb: 4 }] }) }]);
    expect(b.records[0]!.peakCpuGhz).toBe(3);
    expect(b.skipped[0]).toMatchObject({ file: 'i.json', row: 2, field: 'vcpus', reason: 'invalid' });
  });

  it('JSON syntax errors, wrong shapes and nested values are fatal', () => {
    expect(inputErrorOf(() => parseInventoryTexts([{ file: 'i.json', text: '[{"app": }]' }])).message).toMatch(/^i\.json: not valid JSON/);
    expect(inputErrorOf(() => parseInventoryTexts([{ file: 'i.json', text: '{"servers": []}' }])).message).toContain('expected an array of rows');
    expect(inputErrorOf(() => parseInventoryTexts([{ file: 'i.json', text: '[]' }])).message).toContain('no rows');
    const nested = inputErrorOf(() => parseInventoryTexts([{ file: 'i.json', text: '[{"app":"a","peak_cpu_ghz":{"max":1}}]' }]));
    expect(nested.location).toEqual({ file: 'i.json', row: 1, field: '[0].peak_cpu_ghz' });
  });
});
