/** `nuage diff` / `nuage breakdown` through the CLI: formats, currency, usage file discovery, exit codes 0 / 1 / 2. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshotCatalog } from '../../src/store/snapshot-files.js';
import { PROJECT_ROOT } from '../support/corpora.js';
import { runCli } from '../support/cli.js';
import { planJson } from './support.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nuage-plan-cli-'));
  // eu-west-1 service prices come from the shipped snapshot (data/services/eu-west-1.json, exact 2023-02-23):
  // nat:hour 0.048, nat:data-processed 0.048, eks:cluster:hour 0.10.
  await writeFile(join(dir, 'plan.json'), JSON.stringify(planJson([{ address: 'aws_nat_gateway.a', after: {} }, { address: 'aws_eks_cluster.c', actions: ['no-op'], before: {}, after: {} }], { region: 'eu-west-1' })));
  await writeFile(join(dir, 'nuage-usage.yml'), 'resource_usage:\n  aws_nat_gateway.a:\n    monthly_data_processed_gb: 50\n');
  await writeFile(join(dir, 'broken.json'), '{"format_version": "1.2", "resource_changes": [');
  const services = [
    { address: 'aws_dynamodb_table.prov', after: { billing_mode: 'PROVISIONED', read_capacity: 20, write_capacity: 20 } },
    { address: 'aws_dynamodb_table.events', after: { billing_mode: 'PAY_PER_REQUEST' } },
    { address: 'aws_sqs_queue.jobs', after: { name: 'jobs' } },
    { address: 'aws_s3_bucket.media', after: { bucket: 'media' } },
  ];
  await writeFile(join(dir, 'services.json'), JSON.stringify(planJson(services, { region: 'eu-west-1' })));
  await writeFile(
    join(dir, 'services-usage.yml'),
    'resource_usage:\n  aws_dynamodb_table.prov:\n    storage_gb: 10\n  aws_dynamodb_table.events:\n    monthly_read_request_units_millions: 50\n    monthly_write_request_units_millions: 10\n    storage_gb: 20\n' +
      '  aws_sqs_queue.jobs:\n    monthly_requests_millions: 300\n  aws_s3_bucket.media:\n    storage_gb: 5120\n    monthly_tier1_requests_millions: 2\n    monthly_tier2_requests_millions: 20\n',
  );
});

const run = (...args: string[]) => runCli(args, { cwd: dir });

describe('DynamoDB, SQS and S3 on the shipped eu-west-1 prices (2025–2026 AWS offers)', () => {
  it('breakdown prices every component from data/services/eu-west-1.json', async () => {
    const r = await run('breakdown', 'services.json', '--usage', 'services-usage.yml', '--format', 'json', '--currency', 'USD');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { resources: { address: string; afterMonthlyCost: number }[]; usageBased: unknown[]; missingPrices: unknown[] };
    expect(Object.fromEntries(j.resources.map((x) => [x.address, x.afterMonthlyCost]))).toEqual({
      'aws_dynamodb_table.prov': 15.7072, // 20 × 730 × 0.000147 + 20 × 730 × 0.000735 + 10 GB × 0.283 = 2.1462 + 10.731 + 2.83
      'aws_dynamodb_table.events': 19.785, // 50 × 0.1415 + 10 × 0.705 + 20 × 0.283 = 7.075 + 7.05 + 5.66
      'aws_sqs_queue.jobs': 120, // 300 × 0.40
      'aws_s3_bucket.media': 135.76, // 5,120 × 0.023 + 2 × 5 + 20 × 0.4 = 117.76 + 10 + 8
    });
    expect([j.usageBased, j.missingPrices]).toEqual([[], []]);
  });
});

describe('nuage diff (CLI)', () => {
  it('prints JSON in USD with the usage file found in the working directory', async () => {
    const r = await run('diff', 'plan.json', '--format', 'json', '--currency', 'USD');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { before: { totalMonthlyCost: number }; after: { totalMonthlyCost: number }; delta: { totalMonthlyCost: number; percent: number }; usageBased: unknown[] };
    // before: EKS 0.10 × 730 = 73; after: 73 + NAT 0.048 × 730 = 35.04 + 50 GB × 0.048 = 2.4 → 110.44
    expect([j.before.totalMonthlyCost, j.after.totalMonthlyCost, j.delta.totalMonthlyCost, j.delta.percent]).toEqual([73, 110.44, 37.44, 51.29]);
    expect(j.usageBased).toEqual([]);
  });
  it('defaults to EUR at the shipped ECB rate; --usd-eur overrides it', async () => {
    const eur = await run('diff', 'plan.json');
    expect(eur.stdout).toContain('Monthly cost will increase by €32.14 (+51 %)'); // 37.44 / 1.165
    const flag = await run('diff', 'plan.json', '--usd-eur', '0.9');
    expect(flag.stdout).toContain('Monthly cost will increase by €33.70'); // 37.44 × 0.9
  });
  it('exits 2 above --fail-above / --fail-above-percent, 0 within', async () => {
    const over = await run('diff', 'plan.json', '--currency', 'USD', '--fail-above', '30');
    expect(over.code).toBe(2);
    expect(over.stderr).toBe('nuage: policy: monthly cost delta +$37.44 is above --fail-above 30 USD\n');
    expect((await run('diff', 'plan.json', '--currency', 'USD', '--fail-above', '40', '--fail-above-percent', '60')).code).toBe(0);
    expect((await run('diff', 'plan.json', '--fail-above-percent', '50')).code).toBe(2);
  });
  it('exits 1 with a named message on bad input', async () => {
    const broken = await run('diff', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json, row 1: corrupted plan JSON/);
    expect((await run('diff', 'missing.json')).stderr).toMatch(/missing\.json: no such file; expected the Terraform plan JSON/);
    expect((await run('diff', 'plan.json', '--currency', 'GBP')).stderr).toMatch(/--currency: expected one of USD, EUR, got "GBP"/);
    expect((await run('diff', 'plan.json', '--format', 'xml')).stderr).toMatch(/unknown --format "xml"/);
    expect((await run('diff', 'plan.json', '--fail-above', 'lots')).stderr).toMatch(/--fail-above expects a number/);
    expect((await run('diff', 'plan.json', '--hours-per-month', '0')).code).toBe(1);
  });
  it('breakdown prints the after side; the github-comment format carries the marker', async () => {
    const b = await run('breakdown', 'plan.json', '--currency', 'USD');
    expect(b.stdout).toContain('Monthly cost breakdown: $110.44');
    const c = await run('diff', 'plan.json', '--format', 'github-comment', '--project', 'net');
    expect(c.stdout.startsWith('<!-- nuage-cost-diff:net -->')).toBe(true);
  });
});

describe('price dates on the shipped snapshot', () => {
  it('a eu-west-3 diff states the dates of its own prices, not the newest date of the catalog (us-east-1)', async () => {
    const plan = planJson(
      [
        { address: 'aws_instance.api', after: { instance_type: 'm5.large', root_block_device: [{ volume_type: 'gp2', volume_size: 20 }] } },
        { address: 'aws_lb.web', after: { load_balancer_type: 'application' } },
        { address: 'aws_db_instance.db', after: { instance_class: 'db.t3.micro', engine: 'postgres', allocated_storage: 20, storage_type: 'gp2' } },
      ],
      { region: 'eu-west-3' },
    );
    await writeFile(join(dir, 'paris.json'), JSON.stringify(plan));
    const catalogNewest = loadSnapshotCatalog().info().pricesAsOf;
    const j = JSON.parse((await run('diff', 'paris.json', '--format', 'json')).stdout) as { pricesAsOf: string; priceDates: { summary: string; onDemand: { oldest: string } } };
    expect(j.pricesAsOf).toBe(j.priceDates.onDemand.oldest);
    expect(j.pricesAsOf).not.toBe(catalogNewest);
    // m5.large on-demand (SkyPilot); the ALB hour (2026 offer), the gp2 root volume (2020 bulk CSV), the RDS
    // class and storage (estimates from the 2023 eu-west-1 dump).
    expect(j.priceDates.summary).toMatch(/^EC2 on-demand \S+ exact \(skypilot-v7\); services .*exact.*estimate/);
    const table = (await run('diff', 'paris.json')).stdout;
    expect(table).toContain(`Prices as of: ${j.pricesAsOf} (oldest EC2 on-demand price used;`);
    expect(table.replace(/\n  (?=\S)/g, " ")).toContain(`Price dates (of the prices used): ${j.priceDates.summary}`); // wrapped at 100 columns in text
    expect(table).not.toContain(catalogNewest);
  });
});

describe('nuage diff --budget', () => {
  it('shows the stack after the change against a saved budget environment (converted to the output currency)', async () => {
    const db = join(dir, 'budgets.db');
    const saved = await runCli(['estimate', join(PROJECT_ROOT, 'examples/inventory.csv'), '--save', 'infra-2027', '--db', db], { cwd: dir });
    expect(saved.code).toBe(0);
    const show = JSON.parse((await run('budgets', 'show', 'infra-2027', '--db', db, '--format', 'json')).stdout) as { currency: string; environments: { name: string; monthlyCost: string }[] };
    const sandbox = show.environments.find((e) => e.name === 'sandbox')!;
    const r = await run('diff', 'plan.json', '--currency', show.currency, '--budget', 'infra-2027', '--environment', 'sandbox', '--db', db, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { after: { totalMonthlyCost: number }; budget: { monthlyBudget: number; afterMonthlyCost: number; overBudget: number } };
    expect(j.budget.monthlyBudget).toBe(Number(Number(sandbox.monthlyCost).toFixed(6)));
    expect(j.budget.afterMonthlyCost).toBe(j.after.totalMonthlyCost);
    expect(j.budget.overBudget).toBeCloseTo(j.after.totalMonthlyCost - j.budget.monthlyBudget, 6);
    const table = await run('diff', 'plan.json', '--budget', 'infra-2027', '--environment', 'sandbox', '--db', db);
    expect(table.stdout).toMatch(/Budget infra-2027 \(sandbox\): €[\d,.]+\/month; after this change €[\d,.]+: €[\d,.]+ (over|under)/);
    const missing = await run('diff', 'plan.json', '--budget', 'nope', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no saved budget "nope"/);
    const badEnv = await run('diff', 'plan.json', '--budget', 'infra-2027', '--environment', 'qa', '--db', db);
    expect(badEnv.stderr).toMatch(/has no environment "qa"; it has: prod, staging, dev, sandbox/);
  });
});
