/** Output formats (golden), the PR comment, breakdown, --compare-to, policy, usage and price-override files. */
import { describe, expect, it } from 'vitest';
import { toNumber } from '../../src/money/index.js';
import { evaluatePolicy } from '../../src/plan/policy.js';
import { parsePriceOverrides } from '../../src/plan/price-overrides.js';
import { renderComment } from '../../src/plan/render/comment.js';
import { byAbsoluteDelta, headline } from '../../src/plan/render/format.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderTable } from '../../src/plan/render/table.js';
import { parseUsageFile, usageValue } from '../../src/plan/usage.js';
import { diffOf, planJson } from './support.js';

const stack = planJson(
  [
    { address: 'aws_instance.api', actions: ['update'], before: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp3', volume_size: 20 }] }, after: { instance_type: 'm5.xlarge', root_block_device: [{ volume_type: 'gp3', volume_size: 20 }] } },
    { address: 'aws_nat_gateway.main', after: { connectivity_type: 'public' } },
    { address: 'aws_ebs_volume.old', actions: ['delete'], before: { type: 'gp2', size: 100 } },
    { address: 'aws_eks_cluster.main', actions: ['no-op'], before: { name: 'main' }, after: { name: 'main' } },
    { address: 'aws_eks_node_group.spot', actions: ['delete', 'create'], before: { capacity_type: 'ON_DEMAND', instance_types: ['m5.large'], scaling_config: [{ desired_size: 2 }] }, after: { capacity_type: 'SPOT', instance_types: ['m5.large', 'm5.xlarge'], scaling_config: [{ desired_size: 2 }] } },
    { address: 'aws_cloudfront_distribution.cdn', after: { enabled: true } },
    { address: 'aws_security_group.web', after: {} },
  ],
  { region: 'eu-west-3' },
);

describe('output formats', () => {
  const d = diffOf(stack, { currency: 'EUR' });
  it('totals: no-op counts on both sides, delta and percent', () => {
    // before (USD): api 0.112×730 + 20×0.0928 = 83.616; ebs 100×0.116 = 11.6; cluster 73; node group on-demand
    //   2 × 0.112 × 730 + 2 × 20 GB gp3 × 0.0928 = 163.52 + 3.712 = 167.232 → 335.448 USD
    // after (USD): api 0.224×730 + 1.856 = 165.376; NAT 36.5 (+ data usage-based); cluster 73; node group spot
    //   1 × 0.04 × 730 + 1 × 0.08 × 730 + 2 × 1.856 = 91.312 → 366.188 USD
    const usd = diffOf(stack, { currency: 'USD' });
    expect(toNumber(usd.before.totalMonthlyCost)).toBe(335.448);
    expect(toNumber(usd.after.totalMonthlyCost)).toBe(366.188);
    expect(toNumber(usd.delta.totalMonthlyCost.round(2))).toBe(30.74);
    // EUR = USD ÷ 1.165 (ECB 2025-07-18)
    expect(toNumber(d.after.totalMonthlyCost.round(2))).toBe(314.32);
    expect(d.unsupported).toEqual([{ type: 'aws_cloudfront_distribution', count: 1, addresses: ['aws_cloudfront_distribution.cdn'] }]);
    expect(d.findings.map((f) => f.kind)).toEqual(['NarrowSpotPool', 'HighInterruptionSpot']);
  });
  it('table', async () => {
    await expect(renderTable(d, 'text')).toMatchFileSnapshot('__golden__/format.table.txt');
  });
  it('json has the documented keys', async () => {
    const text = renderJson(d);
    await expect(text).toMatchFileSnapshot('__golden__/format.json');
    const j = JSON.parse(text) as Record<string, unknown>;
    for (const k of ['currency', 'hoursPerMonth', 'pricesAsOf', 'before', 'after', 'delta', 'resources', 'unsupported', 'usageBased']) expect(j).toHaveProperty(k);
    const r = (j.resources as Record<string, unknown>[])[0]!;
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['address', 'type', 'action', 'beforeMonthlyCost', 'afterMonthlyCost', 'deltaMonthlyCost', 'components']));
  });
  it('markdown', async () => {
    await expect(renderTable(d, 'markdown')).toMatchFileSnapshot('__golden__/format.markdown.md');
  });
  it('github comment: marker, headline, table by absolute delta, details, assumptions', async () => {
    const text = renderComment(d, { project: 'payments' });
    await expect(text).toMatchFileSnapshot('__golden__/format.github-comment.md');
    expect(text.startsWith('<!-- nuage-cost-diff:payments -->\n')).toBe(true);
    // The NAT gateway's data processed (usage-based) and the CloudFront distribution (unsupported) are left out.
    expect(text).toContain('## payments: Monthly cost will increase by at least €26.39 (+9.2 %; 1 usage-based, 1 resource of an unsupported type)');
    expect(text).toContain('**€287.94 → at least €314.32** per month');
    expect(text).toContain('<details><summary>Cost components</summary>');
    expect(text).toContain('FX 1 EUR = 1.165 USD');
    expect(byAbsoluteDelta(d.resources).map((r) => r.address)).toEqual([
      'aws_instance.api',
      'aws_eks_node_group.spot',
      'aws_nat_gateway.main',
      'aws_ebs_volume.old',
      'aws_eks_cluster.main',
    ]);
  });
  it('breakdown: the after side alone', async () => {
    const b = diffOf(stack, { currency: 'USD', breakdown: true });
    expect(toNumber(b.after.totalMonthlyCost)).toBe(366.188);
    expect(toNumber(b.before.totalMonthlyCost)).toBe(0);
    expect(b.resources.map((r) => r.address)).not.toContain('aws_ebs_volume.old');
    await expect(renderTable(b, 'text', true)).toMatchFileSnapshot('__golden__/breakdown.table.txt');
  });
  it('headline wording', () => {
    expect(headline(diffOf(planJson([]), {}))).toBe('Monthly cost will not change ($0.00)');
    const down = diffOf(planJson([{ address: 'aws_eks_cluster.x', actions: ['delete'], before: {} }], { region: 'eu-west-3' }));
    expect(headline(down)).toBe('Monthly cost will decrease by $73.00 (-100 %)');
  });
});

