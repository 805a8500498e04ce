/**
 * AmazonEC2 products that are service prices: EBS storage, IOPS (io2 tiers), gp3 throughput, magnetic
 * I/O requests, NAT gateway hours and data, T-family CPU credits, dedicated-tenancy Linux instances and
 * the EBS-optimized fee of older types. Shared-tenancy instances are not service prices (map-product.ts).
 */
import {
  EBS_VOLUME_TYPES,
  ebsIo2IopsTier,
  ebsIoRequests,
  ebsIops,
  ebsStorage,
  ebsThroughput,
  ec2CpuCredits,
  ec2Dedicated,
  ec2EbsOptimized,
  interAzTransfer,
  natDataProcessed,
  natHour,
  type EbsVolumeType,
} from '../service-keys.js';
import { mapping, UNITS, type Attributes, type ServiceMapping, type ServiceProductView } from './service-mapping.js';

const isVolume = (v: string): v is EbsVolumeType => (EBS_VOLUME_TYPES as readonly string[]).includes(v);

/** Linux, dedicated tenancy, no pre-installed software, used capacity (older files: no capacity status). */
function dedicatedLinux(a: Attributes): boolean {
  return (
    a('tenancy') === 'Dedicated' &&
    a('operatingSystem') === 'Linux' &&
    a('preInstalledSw') === 'NA' &&
    (a('capacitystatus') === 'Used' || a('capacitystatus') === '') &&
    (a('licenseModel') === 'No License required' || a('licenseModel') === '') &&
    (a('marketoption') === 'OnDemand' || a('marketoption') === '')
  );
}

function computeInstance(a: Attributes): ServiceMapping | undefined {
  const type = a('instanceType');
  if (!type) return undefined;
  const usage = a('usagetype');
  if (/EBSOptimized:/.test(usage) && a('ebsOptimized') === 'Yes') {
    return mapping(ec2EbsOptimized(type), 'hour', UNITS.hour, `EBS-optimized fee ${type}`);
  }
  if (dedicatedLinux(a)) {
    return mapping(ec2Dedicated(type), 'hour', UNITS.hour, `${type} Linux dedicated tenancy`);
  }
  return undefined;
}

function systemOperation(a: Attributes): ServiceMapping | undefined {
  const volume = a('volumeApiName');
  const group = a('group');
  const usage = a('usagetype');
  if (group.startsWith('EBS IOPS') || /VolumeP-IOPS/.test(usage)) {
    const tier = /EBS IOPS Tier ([23])$/.exec(group)?.[1] ?? /\.tier([23])$/.exec(usage)?.[1];
    if (tier) {
      if (volume !== 'io2' && !usage.includes('.io2.')) return undefined;
      const t = Number(tier) as 2 | 3;
      return mapping(ebsIo2IopsTier(t), 'IOPS-month', UNITS.iopsMonth, t === 2 ? 'EBS io2 IOPS 32,001–64,000' : 'EBS io2 IOPS above 64,000');
    }
    if (volume === 'io1' || volume === 'io2' || volume === 'gp3') return mapping(ebsIops(volume), 'IOPS-month', UNITS.iopsMonth, `EBS ${volume} provisioned IOPS`);
    return undefined;
  }
  if ((group === 'EBS I/O Requests' || /VolumeIOUsage$/.test(usage)) && (volume === 'standard' || volume === '')) {
    return mapping(ebsIoRequests(), 'million-requests', { IOs: { times: 1_000_000, per: 'per request' } }, 'EBS magnetic I/O requests, per million');
  }
  return undefined;
}

export function ec2Rule(p: ServiceProductView, a: Attributes): ServiceMapping | undefined {
  const usage = a('usagetype');
  const volume = a('volumeApiName');
  switch (p.productFamily) {
    case 'Compute Instance':
    case 'Compute Instance (bare metal)':
      return computeInstance(a);
    case 'Storage':
      if (!volume || /outposts/i.test(usage)) return undefined;
      return mapping(isVolume(volume) ? ebsStorage(volume) : `ebs:${volume}:storage`, 'GB-month', UNITS.gbMonth, `EBS ${volume} storage`);
    case 'System Operation':
      return systemOperation(a);
    case 'Provisioned Throughput':
      if (volume !== 'gp3' && !/Throughput\.gp3$/.test(usage)) return undefined;
      return mapping(ebsThroughput(), 'MiBps-month', { 'GiBps-mo': { divide: 1024, per: 'per GiBps-month ÷ 1024' }, 'MiBps-Mo': {}, 'MiBps-mo': {} }, 'EBS gp3 throughput');
    case 'NAT Gateway':
      if (/(^|-)NatGateway-Hours$/.test(usage)) return mapping(natHour(), 'hour', UNITS.hour, 'NAT gateway hour');
      if (/(^|-)NatGateway-Bytes$/.test(usage)) return mapping(natDataProcessed(), 'GB', UNITS.gb, 'NAT gateway data processed');
      return undefined;
    case 'Data Transfer':
      // Traffic between availability zones of one region, billed per GB in each direction.
      if (/(^|-)DataTransfer-Regional-Bytes$/.test(usage)) return mapping(interAzTransfer(), 'GB', UNITS.gb, 'Data transfer between availability zones, per GB in each direction');
      return undefined;
    case 'CPU Credits': {
      const family = /CPUCredits:([a-z0-9]+)$/.exec(usage)?.[1];
      const os = a('operatingSystem');
      if (!family || (os !== 'Linux' && os !== '')) return undefined;
      return mapping(ec2CpuCredits(family), 'vCPU-hour', UNITS.vcpuHour, `${family} unlimited-mode surplus CPU credits, Linux`);
    }
    default:
      return undefined;
  }
}
