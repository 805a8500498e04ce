import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/estimator/estimate.js';
import { toNumber } from '../../src/money/index.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, ECB_FX, options, PARITY, WORKED_EXAMPLE } from './helpers.js';

const m5 = { arch: 'x86_64' as const, allowBurstable: false, allowMetal: false, allowGpu: false, allowPreviousGeneration: false, family: 'm5' };

describe('worked example: api, 8 VMs, 16 GHz, 32 GB → 2 × m5.xlarge', () => {
  it('lands on 2 × m5.xlarge at 0.224 USD/h, 322.56 per month at 720 h', () => {
    const r = estimate(csv(WORKED_EXAMPLE), fixtureCatalog(), options({ types: m5, hoursPerMonth: 720, currency: 'USD', fx: PARITY }));
    const api = r.apps[0]!;
    expect(api).toMatchObject({ app: 'api', vmCount: 8, peakCpuGhz: 16, peakMemoryGiB: 32, instanceType: 'm5.xlarge', instanceCount: 2, usdPerHourEach: '0.224' });
    expect(api.hourlyCost.toString()).toBe('0.448');
    expect(api.monthlyCost.toString()).toBe('322.56');
    expect(api.needVcpu).toBeCloseTo(16 / 3.1, 10);
    expect(r.environments.map((e) => [e.name, e.monthlyCost.toString()])).toEqual([
      ['prod', '322.56'],
      ['staging', '129.024'],
      ['dev', '64.512'],
      ['sandbox', '32.256'],
    ]);
    expect(r.totalMonthlyCost.toString()).toBe('548.352');
    expect(r.totalYearlyCost.toString()).toBe('6580.224');
    expect(api.reason).toContain('tied on cost with 4 × m5.large, 1 × m5.2xlarge');
    expect(api.reason).toContain('chose the fewest instances');
  });

  it('in euros at the ECB default rate (1 EUR = 1.165 USD)', () => {
    const r = estimate(csv(WORKED_EXAMPLE), fixtureCatalog(), options({ types: m5, hoursPerMonth: 720, fx: ECB_FX }));
    // 322.56 / 1.165 = 276.875536480686695279…
    expect(r.currency).toBe('EUR');
    expect(r.apps[0]!.monthlyCost.round(10).toString()).toBe('276.8755364807');
    expect(toNumber(r.environments[0]!.monthlyCost)).toBeCloseTo(276.8755, 4);
  });

  it('defaults to 730 h per month', () => {
    const r = estimate(csv(WORKED_EXAMPLE), fixtureCatalog(), options({ types: m5, currency: 'USD' }));
    expect(r.hoursPerMonth).toBe(730);
    expect(r.apps[0]!.monthlyCost.toString()).toBe('327.04');
  });

  it('agrees whether CPU is given in GHz or as vCPUs × peak % × host clock', () => {
    const perVm = ['app,vm,env,vcpus,peak_cpu_pct,host_clock_ghz,peak_ram_gb'];
    for (let i = 1; i <= 8; i++) perVm.push(`api,api-0${i},prod,2,40,2.5,4`); // 2 × 40 % × 2.5 GHz = 2 GHz, 4 GiB each
    const a = estimate(csv(perVm.join('\n')), fixtureCatalog(), options({ types: m5, hoursPerMonth: 720, currency: 'USD' }));
    const b = estimate(csv(WORKED_EXAMPLE), fixtureCatalog(), options({ types: m5, hoursPerMonth: 720, currency: 'USD' }));
    expect(a.apps[0]!.peakCpuGhz).toBeCloseTo(16, 10);
    expect(a.apps[0]!.vmCount).toBe(8);
    expect(a.apps[0]!.instanceType).toBe(b.apps[0]!.instanceType);
    expect(a.apps[0]!.instanceCount).toBe(2);
    expect(a.apps[0]!.monthlyCost.toString()).toBe(b.apps[0]!.monthlyCost.toString());
  });
});
