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
});
