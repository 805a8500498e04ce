/** The price dates a diff reports: those of the prices its priced components used, not the catalog's newest. */
import { describe, expect, it } from 'vitest';
import { summarizeBases } from '../../src/catalog/price-dates.js';
import type { PriceBasis } from '../../src/catalog/types.js';
import { headlineDate, priceKind, UsedPrices, type PlanPriceDates } from '../../src/plan/price-dates-used.js';
import { parsePriceOverrides } from '../../src/plan/price-overrides.js';
import type { PricedComponent } from '../../src/plan/pricer.js';
import { renderComment } from '../../src/plan/render/comment.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderTable } from '../../src/plan/render/table.js';
import { dec } from '../../src/money/index.js';
import { diffOf, planJson, testCatalog } from './support.js';

const at = (asOf: string, source = 's', kind: 'exact' | 'estimate' = 'exact'): PriceBasis => ({ kind, source, asOf });
const dates = (o: Partial<Record<'onDemand' | 'spot' | 'services', PriceBasis[]>>): PlanPriceDates => ({
  summary: '',
  onDemand: summarizeBases(o.onDemand ?? []),
  spot: summarizeBases(o.spot ?? []),
  services: summarizeBases(o.services ?? []),
});
const comp = (price: string, basis: PriceBasis | undefined, ref: PricedComponent['priceRef'], status: PricedComponent['status'] = 'priced'): PricedComponent => ({
  name: price,
  unit: 'hours',
  status,
  monthlyQuantity: dec(730),
  unitPriceUsd: '0.1',
  monthlyCostUsd: status === 'priced' ? dec(73) : null,
  price,
  priceRef: ref,
  ...(basis ? { basis } : {}),
});
const od = { kind: 'ec2', region: 'r', instanceType: 'm5.large', purchase: 'on-demand', tenancy: 'shared' } as const;

describe('UsedPrices', () => {
  it('one entry per distinct price, by kind (dedicated tenancy is on-demand); unpriced components do not count', () => {
    const u = new UsedPrices();
    u.add(comp('ec2OnDemand(r, m5.large)', at('2025-05-01', 'skypilot-v7'), od));
    u.add(comp('ec2OnDemand(r, m5.large)', at('2025-05-01', 'skypilot-v7'), od));
    u.add(comp('ec2Dedicated(r, m5.large)', at('2023-02-23', 'dump'), { ...od, tenancy: 'dedicated' }));
    u.add(comp('ec2Spot(r, m5.large)', at('2025-05-01', 'skypilot-v7', 'estimate'), { ...od, purchase: 'spot' }));
    u.add(comp('service(r, nat:hour)', at('2026-09-11', 'offer'), { kind: 'service', region: 'r', key: 'nat:hour' }));
    u.add(comp('service(r, alb:hour)', at('2026-07-20', 'newest'), { kind: 'service', region: 'r', key: 'alb:hour' }, 'missing-price'));
    const d = u.build([]);
    expect([d.onDemand.prices, d.spot.prices, d.services.prices]).toEqual([2, 1, 1]);
    expect([d.onDemand.oldest, d.onDemand.newest, d.services.newest]).toEqual(['2023-02-23', '2025-05-01', '2026-09-11']);
    expect(d.summary).toBe(
      'EC2 on-demand 2025-05-01 exact (skypilot-v7), 2023-02-23 exact (dump); EC2 spot 2025-05-01 estimate (from skypilot-v7); services 2026-09-11 exact (offer)',
    );
    expect(d.undated).toBeUndefined();
    expect(new UsedPrices().build([]).summary).toBe('no prices used');
  });

  it('prices of an override file without a date are counted apart, out of the date arithmetic', () => {
    const u = new UsedPrices();
    u.add(comp('ec2OnDemand(r, t2.micro)', { kind: 'exact', source: 'price override file p.yml', asOf: 'undated' }, od));
    u.add(comp('service(r, alb:hour)', at('2026-09-11', 'offer'), { kind: 'service', region: 'r', key: 'alb:hour' }));
    const d = u.build([]);
    expect(d.undated).toEqual({ source: 'price override file p.yml', onDemand: 1, spot: 0, services: 0 });
    expect(d.onDemand.prices).toBe(0);
    expect(d.summary).toBe('EC2 on-demand 1 undated price (price override file p.yml); services 2026-09-11 exact (offer)');
    expect(headlineDate(d, () => 'catalog')).toBe('2026-09-11');
  });

  it('priceKind follows the price reference', () => {
    expect(priceKind(comp('x', undefined, { ...od, purchase: 'spot' }))).toBe('spot');
    expect(priceKind(comp('x', undefined, { kind: 'unknown', reason: 'r' }))).toBe('services');
  });
});

describe('headlineDate (JSON pricesAsOf)', () => {
  it('the oldest on-demand date used; else the oldest of all used; else the fallback, computed only then', () => {
    expect(headlineDate(dates({ onDemand: [at('2026-07-20'), at('2025-05-01')], services: [at('2020-10-19')] }), () => 'x')).toBe('2025-05-01');
    expect(headlineDate(dates({ spot: [at('2025-05-01')], services: [at('2026-09-11'), at('2023-02-23')] }), () => 'x')).toBe('2023-02-23');
    let called = 0;
    expect(headlineDate(dates({ onDemand: [at('2025-05-01')] }), () => String(++called))).toBe('2025-05-01');
    expect(called).toBe(0);
    expect(headlineDate(dates({}), () => 'fallback')).toBe('fallback');
  });
});

