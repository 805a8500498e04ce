/**
 * The shared product → service-price key mapping (src/catalog/offer/service-map.ts): every rule on the
 * GetProducts fixtures (written for nuage, Price List API attribute names, synthetic prices), tiers, unit
 * conversions, and the snapshot build's use of the same mapping on the real terracost dump (read in place).
 */
import { describe, expect, it } from 'vitest';
import { mapServiceProduct, pickDimension, servicePriceOf, type PriceDimension } from '../../src/catalog/offer/service-map.js';
import { groupOfKey, keyPrefixesOfService, SERVICE_GROUPS } from '../../src/catalog/offer/service-groups.js';
import * as K from '../../src/catalog/service-keys.js';
import { corpusPath, haveCorpus } from '../support/corpora.js';
import type { PriceListElement } from '../support/pricing-api.js';
import { serviceElements } from './service-fixtures.js';

/**
 * key → [unit, usd] for every fixture element of a service that maps, priced by its on-demand dimensions;
 * when several products map to one key, the lowest rank wins, else the first (as the collector does).
 */
function mapped(serviceCode: Parameters<typeof serviceElements>[0]): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  const ranks: Record<string, number> = {};
  for (const e of serviceElements(serviceCode)) {
    const m = mapServiceProduct({ serviceCode: e.serviceCode, productFamily: e.product.productFamily ?? '', attributes: e.product.attributes });
    if (!m) continue;
    const priced = servicePriceOf(m, dimensionsOf(e), e.product.attributes.usagetype ?? '');
    if (priced.ok && (!(m.key in out) || m.rank < ranks[m.key]!)) {
      out[m.key] = [priced.unit, priced.usd];
      ranks[m.key] = m.rank;
    }
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
      'ec2:dedicated:m5.large': ['hour', '0.12'],
      'ec2:dedicated:m5.xlarge': ['hour', '0.24'],
      'ec2:ebs-optimized:m1.large': ['hour', '0.03'],
      'ebs:gp2:storage': ['GB-month', '0.1'],
      'ebs:gp3:storage': ['GB-month', '0.08'],
      'ebs:io1:storage': ['GB-month', '0.125'],
      // published per "GB-month" rather than "GB-Mo"
      'ebs:io2:storage': ['GB-month', '0.125'],
      'ebs:st1:storage': ['GB-month', '0.045'],
      'ebs:sc1:storage': ['GB-month', '0.015'],
      'ebs:standard:storage': ['GB-month', '0.05'],
      'ebs:io1:iops': ['IOPS-month', '0.065'],
      'ebs:io2:iops': ['IOPS-month', '0.065'],
      'ebs:io2:iops:tier2': ['IOPS-month', '0.0455'],
      'ebs:io2:iops:tier3': ['IOPS-month', '0.032'],
      'ebs:gp3:iops': ['IOPS-month', '0.005'],
      // 0.00000005 USD per request × 1,000,000
      'ebs:standard:io-requests': ['million-requests', '0.05'],
      // 40.96 USD per GiBps-month ÷ 1024 = 0.04 USD per MiBps-month, exactly
      'ebs:gp3:throughput': ['MiBps-month', '0.04'],
      'nat:hour': ['hour', '0.045'],
      'nat:data-processed': ['GB', '0.045'],
      'ec2:cpu-credits:t3': ['vCPU-hour', '0.055'],
      'ec2:cpu-credits:t4g': ['vCPU-hour', '0.045'],
    });
  });

  it('AmazonRDS: instance hours of the open-source engines per deployment; storage and IOPS ("Any" over MySQL); Oracle, readable standbys, Aurora and mirrors skipped', () => {
    expect(mapped('AmazonRDS')).toEqual({
      'rds:db.m5.large:mysql:single-az': ['hour', '0.18'],
      'rds:db.m5.large:mysql:multi-az': ['hour', '0.36'],
      'rds:db.t3.micro:mysql:single-az': ['hour', '0.02'],
      'rds:db.t3.micro:mysql:multi-az': ['hour', '0.04'],
      'rds:db.m5.large:postgres:single-az': ['hour', '0.19'],
      'rds:db.m5.large:postgres:multi-az': ['hour', '0.38'],
      'rds:db.t3.micro:mariadb:single-az': ['hour', '0.02'],
      'rds:db.t3.micro:mariadb:multi-az': ['hour', '0.04'],
      // The "Any" row (0.115) comes after the MySQL row (0.12) and wins.
      'rds:storage:gp2:single-az': ['GB-month', '0.115'],
      'rds:storage:gp2:multi-az': ['GB-month', '0.24'],
      'rds:storage:gp3:single-az': ['GB-month', '0.11'],
      'rds:storage:gp3:multi-az': ['GB-month', '0.22'],
      'rds:storage:io1:single-az': ['GB-month', '0.13'],
      'rds:storage:io1:multi-az': ['GB-month', '0.26'],
      'rds:storage:standard:single-az': ['GB-month', '0.1'],
      'rds:storage:standard:multi-az': ['GB-month', '0.2'],
      // The "Any" row (0.095) comes before the MySQL row (0.1) and stays.
      'rds:iops:io1:single-az': ['IOPS-month', '0.095'],
      'rds:iops:io1:multi-az': ['IOPS-month', '0.2'],
      'rds:iops:gp3:single-az': ['IOPS-month', '0.02'],
      'rds:iops:gp3:multi-az': ['IOPS-month', '0.04'],
    });
  });

  it('AWSELB: hours and capacity units per kind, classic data; Outposts skipped', () => {
    expect(mapped('AWSELB')).toEqual({
      'alb:hour': ['hour', '0.0225'],
      'alb:lcu': ['LCU-hour', '0.007'],
      'nlb:hour': ['hour', '0.0225'],
      'nlb:lcu': ['LCU-hour', '0.0055'],
      'gwlb:hour': ['hour', '0.0125'],
      'gwlb:lcu': ['LCU-hour', '0.0035'],
      'clb:hour': ['hour', '0.025'],
      'clb:data-processed': ['GB', '0.007'],
    });
  });

  it('AmazonElastiCache: node hours per engine, Outposts nodes skipped (0.06 is the Outposts rate of cache.m5.large, 0.16 the region\'s)', () => {
    expect(mapped('AmazonElastiCache')).toEqual({
      'elasticache:cache.t3.small:redis': ['hour', '0.034'],
      'elasticache:cache.m5.large:redis': ['hour', '0.16'],
      'elasticache:cache.r6g.large:redis': ['hour', '0.21'],
      'elasticache:cache.t3.small:memcached': ['hour', '0.034'],
      'elasticache:cache.m5.large:memcached': ['hour', '0.16'],
      'elasticache:cache.r6g.large:memcached': ['hour', '0.21'],
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
    expect(mapped('AmazonCloudWatch')).toEqual({ 'cloudwatch:metric': ['metric-month', '0.25'] });
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
    expect(pick('ebs:io2:iops:tier3')).toEqual(['0.03528', 'EBS io2 IOPS above 64,000 (EU-EBS:VolumeP-IOPS.io2.tier3)']);
    expect(pick('rds:db.m5.large:postgres:multi-az')).toEqual(['0.394', 'RDS PostgreSQL db.m5.large Multi-AZ (EU-Multi-AZUsage:db.m5.large)']);
    expect(pick('rds:storage:gp3:multi-az')).toEqual(['0.254', 'RDS General Purpose-GP3 storage Multi-AZ (EU-RDS:Multi-AZ-GP3-Storage)']);
    expect(pick('nat:hour')).toEqual(['0.048', 'NAT gateway hour (EU-NatGateway-Hours)']);
    expect(pick('ec2:cpu-credits:t3')).toEqual(['0.05', 't3 unlimited-mode surplus CPU credits, Linux (EU-CPUCredits:t3)']);
    expect(byKey.get('ec2:dedicated:m6i.metal')?.unit).toBe('hour');
    expect(byKey.size).toBe(1520);
    expect(pick('transfer:inter-az')).toEqual(['0.01', 'Data transfer between availability zones, per GB in each direction (EU-DataTransfer-Regional-Bytes)']);
  });
});
