/**
 * Adversarial review of the estimator: inputs a budget manager really sends (overlapping exports, a VM
 * too big for any type, an app that only exists outside prod, RVTools tabs missing a column, duplicate
 * --env names) and the money of a multi-app JSON report checked against big.js.
 */
import Big from 'big.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { estimate } from '../../src/estimator/estimate.js';
import { parseInventoryTexts } from '../../src/estimator/inventory/parse-inventory.js';
import { parseEnvRatios } from '../../src/estimator/options.js';
import { inputErrorOf } from '../support/input-error.js';
import { nuage } from './cli-harness.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, options, PARITY } from './helpers.js';

const m5 = { arch: 'x86_64' as const, allowBurstable: false, allowMetal: false, allowGpu: false, allowPreviousGeneration: false, family: 'm5' };

describe('duplicate VMs', () => {
  it('a VM listed in two files is counted once (the second is a skipped duplicate naming the first)', () => {
    const text = 'app,vm,env,peak_cpu_ghz,peak_ram_gb\napi,api-01,prod,16,32\n';
    const inv = parseInventoryTexts([
      { file: 'export-a.csv', text },
      { file: 'export-b.csv', text },
    ]);
    expect(inv.records).toHaveLength(1);
    expect(inv.skipped).toEqual([
      expect.objectContaining({ file: 'export-b.csv', row: 2, field: 'vm', vm: 'api-01', reason: 'duplicate', detail: expect.stringContaining('export-a.csv, row 2') }),
    ]);
  });

  it('a Migration Hub import listing one VM twice counts it once', () => {
    const text =
      'ExternalId,VMware.VMName,CPU.NumberOfLogicalCores,CPU.UsagePct.Max,RAM.TotalSizeInMB,Applications,Tags\n' +
      '1,web-01,4,50,8192,web,env:prod\n' +
      '2,web-01,4,50,8192,web,env:prod\n';
    const inv = parseInventoryTexts([{ file: 'mh.csv', text }]);
    expect(inv.records.map((r) => r.vm)).toEqual(['web-01']);
    expect(inv.skipped).toEqual([expect.objectContaining({ file: 'mh.csv', row: 3, vm: 'web-01', reason: 'duplicate' })]);
  });

  it('the same VM name in two environments is not a duplicate', () => {
    const inv = parseInventoryTexts([
      { file: 'a.csv', text: 'app,vm,env,peak_cpu_ghz,peak_ram_gb\napi,api-01,prod,2,8\n' },
      { file: 'b.csv', text: 'app,vm,env,peak_cpu_ghz,peak_ram_gb\napi,api-01,dev,2,8\n' },
    ]);
    expect(inv.records).toHaveLength(2);
  });
});

describe('RVTools CSV tabs with a missing column', () => {
  it('a vInfo tab without CPUs says it is RVTools vInfo and names the column', () => {
    const text = 'VM,Powerstate,Template,Memory,Host,Cluster\nweb-01,poweredOn,False,8192,esx1,c1\n';
    const e = inputErrorOf(() => parseInventoryTexts([{ file: 'RVTools_tabvInfo.csv', text }]));
    expect(e.location).toMatchObject({ file: 'RVTools_tabvInfo.csv', row: 1, field: 'CPUs' });
    expect(e.message).toContain('RVTools vInfo: missing column "CPUs"');
  });

  it('a vHost tab without CPU Model is still read for its Speed', () => {
    const inv = parseInventoryTexts([
      { file: 'RVTools_tabvInfo.csv', text: 'VM,Powerstate,Template,CPUs,Memory,Host,Cluster\nweb-01,poweredOn,False,4,8192,esx1,c1\n' },
      { file: 'RVTools_tabvHost.csv', text: 'Host,Cluster,Speed\nesx1,c1,2600\n' },
    ]);
    expect(inv.records[0]!.peakCpuGhz).toBeCloseTo(10.4, 10);
  });
});