const euWest3 = planJson(
  [
    { address: 'aws_instance.api', after: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp2', volume_size: 20 }] } },
    { address: 'aws_instance.api2', after: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp2', volume_size: 20 }] } },
    { address: 'aws_nat_gateway.main', after: {} },
  ],
  { region: 'eu-west-3' },
);

describe('a diff states the dates of the prices it used', () => {
  it('eu-west-3: its own dates, not the catalog-wide newest (us-east-1, 2026-07-20)', () => {
    const d = diffOf(euWest3);
    expect(testCatalog().info().pricesAsOf).toBe('2026-07-20');
    expect(d.pricesAsOf).toBe('2025-05-01');
    // m5.large once (two instances), its gp2 root volume (2020 EBS price), the NAT hour (2026 offer).
    expect(d.priceDates.onDemand).toMatchObject({ prices: 1, oldest: '2025-05-01', newest: '2025-05-01' });
    expect(d.priceDates.services).toMatchObject({ prices: 2, oldest: '2020-10-19', newest: '2026-09-11' });
    expect(d.priceDates.summary).toBe('EC2 on-demand 2025-05-01 exact (skypilot-v7); services 2026-09-11 exact (aws-offer-2026), 2020-10-19 exact (aws-ebs-csv-2020)');
    const table = renderTable(d, 'text');
    expect(table).toContain('Prices as of: 2025-05-01 (oldest EC2 on-demand price used; Linux, on-demand unless stated)');
    expect(table.replace(/\n  (?=\S)/g, " ")).toContain(`Price dates (of the prices used): ${d.priceDates.summary}`); // wrapped at 100 columns in text
    expect(table).not.toContain('2026-07-20');
    expect(renderTable(d, 'markdown')).toContain(`- Price dates (of the prices used): ${d.priceDates.summary}`);
    expect(renderComment(d)).toContain(`· Price dates (of the prices used): ${d.priceDates.summary} ·`);
    const j = JSON.parse(renderJson(d)) as { pricesAsOf: string; priceDates: PlanPriceDates };
    expect(j.pricesAsOf).toBe('2025-05-01');
    expect(j.priceDates.services.sources.map((s) => [s.source, s.kind, s.prices])).toEqual([
      ['aws-offer-2026', 'exact', 1],
      ['aws-ebs-csv-2020', 'exact', 1],
    ]);
  });

  it('without on-demand prices: the oldest price used; without any price: the catalog date of the regions', () => {
    const services = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }));
    expect(services.pricesAsOf).toBe('2023-02-23');
    expect(services.priceDates.summary).toBe('services 2023-02-23 estimate (from terracost-pricing-2023-02-23)');
    const none = diffOf(planJson([{ address: 'aws_s3_bucket.b', after: {} }], { region: 'eu-west-3' }));
    expect(none.pricesAsOf).toBe('2025-05-01'); // priceDates('eu-west-3').onDemand.newest
    expect(renderTable(none, 'text')).toContain("Prices as of: 2025-05-01 (no dated price used: the catalog's on-demand prices for eu-west-3;");
    expect(diffOf(planJson([])).pricesAsOf).toBe('2026-07-20'); // no region at all: the catalog-wide date
  });

  it('breakdown and --compare-to count only the sides they show', () => {
    const update = planJson([{ address: 'aws_instance.a', actions: ['update'], before: { instance_type: 'm5.large' }, after: { instance_type: 'c5.large' } }], { region: 'eu-west-3' });
    expect(diffOf(update).priceDates.onDemand.prices).toBe(2);
    expect(diffOf(update, { breakdown: true }).priceDates.onDemand.prices).toBe(1);
  });

  it('override prices carry the file’s own date, or are undated: never the catalog’s date', () => {
    const plan = planJson([{ address: 'aws_instance.a', after: { instance_type: 'm5.large' } }, { address: 'aws_nat_gateway.n', after: {} }], { region: 'eu-west-3' });
    const dated = diffOf(plan, { overrides: parsePriceOverrides('asOf: "2021-03-01"\nec2:\n  - { instanceType: m5.large, usdPerHour: "0.5" }\n', '/abs/p.yml', 'p.yml') });
    expect(dated.pricesAsOf).toBe('2021-03-01');
    expect(dated.priceDates.summary).toBe('EC2 on-demand 2021-03-01 exact (price override file p.yml); services 2026-09-11 exact (aws-offer-2026)');
    const undated = diffOf(plan, { overrides: parsePriceOverrides('ec2:\n  - { instanceType: m5.large, usdPerHour: "0.5" }\n', '/abs/p.yml', 'p.yml') });
    expect(undated.resources[0]!.components[0]!.basis).toEqual({ kind: 'exact', source: 'price override file p.yml', asOf: 'undated' });
    expect(undated.priceDates.summary).toBe('EC2 on-demand 1 undated price (price override file p.yml); services 2026-09-11 exact (aws-offer-2026)');
    expect(undated.pricesAsOf).toBe('2026-09-11');
  });
});
