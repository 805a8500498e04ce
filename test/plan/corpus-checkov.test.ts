/** Every checkov plan either prices or fails with a named error (UTF-16 and corrupted included). Read in place. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toNumber } from '../../src/money/index.js';
import { costPlan } from '../../src/plan/cost-plan.js';
import { buildDiff } from '../../src/plan/diff.js';
import { PlanFormatError, RegionUnknownError } from '../../src/plan/errors.js';
import { catalogPrices } from '../../src/plan/price-lookup.js';
import { readPlanBytes } from '../../src/plan/read-plan.js';
import { runCli } from '../support/cli.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { TEST_FX, testCatalog } from './support.js';

const DIR = corpusPath('terraform_plans/checkov');

function diffFile(name: string, defaultRegion?: string) {
  const file = `${DIR}/${name}`;
  const prices = catalogPrices(testCatalog());
  const costed = costPlan(readPlanBytes(readFileSync(file), file), { hoursPerMonth: 730, prices, ...(defaultRegion ? { defaultRegion } : {}) });
  return buildDiff(costed, { currency: 'USD', fx: TEST_FX, hoursPerMonth: 730, prices });
}

describe.skipIf(!haveCorpus(DIR, 'checkov plans'))('checkov corpus', () => {
  it('runner__plan__tfplan.json (TF 0.12, 55 creates, us-west-2): prices; what has no us-west-2 price is listed', () => {
    const d = diffFile('runner__plan__tfplan.json');
    expect(d.regions).toEqual(['us-west-2']);
    expect(d.resources.map((r) => r.type).sort()).toEqual(['aws_db_instance', 'aws_ebs_volume', 'aws_eks_cluster', 'aws_elb', 'aws_instance', 'aws_instance', ...Array(6).fill('aws_s3_bucket')]);
    // The test catalog prices no us-west-2 product: every priced component is listed as missing.
    expect(d.missingPrices.map((m) => [m.address, m.price])).toEqual([
      ['aws_db_instance.default', 'service(us-west-2, rds:db.t3.micro:mysql:single-az)'],
      ['aws_db_instance.default', 'service(us-west-2, rds:storage:gp2:single-az)'],
      ['aws_ebs_volume.web_host_storage', 'service(us-west-2, ebs:gp2:storage)'],
      ['aws_eks_cluster.eks_cluster', 'service(us-west-2, eks:cluster:hour)'],
      ['aws_elb.weblb', 'service(us-west-2, clb:hour)'],
      ['aws_instance.db_app', 'ec2OnDemand(us-west-2, t2.nano)'],
      ['aws_instance.db_app', 'service(us-west-2, ebs:gp3:storage)'],
      ['aws_instance.web_host', 'ec2OnDemand(us-west-2, t2.nano)'],
      ['aws_instance.web_host', 'service(us-west-2, ebs:gp3:storage)'],
    ]);
    // S3 buckets are priced by usage (storage, requests): without a usage file they are listed as usage-based.
    expect(new Set(d.usageBased.filter((u) => u.address.startsWith('aws_s3_bucket.')).map((u) => u.address)).size).toBe(6);
    expect(d.unsupported.find((u) => u.type === 'aws_s3_bucket')).toBeUndefined();
    expect(d.free.find((f) => f.type === 'aws_iam_role')?.count).toBe(3);
    expect(toNumber(d.after.totalMonthlyCost)).toBe(0);
  });

  it('on the shipped snapshot the comment says the figure is a lower bound, and what has no price shows none', async () => {
    const file = `${DIR}/runner__plan__tfplan.json`;
    const r = await runCli(['diff', file, '--format', 'github-comment']);
    expect(r.code).toBe(0);
    // Only the two t2.nano instances have a us-west-2 price (2 × 0.0068 × 730 / 1.165 = €8.52… per the snapshot).
    expect(r.stdout).toMatch(/^## Monthly cost will increase by at least €[\d.]+ \(7 components without a price, 31 usage-based, 11 resources of unsupported types\)$/m);
    expect(r.stdout).toMatch(/\*\*€0\.00 → at least €[\d.]+\*\* per month/);
    for (const a of ['aws_db_instance.default', 'aws_ebs_volume.web_host_storage', 'aws_eks_cluster.eks_cluster', 'aws_elb.weblb']) {
      expect(r.stdout).toContain(`| \`${a}\` | create | - | no price | no price |`);
    }
    expect(r.stdout).toContain('| `aws_s3_bucket.logs` | create | - | usage-based | usage-based |');
    expect(r.stdout).not.toContain('€0.00*');
    // Within --fail-above: exit 0, with a warning (the delta is a lower bound); above: exit 2, "at least".
    const within = await runCli(['diff', file, '--fail-above', '500', '--format', 'github-comment']);
    expect(within.code).toBe(0);
    expect(within.stderr).toMatch(/^nuage: policy warning: monthly cost delta at least \+€[\d.]+ is within --fail-above 500 EUR, but the real delta may be higher; not priced, so not in it: 7 components without a price, 31 usage-based, 11 resources of unsupported types\n$/);
    expect(within.stdout).toContain('> **Policy warning:** monthly cost delta at least');
    const over = await runCli(['diff', file, '--fail-above', '1']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^nuage: policy: monthly cost delta at least \+€[\d.]+ is above --fail-above 1 EUR; not priced/);
  });

  it('UTF-16LE + CRLF plan is decoded and priced', () => {
    const d = diffFile('runner__plan_with_utf_16_encoding__tfplan.json');
    expect(d.unsupported).toEqual([]);
    expect(d.resources.map((r) => r.type)).toContain('aws_s3_bucket');
    expect(d.free).toEqual([{ type: 'aws_iam_role_policy', count: 1 }, { type: 'null_resource', count: 1 }]);
  });

  it('the corrupted plan is a PlanFormatError naming the file and field', () => {
    expect(() => diffFile('runner__plan__corrupted-tfplan.json')).toThrow(PlanFormatError);
    expect(() => diffFile('runner__plan__corrupted-tfplan.json')).toThrow(/corrupted-tfplan\.json, field "resource_changes"/);
  });

  it('["create","delete"] is a replace (create before delete): priced as delete + create', () => {
    const d = diffFile('runner__plan_with_deleted_resources__tfplan.json');
    expect(d.unsupported).toEqual([{ type: 'aws_secretsmanager_secret', count: 1, addresses: ['aws_secretsmanager_secret.default'] }]);
    const p = readPlanBytes(readFileSync(`${DIR}/runner__plan_with_deleted_resources__tfplan.json`), 'x');
    expect(p.changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'create-before-delete' });
  });

  it('in-place updates of free resources price to nothing, listed as free', () => {
    const d = diffFile('runner__plan_change_keys__tfplan.json');
    expect(d.free).toEqual([{ type: 'aws_security_group_rule', count: 2 }]);
  });

  it('plans without a provider region need --region (named error), then price', () => {
    expect(() => diffFile('parser__plan_tags_variety__tfplan.json')).toThrow(RegionUnknownError);
    const d = diffFile('parser__plan_tags_variety__tfplan.json', 'eu-west-3');
    // ASGs use launch configuration "test", not in the plan: unknown, listed; DynamoDB 20 RCU / 20 WCU:
    // 20 × 0.000147 × 730 + 20 × 0.000735 × 730 = 12.8772
    expect(d.unknown.map((u) => u.address)).toEqual(['aws_autoscaling_group.example', 'aws_autoscaling_group.example2']);
    expect(toNumber(d.after.totalMonthlyCost)).toBe(12.8772);
    expect(() => diffFile('runner__unexpected__eks_node_group_remote_access.json')).toThrow(RegionUnknownError);
    const eks = diffFile('runner__unexpected__eks_node_group_remote_access.json', 'eu-west-3');
    // 1 node, no instance_types → t3.medium: 0.0472 × 730 = 34.456; 20 GB disk gp3 × 0.0928 = 1.856
    expect(toNumber(eks.after.totalMonthlyCost)).toBe(36.312);
  });
});
