/**
 * The shared product → service-price key mapping (src/catalog/offer/service-map.ts): every rule on the
 * real attribute sets of the GetProducts fixtures, tiers, unit conversions, and the snapshot build's use
 * of the same mapping on the terracost dump (read in place).
 */
import { describe, expect, it } from 'vitest';
import { mapServiceProduct, pickDimension, servicePriceOf, type PriceDimension } from '../../src/catalog/offer/service-map.js';
import { groupOfKey, keyPrefixesOfService, SERVICE_GROUPS } from '../../src/catalog/offer/service-groups.js';
import * as K from '../../src/catalog/service-keys.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import type { PriceListElement } from '../support/pricing-api.js';
import { serviceElements } from './service-fixtures.js';

/** key → [unit, usd] for every fixture element of a service that maps, priced by its on-demand dimensions. */
function mapped(serviceCode: Parameters<typeof serviceElements>[0]): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const e of serviceElements(serviceCode)) {
    const m = mapServiceProduct({ serviceCode: e.serviceCode, productFamily: e.product.productFamily ?? '', attributes: e.product.attributes });
    if (!m) continue;
    const priced = servicePriceOf(m, dimensionsOf(e), e.product.attributes.usagetype ?? '');
    if (priced.ok && !(m.key in out)) out[m.key] = [priced.unit, priced.usd];
  }
  return out;
}

function dimensionsOf(e: PriceListElement): PriceDimension[] {
  const terms = (e as unknown as { terms: { OnDemand: Record<string, { priceDimensions: Record<string, { unit: string; beginRange: string; description: string; pricePerUnit: { USD: string } }> }> } }).terms.OnDemand;
  return Object.values(terms).flatMap((t) => Object.values(t.priceDimensions).map((d) => ({ unit: d.unit, usd: d.pricePerUnit.USD, beginRange: d.beginRange, description: d.description })));
}

