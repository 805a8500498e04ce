/**
 * Non-instance products of the AmazonEC2 offer → ServicePrice keys of src/catalog/service-keys.ts (the
 * keys the plan pricer reads): EBS storage, IOPS (io2 tiers), gp3 throughput, magnetic I/O requests,
 * snapshots, NAT gateway hours and data, T-family CPU credits, and dedicated-tenancy Linux instances.
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
  natDataProcessed,
  natHour,
  type EbsVolumeType,
} from '../service-keys.js';

/** AWS price-list units → catalog units. Unknown units pass through unchanged. */
const UNITS: Readonly<Record<string, string>> = {
  'GB-Mo': 'GB-month',
  'GB-month': 'GB-month',
  'IOPS-Mo': 'IOPS-month',
  'IOs': 'request',
  'Hrs': 'hour',
  'GB': 'GB',
  'MiBps-Mo': 'MiBps-month',
  'GiBps-mo': 'GiBps-month',
  'vCPU-Hours': 'vCPU-hour',
};

export function catalogUnit(awsUnit: string): string {
  return UNITS[awsUnit] ?? awsUnit;
}

export interface ServiceKey {
  readonly key: string;
  /** Catalog unit of the stored price. */
  readonly unit: string;
  /** Stored price = AWS price per unit × scale (e.g. 1,000,000 for per-million-requests). */
  readonly scale?: number;
}

const isVolume = (v: string): v is EbsVolumeType => (EBS_VOLUME_TYPES as readonly string[]).includes(v);

function iopsKey(volume: string, usage: string): string | undefined {
  const tier = /\.tier([23])$/.exec(usage);
  if (tier) return volume === 'io2' ? ebsIo2IopsTier(Number(tier[1]) as 2 | 3) : undefined;
  return volume === 'io1' || volume === 'io2' || volume === 'gp3' ? ebsIops(volume) : `ebs:${volume}:iops`;
}

/** The service-price key of a non-instance product, or undefined when nuage does not price it. */
export function serviceKey(productFamily: string, attributes: Readonly<Record<string, string>>, awsUnit: string): ServiceKey | undefined {
  const volume = attributes.volumeApiName?.trim() ?? '';
  const group = attributes.group?.trim() ?? '';
  const usage = attributes.usagetype?.trim() ?? '';
  const unit = catalogUnit(awsUnit);
  switch (productFamily) {
    case 'Storage':
      return volume ? { key: isVolume(volume) ? ebsStorage(volume) : `ebs:${volume}:storage`, unit } : undefined;
    case 'System Operation':
    case 'Provisioned Throughput': {
      if (!volume) return undefined;
      if (group === 'EBS IOPS' || /VolumeP-IOPS/.test(usage)) {
        const key = iopsKey(volume, usage);
        return key ? { key, unit } : undefined;
      }
      if (group === 'EBS I/O Requests' || /VolumeIOUsage/.test(usage)) {
        return volume === 'standard' && awsUnit === 'IOs' ? { key: ebsIoRequests(), unit: 'million-requests', scale: 1_000_000 } : undefined;
      }
      if (group === 'EBS Throughput' || /VolumeP-Throughput/.test(usage)) return volume === 'gp3' ? { key: ebsThroughput(), unit } : undefined;
      return undefined;
    }
    case 'Storage Snapshot':
      return /EBS:SnapshotUsage$/.test(usage) ? { key: 'ebs:snapshot:storage', unit } : undefined;
    case 'NAT Gateway':
      if (/NatGateway-Hours$/.test(usage)) return { key: natHour(), unit };
      if (/NatGateway-Bytes$/.test(usage)) return { key: natDataProcessed(), unit };
      return undefined;
    case 'CPU Credits': {
      const family = /CPUCredits:([a-z0-9]+)$/.exec(usage)?.[1];
      return family && (attributes.operatingSystem ?? 'Linux') === 'Linux' ? { key: ec2CpuCredits(family), unit } : undefined;
    }
    default:
      return undefined;
  }
}

/** Dedicated-tenancy Linux instance hours are a service price (`ec2:dedicated:<type>`). */
export function dedicatedKey(instanceType: string): ServiceKey {
  return { key: ec2Dedicated(instanceType), unit: 'hour' };
}
