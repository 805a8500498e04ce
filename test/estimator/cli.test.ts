import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSavedBudget } from '../../src/store/budgets-repo.js';
import { openStore } from '../../src/store/db.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import { nuage } from './cli-harness.js';

const EXAMPLE = 'examples/inventory.csv';

describe('nuage estimate: golden outputs on examples/inventory.csv', () => {
  for (const format of ['table', 'json', 'csv', 'markdown'] as const) {
    it(`--format ${format}`, async () => {
      const r = await nuage(['estimate', EXAMPLE, '--format', format, '--onprem-monthly', '12000']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const ext = format === 'table' ? 'txt' : format === 'markdown' ? 'md' : format;
      await expect(r.stdout).toMatchFileSnapshot(`__golden__/example-inventory.${ext}`);
    });
  }

  it('the table fits in 100 columns', async () => {
    const r = await nuage(['estimate', EXAMPLE]);
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('services with parts that cannot be priced: marked * and listed, never counted as zero (table golden)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-est-'));
    writeFileSync(
      join(dir, 'services.csv'),
      'app,vm,kind,spec,egress_internet_gb\nmedia,archive,service,s3 60 TB,\napi,db,service,rds db.m5.large,\napi,events,service,dynamodb 20 GB,300\n',
    );
    const r = await nuage(['estimate', join(dir, 'services.csv'), '--currency', 'USD']);
    expect(r.code).toBe(0);
    await expect(r.stdout.replace(dir, '<dir>')).toMatchFileSnapshot('__golden__/services-not-priced.txt');
    expect(r.stdout).toContain('Not priced (no cost counted): media · s3 archive · Standard storage (next 450 TB) (missing-price)');
  });

  it('--strategy cluster golden (table)', async () => {
    const r = await nuage(['estimate', EXAMPLE, '--strategy', 'cluster', '--family', 'm5', '--ha']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('__golden__/example-inventory-cluster.txt');
  });
});

describe('nuage estimate: acceptance', () => {
  it('worked example: --family m5 --region eu-west-3 --hours-per-month 720 --usd-eur 1 --format json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-est-'));
    writeFileSync(join(dir, 'api.csv'), 'app,vm,env,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,prod,8,16,32\n');
    const r = await nuage(['estimate', join(dir, 'api.csv'), '--family', 'm5', '--region', 'eu-west-3', '--hours-per-month', '720', '--usd-eur', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ currency: 'EUR', region: 'eu-west-3', hoursPerMonth: 720, usdToEur: 1, pricesAsOf: '2026-07-20' });
    expect(j.apps[0]).toMatchObject({ app: 'api', vmCount: 8, peakCpuGhz: 16, peakMemoryGiB: 32, instanceType: 'm5.xlarge', instanceCount: 2, hourlyCost: 0.448, monthlyCost: 322.56 });
    // No managed service or traffic in this inventory: each environment is compute alone.
    const env = (name: string, ratio: number, cost: number) => ({ name, ratio, monthlyCost: cost, computeMonthlyCost: cost, servicesMonthlyCost: 0, trafficMonthlyCost: 0 });
    expect(j.environments).toEqual([env('prod', 1, 322.56), env('staging', 0.4, 129.024), env('dev', 0.2, 64.512), env('sandbox', 0.1, 32.256)]);
    expect(j.totalMonthlyCost).toBe(548.352);
    expect(j.totalYearlyCost).toBe(6580.224);
    expect(j.scenarios.map((s: { name: string }) => s.name)).toEqual(['on-demand', 'reserved-1yr', 'reserved-3yr', 'spot-non-prod', 'load-profile']);
    expect(j.skipped).toEqual([]);
  });

  it('--env and --env-only', async () => {
    const r = await nuage(['estimate', EXAMPLE, '--family', 'm5', '--env', 'staging=0.5', '--env-only', 'prod,staging', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.environments.map((e: { name: string; ratio: number }) => [e.name, e.ratio])).toEqual([['prod', 1], ['staging', 0.5]]);
    expect(j.totalMonthlyCost).toBeCloseTo(j.environments[0].monthlyCost * 1.5, 9);
  });

  it('--currency USD and the default ECB rate in EUR agree', async () => {
    const eur = JSON.parse((await nuage(['estimate', EXAMPLE, '--format', 'json'])).stdout);
    const usd = JSON.parse((await nuage(['estimate', EXAMPLE, '--format', 'json', '--currency', 'USD'])).stdout);
    expect(eur.usdToEur).toBe(0.8583690987);
    expect(eur.fx).toMatchObject({ usdPerEur: '1.165', asOf: '2025-07-18' });
    expect(eur.totalMonthlyCost).toBeCloseTo(usd.totalMonthlyCost / 1.165, 9);
  });
});