describe('service map on the eu-west-1 GetProducts fixtures', () => {
  it('AmazonEC2: EBS, NAT, CPU credits, dedicated, EBS-optimized; snapshots, Windows credits and NAT "Prvd" usage skipped', () => {
    expect(mapped('AmazonEC2')).toEqual({
      'ec2:dedicated:m5.large': ['hour', '0.114'],
      'ec2:dedicated:m5.xlarge': ['hour', '0.228'],
      'ec2:ebs-optimized:m1.large': ['hour', '0.025'],
      'ebs:io1:storage': ['GB-month', '0.138'],
      'ebs:io2:iops': ['IOPS-month', '0.072'],
      'ebs:st1:storage': ['GB-month', '0.05'],
      'nat:data-processed': ['GB', '0.048'],
      'ebs:standard:storage': ['GB-month', '0.055'],
      'ebs:io2:iops:tier2': ['IOPS-month', '0.0504'],
      'ebs:gp2:storage': ['GB-month', '0.11'],
      'ebs:io2:iops:tier3': ['IOPS-month', '0.03528'],
      'nat:hour': ['hour', '0.048'],
      'ebs:io1:iops': ['IOPS-month', '0.072'],
      'ec2:cpu-credits:t4g': ['vCPU-hour', '0.04'],
      'ebs:gp3:iops': ['IOPS-month', '0.0055'],
      // 45.056 USD per GiBps-month ÷ 1024 = 0.044 USD per MiBps-month, exactly
      'ebs:gp3:throughput': ['MiBps-month', '0.044'],
      'ebs:io2:storage': ['GB-month', '0.138'],
      'ebs:gp3:storage': ['GB-month', '0.088'],
      // 0.000000055 USD per request × 1,000,000
      'ebs:standard:io-requests': ['million-requests', '0.055'],
      'ebs:sc1:storage': ['GB-month', '0.0168'],
      'ec2:cpu-credits:t3': ['vCPU-hour', '0.05'],
    });
  });

  it('AmazonRDS: instance hours of the open-source engines per deployment; MySQL storage and IOPS; Oracle, readable standbys, Aurora and mirrors skipped', () => {
    expect(mapped('AmazonRDS')).toEqual({
      'rds:db.m5.large:mysql:single-az': ['hour', '0.189'],
      'rds:storage:gp3:multi-az': ['GB-month', '0.254'],
      'rds:storage:io1:single-az': ['GB-month', '0.138'],
      'rds:storage:standard:single-az': ['GB-month', '0.11'],
      'rds:db.t3.micro:mysql:single-az': ['hour', '0.018'],
      'rds:db.m5.large:postgres:multi-az': ['hour', '0.394'],
      'rds:storage:gp2:multi-az': ['GB-month', '0.253'],
      'rds:iops:io1:single-az': ['IOPS-month', '0.11'],
      'rds:storage:io1:multi-az': ['GB-month', '0.276'],
      'rds:db.m5.large:mysql:multi-az': ['hour', '0.378'],
      'rds:db.m5.large:postgres:single-az': ['hour', '0.197'],
      'rds:storage:gp3:single-az': ['GB-month', '0.127'],
      'rds:db.t3.micro:mariadb:single-az': ['hour', '0.018'],
      'rds:db.t3.micro:mysql:multi-az': ['hour', '0.036'],
      'rds:iops:io1:multi-az': ['IOPS-month', '0.22'],
      'rds:iops:gp3:single-az': ['IOPS-month', '0.022'],
      'rds:iops:gp3:multi-az': ['IOPS-month', '0.044'],
      'rds:storage:gp2:single-az': ['GB-month', '0.127'],
      'rds:storage:standard:multi-az': ['GB-month', '0.22'],
      'rds:db.t3.micro:mariadb:multi-az': ['hour', '0.036'],
    });
  });

  it('AWSELB: hours and capacity units per kind, classic data; Outposts skipped', () => {
    expect(mapped('AWSELB')).toEqual({
      'gwlb:lcu': ['LCU-hour', '0.004'],
      'gwlb:hour': ['hour', '0.014'],
      'nlb:lcu': ['LCU-hour', '0.006'],
      'clb:hour': ['hour', '0.028'],
      'alb:hour': ['hour', '0.0252'],
      'alb:lcu': ['LCU-hour', '0.008'],
      'clb:data-processed': ['GB', '0.008'],
      'nlb:hour': ['hour', '0.0252'],
    });
  });

  it('AmazonElastiCache: node hours per engine, Outposts nodes skipped (0.065 is the Outposts rate of cache.m5.large, 0.172 the region\'s)', () => {
    expect(mapped('AmazonElastiCache')).toEqual({
      'elasticache:cache.t3.small:memcached': ['hour', '0.036'],
      'elasticache:cache.r6g.large:memcached': ['hour', '0.229'],
      'elasticache:cache.m5.large:memcached': ['hour', '0.172'],
      'elasticache:cache.t3.small:redis': ['hour', '0.036'],
      'elasticache:cache.m5.large:redis': ['hour', '0.172'],
      'elasticache:cache.r6g.large:redis': ['hour', '0.229'],
    });
  });

  it('AmazonEKS, AmazonDynamoDB, AmazonCloudWatch: standard-support cluster hour, paid tiers, per-million request units, first metric tier', () => {
    expect(mapped('AmazonEKS')).toEqual({ 'eks:cluster:hour': ['hour', '0.1'] });
    expect(mapped('AmazonDynamoDB')).toEqual({
      'dynamodb:rcu:hour': ['RCU-hour', '0.000147'],
      'dynamodb:wcu:hour': ['WCU-hour', '0.000735'],
      'dynamodb:rru': ['million-requests', '0.283'],
      'dynamodb:wru': ['million-requests', '1.4135'],
      'dynamodb:storage': ['GB-month', '0.283'],
    });
    expect(mapped('AmazonCloudWatch')).toEqual({ 'cloudwatch:metric': ['metric-month', '0.3'] });
  });
});

