/** What is not priced: the bound it puts on the delta, the headline, "no price" rows, JSON, policy. */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/money/index.js';
import { combineBounds, leftOutText, pairBound, unsupportedBound } from '../../src/plan/completeness.js';
import { evaluatePolicy } from '../../src/plan/policy.js';
import type { PricedComponent } from '../../src/plan/pricer.js';
import { renderComment } from '../../src/plan/render/comment.js';
import { breakdownTitle, headline } from '../../src/plan/render/format.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderTable } from '../../src/plan/render/table.js';
import { diffOf, planJson, type ChangeInput } from './support.js';

const c = (status: PricedComponent['status'], price = 'p', q: number | null = 730): PricedComponent => ({
  name: 'x',
  unit: 'hours',
  status,
  monthlyQuantity: q === null ? null : dec(q),
  unitPriceUsd: null,
  monthlyCostUsd: status === 'priced' ? dec(1) : null,
  price,
  priceRef: { kind: 'service', region: 'r', key: price },
});

describe('bounds', () => {
  it('a pair of components: left out after → lower, before → upper, the same on both → exact, else unknown', () => {
    expect(pairBound(c('priced'), c('priced'))).toBe('exact');
    expect(pairBound(undefined, c('missing-price'))).toBe('lower');
    expect(pairBound(c('priced'), c('usage-based', 'p', null))).toBe('lower');
    expect(pairBound(c('missing-price'), undefined)).toBe('upper');
    expect(pairBound(c('missing-price'), c('missing-price'))).toBe('exact');
    expect(pairBound(c('usage-based', 'p', null), c('usage-based', 'p', null))).toBe('exact');
    expect(pairBound(c('missing-price', 'p', 10), c('missing-price', 'p', 20))).toBe('unknown');
    expect(pairBound(c('missing-price', 'p'), c('missing-price', 'q'))).toBe('unknown');
    const unknown = c('unknown', 'p', null);
    expect(pairBound(unknown, unknown)).toBe('exact');
    expect(pairBound(c('unknown', 'p', null), c('unknown', 'p', null))).toBe('unknown');
  });
  it('combine; unsupported resources; wording', () => {
    expect(combineBounds('exact', 'lower')).toBe('lower');
    expect(combineBounds('lower', 'lower')).toBe('lower');
    expect(combineBounds('lower', 'upper')).toBe('unknown');
    expect(combineBounds('unknown', 'exact')).toBe('unknown');
    expect([unsupportedBound('create', false, true), unsupportedBound('delete', true, false), unsupportedBound('no-op', true, true), unsupportedBound('update', true, true)]).toEqual([
      'lower',
      'upper',
      'exact',
      'unknown',
    ]);
    expect(leftOutText({ missingPrice: 1, unknown: 2, usageBased: 3, unsupportedResources: 1 })).toBe('1 component without a price, 3 usage-based, 2 unknown, 1 resource of an unsupported type');
    expect(leftOutText({ missingPrice: 0, unknown: 0, usageBased: 0, unsupportedResources: 0 })).toBe('');
  });
});

/** An EKS cluster in eu-west-1: the test catalog has no price there. */
const unpricedCluster = (address: string, actions: string[], sides: 'before' | 'after' | 'both'): ChangeInput => ({
  address,
  actions,
  ...(sides !== 'after' ? { before: { region: 'eu-west-1' } } : {}),
  ...(sides !== 'before' ? { after: { region: 'eu-west-1' } } : {}),
});
const priced: ChangeInput = { address: 'aws_eks_cluster.priced', after: {} }; // eu-west-3: $73.00
const plan = (...changes: ChangeInput[]) => planJson(changes, { region: 'eu-west-3' });

describe('the headline says which way the figure may be off', () => {
  it('something created without a price: at least', () => {
    const d = diffOf(plan(priced, unpricedCluster('aws_eks_cluster.new', ['create'], 'after')));
    expect(d.delta).toMatchObject({ complete: false, bound: 'lower' });
    expect([d.before.complete, d.after.complete]).toEqual([true, false]);
    expect(headline(d)).toBe('Monthly cost will increase by at least $73.00 (1 component without a price)');
  });
  it('something deleted without a price: at most (an increase), at least (a decrease)', () => {
    expect(headline(diffOf(plan(priced, unpricedCluster('aws_eks_cluster.old', ['delete'], 'before'))))).toBe('Monthly cost will increase by at most $73.00 (1 component without a price)');
    const down = diffOf(plan({ address: 'aws_eks_cluster.priced', actions: ['delete'], before: {} }, unpricedCluster('aws_eks_cluster.old', ['delete'], 'before')));
    expect(headline(down)).toBe('Monthly cost will decrease by at least $73.00 (-100 %; 1 component without a price)');
  });
  it('an unchanged resource without a price: the delta is exact, the totals are lower bounds', () => {
    const d = diffOf(plan(priced, unpricedCluster('aws_eks_cluster.same', ['no-op'], 'both'), unpricedCluster('aws_eks_cluster.tagged', ['update'], 'both')));
    expect(d.delta).toMatchObject({ complete: true, bound: 'exact' });
    expect([d.before.complete, d.after.complete]).toEqual([false, false]);
    expect(headline(d)).toBe('Monthly cost will increase by $73.00 (2 components without a price)');
    expect(renderComment(d)).toContain('**at least $0.00 → at least $73.00** per month');
  });
  it('left out on both sides differently: the priced components only', () => {
    const d = diffOf(plan(priced, unpricedCluster('aws_eks_cluster.new', ['create'], 'after'), unpricedCluster('aws_eks_cluster.old', ['delete'], 'before')));
    expect(d.delta.bound).toBe('unknown');
    expect(headline(d)).toBe('Monthly cost of the priced components will increase by $73.00 (2 components without a price)');
    expect(headline(diffOf(plan(unpricedCluster('aws_eks_cluster.new', ['create'], 'after'))))).toBe('Monthly cost of the priced components will not change (1 component without a price)');
  });
  it('resources of unsupported types count', () => {
    const d = diffOf(plan(priced, { address: 'aws_cloudfront_distribution.cdn', after: {} }));
    expect(d.delta.bound).toBe('lower');
    expect(d.incomplete.unsupportedResources).toBe(1);
    expect(headline(d)).toBe('Monthly cost will increase by at least $73.00 (1 resource of an unsupported type)');
    expect(breakdownTitle(diffOf(plan(priced, { address: 'aws_cloudfront_distribution.cdn', after: {} }), { breakdown: true }))).toBe(
      'Monthly cost breakdown: at least $73.00 (1 resource of an unsupported type)',
    );
  });
  it('a complete diff keeps the plain wording', () => {
    const d = diffOf(plan(priced));
    expect(d.delta).toMatchObject({ complete: true, bound: 'exact' });
    expect(headline(d)).toBe('Monthly cost will increase by $73.00');
    expect(renderTable(d, 'text')).not.toContain('*');
  });
});

