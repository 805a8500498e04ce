/**
 * Managed services and traffic priced from the shipped snapshot (data/services/eu-west-3.json), every figure
 * justified line by line from its unit prices; env fan-out and scenarios; what cannot be priced is listed.
 */
import { describe, expect, it } from 'vitest';
import { loadSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { estimate } from '../../src/estimator/estimate.js';
import { toNumber } from '../../src/money/index.js';
import { csv, options, PARITY } from './helpers.js';

const catalog = loadSnapshotCatalog();
const USD = { currency: 'USD' as const, fx: PARITY, region: 'eu-west-3', hoursPerMonth: 730 };

function services(rows: string[]) {
  const text = 'app,vm,kind,spec\n' + rows.map((r, i) => `app${i},svc${i},service,${r}`).join('\n') + '\n';
  return estimate(csv(text), catalog, options(USD));
}

const n = (d: { toString(): string }): number => Number(d.toString());

describe('managed services on the eu-west-3 snapshot (USD, 730 h)', () => {
  it('prices each kind line by line', () => {
    const r = services([
      'rds db.m5.large multi-az 200 GB',
      'rds db.m5.large 100 GB gp3',
      'dynamodb 50M reads 10M writes 20 GB',
      'sqs 300M requests',
      's3 5 TB 20M GET 2M PUT',
      'alb 2 LCU',
      'nat 800 GB',
      'elasticache cache.m5.large redis',
      'eks',
    ]);
    const cost = r.services.map((s) => [s.spec, n(s.monthlyCost), s.complete]);
    expect(cost).toEqual([
      // 730 h × 0.395664 (db.m5.large MySQL Multi-AZ, estimate) + 200 GB × 0.26556 (gp2 Multi-AZ) = 288.83472 + 53.112
      ['rds db.m5.large mysql multi-az 200 GB', 341.94672, true],
      // 730 h × 0.197832 (Single-AZ) + 100 GB × 0.133 (gp3 Single-AZ, exact 2026-10-06) = 144.41736 + 13.3
      ['rds db.m5.large mysql single-az 100 GB gp3', 157.71736, true],
      // 50 M RRU × 0.148525 + 10 M WRU × 0.74 + 20 GB × 0.29705 = 7.42625 + 7.4 + 5.941
      ['dynamodb on-demand 50M reads 10M writes 20 GB', 20.76725, true],
      // 300 M requests × 0.40
      ['sqs standard 300M requests', 120, true],
      // 5,120 GB × 0.024 + 2 M PUT × 5.3 + 20 M GET × 0.42 = 122.88 + 10.6 + 8.4
      ['s3 standard 5120 GB 20M GET 2M PUT', 141.88, true],
      // 730 h × 0.02646 + 2 LCU × 730 h × 0.0084 = 19.3158 + 12.264
      ['alb 2 LCU', 31.5798, true],
      // 730 h × 0.05 + 800 GB × 0.05 = 36.5 + 40
      ['nat 800 GB', 76.5, true],
      // 730 h × 0.180037 (eu-west-1 regional 0.172 × the eu-west-3/eu-west-1 m5.large ratio, estimate)
      ['elasticache cache.m5.large redis 1 node', 131.42701, true],
      // 730 h × 0.10
      ['eks', 73, true],
    ]);
    expect(n(r.servicesMonthlyCost)).toBe(1094.81814);
    expect(r.notPriced).toEqual([]);
    // Each component carries its price reference and basis (exact or estimate, source, date).
    const s3 = r.services[4]!.components[0]!;
    expect(s3).toMatchObject({ name: 'Standard storage (first 50 TB)', unit: 'GB-months', status: 'priced', unitPriceUsd: '0.024', price: 'service(eu-west-3, s3:standard:storage)' });
    expect(s3.basis).toEqual({ kind: 'exact', source: 'aws-offers-eu-west-3-2026', asOf: '2026-09-28' });
    expect(r.services[0]!.components[0]!.basis?.kind).toBe('estimate');
  });

  it('lists what has no quantity or no price, never as zero; the service cost is then a lower bound', () => {
    const r = services(['s3 60 TB', 'rds db.m5.large', 'dynamodb 20 GB', 'dynamodb provisioned 100 RCU 50 WCU']);
    // 51,200 GB × 0.024 = 1,228.8; the next 10,240 GB fall in the 450-TB tier, which has no price in the snapshot.
    expect(n(r.services[0]!.monthlyCost)).toBe(1228.8);
    // 730 h × 0.197832; storage size not given.
    expect(n(r.services[1]!.monthlyCost)).toBe(144.41736);
    // 20 GB × 0.29705; reads and writes not given.
    expect(n(r.services[2]!.monthlyCost)).toBe(5.941);
    // 100 RCU × 730 h × 0.000154 + 50 WCU × 730 h × 0.000771 = 11.242 + 28.1415; storage not given.
    expect(n(r.services[3]!.monthlyCost)).toBe(39.3835);
    expect(r.services.map((s) => s.complete)).toEqual([false, false, false, false]);
    expect(r.notPriced.map((x) => [x.app, x.item, x.component, x.status])).toEqual([
      ['app0', 's3 svc0', 'Standard storage (next 450 TB)', 'missing-price'],
      ['app0', 's3 svc0', 'PUT, COPY, POST, LIST requests', 'usage-based'],
      ['app0', 's3 svc0', 'GET and other requests', 'usage-based'],
      ['app1', 'rds svc1', 'Storage (gp2, single-az)', 'unknown'],
      ['app2', 'dynamodb svc2', 'Read request units', 'usage-based'],
      ['app2', 'dynamodb svc2', 'Write request units', 'usage-based'],
      ['app3', 'dynamodb svc3', 'Storage', 'usage-based'],
    ]);
  });
});

describe('traffic on the eu-west-3 snapshot (USD, 730 h)', () => {
  const inv = (rows: string) => csv(`app,vm,peak_cpu_ghz,peak_ram_gb,egress_internet_gb,inter_az_gb\n${rows}`);

  it('internet egress tiers apply to the total; each app carries its share; inter-AZ is billed both ways', () => {
    const r = estimate(inv('a,a-1,1,2,6000,1000\nb,b-1,1,2,10000,\nb,b-2,1,2,4000,\n'), catalog, options(USD));
    // Total 20,000 GB: 10,240 × 0.09 (first 10 TB, exact) + 9,760 × 0.085 (next 40 TB, estimate) = 921.6 + 829.6 = 1,751.2
    // a: 6,000/20,000 = 30 % → 525.36, plus 1,000 GB across AZs × 2 × 0.01 = 20 → 545.36
    // b: 14,000/20,000 = 70 % → 1,225.84
    expect(r.traffic.map((t) => [t.app, t.internetEgressGb, t.interAzGb, toNumber(t.monthlyCost)])).toEqual([
      ['a', 6000, 1000, 545.36],
      ['b', 14000, 0, 1225.84],
    ]);
    expect(toNumber(r.trafficMonthlyCost)).toBe(1771.2);
    const a = r.traffic[0]!.components;
    expect(a.map((c) => [c.name, c.monthlyQuantity === null ? null : toNumber(c.monthlyQuantity), c.unitPriceUsd])).toEqual([
      ['Internet egress (first 10 TB)', 3072, '0.09'],
      ['Internet egress (next 40 TB)', 2928, '0.085'],
      ['Inter-AZ transfer (billed out and in)', 2000, '0.01'],
    ]);
  });

  it('below 10 TB only the first tier appears', () => {
    const r = estimate(inv('a,a-1,1,2,500,\n'), catalog, options(USD));
    expect(r.traffic[0]!.components.map((c) => c.name)).toEqual(['Internet egress (first 10 TB)']);
    expect(toNumber(r.traffic[0]!.monthlyCost)).toBe(45); // 500 × 0.09
  });
});

describe('services and traffic fan out to environments and join every scenario undiscounted', () => {
  it('prod + ratio × prod per environment; reserved and spot discount compute only', () => {
    const text = 'app,vm,kind,vm_count,peak_cpu_ghz,peak_ram_gb,spec,egress_internet_gb\napi,,app,8,16,32,,1000\napi,queue,service,,,,sqs 100M requests,\n';
    const r = estimate(csv(text), catalog, options({ ...USD, hoursPerMonth: 720, types: { family: 'm5', arch: 'x86_64', allowBurstable: false, allowMetal: false, allowGpu: false, allowPreviousGeneration: false }, strategy: 'family' }));
    // Compute: the worked example, 2 × m5.xlarge × 0.224 × 720 = 322.56. Services: 100 M × 0.40 = 40. Traffic: 1,000 × 0.09 = 90.
    expect(r.apps[0]).toMatchObject({ instanceType: 'm5.xlarge', instanceCount: 2 });
    expect(toNumber(r.computeMonthlyCost)).toBe(322.56);
    expect([toNumber(r.servicesMonthlyCost), toNumber(r.trafficMonthlyCost)]).toEqual([40, 90]);
    expect(r.environments.map((e) => [e.name, toNumber(e.monthlyCost), toNumber(e.computeMonthlyCost), toNumber(e.servicesMonthlyCost), toNumber(e.trafficMonthlyCost)])).toEqual([
      ['prod', 452.56, 322.56, 40, 90],
      ['staging', 181.024, 129.024, 16, 36],
      ['dev', 90.512, 64.512, 8, 18],
      ['sandbox', 45.256, 32.256, 4, 9],
    ]);
    // 130 × (1 + 0.4 + 0.2 + 0.1) = 221 of services and traffic in every scenario.
    const fixed = 221;
    const onDemand = r.scenarios.find((s) => s.name === 'on-demand')!;
    expect(toNumber(onDemand.totalMonthlyCost)).toBe(769.352);
    for (const s of r.scenarios) {
      const compute = toNumber(s.totalMonthlyCost) - fixed;
      expect(compute).toBeLessThanOrEqual(548.352 + 1e-9); // 322.56 × 1.7: only compute is discounted or scaled
      expect(compute).toBeGreaterThan(0);
    }
    // Reserved 1 yr: prod compute at the effective reserved rate, plus the undiscounted 130 of services and traffic.
    const ri = catalog.ec2Prices('eu-west-3', 'm5.xlarge')!.reserved.find((x) => x.term === '1yr' && x.offeringClass === 'standard' && x.paymentOption === 'no-upfront')!;
    const reserved = r.scenarios.find((s) => s.name === 'reserved-1yr')!;
    expect(toNumber(reserved.environments[0]!.monthlyCost)).toBeCloseTo(2 * Number(ri.effectiveUsdPerHour) * 720 + 130, 9);
    expect(toNumber(reserved.environments[1]!.monthlyCost)).toBeCloseTo(181.024, 9); // staging stays on demand
  });

  it('non-prod service rows are skipped like non-prod VMs; a services-only inventory estimates', () => {
    const r = estimate(csv('app,vm,env,kind,spec\napi,q,prod,service,sqs 10M requests\napi,q-stg,staging,service,sqs 10M requests\n'), catalog, options(USD));
    expect(r.apps).toEqual([]);
    expect(toNumber(r.totalMonthlyCost)).toBe(6.8); // 10 M × 0.40 = 4 × (1 + 0.4 + 0.2 + 0.1)
    expect(r.skipped).toEqual([expect.objectContaining({ row: 3, field: 'env', reason: 'non-prod', vm: 'q-stg' })]);
  });
});
