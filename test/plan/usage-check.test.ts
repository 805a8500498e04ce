/** Usage-file entries that the plan never reads (a typo, a renamed resource) are warned about, not silently ignored. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCosted, costPlan } from '../../src/plan/cost-plan.js';
import { afterSideOnly } from '../../src/plan/diff.js';
import { catalogPrices } from '../../src/plan/price-lookup.js';
import { readPlanJson } from '../../src/plan/read-plan.js';
import { unusedUsage } from '../../src/plan/usage-check.js';
import { parseUsageFile } from '../../src/plan/usage.js';
import { runCli } from '../support/cli.js';
import { planJson, testCatalog } from './support.js';

const plan = planJson(
  [
    { address: 'aws_nat_gateway.main', after: {} },
    { address: 'aws_instance.web[0]', after: { instance_type: 't3.medium' } },
    { address: 'aws_instance.web[1]', after: { instance_type: 't3.medium' } },
    { address: 'aws_ebs_volume.data', after: { availability_zone: 'eu-west-3a', type: 'gp2', size: 10 } },
  ],
  { region: 'eu-west-3' },
);
const USAGE = `version: 1
resource_type_default_usage:
  aws_natgateway:
    monthly_data_processed_gb: 1
  aws_nat_gateway:
    monthly_data_processed_gb: 5
    monthly_lcu_hours: 3
  aws_lb:
    monthly_lcu_hours: 10
resource_usage:
  aws_nat_gateway.mian:
    monthly_data_processed_gb: 10
  aws_instance.web[*]:
    monthly_cpu_credit_hrs: 20
  aws_instance.web[1]:
    monthly_cpu_credit_hrs: 5
  aws_ebs_volume.data:
    monthly_data_processed_gb: 5
`;

const costed = (usageText: string) => {
  const usage = parseUsageFile(usageText, '/ci/nuage-usage.yml');
  return { usage, costed: costPlan(readPlanJson(plan, 'plan.json'), { hoursPerMonth: 730, prices: catalogPrices(testCatalog()), usage }) };
};

describe('unused usage-file entries', () => {
  it('names each entry that matches no resource, no priced type, or no component of what it matches', () => {
    const { usage, costed: c } = costed(USAGE);
    expect(unusedUsage(usage, c)).toEqual([
      '/ci/nuage-usage.yml: resource_type_default_usage "aws_natgateway": not a resource type nuage prices (a typo?)',
      '/ci/nuage-usage.yml: resource_type_default_usage "aws_nat_gateway".monthly_lcu_hours: no aws_nat_gateway component of the plan reads it (they read: monthly_data_processed_gb)',
      '/ci/nuage-usage.yml: resource_usage "aws_nat_gateway.mian": matches no resource of the plan',
      '/ci/nuage-usage.yml: resource_usage "aws_ebs_volume.data".monthly_data_processed_gb: no component of aws_ebs_volume.data reads it (it reads none)',
    ]);
  });

  it('an entry used on either side of a --compare-to diff is used; a file matching everything warns nothing', () => {
    const { usage, costed: c } = costed('resource_usage:\n  aws_instance.web:\n    monthly_cpu_credit_hrs: 1\n  aws_nat_gateway.main:\n    monthly_data_processed_gb: 1\n');
    expect(unusedUsage(usage, c)).toEqual([]);
    expect(unusedUsage(usage, compareCosted(afterSideOnly(c), []))).toEqual([]); // only in the base: deleted, still read
  });

  it('the CLI prints the warnings on stderr and still prices (exit 0)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nuage-usage-check-'));
    await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
    await writeFile(join(dir, 'nuage-usage.yml'), 'resource_usage:\n  aws_nat_gateway.mian:\n    monthly_data_processed_gb: 10\n');
    const r = await runCli(['diff', 'plan.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`nuage: usage file warning: ${join(dir, 'nuage-usage.yml')}: resource_usage "aws_nat_gateway.mian": matches no resource of the plan\n`);
    const b = await runCli(['breakdown', 'plan.json', '--format', 'json'], { cwd: dir });
    expect(b.stderr).toMatch(/usage file warning: .*"aws_nat_gateway\.mian": matches no resource/);
  });
});
