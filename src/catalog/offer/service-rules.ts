/**
 * AWSELB (ALB/NLB/GWLB hours and capacity units, classic hours and data), AmazonEKS (cluster hours),
 * AmazonDynamoDB (provisioned capacity, on-demand request units, storage) and AmazonCloudWatch (metrics)
 * products → service-price keys.
 */
import {
  clbDataProcessed,
  cloudwatchMetric,
  dynamodbCapacityHour,
  dynamodbRequestUnits,
  dynamodbStorage,
  eksClusterHour,
  lbHour,
  lbLcu,
  type LoadBalancerKind,
} from '../service-keys.js';
import { mapping, UNITS, type Attributes, type ServiceMapping, type ServiceProductView } from './service-mapping.js';

const LB_FAMILIES: Readonly<Record<string, LoadBalancerKind>> = {
  'Load Balancer-Application': 'alb',
  'Load Balancer-Network': 'nlb',
  'Load Balancer-Gateway': 'gwlb',
  'Load Balancer': 'clb',
};

export function awsElbRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  const kind = LB_FAMILIES[p.productFamily];
  const usage = a('usagetype');
  if (!kind || usage.includes('Outposts')) return undefined;
  if (/(^|-)LoadBalancerUsage$/.test(usage)) return mapping(lbHour(kind), 'hour', UNITS.hour, `${p.productFamily} hour`);
  if (/(^|-)LCUUsage$/.test(usage) && kind !== 'clb') return mapping(lbLcu(kind), 'LCU-hour', UNITS.lcuHour, `${p.productFamily} capacity unit hour`);
  if (/(^|-)DataProcessing-Bytes$/.test(usage) && kind === 'clb') return mapping(clbDataProcessed(), 'GB', UNITS.gb, 'Classic load balancer data processed');
  return undefined;
}

/** Standard-support cluster hours; extended support and Outposts clusters bill under other usage types. */
export function eksRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  if (p.productFamily !== 'Compute' || !/(^|-)AmazonEKS-Hours:perCluster$/.test(a('usagetype'))) return undefined;
  return mapping(eksClusterHour(), 'hour', UNITS.hour, 'EKS cluster, standard Kubernetes version support');
}

/**
 * Standard table class only (Standard-IA usage types carry "IA-"). Provisioned capacity and storage have
 * an account-wide free tier as their first tier: the first paid tier is kept. On-demand request units are
 * published per unit and stored per million.
 */
export function dynamodbRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  const usage = a('usagetype');
  const group = a('group');
  if (/(^|-)IA-/.test(usage)) return undefined;
  const paid = { tier: 'first-paid' } as const;
  switch (p.productFamily) {
    case 'Provisioned IOPS':
      if (group === 'DDB-ReadUnits' && /(^|-)ReadCapacityUnit-Hrs$/.test(usage)) {
        return mapping(dynamodbCapacityHour('rcu'), 'RCU-hour', { 'ReadCapacityUnit-Hrs': {} }, 'DynamoDB provisioned read capacity unit hour', paid);
      }
      if (group === 'DDB-WriteUnits' && /(^|-)WriteCapacityUnit-Hrs$/.test(usage)) {
        return mapping(dynamodbCapacityHour('wcu'), 'WCU-hour', { 'WriteCapacityUnit-Hrs': {} }, 'DynamoDB provisioned write capacity unit hour', paid);
      }
      return undefined;
    case 'Amazon DynamoDB PayPerRequest Throughput': {
      const perMillion = { times: 1_000_000, per: 'per request unit' };
      if (group === 'DDB-ReadUnits' && /(^|-)ReadRequestUnits$/.test(usage)) {
        return mapping(dynamodbRequestUnits('rru'), 'million-requests', { ReadRequestUnits: perMillion, ReadRequestUnit: perMillion }, 'DynamoDB on-demand read request units, per million');
      }
      if (group === 'DDB-WriteUnits' && /(^|-)WriteRequestUnits$/.test(usage)) {
        return mapping(dynamodbRequestUnits('wru'), 'million-requests', { WriteRequestUnits: perMillion, WriteRequestUnit: perMillion }, 'DynamoDB on-demand write request units, per million');
      }
      return undefined;
    }
    case 'Database Storage':
      if (!/(^|-)TimedStorage-ByteHrs$/.test(usage)) return undefined;
      return mapping(dynamodbStorage(), 'GB-month', UNITS.gbMonth, 'DynamoDB table storage (Standard class)', paid);
    default:
      return undefined;
  }
}

/** Standard-resolution custom/detailed-monitoring metrics, first tier (the first 10,000 metrics of the month). */
export function cloudwatchRule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  if (p.productFamily !== 'Metric' || !/(^|-)CW:MetricMonitorUsage$/.test(a('usagetype'))) return undefined;
  return mapping(cloudwatchMetric(), 'metric-month', UNITS.metricMonth, 'CloudWatch metric, first 10,000');
}
