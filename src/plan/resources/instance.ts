/**
 * Components of running EC2 instances: compute hours by type, purchase option and tenancy; EBS-optimized fee;
 * detailed monitoring; T-family unlimited CPU credits; block devices. Shared by aws_instance, Auto Scaling
 * groups (launch template / launch configuration) and EKS node groups.
 */
import { cloudwatchMetric, ec2CpuCredits, ec2EbsOptimized } from '../../catalog/service-keys.js';
import { dec, type Decimal } from '../../money/index.js';
import { UNKNOWN, isKnown, type Attrs, type Maybe } from '../attrs.js';
import { ec2OnDemand, ec2Spot, service, unknownPrice, type ComponentSpec, type Purchase, type Tenancy } from '../components.js';
import { volumeComponents, type VolumeSpec } from './ebs.js';

/** Detailed monitoring publishes 7 instance metrics at 1-minute frequency, billed as CloudWatch metrics. */
export const DETAILED_MONITORING_METRICS = 7;

export interface FleetSpec {
  readonly region: string;
  readonly instanceType: Maybe<string>;
  /** Why the instance type is unknown, when it is (e.g. "launch configuration \"x\" is not in the plan"). */
  readonly instanceTypeMissingReason?: string;
  readonly count: Decimal;
  readonly purchase: Purchase;
  readonly tenancy: Maybe<string>;
  readonly ebsOptimized?: Maybe<boolean>;
  readonly detailedMonitoring?: Maybe<boolean>;
  readonly cpuCredits?: Maybe<string>;
  readonly volumes: readonly VolumeSpec[];
  /** Prefix for names when one resource prices several fleets ("On-demand base", "Spot"…). */
  readonly label?: string;
}

function tenancyOf(t: Maybe<string>): Tenancy | 'host' {
  if (t === 'dedicated') return 'dedicated';
  if (t === 'host') return 'host';
  return 'shared';
}

export function fleetComponents(f: FleetSpec): ComponentSpec[] {
  const out: ComponentSpec[] = [];
  const tenancy = tenancyOf(f.tenancy);
  const label = f.label ? `${f.label}: ` : '';
  const countNote = f.count.eq(f.count.round(0)) ? '' : ` × ${f.count.round(2).toString()} average`;
  if (!isKnown(f.instanceType)) {
    out.push({
      name: `${label}Instance usage (Linux, ${f.purchase}, type unknown)`,
      unit: 'hours',
      hourlyQuantity: f.count,
      price: unknownPrice(f.instanceTypeMissingReason ?? (f.instanceType === UNKNOWN ? 'instance type computed at apply' : 'instance type not set')),
    });
  } else if (tenancy === 'host') {
    out.push({
      name: `${label}Instance usage (Linux, host tenancy, ${f.instanceType})`,
      unit: 'hours',
      hourlyQuantity: f.count,
      price: unknownPrice('host tenancy is billed per Dedicated Host (aws_ec2_host), not per instance'),
    });
  } else {
    const kind = f.purchase === 'spot' ? 'spot' : tenancy === 'dedicated' ? 'dedicated' : 'on-demand';
    out.push({
      name: `${label}Instance usage (Linux, ${kind}, ${f.instanceType}${countNote})`,
      unit: 'hours',
      hourlyQuantity: f.count,
      price: f.purchase === 'spot' ? ec2Spot(f.region, f.instanceType) : ec2OnDemand(f.region, f.instanceType, tenancy),
      ...(f.purchase === 'spot' && tenancy === 'dedicated' ? { note: 'spot instances run on shared tenancy' } : {}),
    });
  }
  const type = isKnown(f.instanceType) ? f.instanceType : undefined;
  if (type && f.ebsOptimized === true && LEGACY_OPTIONAL_EBS_OPTIMIZED.test(type)) {
    out.push({ name: `${label}EBS-optimized usage (${type})`, unit: 'hours', hourlyQuantity: f.count, price: service(f.region, ec2EbsOptimized(type)) });
  }
  if (f.detailedMonitoring === true) {
    out.push({
      name: `${label}CloudWatch detailed monitoring (${DETAILED_MONITORING_METRICS} metrics per instance)`,
      unit: 'metric-months',
      monthlyQuantity: dec(DETAILED_MONITORING_METRICS).times(f.count),
      price: service(f.region, cloudwatchMetric()),
    });
  }
  const family = type?.split('.')[0];
  if (family && /^t\d/.test(family)) {
    // T2 defaults to standard credits, T3 and later to unlimited (AWS defaults).
    const mode = isKnown(f.cpuCredits) ? f.cpuCredits : family === 't2' ? 'standard' : 'unlimited';
    if (mode === 'unlimited') {
      out.push({
        name: `${label}CPU credits (unlimited, ${family})`,
        unit: 'vCPU-hours',
        usageKey: 'monthly_cpu_credit_hrs',
        usageMultiplier: f.count,
        price: service(f.region, ec2CpuCredits(family)),
        ...(isKnown(f.cpuCredits) ? {} : { note: `credit specification not set: ${family} defaults to unlimited` }),
      });
    }
  }
  for (const v of f.volumes) out.push(...volumeComponents(f.region, { ...v, label: `${label}${v.label}` }, f.count));
  return out;
}

/** Older families where EBS optimization is optional and billed per hour (current ones include it). */
const LEGACY_OPTIONAL_EBS_OPTIMIZED = /^(m1|m2|m3|c1|c3|r3|i2|g2)\./;

/** Volumes of an aws_instance / launch configuration (`root_block_device`, `ebs_block_device`). */
export function instanceVolumes(attrs: Attrs): VolumeSpec[] {
  const root = attrs.block('root_block_device');
  const out: VolumeSpec[] = [
    { label: 'Root volume', type: root.str('volume_type'), sizeGb: root.num('volume_size'), iops: root.num('iops'), throughputMiBps: root.num('throughput'), defaultType: 'gp3', defaultSizeGb: 8 },
  ];
  for (const d of attrs.list('ebs_block_device')) {
    const name = d.str('device_name');
    out.push({
      label: `EBS volume ${isKnown(name) ? name : ''}`.trim(),
      type: d.str('volume_type'),
      sizeGb: d.num('volume_size'),
      iops: d.num('iops'),
      throughputMiBps: d.num('throughput'),
      defaultType: 'gp3',
    });
  }
  return out;
}

/** Volumes of a launch template (`block_device_mappings[].ebs`); the AMI's root volume when none is mapped. */
export function launchTemplateVolumes(lt: Attrs): VolumeSpec[] {
  const out: VolumeSpec[] = [];
  for (const m of lt.list('block_device_mappings')) {
    const ebs = m.block('ebs');
    const name = m.str('device_name');
    out.push({
      label: `Volume ${isKnown(name) ? name : ''}`.trim(),
      type: ebs.str('volume_type'),
      sizeGb: ebs.num('volume_size'),
      iops: ebs.num('iops'),
      throughputMiBps: ebs.num('throughput'),
      defaultType: 'gp3',
    });
  }
  return out;
}
