import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { reservedPrice, spotPrice } from '../../src/estimator/commitment-prices.js';
import { estimate } from '../../src/estimator/estimate.js';
import { appFromName, appOf, DEFAULT_NAME_PATTERN, parseGroupBy } from '../../src/estimator/grouping.js';
import { EVENING_PEAK, parseLoadProfile, profileInstanceHoursPerDay } from '../../src/estimator/load-profile.js';
import { DEFAULT_ENV_RATIOS, DEFAULT_TYPE_FILTER, parseEnvRatios, selectEnvironments } from '../../src/estimator/options.js';
import type { Ec2Prices } from '../../src/catalog/types.js';
import { fixtureCatalog } from './fixture-catalog.js';
import { csv, options, WORKED_EXAMPLE } from './helpers.js';

const catalog = fixtureCatalog();
const m5 = { ...DEFAULT_TYPE_FILTER, family: 'm5' };
const book = { currency: 'USD' as const, hoursPerMonth: 720, types: m5 };
const costs = (list: readonly { name: string; monthlyCost: { toString(): string } }[]): [string, string][] => list.map((e) => [e.name, e.monthlyCost.toString()]);

describe('environment ratios', () => {
  it('--env overrides and appends; --env-only selects in the given order', () => {
    expect(parseEnvRatios('staging=0.5,dev=0.25,perf=0.3')).toEqual([
      { name: 'prod', ratio: '1' },
      { name: 'staging', ratio: '0.5' },
      { name: 'dev', ratio: '0.25' },
      { name: 'sandbox', ratio: '0.1' },
      { name: 'perf', ratio: '0.3' },
    ]);
    expect(selectEnvironments(DEFAULT_ENV_RATIOS, 'staging,prod').map((e) => e.name)).toEqual(['staging', 'prod']);
    expect(() => selectEnvironments(DEFAULT_ENV_RATIOS, 'prod,qa')).toThrow(new UsageError('--env-only: unknown environment "qa"; known: prod, staging, dev, sandbox'));
    expect(() => parseEnvRatios('staging:0.5')).toThrow(UsageError);
    expect(() => parseEnvRatios('staging=half')).toThrow('ratio must be a number');
  });

  it('fans prod out to environments; --env-only changes the totals', () => {
    const all = estimate(csv(WORKED_EXAMPLE), catalog, options(book));
    expect(costs(all.environments)).toEqual([['prod', '322.56'], ['staging', '129.024'], ['dev', '64.512'], ['sandbox', '32.256']]);
    const some = estimate(csv(WORKED_EXAMPLE), catalog, options({ ...book, environments: selectEnvironments(parseEnvRatios('staging=0.5'), 'prod,staging') }));
    expect(costs(some.environments)).toEqual([['prod', '322.56'], ['staging', '161.28']]);
    expect(some.totalMonthlyCost.toString()).toBe('483.84');
    expect(some.totalYearlyCost.toString()).toBe('5806.08');
  });

  it('non-prod inventory rows are reported, not double-counted', () => {
    const r = estimate(csv(WORKED_EXAMPLE + 'api,api-stg-1,staging,,4,8\n'), catalog, options(book));
    expect(r.apps[0]!.vmCount).toBe(8);
    expect(r.skipped).toEqual([expect.objectContaining({ row: 3, field: 'env', reason: 'non-prod', vm: 'api-stg-1' })]);
  });

  it('an inventory with nothing to estimate is an InputError', () => {
    expect(() => estimate(csv('app,vm,env,peak_cpu_ghz,peak_ram_gb\na,a-1,dev,1,2\n'), catalog, options(book))).toThrow(
      'inventory.csv: nothing to estimate: no prod VM or service left after reading 1 rows (skipped: 1 non-prod)',
    );
  });
});