describe('what the budget leaves out is said first', () => {
  it('an app with only non-prod rows is named in the warnings', () => {
    const inv = csv('app,vm,env,peak_cpu_ghz,peak_ram_gb\napi,api-01,prod,2,8\nbatch,b-01,dev,4,16\nbatch,b-02,staging,4,16\n');
    const r = estimate(inv, fixtureCatalog(), options({ types: m5 }));
    expect(r.warnings).toEqual([expect.stringContaining('app "batch" has no prod row')]);
    expect(r.warnings[0]).toContain('dev, staging');
  });

  it('a VM bigger than every candidate type is named in the warnings (its demand is spread, not capped)', () => {
    const inv = csv('app,vm,env,peak_cpu_ghz,peak_ram_gb\nerp,erp-db,prod,2,2000\nerp,erp-app,prod,2,8\n');
    const r = estimate(inv, fixtureCatalog(), options({ types: m5 }));
    expect(r.apps[0]!.peakMemoryGiB).toBe(2008);
    expect(r.warnings).toEqual([expect.stringContaining('VM "erp-db" (app erp, inventory.csv, row 2)')]);
    expect(r.warnings[0]).toContain('2000 GiB');
    expect(r.warnings[0]).toContain('m5.4xlarge');
  });

  it('an application row is checked per VM (8 VMs of 16 GHz, 32 GB fit)', () => {
    const r = estimate(csv('app,vm,env,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,prod,8,16,32\n'), fixtureCatalog(), options({ types: m5 }));
    expect(r.warnings).toEqual([]);
  });
});

describe('--env ratios', () => {
  it('a name given twice is an error', () => {
    expect(() => parseEnvRatios('staging=0.5,staging=0.6')).toThrow(UsageError);
    expect(() => parseEnvRatios('staging=0.5,staging=0.6')).toThrow(/staging.*twice/);
  });

  it('prod is the reference and cannot take a ratio other than 1', () => {
    expect(() => parseEnvRatios('prod=0.5')).toThrow(/prod is the reference/);
    expect(parseEnvRatios('prod=1').find((e) => e.name === 'prod')!.ratio).toBe('1');
  });

  it('a ratio above 1 (staging=40 meant as 40 %) is refused', () => {
    expect(() => parseEnvRatios('staging=40')).toThrow(/0\.4 = 40 %/);
    expect(parseEnvRatios('dr=1').find((e) => e.name === 'dr')!.ratio).toBe('1');
  });
});

describe('money of a multi-app JSON report, against big.js', () => {
  it('per app hourly × hours, environments prod × ratio, yearly 12 × monthly, EUR at --usd-eur, unrounded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-review-'));
    const file = join(dir, 'inv.csv');
    writeFileSync(file, 'app,vm,env,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,prod,8,16,32\nweb,,prod,3,7,20\nbatch,,prod,1,3.3,9\n');
    const res = await nuage(['estimate', file, '--family', 'm5', '--hours-per-month', '730', '--usd-eur', '0.923', '--env', 'staging=0.35', '--format', 'json', '--db', join(dir, 'n.db')]);
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout) as {
      apps: { app: string; usdPerHourEach: string; instanceCount: number; hourlyCost: number; monthlyCost: number }[];
      environments: { name: string; ratio: string; monthlyCost: number }[];
      totalMonthlyCost: number;
      totalYearlyCost: number;
    };
    const fx = new Big('0.923');
    let prod = new Big(0);
    for (const a of r.apps) {
      const hourly = new Big(a.usdPerHourEach).times(a.instanceCount).times(fx);
      const monthly = hourly.times(730);
      expect(a.hourlyCost).toBe(Number(hourly.toString()));
      expect(a.monthlyCost).toBe(Number(monthly.toString()));
      prod = prod.plus(monthly);
    }
    expect(r.apps.map((a) => [a.app, a.instanceCount])).toEqual([
      ['api', 2],
      ["web", 3],
      ['batch', 2],
    ]);
    let total = new Big(0);
    for (const e of r.environments) {
      const env = prod.times(e.ratio);
      expect(e.monthlyCost).toBe(Number(env.toString()));
      total = total.plus(env);
    }
    expect(r.environments.map((e) => [e.name, Number(e.ratio)])).toEqual([
      ['prod', 1],
      ['staging', 0.35],
      ['dev', 0.2],
      ['sandbox', 0.1],
    ]);
    expect(r.totalMonthlyCost).toBe(Number(total.toString()));
    expect(r.totalYearlyCost).toBe(Number(total.times(12).toString()));
    // not pre-rounded to cents
    expect(Number.isInteger(r.totalMonthlyCost * 100)).toBe(false);
  });
});
