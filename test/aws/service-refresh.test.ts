/**
 * Service prices from the Pricing API with the real SDK client against the loopback server, which
 * serves the eu-west-1 GetProducts fixtures (test/aws/fixtures/get-products/) with AWS's filtering and paging.
 */
import { PricingClient } from '@aws-sdk/client-pricing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceGroup, SERVICE_GROUPS, type ServiceGroupName } from '../../src/catalog/offer/service-groups.js';
import { fetchServiceGroup, fetchServicePrices } from '../../src/aws/service-pricing.js';
import { clientConfig, startAwsLoopback, type AwsLoopback } from '../support/aws-loopback.js';
import { pricingApi } from '../support/pricing-api.js';
import { serviceElements } from './service-fixtures.js';

let loopback: AwsLoopback;
let client: PricingClient;
beforeAll(async () => {
  loopback = await startAwsLoopback();
  client = new PricingClient(clientConfig(loopback, 'us-east-1'));
});
afterAll(async () => {
  client.destroy();
  await loopback.close();
});
beforeEach(() => {
  loopback.requests.length = 0;
  loopback.on('GetProducts', pricingApi(serviceElements()).handler);
});

const EXACT_2025 = { kind: 'exact', source: 'aws-pricing-api', asOf: '2025-06-01' };
const prices = async (name: ServiceGroupName) => {
  const r = await fetchServiceGroup(client, 'eu-west-1', serviceGroup(name));
  return { ...r, byKey: Object.fromEntries(r.prices.map((p) => [p.key, p.usd])) };
};