describe('scenarios (worked example, m5, 720 h, USD)', () => {
  it('on-demand, reserved 1 yr / 3 yr for prod, spot for non-prod, load profile; ratio to on-prem', () => {
    const r = estimate(csv(WORKED_EXAMPLE), catalog, options({ ...book, onpremMonthly: '1200' }));
    expect(r.scenarios.map((s) => [s.name, s.totalMonthlyCost.toString(), s.onpremRatio?.toString()])).toEqual([
      ['on-demand', '548.352', '0.45696'],
      ['reserved-1yr', '451.872', '0.37656'], // 2 × 0.157 × 720 + 0.7 × 322.56
      ['reserved-3yr', '381.312', '0.31776'], // 2 × 0.108 × 720 + 0.7 × 322.56
      ['spot-non-prod', '406.0224', '0.338352'], // 322.56 + 0.7 × 2 × 0.0828 × 720
      ['load-profile', '376.992', '0.31416'], // 33 instance-hours/day × 0.224 × 30 days × 1.7
    ]);
    const reserved = r.scenarios[1]!;
    expect(costs(reserved.environments)[0]).toEqual(['prod', '226.08']);
    expect(reserved.basis).toEqual(['prod: 1yr standard no-upfront effective hourly: estimate (m5 family ratio × on-demand, 2018-08-16): m5', 'non-prod: on-demand list prices']);
    expect(r.scenarios[3]!.basis).toContain('non-prod: observed spot price (skypilot-v7, 2026-07-20)');
  });

  it('missing reserved and spot prices fall back to on-demand and say so', () => {
    const r = estimate(csv(WORKED_EXAMPLE), catalog, options({ ...book, types: { ...m5, family: 'm4' } }));
    expect(r.apps[0]!.instanceType).toBe('m4.large');
    expect(r.scenarios[1]!.notes).toEqual(['no 1yr standard no-upfront reserved rate for m4.large in eu-west-3: priced on demand']);
    expect(r.scenarios[3]!.notes).toEqual(['no spot price or Spot Advisor savings for m4.large in eu-west-3: priced on demand']);
    expect(r.scenarios[3]!.totalMonthlyCost.toString()).toBe(r.scenarios[0]!.totalMonthlyCost.toString());
  });

  it('spot from Spot Advisor savings when no price is known; reserved lookup by offer', () => {
    const p: Ec2Prices = {
      region: 'eu-west-3',
      instanceType: 'm5.xlarge',
      currency: 'USD',
      onDemand: { usdPerHour: '0.224', basis: { kind: 'exact', source: 's', asOf: '2026-07-20' } },
      reserved: [],
      spot: { savingsPercent: 63, advisorBasis: { kind: 'exact', source: 'spot-advisor', asOf: '2025-06-28' } },
    };
    const s = spotPrice(p);
    expect('missing' in s ? s : [s.usdPerHour.toString(), s.basis]).toEqual(['0.08288', 'estimate: on-demand less 63 % Spot Advisor savings (spot-advisor, 2025-06-28)']);
    expect(reservedPrice(p, '1yr', 'convertible', 'all-upfront')).toEqual({ missing: '1yr convertible all-upfront reserved rate' });
  });
});

describe('load profile', () => {
  it('the built-in evening peak: full 21:00–23:00, mostly at 20:00, lunch bump, night trough', () => {
    expect(EVENING_PEAK.factors).toHaveLength(24);
    expect(EVENING_PEAK.factors[21]).toBe(1);
    expect(EVENING_PEAK.factors[22]).toBe(1);
    expect(Math.max(...EVENING_PEAK.factors.slice(11, 15))).toBeGreaterThan(Math.max(...EVENING_PEAK.factors.slice(8, 11)));
    expect(Math.min(...EVENING_PEAK.factors)).toBe(0.15);
  });

  it('counts follow the load hour by hour, never below the minimum', () => {
    // 5.16 vCPU / 32 GiB on m5.xlarge: 2 instances above 50 % load (9 h), else 1 → 33 instance-hours
    expect(profileInstanceHoursPerDay(16 / 3.1, 32, 4, 16, 1, EVENING_PEAK)).toBe(33);
    expect(profileInstanceHoursPerDay(16 / 3.1, 32, 4, 16, 2, EVENING_PEAK)).toBe(48);
    const flat = { name: 'flat', factors: Array.from({ length: 24 }, () => 1) };
    expect(profileInstanceHoursPerDay(16 / 3.1, 32, 4, 16, 1, flat)).toBe(48);
  });

  it('reads 24 factors from a file, normalised to the peak; wrong counts are InputErrors', () => {
    const p = parseLoadProfile('# requests per second by hour\n' + Array.from({ length: 24 }, (_, h) => (h === 21 ? 400 : 100)).join(', '), 'rps.txt');
    expect(p.factors[21]).toBe(1);
    expect(p.factors[0]).toBe(0.25);
    expect(() => parseLoadProfile('1 2 3', 'short.txt')).toThrow('short.txt: a load profile has 24 hourly factors, found 3');
    expect(() => parseLoadProfile(Array(24).fill('x').join(' '), 'bad.txt')).toThrow('bad.txt, field "hour 0": factor must be a number');
  });
});

describe('grouping', () => {
  it('the default name pattern strips a trailing number', () => {
    const re = new RegExp(DEFAULT_NAME_PATTERN);
    expect(['api-01', 'web_3', 'db.12', 'search7', 'gateway'].map((n) => appFromName(n, re))).toEqual(['api', 'web', 'db', 'search', 'gateway']);
  });

  it('by column, pattern, folder or cluster', () => {
    const inv = csv('app,vm,folder,cluster,peak_cpu_ghz,peak_ram_gb\n,pay-eu-01,/prod/payments,C1,1,2\nfront,web-fr-02,,C2,1,2\n');
    const apps = (spec: string): string[] => inv.records.map(appOf(parseGroupBy(spec)));
    expect(apps('auto')).toEqual(['pay-eu', 'front']);
    expect(apps('pattern:^([a-z]+)-')).toEqual(['pay', 'web']);
    expect(apps('folder')).toEqual(['/prod/payments', 'front']);
    expect(apps('cluster')).toEqual(['C1', 'C2']);
    expect(() => parseGroupBy('pattern:([')).toThrow('invalid regular expression');
    expect(() => parseGroupBy('owner')).toThrow(UsageError);
  });
});
