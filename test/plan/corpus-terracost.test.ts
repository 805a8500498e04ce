/**
 * terracost's e2e expectations, read in place from ../shared/corpora/terraform_plans/terracost.
 * - terraform-plan.json with terracost's injected prices (t2.micro 0.12/h, t2.xlarge 1.23/h, gp2 0.45/GB-mo):
 *   prior 91.20 → planned 901.50 USD/month at 730 h; aws_lb has no injected price (listed, not zero).
 * - ASG / EKS / no-prior plans with eu-west-1 prices of 2023-02-23: service prices from the project's own
 *   snapshot (data/services/eu-west-1.json, exact rows of the terracost dump), EC2 shared-tenancy on-demand
 *   from the same dump's rows (EU-BoxUsage:<type>, Linux, Used), each figure justified below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InMemoryCatalog } from '../../src/catalog/memory.js';
import type { Ec2Prices } from '../../src/catalog/types.js';
import { loadSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { toNumber } from '../../src/money/index.js';
import { parsePriceOverrides } from '../../src/plan/price-overrides.js';
import { readPlanBytes } from '../../src/plan/read-plan.js';
import { PlanFormatError, RegionUnknownError } from '../../src/plan/errors.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { runCli } from '../support/cli.js';
import { diffOf } from './support.js';

const DIR = corpusPath('terraform_plans/terracost/plans');
const plan = (name: string): unknown => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8'));
const num = (d: { round(n: number): unknown } | null): number | null => (d === null ? null : toNumber(d.round(6) as never));

const DUMP_BASIS = { kind: 'exact' as const, source: 'terracost-pricing-2023-02-23', asOf: '2023-02-23' };
/** EU-BoxUsage rows of the terracost dump (eu-west-1, Linux, shared tenancy, on-demand). */
const dumpEc2 = (instanceType: string, usdPerHour: string): Ec2Prices => ({
  region: 'eu-west-1',
  instanceType,
  currency: 'USD',
  onDemand: { usdPerHour, basis: DUMP_BASIS },
  reserved: [],
});
function euWest1Catalog(): InMemoryCatalog {
  return new InMemoryCatalog({
    info: { pricesAsOf: '2023-02-23', sources: [], regions: ['eu-west-1'], origin: 'test' },
    instanceTypes: [],
    ec2Prices: [dumpEc2('t2.micro', '0.0126'), dumpEc2('t3.large', '0.0912'), dumpEc2('t3a.medium', '0.0408'), dumpEc2('m4.large', '0.111'), dumpEc2('c4.large', '0.113')],
    servicePrices: loadSnapshotCatalog().servicePricesIn('eu-west-1'),
  });
}
const emptyCatalog = (): InMemoryCatalog =>
  new InMemoryCatalog({ info: { pricesAsOf: '2021-03-01', sources: [], regions: [], origin: 'test' }, instanceTypes: [], ec2Prices: [] });

const INJECTED = `ec2:
  - { instanceType: t2.micro, usdPerHour: "0.12" }
  - { instanceType: t2.xlarge, usdPerHour: "1.23" }
services:
  - { key: "ebs:gp2:storage", usd: "0.45", unit: GB-month }
`;