describe('--compare-to', () => {
  it("compares the base plan's after side with this plan's after side", () => {
    const base = planJson([{ address: 'aws_eks_cluster.a', after: {} }, { address: 'aws_ebs_volume.v', after: { size: 10 } }], { region: 'eu-west-3' });
    const head = planJson([{ address: 'aws_eks_cluster.a', after: {} }, { address: 'aws_ebs_volume.v', after: { size: 20 } }, { address: 'aws_nat_gateway.n', after: {} }], { region: 'eu-west-3' });
    const d = diffOf(head, { base });
    expect(d.resources.map((r) => [r.address, r.action, toNumber(r.deltaMonthlyCost)])).toEqual([
      ['aws_eks_cluster.a', 'no-op', 0],
      ['aws_ebs_volume.v', 'update', 1.16],
      ['aws_nat_gateway.n', 'create', 36.5],
    ]);
    expect(toNumber(d.before.totalMonthlyCost)).toBe(74.16);
  });
});

describe('policy', () => {
  const d = diffOf(stack, { currency: 'USD' });
  it('passes within limits and breaches above, with reasons', () => {
    expect(evaluatePolicy(d, {})).toEqual({ breached: false, reasons: [], warnings: [] });
    // The delta is a lower bound (a usage-based component and an unsupported resource are created): a pass
    // is a pass with a warning, a breach says "at least".
    const pass = evaluatePolicy(d, { failAbove: '100', failAbovePercent: '10' });
    expect(pass.breached).toBe(false);
    expect(pass.warnings).toEqual([
      'monthly cost delta at least +$30.74 is within --fail-above 100 USD, but the real delta may be higher; not priced, so not in it: 1 usage-based, 1 resource of an unsupported type',
      'monthly cost delta at least 9.16 % is within --fail-above-percent 10 %, but the real delta may be higher; not priced, so not in it: 1 usage-based, 1 resource of an unsupported type',
    ]);
    const r = evaluatePolicy(d, { failAbove: '30', failAbovePercent: '5' });
    expect(r.reasons).toEqual([
      'monthly cost delta at least +$30.74 is above --fail-above 30 USD; not priced, so not in it: 1 usage-based, 1 resource of an unsupported type',
      'monthly cost delta at least 9.16 % is above --fail-above-percent 5 %; not priced, so not in it: 1 usage-based, 1 resource of an unsupported type',
    ]);
    expect(r.warnings).toEqual([]);
    // A complete diff: plain messages, no warning.
    const exact = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }));
    expect(evaluatePolicy(exact, { failAbove: '100' })).toEqual({ breached: false, reasons: [], warnings: [] });
    expect(evaluatePolicy(exact, { failAbove: '50' }).reasons).toEqual(['monthly cost delta +$73.00 is above --fail-above 50 USD']);
  });
  it('a stack growing from zero breaches any percentage limit', () => {
    const fresh = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }));
    expect(evaluatePolicy(fresh, { failAbovePercent: '50' }).reasons[0]).toMatch(/grows from zero by \+\$73\.00/);
  });
});

