/**
 * Maps rows of the terracost pricing dump (AWS Price List rows, eu-west-1, 2023-02-23) to nuage service-price
 * keys (src/catalog/service-keys.ts). Only on-demand, first-tier prices; one key per price point.
 */
import * as K from '../../src/catalog/service-keys.js';
import type { DumpPrice, DumpProduct } from './mysql-dump.js';

export interface MappedPrice {
  readonly key: string;
  readonly unit: string;
  readonly usd: string;
  readonly description: string;
}

const RDS_ENGINES: Record<string, string> = { MySQL: 'mysql', PostgreSQL: 'postgres', MariaDB: 'mariadb' };
const RDS_DEPLOYMENTS: Record<string, K.RdsDeployment> = { 'Single-AZ': 'single-az', 'Multi-AZ': 'multi-az' };
const RDS_VOLUMES: Record<string, K.RdsStorageType> = {
  'General Purpose': 'gp2',
  'General Purpose-GP3': 'gp3',
  'Provisioned IOPS': 'io1',
  'Provisioned IOPS-IO2': 'io2',
  Magnetic: 'standard',
};
const LB_FAMILIES: Record<string, K.LoadBalancerKind> = {
  'Load Balancer-Application': 'alb',
  'Load Balancer-Network': 'nlb',
  'Load Balancer-Gateway': 'gwlb',
  'Load Balancer': 'clb',
};

/** Multiplies a decimal string by 10^6 or divides by 1024 exactly enough for these prices. */
import { dec } from '../../src/money/index.js';

