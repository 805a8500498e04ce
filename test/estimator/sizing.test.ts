import { describe, expect, it } from 'vitest';
import { selectCandidates } from '../../src/estimator/candidates.js';
import { estimate } from '../../src/estimator/estimate.js';
import { compareFits, pickInstance, type Fit } from '../../src/estimator/pick-instance.js';
import { instancesFor, vcpuNeed } from '../../src/estimator/demand.js';
import { DEFAULT_TYPE_FILTER, type TypeFilter } from '../../src/estimator/options.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, options, WORKED_EXAMPLE } from './helpers.js';

const catalog = fixtureCatalog();
const types = (f: Partial<TypeFilter>): TypeFilter => ({ ...DEFAULT_TYPE_FILTER, ...f });
const usd = { currency: 'USD' as const, hoursPerMonth: 720 };

describe('GHz → vCPU and instance counts', () => {
  it('divides GHz by the sustained clock and adds vCPU-equivalents', () => {
    expect(vcpuNeed({ needCpuGhz: 16, needCpuVcpu: 0 }, 3.1)).toBeCloseTo(5.1613, 4);
    expect(vcpuNeed({ needCpuGhz: 7, needCpuVcpu: 2 }, 3.5)).toBe(4);
    expect(vcpuNeed({ needCpuGhz: 0, needCpuVcpu: 3 }, null)).toBe(3);
    expect(vcpuNeed({ needCpuGhz: 1, needCpuVcpu: 0 }, null)).toBeUndefined();
  });

  it('counts cover CPU and RAM, at least the minimum, without float ceil errors', () => {
    expect(instancesFor(16 / 3.1, 32, 4, 16, 1)).toBe(2);
    expect(instancesFor(0.1 * 3 * 10, 8, 3, 8, 1)).toBe(1); // 3.0000000000000004 / 3 stays 1
    expect(instancesFor(0.5, 1, 2, 8, 2)).toBe(2);
  });
});

describe('tie-break', () => {
  const fit = (instanceType: string, generation: number, count: number, cost: number): Fit =>
    ({ candidate: { spec: { instanceType, generation } }, count, vcpuNeed: 0, costApprox: cost }) as unknown as Fit;
  it('cheaper first; on equal cost: at least 2 instances, then fewest, then newer generation, then name', () => {
    const fits = [
      fit('m5.2xlarge', 5, 1, 0.448),
      fit('m5.large', 5, 4, 0.448),
      fit('m5.xlarge', 5, 2, 0.448),
      fit('m6i.xlarge', 6, 2, 0.448),
      fit('r5.large', 5, 3, 0.444),
      fit('a1.xlarge', 6, 2, 0.2 + 0.248), // 0.44800000000000006: same cost within tolerance
    ].sort(compareFits);
    expect(fits.map((f) => `${f.count}×${f.candidate.spec.instanceType}`)).toEqual(['3×r5.large', '2×a1.xlarge', '2×m6i.xlarge', '2×m5.xlarge', '4×m5.large', '1×m5.2xlarge']);
  });

  it('16 GHz / 32 GB on family m5: 4 × large, 2 × xlarge and 1 × 2xlarge tie at 0.448 → 2 × m5.xlarge', () => {
    const set = selectCandidates(catalog, 'eu-west-3', types({ family: 'm5' }));
    const s = pickInstance({ needCpuGhz: 16, needCpuVcpu: 0, needMemoryGiB: 32 }, set, 1);
    expect('unsized' in s ? s : [s.instanceType, s.count, s.hourlyUsd.toString()]).toEqual(['m5.xlarge', 2, '0.448']);
  });
});

describe('candidate types', () => {
  it('default: current generation x86_64, no burstable, metal or GPU', () => {
    const set = selectCandidates(catalog, 'eu-west-3', DEFAULT_TYPE_FILTER);
    expect(set.candidates.map((c) => c.spec.instanceType)).toEqual([
      'c5.2xlarge', 'c5.large', 'c5.xlarge', 'm5.2xlarge', 'm5.4xlarge', 'm5.large', 'm5.xlarge',
      'm6i.2xlarge', 'm6i.large', 'm6i.xlarge', 'r5.2xlarge', 'r5.large', 'r5.xlarge', 'x1.16xlarge',
    ]);
    expect(set.excluded).toEqual({ 'previous generation': 1, 'not x86_64': 2, burstable: 2, 'bare metal': 1, GPU: 1 });
  });

  it('a pinned family keeps only its sizes (still no metal); unknown family is NotFound', () => {
    expect(selectCandidates(catalog, 'eu-west-3', types({ family: 'm5' })).candidates.map((c) => c.spec.instanceType)).toEqual(['m5.2xlarge', 'm5.4xlarge', 'm5.large', 'm5.xlarge']);
    expect(() => selectCandidates(catalog, 'eu-west-3', types({ family: 'm9' }))).toThrow('no instance type matching family "m9" has an on-demand price in eu-west-3');
  });
});