describe('service map rules', () => {
  const view = (serviceCode: string, productFamily: string, attributes: Record<string, string>) => ({ serviceCode, productFamily, attributes });
  it('prefers RDS storage under engine "Any" over the MySQL row (newer price lists)', () => {
    const any = mapServiceProduct(view('AmazonRDS', 'Database Storage', { databaseEngine: 'Any', deploymentOption: 'Single-AZ', volumeType: 'General Purpose', usagetype: 'EU-RDS:GP2-Storage' }));
    const mysql = mapServiceProduct(view('AmazonRDS', 'Database Storage', { databaseEngine: 'MySQL', deploymentOption: 'Single-AZ', volumeType: 'General Purpose', usagetype: 'EU-RDS:GP2-Storage' }));
    expect([any?.key, any?.rank, mysql?.key, mysql?.rank]).toEqual([K.rdsStorage('gp2', 'single-az'), 0, K.rdsStorage('gp2', 'single-az'), 1]);
    expect(mapServiceProduct(view('AmazonRDS', 'Database Storage', { databaseEngine: 'Oracle', deploymentOption: 'Single-AZ', volumeType: 'General Purpose' }))).toBeUndefined();
    expect(mapServiceProduct(view('AmazonRDS', 'Provisioned IOPS', { databaseEngine: 'Any', deploymentOption: 'Multi-AZ', usagetype: 'EU-RDS:Multi-AZ-IO2-PIOPS' }))?.key).toBe('rds:iops:io2:multi-az');
  });
  it('maps EC2 Storage products of unknown volume types under their API name, and no product of an unknown service', () => {
    expect(mapServiceProduct(view('AmazonEC2', 'Storage', { volumeApiName: 'gp4', usagetype: 'EBS:VolumeUsage.gp4' }))?.key).toBe('ebs:gp4:storage');
    expect(mapServiceProduct(view('AmazonS3', 'Storage', { volumeType: 'Standard' }))).toBeUndefined();
    expect(mapServiceProduct(view('AmazonEC2', 'Data Transfer', { usagetype: 'EU-DataTransfer-Out-Bytes' }))).toBeUndefined();
    expect(mapServiceProduct(view('AmazonEC2', 'Compute Instance', { instanceType: 'm5.large', tenancy: 'Dedicated', operatingSystem: 'Windows', preInstalledSw: 'NA', capacitystatus: 'Used' }))).toBeUndefined();
    expect(mapServiceProduct(view('AmazonEC2', 'Compute Instance (bare metal)', { instanceType: 'm6i.metal', tenancy: 'Dedicated', operatingSystem: 'Linux', preInstalledSw: 'NA', capacitystatus: 'Used' }))?.key).toBe('ec2:dedicated:m6i.metal');
  });
  it('picks the first tier, or the first paid tier, whatever the order of the dimensions', () => {
    const d = (usd: string, beginRange: string): PriceDimension => ({ unit: 'X', usd, beginRange, description: '' });
    const dims = [d('0.10', '10000'), d('0.00', '0'), d('0.05', '250000')];
    expect(pickDimension('first', dims)?.usd).toBe('0.00');
    expect(pickDimension('first-paid', dims)?.usd).toBe('0.10');
    expect(pickDimension('first-paid', [d('0', '0')])?.usd).toBe('0');
    expect(pickDimension('first', [])).toBeUndefined();
  });
  it('refuses a dimension in a unit the key does not take (never a silently wrong price)', () => {
    const m = mapServiceProduct(view('AmazonEC2', 'NAT Gateway', { usagetype: 'EU-NatGateway-Hours' }))!;
    expect(servicePriceOf(m, [{ unit: 'Gbps-hrs', usd: '1.164', beginRange: '0', description: '' }], 'EU-NatGateway-Hours')).toEqual({ ok: false, reason: 'unexpected unit "Gbps-hrs" for nat prices' });
    expect(servicePriceOf(m, [{ unit: 'Hrs', usd: '0.0480000000', beginRange: '0', description: '' }], 'EU-NatGateway-Hours')).toMatchObject({ ok: true, usd: '0.048', unit: 'hour', description: 'NAT gateway hour (EU-NatGateway-Hours)' });
  });
});