describe('a resource with nothing priced', () => {
  const d = diffOf(
    plan(
      priced,
      unpricedCluster('aws_eks_cluster.new', ['create'], 'after'),
      { address: 'aws_s3_bucket.b', after: {} },
      { address: 'aws_ebs_volume.v', after: { type: 'gp2' }, after_unknown: { size: true } },
      { address: 'aws_nat_gateway.n', after: {} },
    ),
  );
  it('shows "no price", "usage-based" or "unknown", never €0.00*; partly priced figures keep their "*"', () => {
    const rows = renderTable(d, 'text').split('\n');
    const row = (address: string) => rows.find((l) => l.startsWith(address))!.split(/\s{2,}/).slice(1);
    expect(row('aws_eks_cluster.new')).toEqual(['create', '-', 'no price', 'no price']);
    expect(row('aws_s3_bucket.b')).toEqual(['create', '-', 'usage-based', 'usage-based']);
    expect(row('aws_ebs_volume.v')).toEqual(['create', '-', 'unknown', 'unknown']);
    expect(row('aws_nat_gateway.n')).toEqual(['create', '-', '$36.50*', '+$36.50']);
    expect(row('Total')).toEqual(['$0.00', '$109.50*', '≥ +$109.50']);
    expect(renderComment(d)).toContain('| `aws_eks_cluster.new` | create | - | no price | no price |');
    expect(headline(d)).toBe('Monthly cost will increase by at least $109.50 (1 component without a price, 6 usage-based, 1 unknown)');
  });
  it('JSON: completeness of each total and of the delta, counts, and the sides with nothing priced', () => {
    const j = JSON.parse(renderJson(d)) as Record<string, unknown> & { resources: { address: string; nothingPriced?: unknown }[] };
    expect(j.before).toEqual({ totalMonthlyCost: 0, complete: true });
    expect(j.after).toEqual({ totalMonthlyCost: 109.5, complete: false });
    expect(j.delta).toEqual({ totalMonthlyCost: 109.5, percent: null, complete: false, bound: 'lower' });
    expect(j.incompleteComponents).toEqual({ missingPrice: 1, unknown: 1, usageBased: 6 });
    expect(j.unsupportedResources).toBe(0);
    expect(Object.fromEntries(j.resources.map((r) => [r.address, r.nothingPriced ?? null]))).toEqual({
      'aws_eks_cluster.priced': null,
      'aws_eks_cluster.new': { after: 'no price' },
      'aws_s3_bucket.b': { after: 'usage-based' },
      'aws_ebs_volume.v': { after: 'unknown' },
      'aws_nat_gateway.n': null,
    });
  });
});

describe('policy against an incomplete delta', () => {
  it('an upper bound above the limit breaches, saying it may be lower; within it, no warning (it cannot be higher)', () => {
    const d = diffOf(plan(priced, unpricedCluster('aws_eks_cluster.old', ['delete'], 'before')));
    expect(evaluatePolicy(d, { failAbove: '50' }).reasons).toEqual(['monthly cost delta at most +$73.00 is above --fail-above 50 USD; not priced, so not in it: 1 component without a price']);
    expect(evaluatePolicy(d, { failAbove: '100' })).toEqual({ breached: false, reasons: [], warnings: [] });
  });
  it('an unknown direction: priced components only, warned when within', () => {
    const d = diffOf(plan(priced, unpricedCluster('aws_eks_cluster.new', ['create'], 'after'), unpricedCluster('aws_eks_cluster.old', ['delete'], 'before')));
    expect(evaluatePolicy(d, { failAbove: '100' }).warnings).toEqual([
      'monthly cost delta +$73.00 (priced components only) is within --fail-above 100 USD, but the real delta may be higher; not priced, so not in it: 2 components without a price',
    ]);
  });
  it('a stack at zero on its priced components: --fail-above-percent warns', () => {
    const d = diffOf(plan(unpricedCluster('aws_eks_cluster.new', ['create'], 'after')));
    expect(evaluatePolicy(d, { failAbovePercent: '10' })).toEqual({
      breached: false,
      reasons: [],
      warnings: ['monthly cost stays at zero on the priced components (--fail-above-percent 10 % not breached), but the real cost may grow; not priced, so not in it: 1 component without a price'],
    });
  });
});
