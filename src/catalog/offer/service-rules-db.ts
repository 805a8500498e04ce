/**
 * AmazonRDS (instance hours per class/engine/deployment, storage, provisioned IOPS) and
 * AmazonElastiCache (node hours per type and engine) products → service-price keys.
 */
import { elasticacheNode, rdsInstance, rdsIops, rdsStorage, type RdsDeployment, type RdsStorageType } from '../service-keys.js';
import { mapping, UNITS, type Attributes, type ServiceMapping, type ServiceProductView } from './service-mapping.js';

/** Price List engine names → catalog engines (the engines priced without a license choice). */
const RDS_ENGINES: Readonly<Record<string, string>> = { MySQL: 'mysql', PostgreSQL: 'postgres', MariaDB: 'mariadb' };
const RDS_DEPLOYMENTS: Readonly<Record<string, RdsDeployment>> = { 'Single-AZ': 'single-az', 'Multi-AZ': 'multi-az' };
const RDS_VOLUMES: Readonly<Record<string, RdsStorageType>> = {
  'General Purpose': 'gp2',
  'General Purpose-GP3': 'gp3',
  'Provisioned IOPS': 'io1',
  'Provisioned IOPS-IO2': 'io2',
  Magnetic: 'standard',
};

/**
 * Storage and IOPS are priced alike for the open-source engines. Price lists carry them either per engine
 * (2023: MySQL, PostgreSQL, MariaDB rows) or once under engine "Any": "Any" wins, else the MySQL row.
 */
const STORAGE_ENGINE_RANK: Readonly<Record<string, number>> = { Any: 0, MySQL: 1 };
/** SQL Server mirroring, Multi-AZ DB clusters and Outposts have their own storage/IOPS prices. */
const OTHER_STORAGE_USAGE = /Mirror|Cluster|Outpost/i;

export function rdsRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  const deployment = RDS_DEPLOYMENTS[a('deploymentOption')];
  if (!deployment) return undefined;
  const engine = a('databaseEngine');
  const usage = a('usagetype');
  const where = a('deploymentOption');
  if (p.productFamily === 'Database Instance') {
    const catalogEngine = RDS_ENGINES[engine];
    const cls = a('instanceType');
    if (!catalogEngine || !cls) return undefined;
    return mapping(rdsInstance(cls, catalogEngine, deployment), 'hour', UNITS.hour, `RDS ${engine} ${cls} ${where}`);
  }
  const rank = STORAGE_ENGINE_RANK[engine];
  if (rank === undefined || OTHER_STORAGE_USAGE.test(usage)) return undefined;
  if (p.productFamily === 'Database Storage') {
    const volume = RDS_VOLUMES[a('volumeType')];
    if (!volume) return undefined;
    return mapping(rdsStorage(volume, deployment), 'GB-month', UNITS.gbMonth, `RDS ${a('volumeType')} storage ${where}`, { rank });
  }
  if (p.productFamily === 'Provisioned IOPS') {
    const type = /GP3/i.test(usage) ? 'gp3' : /IO2/i.test(usage) ? 'io2' : 'io1';
    return mapping(rdsIops(type, deployment), 'IOPS-month', UNITS.iopsMonth, `RDS ${type} provisioned IOPS ${where}`, { rank });
  }
  return undefined;
}

/** Extended-support and Outposts node hours are surcharges or other places, not the node's price. */
const OTHER_NODE_USAGE = /ExtendedSupport|SyncDurability|Outpost/i;

export function elasticacheRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  if (p.productFamily !== 'Cache Instance') return undefined;
  const node = a('instanceType');
  const engine = a('cacheEngine').toLowerCase();
  if (!node || (engine !== 'redis' && engine !== 'memcached' && engine !== 'valkey') || OTHER_NODE_USAGE.test(a('usagetype'))) return undefined;
  return mapping(elasticacheNode(node, engine), 'hour', UNITS.hour, `ElastiCache ${a('cacheEngine')} ${node}`);
}