describe('service groups', () => {
  it('own disjoint key prefixes that cover every key builder of service-keys.ts', () => {
    const keys = [
      K.ebsStorage('gp3'), K.ebsIops('io1'), K.ebsIo2IopsTier(2), K.ebsThroughput(), K.ebsIoRequests(), K.ec2Dedicated('m5.large'), K.ec2EbsOptimized('m1.large'),
      K.ec2CpuCredits('t3'), K.cloudwatchMetric(), K.rdsInstance('db.m5.large', 'mysql', 'multi-az'), K.rdsStorage('gp2', 'single-az'), K.rdsIops('gp3', 'multi-az'),
      K.natHour(), K.natDataProcessed(), K.lbHour('alb'), K.lbLcu('nlb'), K.lbHour('gwlb'), K.clbDataProcessed(), K.eksClusterHour(),
      K.dynamodbCapacityHour('rcu'), K.dynamodbRequestUnits('wru'), K.dynamodbStorage(), K.elasticacheNode('cache.m5.large', 'redis'),
    ];
    expect(keys.filter((k) => groupOfKey(k) === undefined)).toEqual([]);
    const prefixes = SERVICE_GROUPS.flatMap((g) => g.keyPrefixes);
    expect(prefixes.filter((p) => prefixes.some((q) => q !== p && q.startsWith(p)))).toEqual([]);
    expect(keyPrefixesOfService('AmazonEC2')).toEqual(['ebs:', 'nat:', 'ec2:cpu-credits:', 'ec2:dedicated:', 'ec2:ebs-optimized:']);
    expect(keyPrefixesOfService('AWSELB')).toEqual(['alb:', 'nlb:', 'gwlb:', 'clb:']);
  });
});

const DUMP = corpusPath('terraform_plans', 'terracost', 'pricing_fixture', '2023-02-23-pricing.sql.gz');

describe.skipIf(!haveCorpus(DUMP, 'terracost pricing dump'))('the snapshot build maps the terracost dump with the same rules (read in place)', () => {
  it('prices eu-west-1 as the refresh would: regional ElastiCache nodes, RDS, ELB, EBS, bare-metal dedicated', async () => {
    const { readPricingDump } = await import('../../scripts/data/mysql-dump.js');
    const { mapEuWest1 } = await import('../../scripts/data/services-eu-west-1.js');
    const { products, prices } = await readPricingDump(DUMP);
    const byKey = new Map(mapEuWest1(products, prices).map((p) => [p.key, p]));
    const pick = (k: string) => [byKey.get(k)?.usd, byKey.get(k)?.description];
    expect(pick('elasticache:cache.m5.large:redis')).toEqual(['0.172', 'ElastiCache Redis cache.m5.large (EU-NodeUsage:cache.m5.large)']);
    expect(pick('rds:db.t3.micro:mysql:single-az')).toEqual(['0.018', 'RDS MySQL db.t3.micro Single-AZ (EU-InstanceUsage:db.t3.micro)']);
    expect(pick('alb:hour')).toEqual(['0.0252', 'Load Balancer-Application hour (EU-LoadBalancerUsage)']);
    expect(pick('ebs:gp3:throughput')).toEqual(['0.044', 'EBS gp3 throughput (EU-EBS:VolumeP-Throughput.gp3: 45.056 per GiBps-month ÷ 1024)']);
    expect(pick('ebs:standard:io-requests')).toEqual(['0.055', 'EBS magnetic I/O requests, per million (EU-EBS:VolumeIOUsage: 0.000000055 per request)']);
    expect(pick('cloudwatch:metric')).toEqual(['0.3', 'CloudWatch metric, first 10,000 (EU-CW:MetricMonitorUsage)']);
    expect(byKey.get('ec2:dedicated:m6i.metal')?.unit).toBe('hour');
    expect(byKey.size).toBe(1520);
    expect(pick('transfer:inter-az')).toEqual(['0.01', 'Data transfer between availability zones, per GB in each direction (EU-DataTransfer-Regional-Bytes)']);
  });
});