describe('usage and price override files', () => {
  it('usage values: address, address group, type default', () => {
    const u = parseUsageFile('version: 1\nresource_type_default_usage:\n  aws_nat_gateway:\n    monthly_data_processed_gb: 10\nresource_usage:\n  aws_nat_gateway.a:\n    monthly_data_processed_gb: 99\n  aws_nat_gateway.b[*]:\n    monthly_data_processed_gb: 5\n', 'u.yml');
    expect(usageValue(u, 'aws_nat_gateway.a', 'aws_nat_gateway', 'monthly_data_processed_gb')).toBe(99);
    expect(usageValue(u, 'aws_nat_gateway.b[0]', 'aws_nat_gateway', 'monthly_data_processed_gb')).toBe(5);
    expect(usageValue(u, 'aws_nat_gateway.c', 'aws_nat_gateway', 'monthly_data_processed_gb')).toBe(10);
  });
  it('rejects bad files naming file, line or field', () => {
    expect(() => parseUsageFile('resource_usage:\n  a.b:\n    x: -1\n', 'u.yml')).toThrow(/^u\.yml, line 3, field "resource_usage\.a\.b\.x": /);
    expect(() => parseUsageFile('colour: blue\n', 'u.yml')).toThrow(/u\.yml/);
    expect(() => parseUsageFile('a: [\n', 'u.yml')).toThrow(/u\.yml, line \d+: not valid YAML/);
    expect(() => parsePriceOverrides('ec2:\n  - instanceType: t3.micro\n    usdPerHour: cheap\n', 'p.yml')).toThrow('p.yml, line 3, field "ec2.0.usdPerHour": not a decimal number: "cheap"');
    expect(() => parsePriceOverrides('services:\n  - key: nat:hour\n', 'p.yml')).toThrow(/^p\.yml, line 2, field "services\.0\.usd": /);
  });
  it('overrides win over the catalog, per region when given', () => {
    const o = parsePriceOverrides('asOf: "2024-01-01"\nservices:\n  - { key: "eks:cluster:hour", usd: "0.60", region: eu-west-3 }\n', 'p.yml');
    const d = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }), { overrides: o });
    expect(toNumber(d.after.totalMonthlyCost)).toBe(438);
    expect(d.pricesAsOf).toBe('2024-01-01');
    expect(d.resources[0]!.components[0]!.basis?.source).toBe('price override file p.yml');
  });
  it('--hours-per-month 720', () => {
    const d = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }), { hoursPerMonth: 720 });
    expect(toNumber(d.after.totalMonthlyCost)).toBe(72);
  });
});

describe('saved budget comparison', () => {
  it('converts a EUR budget into the USD diff and says over/under in the comment', async () => {
    const { checkBudget } = await import('../../src/plan/budget-check.js');
    const d = diffOf(planJson([{ address: 'aws_eks_cluster.x', after: {} }], { region: 'eu-west-3' }));
    // budget €50 = 50 × 1.165 = $58.25; after $73 → $14.75 over, 125.3 % of budget
    const b = checkBudget(d, { name: 'k8s', environment: 'prod', monthlyCost: '50', currency: 'EUR' });
    expect([toNumber(b.monthlyBudget), toNumber(b.overBudget), toNumber(b.percentOfBudget!.round(1))]).toEqual([58.25, 14.75, 125.3]);
    const text = renderComment({ ...d, budget: b });
    expect(text).toContain('**Over budget.** Budget k8s (prod): $58.25/month; after this change $73.00: $14.75 over (125.3 % of budget)');
    const under = checkBudget(d, { name: 'k8s', environment: 'prod', monthlyCost: '100', currency: 'USD' });
    expect(renderTable({ ...d, budget: under }, 'text')).toContain('Budget k8s (prod): $100.00/month; after this change $73.00: $27.00 under (73 % of budget)');
  });
});