describe('service groups through GetProducts (real SDK client, loopback)', () => {
  it('rds: instance hours, storage and IOPS from five queries, each filtered by region, family (and engine)', async () => {
    const r = await prices('rds');
    expect(r.byKey).toEqual({
      'rds:db.m5.large:mysql:single-az': '0.18', 'rds:db.m5.large:mysql:multi-az': '0.36', 'rds:db.t3.micro:mysql:single-az': '0.02', 'rds:db.t3.micro:mysql:multi-az': '0.04',
      'rds:db.m5.large:postgres:single-az': '0.19', 'rds:db.m5.large:postgres:multi-az': '0.38', 'rds:db.t3.micro:mariadb:single-az': '0.02', 'rds:db.t3.micro:mariadb:multi-az': '0.04',
      'rds:storage:gp2:single-az': '0.115', 'rds:storage:gp2:multi-az': '0.24', 'rds:storage:gp3:single-az': '0.11', 'rds:storage:gp3:multi-az': '0.22',
      'rds:storage:io1:single-az': '0.13', 'rds:storage:io1:multi-az': '0.26', 'rds:storage:standard:single-az': '0.1', 'rds:storage:standard:multi-az': '0.2',
      'rds:iops:io1:single-az': '0.095', 'rds:iops:io1:multi-az': '0.2', 'rds:iops:gp3:single-az': '0.02', 'rds:iops:gp3:multi-az': '0.04',
    });
    expect(r.prices).toHaveLength(20);
    expect(r.prices.filter((p) => p.region !== 'eu-west-1' || JSON.stringify(p.basis) !== JSON.stringify(EXACT_2025))).toEqual([]);
    expect(r.prices.find((p) => p.key === 'rds:db.t3.micro:mysql:single-az')).toMatchObject({ unit: 'hour', description: '$0.02 per RDS db.t3.micro Single-AZ instance hour (or partial hour) running MySQL' });
    // gp2 Single-AZ storage and io1 Single-AZ IOPS are listed under engine "Any" and under MySQL: the "Any" row wins
    // whether it comes after (storage, 0.115 over 0.12) or before (IOPS, 0.095 over 0.1) the MySQL row.
    expect(r.prices.find((p) => p.key === 'rds:storage:gp2:single-az')?.description).toBe('$0.115 per GB-month of General Purpose storage (Single-AZ) running Any');
    expect([r.pages, r.products, r.asOf]).toEqual([5, 26, '2025-06-01']);
    // 28 fixture products: the two Oracle instances match no query; Aurora and DB-cluster storage, cluster and mirror IOPS match no key.
    expect(r.skipped).toEqual({
      'product family Database Storage': 2,
      'product family Provisioned IOPS': 2,
      'duplicate rds:storage:gp2:single-az price in eu-west-1 (preferred product kept)': 1,
      'duplicate rds:iops:io1:single-az price in eu-west-1 (preferred product kept)': 1,
    });
    expect(loopback.requests.map((q) => [(q.json as { ServiceCode: string }).ServiceCode, (q.json as { Filters: { Field: string; Value: string }[] }).Filters.map((f) => `${f.Field}=${f.Value}`).join(' ')])).toEqual([
      ['AmazonRDS', 'regionCode=eu-west-1 productFamily=Database Instance databaseEngine=MySQL'],
      ['AmazonRDS', 'regionCode=eu-west-1 productFamily=Database Instance databaseEngine=PostgreSQL'],
      ['AmazonRDS', 'regionCode=eu-west-1 productFamily=Database Instance databaseEngine=MariaDB'],
      ['AmazonRDS', 'regionCode=eu-west-1 productFamily=Database Storage'],
      ['AmazonRDS', 'regionCode=eu-west-1 productFamily=Provisioned IOPS'],
    ]);
  });

  it('elb, nat, eks, cloudwatch: hours, capacity units and data; Outposts, "Prvd" usage, extended support and alarms not kept', async () => {
    const elb = await prices('elb');
    expect(elb.byKey).toEqual({ 'alb:hour': '0.0225', 'alb:lcu': '0.007', 'nlb:hour': '0.0225', 'nlb:lcu': '0.0055', 'gwlb:hour': '0.0125', 'gwlb:lcu': '0.0035', 'clb:hour': '0.025', 'clb:data-processed': '0.007' });
    expect(elb.skipped).toEqual({ 'product family Load Balancer-Application': 2 });
    const nat = await prices('nat');
    expect(nat.byKey).toEqual({ 'nat:hour': '0.045', 'nat:data-processed': '0.045' });
    expect(nat.products).toBe(4);
    const eks = await prices('eks');
    expect(eks.byKey).toEqual({ 'eks:cluster:hour': '0.1' });
    expect(eks.prices[0]!.basis).toEqual({ kind: 'exact', source: 'aws-pricing-api', asOf: '2024-06-01' });
    const cw = await prices('cloudwatch');
    expect(cw.byKey).toEqual({ 'cloudwatch:metric': '0.25' });
    expect(cw.prices[0]!.description).toBe('$0.25 per metric-month for the first 10,000 metrics - EU (Ireland)');
  });

  it('dynamodb: the paid tier after the free tier, per-million request units, Standard-IA skipped', async () => {
    const r = await prices('dynamodb');
    expect(r.prices.map((p) => [p.key, p.unit, p.usd, p.description])).toEqual([
      ['dynamodb:rcu:hour', 'RCU-hour', '0.000147', '$0.000147 per hour for units of read capacity beyond the free tier'],
      ['dynamodb:wcu:hour', 'WCU-hour', '0.000735', '$0.000735 per hour for units of write capacity beyond the free tier'],
      ['dynamodb:rru', 'million-requests', '0.283', '$0.283 per million read request units (EU (Ireland))'],
      ['dynamodb:wru', 'million-requests', '1.4135', '$1.4135 per million write request units (EU (Ireland))'],
      ['dynamodb:storage', 'GB-month', '0.283', '$0.283 per GB-Month of storage used beyond first 25 free GB-Months'],
    ]);
    expect(r.skipped).toEqual({ 'product family Provisioned IOPS': 1 });
  });

  it('ebs, cpu-credits, dedicated, ebs-optimized, elasticache from their own queries', async () => {
    const ebs = await prices('ebs');
    expect(Object.keys(ebs.byKey).sort()).toEqual([
      'ebs:gp2:storage', 'ebs:gp3:iops', 'ebs:gp3:storage', 'ebs:gp3:throughput', 'ebs:io1:iops', 'ebs:io1:storage', 'ebs:io2:iops', 'ebs:io2:iops:tier2', 'ebs:io2:iops:tier3',
      'ebs:io2:storage', 'ebs:sc1:storage', 'ebs:st1:storage', 'ebs:standard:io-requests', 'ebs:standard:storage',
    ]);
    // 40.96 per GiBps-month ÷ 1024; 0.00000005 per request × 10^6
    expect([ebs.byKey['ebs:gp3:throughput'], ebs.byKey['ebs:standard:io-requests'], ebs.pages]).toEqual(['0.04', '0.05', 3]);
    expect((await prices('cpu-credits')).byKey).toEqual({ 'ec2:cpu-credits:t3': '0.055', 'ec2:cpu-credits:t4g': '0.045' });
    expect((await prices('dedicated')).byKey).toEqual({ 'ec2:dedicated:m5.large': '0.12', 'ec2:dedicated:m5.xlarge': '0.24' });
    expect((await prices('ebs-optimized')).byKey).toEqual({ 'ec2:ebs-optimized:m1.large': '0.03' });
    expect(loopback.requests.at(-1)!.json).toMatchObject({ Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' }, { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Compute Instance' }, { Type: 'CONTAINS', Field: 'usagetype', Value: 'EBSOptimized:' }] });
    const cache = await prices('elasticache');
    // 0.16, not the Outposts node's 0.06
    expect(cache.byKey['elasticache:cache.m5.large:redis']).toBe('0.16');
    expect(cache.skipped).toEqual({ 'product family Cache Instance': 2 });
  });

  it('reads the same prices one product per page as one page per query', async () => {
    const all = await fetchServicePrices(client, 'eu-west-1', SERVICE_GROUPS);
    loopback.on('GetProducts', pricingApi(serviceElements(), { pageSize: 1 }).handler);
    loopback.requests.length = 0;
    const paged = await fetchServicePrices(client, 'eu-west-1', SERVICE_GROUPS);
    expect(paged.servicePrices).toEqual(all.servicePrices);
    expect(all.servicePrices).toHaveLength(62);
    expect([all.pages, all.products, all.asOf]).toEqual([19, 76, '2025-06-01']);
    // One page per product (every query matches at least one).
    expect(paged.pages).toBe(all.products);
    expect(loopback.requests).toHaveLength(paged.pages);
    const tokens = loopback.requests.map((q) => (q.json as { NextToken?: string }).NextToken);
    expect(tokens.filter((t) => t !== undefined)).toHaveLength(paged.pages - 19);
  });

  it('fails on a malformed page naming the query, page, element and field', async () => {
    const storage = serviceElements('AmazonRDS').filter((e) => e.product.productFamily === 'Database Storage');
    const sku = storage[3]!.product.sku;
    const broken = JSON.parse(JSON.stringify(storage[3])) as { terms: { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: Record<string, string> }> }> } };
    Object.values(Object.values(broken.terms.OnDemand)[0]!.priceDimensions)[0]!.pricePerUnit = { EUR: '0.12' };
    // Pages of two: the fourth storage product is the second element of page 2.
    loopback.on('GetProducts', pricingApi(serviceElements().map((e) => (e.product.sku === sku ? (broken as never) : e)), { pageSize: 2 }).handler);
    await expect(fetchServiceGroup(client, 'eu-west-1', serviceGroup('rds'))).rejects.toThrow(
      `GetProducts AmazonRDS Database Storage page 2, row 2, field "PriceList[1].terms.OnDemand.${sku}.JRTCKXETXF.priceDimensions.${sku}.JRTCKXETXF.6YS6EN2CT7.pricePerUnit.USD": missing`,
    );
  });

  it('skips and counts a product in an unexpected unit, or mapping outside the group', async () => {
    const [hours] = serviceElements('AmazonEC2').filter((e) => e.product.attributes.usagetype === 'EU-NatGateway-Hours');
    const odd = JSON.parse(JSON.stringify(hours).replaceAll('"unit":"Hrs"', '"unit":"Gbps-hrs"'));
    const [gp2] = serviceElements('AmazonEC2').filter((e) => e.product.attributes.usagetype === 'EU-EBS:VolumeUsage.gp2');
    loopback.on('GetProducts', () => ({ body: { PriceList: [JSON.stringify(odd), JSON.stringify(gp2)] } }));
    const r = await fetchServiceGroup(client, 'eu-west-1', serviceGroup('nat'));
    expect(r.prices).toEqual([]);
    expect(r.skipped).toEqual({ 'unexpected unit "Gbps-hrs" for nat prices': 1, 'key ebs:gp2:storage outside the nat group': 1 });
  });
});