function map(p: DumpProduct, usd: string): MappedPrice | undefined {
  const a = p.attributes;
  const ut = a.UsageType ?? '';
  if (p.service === 'AmazonEC2') {
    if (p.family === 'Storage' && a.VolumeAPIName) {
      return { key: K.ebsStorage(a.VolumeAPIName as K.EbsVolumeType), unit: 'GB-month', usd, description: `EBS ${a.VolumeAPIName} storage (${ut})` };
    }
    if (p.family === 'System Operation') {
      if (a.Group === 'EBS IOPS' && (a.VolumeAPIName === 'io1' || a.VolumeAPIName === 'io2' || a.VolumeAPIName === 'gp3')) {
        return { key: K.ebsIops(a.VolumeAPIName), unit: 'IOPS-month', usd, description: `EBS ${a.VolumeAPIName} provisioned IOPS (${ut})` };
      }
      if (a.Group === 'EBS IOPS Tier 2') return { key: K.ebsIo2IopsTier(2), unit: 'IOPS-month', usd, description: `EBS io2 IOPS 32,001–64,000 (${ut})` };
      if (a.Group === 'EBS IOPS Tier 3') return { key: K.ebsIo2IopsTier(3), unit: 'IOPS-month', usd, description: `EBS io2 IOPS above 64,000 (${ut})` };
      if (a.Group === 'EBS I/O Requests') {
        return { key: K.ebsIoRequests(), unit: 'million-requests', usd: dec(usd).times(1_000_000).toString(), description: `EBS magnetic I/O requests, per million (${ut}: ${usd} per request)` };
      }
    }
    if (p.family === 'Provisioned Throughput' && a.VolumeAPIName === 'gp3') {
      return { key: K.ebsThroughput(), unit: 'MiBps-month', usd: dec(usd).div(1024).toString(), description: `EBS gp3 throughput (${ut}: ${usd} per GiBps-month ÷ 1024)` };
    }
    if (p.family === 'Data Transfer' && ut === 'EU-DataTransfer-Regional-Bytes') {
      return { key: K.interAzTransfer(), unit: 'GB', usd, description: `Data transfer between availability zones, per GB in each direction (${ut})` };
    }
    if (p.family === 'NAT Gateway') {
      if (ut.endsWith('NatGateway-Hours')) return { key: K.natHour(), unit: 'hour', usd, description: `NAT gateway hour (${ut})` };
      if (ut.endsWith('NatGateway-Bytes')) return { key: K.natDataProcessed(), unit: 'GB', usd, description: `NAT gateway data processed (${ut})` };
    }
    if (p.family === 'CPU Credits' && a.OperatingSystem === 'Linux') {
      const fam = ut.split(':')[1];
      if (fam) return { key: K.ec2CpuCredits(fam), unit: 'vCPU-hour', usd, description: `${fam} unlimited-mode surplus CPU credits, Linux (${ut})` };
    }
    if (a.EBSOptimized === 'Yes' && a.InstanceType) {
      return { key: K.ec2EbsOptimized(a.InstanceType), unit: 'hour', usd, description: `EBS-optimized fee ${a.InstanceType} (${ut})` };
    }
    if (p.family === 'Compute Instance' && a.Tenancy === 'Dedicated' && a.OperatingSystem === 'Linux' && a.PreInstalledSW === 'NA' && a.CapacityStatus === 'Used' && a.LicenseModel === 'No License required') {
      return { key: K.ec2Dedicated(a.InstanceType!), unit: 'hour', usd, description: `${a.InstanceType} Linux dedicated tenancy (${ut})` };
    }
  }
  if (p.service === 'AWSELB') {
    const kind = LB_FAMILIES[p.family];
    if (kind && !ut.includes('Outposts')) {
      if (ut.endsWith('LoadBalancerUsage')) return { key: K.lbHour(kind), unit: 'hour', usd, description: `${p.family} hour (${ut})` };
      if (ut.endsWith('LCUUsage') && kind !== 'clb') return { key: K.lbLcu(kind), unit: 'LCU-hour', usd, description: `${p.family} capacity unit hour (${ut})` };
      if (ut.endsWith('DataProcessing-Bytes') && kind === 'clb') return { key: K.clbDataProcessed(), unit: 'GB', usd, description: `Classic load balancer data processed (${ut})` };
    }
  }
  if (p.service === 'AmazonCloudWatch' && p.family === 'Metric' && ut.endsWith('CW:MetricMonitorUsage')) {
    return { key: K.cloudwatchMetric(), unit: 'metric-month', usd, description: `CloudWatch metric, first 10,000 (${ut})` };
  }
  if (p.service === 'AmazonRDS') {
    const engine = RDS_ENGINES[a.DatabaseEngine ?? ''];
    const dep = RDS_DEPLOYMENTS[a.DeploymentOption ?? ''];
    if (p.family === 'Database Instance' && engine && dep && a.InstanceType) {
      return { key: K.rdsInstance(a.InstanceType, engine, dep), unit: 'hour', usd, description: `RDS ${a.DatabaseEngine} ${a.InstanceType} ${a.DeploymentOption} (${ut})` };
    }
    // Storage and IOPS prices are the same for the open-source engines; MySQL rows are used.
    if (p.family === 'Database Storage' && a.DatabaseEngine === 'MySQL' && dep && a.VolumeType && RDS_VOLUMES[a.VolumeType]) {
      return { key: K.rdsStorage(RDS_VOLUMES[a.VolumeType]!, dep), unit: 'GB-month', usd, description: `RDS ${a.VolumeType} storage ${a.DeploymentOption} (${ut})` };
    }
    if (p.family === 'Provisioned IOPS' && a.DatabaseEngine === 'MySQL' && dep) {
      const type = ut.includes('GP3') ? 'gp3' : ut.includes('IO2') ? 'io2' : 'io1';
      return { key: K.rdsIops(type, dep), unit: 'IOPS-month', usd, description: `RDS ${type} provisioned IOPS ${a.DeploymentOption} (${ut})` };
    }
  }
  if (p.service === 'AmazonElastiCache' && p.family === 'Cache Instance' && a.InstanceType && a.CacheEngine) {
    const engine = a.CacheEngine.toLowerCase();
    if (engine === 'redis' || engine === 'memcached') {
      return { key: K.elasticacheNode(a.InstanceType, engine), unit: 'hour', usd, description: `ElastiCache ${a.CacheEngine} ${a.InstanceType} (${ut})` };
    }
  }
  return undefined;
}

/** Every mapped eu-west-1 price of the dump (on-demand, first tier), sorted by key. */
export function mapEuWest1(products: readonly DumpProduct[], prices: readonly DumpPrice[]): MappedPrice[] {
  const firstTier = new Map<number, string>();
  for (const pr of prices) {
    if (pr.attributes.TermType !== 'OnDemand') continue;
    const start = pr.attributes.StartingRange ?? '0';
    if (start !== '0') continue;
    firstTier.set(pr.productId, pr.price);
  }
  const out = new Map<string, MappedPrice>();
  for (const p of products) {
    // Data-transfer rows carry no location; their usage type names the region (EU- = eu-west-1).
    if (p.location !== 'eu-west-1' && !(p.location === '' && p.family === 'Data Transfer')) continue;
    const usd = firstTier.get(p.id);
    if (usd === undefined) continue;
    const m = map(p, usd);
    // AWSELB rows win over the AmazonEC2 duplicates; otherwise the first row seen is kept.
    if (m && (!out.has(m.key) || p.service === 'AWSELB')) out.set(m.key, m);
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}