describe.skipIf(!haveCorpus(DIR, 'terracost plans'))('terracost corpus', () => {
  it('terraform-plan.json: prior 91.20 → planned 901.50 with the injected prices', () => {
    const d = diffOf(plan('terraform-plan.json'), { catalog: emptyCatalog(), overrides: parsePriceOverrides(INJECTED, 'injected.yml') });
    expect(num(d.before.totalMonthlyCost)).toBe(91.2);
    expect(num(d.after.totalMonthlyCost)).toBe(901.5);
    const inst = d.resources.find((r) => r.address === 'module.instance.aws_instance.example')!;
    expect(inst.region).toBe('us-east-1');
    const compute = inst.components.map((c) => [c.name, num(c.beforeMonthlyCost), num(c.afterMonthlyCost)]);
    expect(compute).toEqual([
      ['Instance usage (Linux, on-demand, t2.micro)', 87.6, null], // 0.12 × 730
      ['Root volume (gp2, 8 GB)', 3.6, 3.6], // 8 × 0.45
      ['Instance usage (Linux, on-demand, t2.xlarge)', null, 897.9], // 1.23 × 730
    ]);
    // aws_lb uses provider alias aws.paris → eu-west-3; no price injected: a listed missing price, not a zero.
    const lb = d.resources.find((r) => r.address === 'aws_lb.example')!;
    expect(lb.region).toBe('eu-west-3');
    expect(lb.incomplete).toBe(true);
    expect(d.missingPrices).toEqual([{ address: 'aws_lb.example', component: 'Application load balancer', unit: 'hours', price: 'service(eu-west-3, alb:hour)' }]);
  });

  it('the CLI reproduces it with --prices', async () => {
    const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/nuage-plan-'));
    await import('node:fs/promises').then((fs) => fs.writeFile(`${dir}/prices.yml`, INJECTED));
    const r = await runCli(['diff', `${DIR}/terraform-plan.json`, '--prices', 'prices.yml', '--currency', 'USD', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      before: { totalMonthlyCost: number };
      after: { totalMonthlyCost: number };
      resources: { address: string; beforeMonthlyCost: number | null; afterMonthlyCost: number | null }[];
    };
    const inst = j.resources.find((x) => x.address === 'module.instance.aws_instance.example')!;
    expect([inst.beforeMonthlyCost, inst.afterMonthlyCost]).toEqual([91.2, 901.5]);
    // The CLI also reads the shipped snapshot: the ALB in eu-west-3 is priced at its exact 2026 price
    // (AWSELB offer 2026-09-11: 0.02646 USD/h) × 730 = 19.3158.
    const lb = j.resources.find((x) => x.address === 'aws_lb.example')!;
    expect(lb.afterMonthlyCost).toBe(19.3158);
    expect([j.before.totalMonthlyCost, j.after.totalMonthlyCost]).toEqual([91.2, 920.8158]);
  });

  it('terraform-noprior-plan.json: 31.544 (region from var.aws_region = eu-west-1)', () => {
    const d = diffOf(plan('terraform-noprior-plan.json'), { catalog: euWest1Catalog() });
    // t3a.medium 0.0408 × 730 = 29.784; root 20 GB, type computed → gp3 assumed × 0.088 = 1.76 → 31.544
    expect(num(d.after.totalMonthlyCost)).toBe(31.544);
    expect(num(d.before.totalMonthlyCost)).toBe(0);
    expect(d.resources).toHaveLength(1);
    expect(d.resources[0]!.components.filter((c) => c.status === 'priced')).toHaveLength(2);
    expect(d.free).toEqual([{ type: 'aws_key_pair', count: 1 }, { type: 'aws_security_group', count: 1 }]);
  });

  it('terraform-plan-no-region.json: needs --region; eu-west-1 gives 31.544', () => {
    expect(() => diffOf(plan('terraform-plan-no-region.json'), { catalog: euWest1Catalog() }, 'no-region.json')).toThrow(RegionUnknownError);
    const d = diffOf(plan('terraform-plan-no-region.json'), { catalog: euWest1Catalog(), defaultRegion: 'eu-west-1' });
    expect(num(d.after.totalMonthlyCost)).toBe(31.544);
  });

  it('eks-plan.json: 99.798, line by line', () => {
    const d = diffOf(plan('eks-plan.json'), { catalog: euWest1Catalog() });
    const by = Object.fromEntries(d.resources.map((r) => [r.address, num(r.afterMonthlyCost)]));
    // cluster: eks:cluster:hour 0.10 × 730 = 73
    expect(by['module.eks.aws_eks_cluster.example']).toBe(73);
    // node group: the launch template sets t2.micro (EKS then ignores instance_types): 1 × 0.0126 × 730 = 9.198;
    // its 200 GB volume, type computed → gp3 assumed: 200 × 0.088 = 17.6; t2 credits default to standard → 26.798
    expect(by['module.eks.aws_eks_node_group.example']).toBe(26.798);
    expect(num(d.after.totalMonthlyCost)).toBe(99.798);
  });

  it('asg-plan.json: per-resource figures, line by line', () => {
    const d = diffOf(plan('asg-plan.json'), { catalog: euWest1Catalog() });
    const by = Object.fromEntries(d.resources.map((r) => [r.address, num(r.afterMonthlyCost)]));
    // lc: launch configuration m4.large, placement_tenancy dedicated: ec2:dedicated:m4.large 0.1221 × 730 × 3 = 267.399;
    //     enable_monitoring true → 7 metrics × 3 × cloudwatch:metric 0.30 = 6.3; root volume computed → 8 GB gp3 × 3 × 0.088 = 2.112
    expect(by['module.magento.aws_autoscaling_group.lc']).toBe(275.811);
    // lt: template foobar t3.large, tenancy dedicated: 0.0974 × 730 × 2 = 142.204; 20 GB gp3 (type computed) × 2 × 0.088 = 3.52;
    //     credit_specification unlimited → CPU credits usage-based (listed); monitoring enabled false
    expect(by['module.magento.aws_autoscaling_group.lt']).toBe(145.724);
    // mixed: desired 3 units, on-demand base 2 + 100 % above → 3 on-demand units; override c4.large weight 3 → 1 instance,
    //     template tenancy dedicated: 0.124 × 730 = 90.52; 20 GB gp3 × 0.088 = 1.76
    expect(by['module.magento.aws_autoscaling_group.mixed']).toBe(92.28);
    expect(num(d.after.totalMonthlyCost)).toBe(513.815);
    expect(d.usageBased.map((u) => u.component)).toEqual(['CPU credits (unlimited, t3)']);
  });

  it('terraform-plan-invalid.json: an instance type without price is a listed missing price; the root volume still prices', () => {
    const d = diffOf(plan('terraform-plan-invalid.json'), { catalog: emptyCatalog(), overrides: parsePriceOverrides(INJECTED.replace(/.*t2.xlarge.*\n/, ''), 'p.yml') });
    const r = d.resources[0]!;
    expect(r.components.find((c) => c.name.startsWith('Root volume'))?.afterMonthlyCost?.toString()).toBe('3.6');
    expect(d.missingPrices.map((m) => m.price)).toEqual(['ec2OnDemand(us-east-1, t2.xlarge)']);
  });

  it('terraform-plan-noprovider.json (trailing bytes): parsed; without a region it is a named error', () => {
    const file = `${DIR}/terraform-plan-noprovider.json`;
    const p = readPlanBytes(readFileSync(file), file);
    expect(p.changes.map((c) => c.address)).toEqual(['module.instance.aws_instance.example', 'aws_lb.example']);
    expect(() => diffOf(JSON.parse(readFileSync(file, 'utf8').slice(0, 4976)), { catalog: emptyCatalog() }, file)).toThrow(RegionUnknownError);
  });

  it('invalid plans: a state file is a PlanFormatError; a google-only plan lists its resources as unsupported', () => {
    expect(() => diffOf(plan('invalid_terraform-empty-plan.json'))).toThrow(PlanFormatError);
    const d = diffOf(plan('invalid_terraform-unsupported-plan.json'));
    expect(d.unsupported).toEqual([{ type: 'google_compute_instance', count: 1, addresses: ['google_compute_instance.vm_instance'] }]);
    expect(num(d.after.totalMonthlyCost)).toBe(0);
  });
});

describe.skipIf(!haveCorpus(DIR, 'terracost plans'))('terracost ASG / EKS plans on the shipped snapshot (nuage diff)', () => {
  type J = { after: { totalMonthlyCost: number }; resources: { address: string; afterMonthlyCost: number; components: { name: string; unitPriceUsd: string; basis: { source: string } }[] }[] };
  const diffJson = async (name: string): Promise<J> => {
    const r = await runCli(['diff', `${DIR}/${name}`, '--format', 'json', '--currency', 'USD']);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as J;
  };
  it('eks-plan.json: 99.798 from data/ (t2.micro skypilot-v7 0.0126; gp3 and EKS from data/services/eu-west-1.json)', async () => {
    const j = await diffJson('eks-plan.json');
    const ng = j.resources.find((r) => r.address === 'module.eks.aws_eks_node_group.example')!;
    expect(ng.components.map((c) => [c.name, c.unitPriceUsd, c.basis.source])).toEqual([
      ['Instance usage (Linux, on-demand, t2.micro)', '0.0126', 'skypilot-v7'], // × 730 = 9.198
      ['Volume /dev/sdf (gp3, 200 GB)', '0.088', 'terracost-pricing-2023-02-23'], // × 200 = 17.6
    ]);
    expect(j.after.totalMonthlyCost).toBe(99.798); // + EKS 0.10 × 730 = 73
  });
  it('asg-plan.json: 513.815 from data/ (dedicated m4/t3/c4, CloudWatch metric, gp3: data/services/eu-west-1.json)', async () => {
    const j = await diffJson('asg-plan.json');
    expect(Object.fromEntries(j.resources.map((r) => [r.address, r.afterMonthlyCost]))).toEqual({
      'module.magento.aws_autoscaling_group.lc': 275.811, // 3 × 0.1221 × 730 + 21 metrics × 0.30 + 24 GB × 0.088
      'module.magento.aws_autoscaling_group.lt': 145.724, // 2 × 0.0974 × 730 + 40 GB × 0.088 (+ credits usage-based)
      'module.magento.aws_autoscaling_group.mixed': 92.28, // 1 × c4.large dedicated 0.124 × 730 + 20 GB × 0.088
    });
    expect(j.after.totalMonthlyCost).toBe(513.815);
  });
});
