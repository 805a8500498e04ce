/** The managed-service spec of an inventory row: grammar, defaults, canonical form, and every kind of bad spec. */
import { describe, expect, it } from 'vitest';
import { describeSpec, parseServiceSpec, type ServiceSpec } from '../../src/estimator/services/spec.js';
import { csv } from './helpers.js';

function ok(text: string): ServiceSpec {
  const r = parseServiceSpec(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.problem}`);
  return r.spec;
}

function problem(text: string): string {
  const r = parseServiceSpec(text);
  if (r.ok) throw new Error(`expected "${text}" to be rejected, got ${JSON.stringify(r.spec)}`);
  return r.problem;
}

describe('service spec: good specs', () => {
  const cases: [string, ServiceSpec, string][] = [
    ['rds db.m5.large multi-az 200 GB', { kind: 'rds', instanceClass: 'db.m5.large', engine: 'mysql', deployment: 'multi-az', storageGb: 200 }, 'rds db.m5.large mysql multi-az 200 GB'],
    [
      'RDS m5.large PostgreSQL gp3 1 TB 12000 IOPS',
      { kind: 'rds', instanceClass: 'db.m5.large', engine: 'postgres', deployment: 'single-az', storageGb: 1024, storageType: 'gp3', iops: 12000 },
      'rds db.m5.large postgres single-az 1024 GB gp3 12000 IOPS',
    ],
    ['rds db.r6g.xlarge mariadb multiaz 500GB magnetic', { kind: 'rds', instanceClass: 'db.r6g.xlarge', engine: 'mariadb', deployment: 'multi-az', storageGb: 500, storageType: 'standard' }, 'rds db.r6g.xlarge mariadb multi-az 500 GB standard'],
    ['dynamodb 50M reads 10M writes 20 GB', { kind: 'dynamodb', mode: 'on-demand', readsMillions: 50, writesMillions: 10, storageGb: 20 }, 'dynamodb on-demand 50M reads 10M writes 20 GB'],
    ['dynamodb 500k reads, 1.5B writes', { kind: 'dynamodb', mode: 'on-demand', readsMillions: 0.5, writesMillions: 1500 }, 'dynamodb on-demand 0.5M reads 1500M writes'],
    ['dynamodb provisioned 100 RCU 50 WCU 2 TB', { kind: 'dynamodb', mode: 'provisioned', rcu: 100, wcu: 50, storageGb: 2048 }, 'dynamodb provisioned 100 RCU 50 WCU 2048 GB'],
    ['sqs 300M requests', { kind: 'sqs', queue: 'standard', requestsMillions: 300 }, 'sqs standard 300M requests'],
    ['sqs fifo 2B requests', { kind: 'sqs', queue: 'fifo', requestsMillions: 2000 }, 'sqs fifo 2000M requests'],
    ['sqs', { kind: 'sqs', queue: 'standard' }, 'sqs standard'],
    ['s3 5 TB 20M GET', { kind: 's3', storageGb: 5120, getMillions: 20 }, 's3 standard 5120 GB 20M GET'],
    ['s3 standard 800GB 3M GET 100k PUT', { kind: 's3', storageGb: 800, getMillions: 3, putMillions: 0.1 }, 's3 standard 800 GB 3M GET 0.1M PUT'],
    ['alb', { kind: 'alb' }, 'alb'],
    ['alb 2.5 LCU', { kind: 'alb', lcu: 2.5 }, 'alb 2.5 LCU'],
    ['nlb 1 lcu', { kind: 'nlb', lcu: 1 }, 'nlb 1 LCU'],
    ['nat 800 GB', { kind: 'nat', processedGb: 800 }, 'nat 800 GB'],
    ['nat 2TB', { kind: 'nat', processedGb: 2048 }, 'nat 2048 GB'],
    ['elasticache cache.m5.large redis', { kind: 'elasticache', nodeType: 'cache.m5.large', engine: 'redis', nodes: 1 }, 'elasticache cache.m5.large redis 1 node'],
    ['elasticache r6g.large memcached 3 nodes', { kind: 'elasticache', nodeType: 'cache.r6g.large', engine: 'memcached', nodes: 3 }, 'elasticache cache.r6g.large memcached 3 nodes'],
    ['eks', { kind: 'eks' }, 'eks'],
  ];
  for (const [text, spec, canonical] of cases) {
    it(`"${text}"`, () => {
      const parsed = ok(text);
      expect(parsed).toEqual(spec);
      expect(describeSpec(parsed)).toBe(canonical);
      // The canonical form reads back to the same spec.
      expect(ok(describeSpec(parsed))).toEqual(spec);
    });
  }
});

describe('service spec: bad specs say what is wrong and what is expected', () => {
  const cases: [string, RegExp][] = [
    ['', /^service spec is empty; expected one of: rds, dynamodb, sqs, s3, alb, nlb, nat, elasticache, eks/],
    ['mongodb 3 nodes', /^unknown service "mongodb"; expected one of: rds, dynamodb/],
    ['rds multi-az 200 GB', /^missing instance class \(e\.g\. db\.m5\.large\) \(rds <class>/],
    ['rds db.m5.large oracle', /^engine "oracle" is not priced by nuage yet; priced engines: mysql \(default\), postgres, mariadb$/],
    ['rds db.m5.large multi-az single-az', /^"multi-az" and "single-az" both given; write one/],
    ['rds db.m5.large 200', /^the number 200 needs a unit \(rds/],
    ['dynamodb 50M reads 10M', /^the number 10M needs a unit \(dynamodb/],
    ['dynamodb 50M reads 10M reads', /^"reads" is given twice; write it once/],
    ['dynamodb provisioned 100 RCU', /^provisioned DynamoDB needs both <n> RCU and <n> WCU$/],
    ['sqs 300M messages', /^unknown unit "messages" after 300M \(sqs \[standard\|fifo\] \[<n> requests\]\)$/],
    ['s3 5 TB 20M GET lots', /^unexpected "lots" \(s3/],
    ['nat 5xyz1 GB', /^cannot read "5xyz1": write a number/],
    ['elasticache cache.m5.large 1.5 nodes', /^the node count must be a whole number ≥ 1, got 1\.5$/],
    ['eks 2', /^the number 2 needs a unit \(eks\)$/],
  ];
  for (const [text, re] of cases) it(`"${text}"`, () => expect(problem(text)).toMatch(re));
});

describe('service rows in an inventory', () => {
  it('a bad spec skips the row with file, row and field; the good rows are kept', () => {
    const inv = csv(
      'app,vm,kind,spec,peak_cpu_ghz,peak_ram_gb\n' +
        'api,catalog-db,service,rds db.m5.large multi-az 200 GB,,\n' +
        'api,cache,service,elasticache,,\n' +
        'api,api-1,vm,,2,4\n' +
        'api,api-2,vm,sqs 1M requests,2,4\n',
    );
    expect(inv.services?.map((s) => s.name)).toEqual(['catalog-db']);
    expect(inv.records.map((r) => r.vm)).toEqual(['api-1']);
    expect(inv.skipped.map((s) => [s.file, s.row, s.field, s.reason, s.detail])).toEqual([
      ['inventory.csv', 3, 'spec', 'invalid', 'missing node type (e.g. cache.m5.large) (elasticache <node type> [redis|memcached|valkey] [<n> nodes])'],
      ['inventory.csv', 5, 'spec', 'invalid', 'a spec is given on a row of kind vm; set kind to service for a managed service'],
    ]);
  });

  it('a services-only file needs no CPU or memory column; the app falls back to the name, then the kind', () => {
    const inv = csv('vm,kind,spec,egress_gb\norders,service,dynamodb 1M writes,\n,service,nat 10 GB,250\n');
    expect(inv.services?.map((s) => [s.app, s.name, s.spec.kind, s.traffic])).toEqual([
      ['orders', 'orders', 'dynamodb', undefined],
      ['nat', undefined, 'nat', { internetEgressGb: 250, interAzGb: 0 }],
    ]);
  });

  it('traffic columns accept aliases and reject non-numbers with their field', () => {
    const inv = csv('app,vm,peak_cpu_ghz,peak_ram_gb,internet_egress_gb,cross_az_gb\nw,w-1,1,2,100,\nw,w-2,1,2,lots,\n');
    expect(inv.records.map((r) => r.traffic)).toEqual([{ internetEgressGb: 100, interAzGb: 0 }]);
    expect(inv.skipped).toEqual([expect.objectContaining({ row: 3, field: 'internet_egress_gb', reason: 'invalid', detail: 'egress_internet_gb must be a number, got "lots"' })]);
  });

  it('JSON inventories take the same keys', () => {
    const text = JSON.stringify([
      { app: 'api', vm: 'api-1', peak_cpu_ghz: 2, peak_ram_gb: 4, egress_internet_gb: 50 },
      { app: 'api', vm: 'events', kind: 'service', spec: 'dynamodb 5M writes' },
    ]);
    const inv = csv(text, 'inventory.json');
    expect(inv.services?.map((s) => [s.app, s.name, s.specText])).toEqual([['api', 'events', 'dynamodb 5M writes']]);
    expect(inv.records[0]!.traffic).toEqual({ internetEgressGb: 50, interAzGb: 0 });
  });
});