describe('nuage estimate: errors', () => {
  it('missing file, unknown column, bad flags → exit 1 with a message naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-est-'));
    writeFileSync(join(dir, 'bad.csv'), 'app,vm,peak_cpu_ghz,ram\nw,w-1,1,2\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('app,vm,peak_cpu_ghz,peak_ram_gb\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(',x,1,2\n')]));
    const cases: [string[], string][] = [
      [['estimate', 'nope.csv'], 'nuage: nope.csv: no such file; expected the inventory file'],
      [['estimate', join(dir, 'bad.csv')], `field "ram": unknown column`],
      [['estimate', join(dir, 'empty.csv')], 'file is empty'],
      [['estimate', join(dir, 'latin1.csv')], 'row 2: not valid UTF-8'],
      [['estimate', EXAMPLE, '--format', 'xml'], 'unknown --format "xml"; expected one of: table, json, csv, markdown'],
      [['estimate', EXAMPLE, '--hours-per-month', '800'], '--hours-per-month: expected a number of hours above 0 and at most 744'],
      [['estimate', EXAMPLE, '--currency', 'GBP'], '--currency: expected one of USD, EUR, got "GBP"'],
      [['estimate', EXAMPLE, '--region', 'mars-1'], '--region: expected an AWS region code such as eu-west-3, got "mars-1"'],
      [['estimate', EXAMPLE, '--region', 'eu-mars-1'], 'region "eu-mars-1" is not in the price catalog'],
      [['estimate', EXAMPLE, '--family', 'zz9'], 'no instance type matching family "zz9"'],
      [['estimate', EXAMPLE, '--allow', 'fpga'], '--allow: unknown "fpga"'],
      [['estimate', EXAMPLE, '--env-only', 'qa'], 'unknown environment "qa"'],
    ];
    for (const [argv, message] of cases) {
      const r = await nuage(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('saved budgets', () => {
  it('--save then budgets list / show round-trip in a real SQLite file; re-saving replaces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-budgets-'));
    const db = join(dir, 'nuage.db');
    const first = await nuage(['estimate', EXAMPLE, '--family', 'm5', '--hours-per-month', '720', '--save', 'media-2027', '--db', db, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Saved budget "media-2027" in ${db}\n`);
    const estimateJson = JSON.parse(first.stdout);

    const again = await nuage(['estimate', EXAMPLE, '--family', 'm5', '--hours-per-month', '720', '--save', 'media-2027', '--db', db, '--format', 'json']);
    expect(again.stderr).toBe(`Replaced budget "media-2027" in ${db}\n`);
    await nuage(['estimate', EXAMPLE, '--save', 'cheapest', '--db', db]);

    const list = await nuage(['budgets', 'list', '--db', db, '--format', 'json']);
    expect(JSON.parse(list.stdout).map((b: { name: string; apps: number }) => [b.name, b.apps])).toEqual([['cheapest', 13], ['media-2027', 13]]);
    const listTable = await nuage(['budgets', 'list', '--db', db]);
    expect(listTable.stdout).toContain('media-2027');

    const show = await nuage(['budgets', 'show', 'media-2027', '--db', db, '--format', 'json']);
    const saved = JSON.parse(show.stdout);
    expect(saved).toMatchObject({ name: 'media-2027', region: 'eu-west-3', currency: 'EUR', hoursPerMonth: 720, pricesAsOf: '2026-07-20', strategy: 'family', usdToEur: '0.8583690987', fxAsOf: '2025-07-18' });
    expect(saved.environments.map((e: { name: string; monthlyCost: string }) => [e.name, Number(e.monthlyCost)])).toEqual(
      estimateJson.environments.map((e: { name: string; monthlyCost: number }) => [e.name, e.monthlyCost]),
    );
    expect(saved.result).toEqual(estimateJson);
    expect(saved.inputs.files).toEqual([EXAMPLE]);

    // The saved environments include managed services and traffic; the services are kept with the result.
    expect(estimateJson.environments[0].monthlyCost).toBeCloseTo(
      estimateJson.environments[0].computeMonthlyCost + estimateJson.servicesMonthlyCost + estimateJson.trafficMonthlyCost,
      9,
    );
    expect(saved.result.services.map((x: { kind: string; name: string }) => `${x.kind} ${x.name}`)).toEqual([
      'rds catalog-db',
      'dynamodb user-events',
      'sqs jobs-queue',
      's3 media-files',
      'alb public-alb',
      'nat egress-nat',
      'elasticache sessions',
    ]);

    const showTable = await nuage(['budgets', 'show', 'media-2027', '--db', db]);
    expect(showTable.stdout).toContain('Budget "media-2027"');
    expect(saved.result.priceDates.summary).toBe(estimateJson.priceDates.summary);
    expect(showTable.stdout).toContain(`\nPrice dates (of the prices used): ${estimateJson.priceDates.summary}\n`);
    // (720 h × 0.395664 + 200 GB × 0.26556) USD ÷ 1.165 = 290.12 EUR
    expect(showTable.stdout).toMatch(/api\s+rds catalog-db\s+rds db\.m5\.large mysql multi-az 200 GB\s+290\.12/);
    expect(showTable.stdout).toMatch(/media-origin\s+traffic\s+20000 GB to the internet, 0 GB across AZs\s+1,495\.55/);

    const store = openStore(db);
    try {
      const b = getSavedBudget(store, 'media-2027')!;
      expect(b.environments[0]!.monthlyCost).toMatch(/^\d+\.\d+$/); // exact decimal string
      expect(store.sqlite.prepare('select count(*) as n from budgets').get()).toEqual({ n: 2 });
    } finally {
      store.close();
    }
    const missing = await nuage(['budgets', 'show', 'nope', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('nuage: no saved budget named "nope"; saved: cheapest, media-2027\n');
  });

  it('a failed estimate saves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuage-budgets-'));
    const db = join(dir, 'nuage.db');
    const r = await nuage(['estimate', 'nope.csv', '--save', 'x', '--db', db]);
    expect(r.code).toBe(1);
    const list = await nuage(['budgets', 'list', '--db', db, '--format', 'json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});

const RVTOOLS = corpusPath('onprem_inventory/rvtools_kubev2v_migration_planner/example1.xlsx');
describe.skipIf(!haveCorpus(RVTOOLS, 'RVTools example1.xlsx'))('nuage estimate on the real RVTools export', () => {
  it('estimates the running VMs and lists what it skipped and why', async () => {
    const r = await nuage(['estimate', RVTOOLS, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.apps).toEqual([expect.objectContaining({ app: 'vm', vmCount: 2 })]);
    expect(j.skippedCounts).toEqual({ 'powered-off': 6, 'no-config': 1 });
    expect(j.warnings).toEqual([]);
    expect(j.skipped.map((s: { vm: string; reason: string }) => `${s.vm}:${s.reason}`)).toEqual([
      'vm-1:powered-off', 'vm-2:powered-off', 'vm-4:powered-off', 'vm-5:powered-off', 'vm-6:powered-off', 'vm-7:powered-off', 'vm-9:no-config',
    ]);
    const table = await nuage(['estimate', RVTOOLS, '--group-by', 'pattern:^(vm)-(\\d+)$']);
    expect(table.stdout).toContain('Skipped 7 rows: 6 powered off; 1 no configuration in the export');
    expect(table.stdout.replace(/\n\s+/g, ' ')).toContain('example1.xlsx [vInfo], row 10, field "CPUs" (vm-9): no configuration in the export');
  });
});