describe('strategies', () => {
  const api = (o: Parameters<typeof options>[0]) => estimate(csv(WORKED_EXAMPLE), catalog, options({ ...usd, ...o })).apps[0]!;

  it('cheapest-fit over the catalog: 3 × r5.large (0.444) beats 2 × m5.xlarge (0.448)', () => {
    const a = api({});
    expect([a.instanceType, a.instanceCount, a.hourlyCost.toString()]).toEqual(['r5.large', 3, '0.444']);
    expect(a.reason).toMatch(/^cheapest-fit over 14 current-generation x86_64 types: 3 × r5\.large/);
  });

  it('allowed families: c5 only → 2 × c5.2xlarge (ties with 4 × xlarge and 8 × large)', () => {
    const a = api({ types: types({ families: ['c5'] }) });
    expect([a.instanceType, a.instanceCount, a.hourlyCost.toString()]).toEqual(['c5.2xlarge', 2, '0.808']);
  });

  it('arm64 is opt-in: --arch any picks 2 × m6g.xlarge', () => {
    const a = api({ types: types({ arch: 'any' }) });
    expect([a.instanceType, a.instanceCount, a.hourlyCost.toString()]).toEqual(['m6g.xlarge', 2, '0.36']);
    expect(api({ types: types({ arch: 'arm64' }) }).instanceType).toBe('m6g.xlarge');
  });

  it('burstable is opt-in', () => {
    const tiny = 'app,vm,peak_cpu_ghz,peak_ram_gb\ntiny,tiny-1,1,2\n';
    expect(estimate(csv(tiny), catalog, options(usd)).apps[0]!.instanceType).toBe('c5.large');
    expect(estimate(csv(tiny), catalog, options({ ...usd, types: types({ allowBurstable: true }) })).apps[0]!.instanceType).toBe('t3.medium');
  });

  it('headroom scales the need: 16 GHz/32 GiB + 20 % on m5 → 5 × m5.large', () => {
    const a = api({ types: types({ family: 'm5' }), headroomPct: 20 });
    expect([a.peakCpuGhz, a.needMemoryGiB, a.instanceType, a.instanceCount, a.hourlyCost.toString()]).toEqual([16, 38.4, 'm5.large', 5, '0.56']);
  });

  it('--ha: at least 2 instances even for a tiny app', () => {
    const tiny = 'app,vm,peak_cpu_ghz,peak_ram_gb\ntiny,tiny-1,1,2\n';
    const a = estimate(csv(tiny), catalog, options({ ...usd, minInstances: 2, types: types({ family: 'm5' }) })).apps[0]!;
    expect([a.instanceType, a.instanceCount]).toEqual(['m5.large', 2]);
    expect(a.reason).toContain('the minimum of 2 decides the count');
  });

  it('GHz demand cannot go on a type without a published clock; vCPU-equivalents can', () => {
    const ghz = estimate(csv('app,vm,peak_cpu_ghz,peak_ram_gb\nbig,big-1,1,900\n'), catalog, options({ ...usd, types: types({ family: 'x1' }) }));
    expect(ghz.unsized).toEqual([{ app: 'big', reason: 'no candidate type publishes a sustained clock to convert 1 GHz into vCPU' }]);
    expect(ghz.apps[0]!.instanceType).toBeNull();
    const vcpu = estimate(csv('app,vm,vcpus,peak_ram_gb\nbig,big-1,8,900\n'), catalog, options({ ...usd, types: types({ family: 'x1' }) }));
    expect(vcpu.apps[0]!.instanceType).toBe('x1.16xlarge');
  });

  it('cluster: one pool for all apps, per-app shares add up to the pool', () => {
    const inv = csv('app,vm,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,8,16,32\nweb,,4,12.6,24\n');
    const r = estimate(inv, catalog, options({ ...usd, strategy: 'cluster', types: types({ family: 'm5' }) }));
    // 28.6 GHz ÷ 3.1 = 9.23 vCPU and 56 GiB → 7 × m5.large (14 vCPU, 56 GiB) at 0.784/h
    expect(r.pool).toMatchObject({ instanceType: 'm5.large', instanceCount: 7, usdPerHourEach: '0.112' });
    expect(r.pool!.hourlyCost.toString()).toBe('0.784');
    const [a, w] = r.apps;
    // dominant shares: api max(16/28.6, 32/56) = 0.5714, web max(12.6/28.6, 24/56) = 0.4406
    expect(a!.sharePercent).toBeCloseTo((100 * (32 / 56)) / (32 / 56 + 12.6 / 28.6), 6);
    expect(a!.sharePercent! + w!.sharePercent!).toBeCloseTo(100, 9);
    expect(a!.hourlyCost.plus(w!.hourlyCost).round(12).toString()).toBe('0.784');
    expect(r.totalMonthlyCost.round(9).toString()).toBe('959.616'); // 0.784 × 720 × 1.7
  });
});
