/**
 * The service prices `nuage catalog refresh --services` pulls, in groups: which Pricing API service code
 * and GetProducts filters each group asks for (always with `regionCode`), and which service-price keys
 * it owns (so a refresh of some groups replaces only their keys). Pure data.
 */

export type ServiceGroupName =
  | 'ebs'
  | 'nat'
  | 'cpu-credits'
  | 'dedicated'
  | 'ebs-optimized'
  | 'rds'
  | 'elb'
  | 'eks'
  | 'elasticache'
  | 'dynamodb'
  | 'cloudwatch';

/** A GetProducts filter; TERM_MATCH unless stated. */
export interface GroupFilter {
  readonly field: string;
  readonly value: string;
  readonly type?: 'TERM_MATCH' | 'CONTAINS';
}

export interface ServiceGroup {
  readonly name: ServiceGroupName;
  readonly serviceCode: string;
  readonly description: string;
  /** One GetProducts query (every page) per entry. */
  readonly queries: readonly (readonly GroupFilter[])[];
  /** Prefixes of the keys the group's products map to. */
  readonly keyPrefixes: readonly string[];
}

const family = (value: string): GroupFilter => ({ field: 'productFamily', value });
const term = (field: string, value: string): GroupFilter => ({ field, value });

export const SERVICE_GROUPS: readonly ServiceGroup[] = [
  {
    name: 'ebs',
    serviceCode: 'AmazonEC2',
    description: 'EBS storage per volume type, provisioned IOPS (io2 tiers), gp3 throughput, magnetic I/O requests',
    queries: [[family('Storage')], [family('System Operation')], [family('Provisioned Throughput')]],
    keyPrefixes: ['ebs:'],
  },
  { name: 'nat', serviceCode: 'AmazonEC2', description: 'NAT gateway hours and data processed', queries: [[family('NAT Gateway')]], keyPrefixes: ['nat:'] },
  {
    name: 'cpu-credits',
    serviceCode: 'AmazonEC2',
    description: 'T-family unlimited-mode surplus CPU credits (Linux)',
    queries: [[family('CPU Credits'), term('operatingSystem', 'Linux')]],
    keyPrefixes: ['ec2:cpu-credits:'],
  },
  {
    name: 'dedicated',
    serviceCode: 'AmazonEC2',
    description: 'Linux instances in dedicated tenancy (on-demand hours)',
    queries: [[term('tenancy', 'Dedicated'), term('operatingSystem', 'Linux'), term('preInstalledSw', 'NA'), term('capacitystatus', 'Used')]],
    keyPrefixes: ['ec2:dedicated:'],
  },
  {
    name: 'ebs-optimized',
    serviceCode: 'AmazonEC2',
    description: 'hourly EBS-optimization fee of older instance types',
    queries: [[family('Compute Instance'), { field: 'usagetype', value: 'EBSOptimized:', type: 'CONTAINS' }]],
    keyPrefixes: ['ec2:ebs-optimized:'],
  },
  {
    name: 'rds',
    serviceCode: 'AmazonRDS',
    description: 'RDS instance hours (MySQL, PostgreSQL, MariaDB; Single-AZ, Multi-AZ), storage, provisioned IOPS',
    queries: [
      [family('Database Instance'), term('databaseEngine', 'MySQL')],
      [family('Database Instance'), term('databaseEngine', 'PostgreSQL')],
      [family('Database Instance'), term('databaseEngine', 'MariaDB')],
      [family('Database Storage')],
      [family('Provisioned IOPS')],
    ],
    keyPrefixes: ['rds:'],
  },
  {
    name: 'elb',
    serviceCode: 'AWSELB',
    description: 'application, network and gateway load balancer hours and capacity units; classic hours and data',
    queries: [[]],
    keyPrefixes: ['alb:', 'nlb:', 'gwlb:', 'clb:'],
  },
  { name: 'eks', serviceCode: 'AmazonEKS', description: 'EKS cluster hours (standard support)', queries: [[family('Compute')]], keyPrefixes: ['eks:'] },
  {
    name: 'elasticache',
    serviceCode: 'AmazonElastiCache',
    description: 'ElastiCache node hours per node type and engine',
    queries: [[family('Cache Instance')]],
    keyPrefixes: ['elasticache:'],
  },
  {
    name: 'dynamodb',
    serviceCode: 'AmazonDynamoDB',
    description: 'DynamoDB provisioned capacity, on-demand request units, table storage',
    queries: [[family('Provisioned IOPS')], [family('Amazon DynamoDB PayPerRequest Throughput')], [family('Database Storage')]],
    keyPrefixes: ['dynamodb:'],
  },
  { name: 'cloudwatch', serviceCode: 'AmazonCloudWatch', description: 'CloudWatch metrics (first tier)', queries: [[family('Metric')]], keyPrefixes: ['cloudwatch:'] },
];

export const SERVICE_GROUP_NAMES: readonly ServiceGroupName[] = SERVICE_GROUPS.map((g) => g.name);

export function serviceGroup(name: ServiceGroupName): ServiceGroup {
  return SERVICE_GROUPS.find((g) => g.name === name)!;
}

/** The group owning a key ("rds:db.m5.large:mysql:single-az" → rds), if any. */
export function groupOfKey(key: string): ServiceGroup | undefined {
  return SERVICE_GROUPS.find((g) => g.keyPrefixes.some((p) => key.startsWith(p)));
}

/** Key prefixes of every group of an offer code (what importing that offer file replaces). */
export function keyPrefixesOfService(serviceCode: string): string[] {
  return SERVICE_GROUPS.filter((g) => g.serviceCode === serviceCode).flatMap((g) => g.keyPrefixes);
}
