/** End to end on the shipped data/ snapshot (the real CLI, no test catalog): the book's worked example holds. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { PROJECT_ROOT } from '../support/corpora.js';

describe('nuage estimate on the data/ snapshot', () => {
  it('acceptance: api, 8 VMs, 16 GHz, 32 GB → 2 × m5.xlarge, 322.56 per month; environments by ratio', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-e2e-'));
    writeFileSync(join(dir, 'api.csv'), 'app,vm,env,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,prod,8,16,32\n');
    const r = await runCli(['estimate', 'api.csv', '--family', 'm5', '--region', 'eu-west-3', '--hours-per-month', '720', '--usd-eur', '1', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.apps[0]).toMatchObject({ app: 'api', instanceType: 'm5.xlarge', instanceCount: 2, usdPerHourEach: 0.224, monthlyCost: 322.56 });
    const env = Object.fromEntries(j.environments.map((e: { name: string; monthlyCost: number }) => [e.name, e.monthlyCost]));
    expect(env.prod).toBeCloseTo(322.56, 2);
    expect(env.staging).toBeCloseTo(129.02, 2);
    expect(env.dev).toBeCloseTo(64.51, 2);
    expect(env.sandbox).toBeCloseTo(32.26, 2);
    expect(j.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('states the dates of the prices it used: eu-west-3 on-demand 2025-05-01, not the catalog\'s newest (us-east-1) 2026-07-20', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-e2e-'));
    writeFileSync(join(dir, 'api.csv'), 'app,vm_count,peak_cpu_ghz,peak_ram_gb\napi,8,16,32\n');
    const json = JSON.parse((await runCli(['estimate', 'api.csv', '--family', 'm5', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.pricesAsOf).toBe('2025-05-01');
    expect(json.priceDates.onDemand.sources).toEqual([{ source: 'skypilot-v7', kind: 'exact', oldest: '2025-05-01', newest: '2025-05-01', prices: 1 }]);
    // m5.xlarge eu-west-3: exact 2018 reserved rates (on-demand unchanged since 2018)
    expect(json.priceDates.reserved).toMatchObject({ prices: 2, exact: { oldest: '2018-08-16', newest: '2018-08-16', prices: 2 } });
    expect(json.priceDates.spot.sources).toEqual([expect.objectContaining({ source: 'skypilot-v7', kind: 'estimate', oldest: '2025-05-01' })]);
    expect(json.priceDates.services).toEqual({ prices: 0, sources: [] });
    expect(json.priceDates.summary).toBe('on-demand 2025-05-01 exact (skypilot-v7); reserved 2018-08-16 exact (ec2instances-2018); spot 2025-05-01 estimate (from skypilot-v7)');
    const table = (await runCli(['estimate', 'api.csv', '--family', 'm5'], { cwd: dir })).stdout;
    expect(table).not.toContain('2026-07-20');
    expect(table.split('\n')[1]).toBe('Price dates (of the prices used): on-demand 2025-05-01 exact (skypilot-v7); reserved 2018-08-16');
    const csv = (await runCli(['estimate', 'api.csv', '--family', 'm5', '--format', 'csv'], { cwd: dir })).stdout;
    expect(csv.split('\n')[1]).toContain(',2025-05-01,on-demand 2025-05-01 exact (skypilot-v7); reserved 2018-08-16 exact (ec2instances-2018); spot');
    const md = (await runCli(['estimate', 'api.csv', '--family', 'm5', '--format', 'markdown'], { cwd: dir })).stdout;
    expect(md).toContain('- Price dates (of the prices used): on-demand 2025-05-01 exact (skypilot-v7);');
  });

  it('an estimate with ratio-estimated reserved rates says where the ratios come from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-e2e-'));
    writeFileSync(join(dir, 'api.csv'), 'app,vm_count,peak_cpu_ghz,peak_ram_gb\napi,8,16,32\n');
    const json = JSON.parse((await runCli(['estimate', 'api.csv', '--family', 'm6i', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.priceDates.reserved.sources).toEqual([{ source: 'ec2instances-2018', kind: 'estimate', oldest: '2025-05-01', newest: '2025-05-01', prices: 2, sourceAsOf: '2018-08-16' }]);
    expect(json.priceDates.summary).toContain('reserved 2025-05-01 estimate (from ec2instances-2018 dated 2018-08-16)');
  });

  it('the default EUR report uses the dated ECB rate: 322.56 USD → 276.88 EUR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-e2e-'));
    writeFileSync(join(dir, 'api.csv'), 'app,vm_count,peak_cpu_ghz,peak_ram_gb\napi,8,16,32\n');
    const r = await runCli(['estimate', 'api.csv', '--family', 'm5', '--hours-per-month', '720'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('EUR at 1 EUR = 1.165 USD (ECB euro foreign exchange reference rate, 2025-07-18)');
    expect(r.stdout).toMatch(/api\s+8\s+16\.00\s+32\.00\s+m5\.xlarge\s+2\s+0\.3845\s+276\.88/);
  });

  it('examples/inventory.csv estimates with every scenario priced from the snapshot', async () => {
    const r = await runCli(['estimate', 'examples/inventory.csv', '--format', 'json', '--onprem-monthly', '12000'], { cwd: PROJECT_ROOT });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.apps).toHaveLength(13);
    expect(j.unsized).toEqual([]);
    const byName = Object.fromEntries(j.scenarios.map((s: { name: string; totalMonthlyCost: number }) => [s.name, s.totalMonthlyCost]));
    expect(byName['reserved-1yr']).toBeLessThan(byName['on-demand']);
    expect(byName['reserved-3yr']).toBeLessThan(byName['reserved-1yr']);
    expect(byName['spot-non-prod']).toBeLessThan(byName['on-demand']);
    expect(byName['load-profile']).toBeLessThan(byName['on-demand']);
    expect(j.scenarios[0].onpremRatio).toBeCloseTo(byName['on-demand'] / 12000, 12);
  });

  it('examples/inventory.csv: managed services and traffic priced from data/services, in USD at 720 h (--family m5)', async () => {
    const r = await runCli(['estimate', 'examples/inventory.csv', '--family', 'm5', '--hours-per-month', '720', '--currency', 'USD', '--format', 'json'], { cwd: PROJECT_ROOT });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // The worked example holds with services and traffic in the same inventory.
    expect(j.apps.find((a: { app: string }) => a.app === 'api')).toMatchObject({ instanceType: 'm5.xlarge', instanceCount: 2, monthlyCost: 322.56 });
    const svc = Object.fromEntries(j.services.map((s: { name: string; monthlyCost: number }) => [s.name, s.monthlyCost]));
    expect(svc).toEqual({
      'catalog-db': 337.99008, // 720 × 0.395664 + 200 × 0.26556
      'user-events': 20.76725, // 50 × 0.148525 + 10 × 0.74 + 20 × 0.29705
      'jobs-queue': 120, // 300 × 0.40
      'media-files': 141.88, // 5,120 × 0.024 + 2 × 5.3 + 20 × 0.42
      'public-alb': 31.1472, // 720 × 0.02646 + 2 × 720 × 0.0084
      'egress-nat': 76, // 720 × 0.05 + 800 × 0.05
      sessions: 129.62664, // 720 × 0.180037
    });
    // Egress 24,200 GB: 10,240 × 0.09 + 13,960 × 0.085 = 2,108.2; inter-AZ (3,000 + 800) × 2 × 0.01 = 76.
    expect(j.trafficMonthlyCost).toBeCloseTo(2184.2, 9);
    expect(j.notPriced).toEqual([]);
    const prod = j.environments[0];
    expect(prod.monthlyCost).toBeCloseTo(prod.computeMonthlyCost + j.servicesMonthlyCost + j.trafficMonthlyCost, 9);
    expect(j.environments[1].servicesMonthlyCost).toBeCloseTo(j.servicesMonthlyCost * 0.4, 9);
  });

  it('the table has the "Managed services and traffic" section and fits in 100 columns', async () => {
    const r = await runCli(['estimate', 'examples/inventory.csv'], { cwd: PROJECT_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Managed services and traffic (prod, on-demand)');
    expect(r.stdout).toMatch(/notifications\s+sqs jobs-queue\s+sqs standard 300M requests\s+103\.00/); // 120 USD ÷ 1.165
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });
});
