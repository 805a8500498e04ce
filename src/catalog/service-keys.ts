/**
 * Keys of non-EC2 (and EC2-adjacent) service prices, as stored in data/services/<region>.json and served by
 * `Catalog.servicePrice(region, key)`. One typed builder per price point, so the plan pricer and the estimator
 * build the same strings. Each builder's comment states the unit of the stored `usd` figure.
 */

export type EbsVolumeType = 'gp2' | 'gp3' | 'io1' | 'io2' | 'st1' | 'sc1' | 'standard';
export const EBS_VOLUME_TYPES: readonly EbsVolumeType[] = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'];

export type RdsDeployment = 'single-az' | 'multi-az';
export type RdsStorageType = 'gp2' | 'gp3' | 'io1' | 'io2' | 'standard';
export type LoadBalancerKind = 'alb' | 'nlb' | 'gwlb' | 'clb';
export type CacheEngine = 'redis' | 'memcached' | 'valkey';

/** EBS storage, USD per GB-month: `ebs:gp3:storage`. */
export const ebsStorage = (type: EbsVolumeType): string => `ebs:${type}:storage`;
/** Provisioned IOPS, USD per IOPS-month (io1, io2 tier 1, gp3 above 3,000): `ebs:io1:iops`. */
export const ebsIops = (type: 'io1' | 'io2' | 'gp3'): string => `ebs:${type}:iops`;
/** io2 IOPS tiers 2 (32,001–64,000) and 3 (above 64,000), USD per IOPS-month: `ebs:io2:iops:tier2`. */
export const ebsIo2IopsTier = (tier: 2 | 3): string => `ebs:io2:iops:tier${tier}`;
/** gp3 throughput above 125 MiB/s, USD per MiBps-month: `ebs:gp3:throughput`. */
export const ebsThroughput = (): string => 'ebs:gp3:throughput';
/** Magnetic (standard) volume I/O requests, USD per million requests: `ebs:standard:io-requests`. */
export const ebsIoRequests = (): string => 'ebs:standard:io-requests';

/** Dedicated-tenancy Linux instance, USD per hour: `ec2:dedicated:m5.large`. */
export const ec2Dedicated = (instanceType: string): string => `ec2:dedicated:${instanceType}`;
/** Hourly EBS-optimization fee of older types where it is optional, USD per hour: `ec2:ebs-optimized:m1.large`. */
export const ec2EbsOptimized = (instanceType: string): string => `ec2:ebs-optimized:${instanceType}`;
/** T-family surplus CPU credits (unlimited mode), Linux, USD per vCPU-hour: `ec2:cpu-credits:t3`. */
export const ec2CpuCredits = (family: string): string => `ec2:cpu-credits:${family}`;

/** CloudWatch metric (first tier), USD per metric-month: `cloudwatch:metric`. Detailed monitoring = 7 metrics. */
export const cloudwatchMetric = (): string => 'cloudwatch:metric';

/** RDS instance, USD per hour: `rds:db.m5.large:mysql:multi-az`. Engines: mysql, postgres, mariadb. */
export const rdsInstance = (instanceClass: string, engine: string, deployment: RdsDeployment): string =>
  `rds:${instanceClass}:${engine}:${deployment}`;
/** RDS storage, USD per GB-month: `rds:storage:gp2:single-az`. */
export const rdsStorage = (type: RdsStorageType, deployment: RdsDeployment): string => `rds:storage:${type}:${deployment}`;
/** RDS provisioned IOPS, USD per IOPS-month: `rds:iops:io1:multi-az`. */
export const rdsIops = (type: 'io1' | 'io2' | 'gp3', deployment: RdsDeployment): string => `rds:iops:${type}:${deployment}`;

/** NAT gateway, USD per hour: `nat:hour`. */
export const natHour = (): string => 'nat:hour';
/** NAT gateway data processed, USD per GB: `nat:data-processed`. */
export const natDataProcessed = (): string => 'nat:data-processed';

/** Load balancer, USD per hour: `alb:hour`, `nlb:hour`, `gwlb:hour`, `clb:hour`. */
export const lbHour = (kind: LoadBalancerKind): string => `${kind}:hour`;
/** ALB/NLB/GWLB capacity units, USD per LCU-hour: `alb:lcu`. */
export const lbLcu = (kind: Exclude<LoadBalancerKind, 'clb'>): string => `${kind}:lcu`;
/** Classic load balancer data processed, USD per GB: `clb:data-processed`. */
export const clbDataProcessed = (): string => 'clb:data-processed';

/** EKS cluster (standard support), USD per hour: `eks:cluster:hour`. */
export const eksClusterHour = (): string => 'eks:cluster:hour';

/** DynamoDB provisioned capacity, USD per capacity-unit-hour: `dynamodb:rcu:hour`, `dynamodb:wcu:hour`. */
export const dynamodbCapacityHour = (kind: 'rcu' | 'wcu'): string => `dynamodb:${kind}:hour`;
/** DynamoDB on-demand request units, USD per million: `dynamodb:rru`, `dynamodb:wru`. */
export const dynamodbRequestUnits = (kind: 'rru' | 'wru'): string => `dynamodb:${kind}`;
/** DynamoDB table storage, USD per GB-month: `dynamodb:storage`. */
export const dynamodbStorage = (): string => 'dynamodb:storage';

/** ElastiCache node, USD per hour: `elasticache:cache.m5.large:redis`. */
export const elasticacheNode = (nodeType: string, engine: CacheEngine): string => `elasticache:${nodeType}:${engine}`;

/** SQS requests (first tier, up to 100 billion a month), USD per million requests: `sqs:requests:standard`. */
export type SqsQueueType = 'standard' | 'fifo';
export const sqsRequests = (type: SqsQueueType): string => `sqs:requests:${type}`;

/**
 * S3 Standard storage tiers, USD per GB-month: tier 1 = first 50 TB (`s3:standard:storage`), tier 2 = next
 * 450 TB (`s3:standard:storage:tier2`), tier 3 = over 500 TB (`s3:standard:storage:tier3`). 1 TB = 1,024 GB.
 */
export const s3StandardStorage = (tier: 1 | 2 | 3 = 1): string => (tier === 1 ? 's3:standard:storage' : `s3:standard:storage:tier${tier}`);
/** Monthly size of each S3 Standard storage tier in GB (the last is open-ended). */
export const S3_STORAGE_TIERS_GB: readonly (number | null)[] = [51_200, 460_800, null];
/** S3 Standard requests, USD per million: tier 1 = PUT, COPY, POST, LIST; tier 2 = GET and all other. */
export const s3Requests = (tier: 1 | 2): string => `s3:requests:tier${tier}`;

/**
 * Data transfer out of the region to the internet, USD per GB, by monthly tier: 1 = first 10 TB, 2 = next 40 TB,
 * 3 = next 100 TB, 4 = over 150 TB (`transfer:internet-out:tier1`…). 1 TB = 1,024 GB, as the price list counts.
 */
export const internetEgress = (tier: 1 | 2 | 3 | 4): string => `transfer:internet-out:tier${tier}`;
/** Monthly size of each internet egress tier in GB (the last is open-ended). */
export const INTERNET_EGRESS_TIERS_GB: readonly (number | null)[] = [10_240, 40_960, 102_400, null];
/** Data transfer between availability zones of one region, USD per GB in EACH direction: `transfer:inter-az`. */
export const interAzTransfer = (): string => 'transfer:inter-az';
