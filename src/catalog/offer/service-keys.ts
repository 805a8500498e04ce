/**
 * Non-instance rows of the AmazonEC2 offer (EBS volumes, IOPS, snapshots, NAT gateways) → ServicePrice
 * keys. The scheme (documented in docs/aws.md):
 *   ebs:<volumeApiName>:storage     GB-month      (product family "Storage")
 *   ebs:<volumeApiName>:iops        IOPS-month    ("System Operation", group "EBS IOPS")
 *   ebs:<volumeApiName>:throughput  MiBps-month   ("Provisioned Throughput" / group "EBS Throughput")
 *   ebs:<volumeApiName>:requests    request       ("System Operation", group "EBS I/O Requests")
 *   ebs:snapshot:storage            GB-month      ("Storage Snapshot", usage type …EBS:SnapshotUsage)
 *   nat:hour / nat:gb               hour / GB     ("NAT Gateway")
 */

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
};

export function catalogUnit(awsUnit: string): string {
  return UNITS[awsUnit] ?? awsUnit;
}

/** The service-price key of a non-instance product, or undefined when nuage does not price it. */
export function serviceKey(productFamily: string, attributes: Readonly<Record<string, string>>): string | undefined {
  const volume = attributes.volumeApiName?.trim();
  const group = attributes.group?.trim() ?? '';
  const usage = attributes.usagetype?.trim() ?? '';
  switch (productFamily) {
    case 'Storage':
      return volume ? `ebs:${volume}:storage` : undefined;
    case 'System Operation':
    case 'Provisioned Throughput':
      if (!volume) return undefined;
      if (group === 'EBS IOPS' || /VolumeP-IOPS/.test(usage)) return `ebs:${volume}:iops`;
      if (group === 'EBS I/O Requests' || /VolumeIOUsage/.test(usage)) return `ebs:${volume}:requests`;
      if (group === 'EBS Throughput' || /VolumeP-Throughput/.test(usage)) return `ebs:${volume}:throughput`;
      return undefined;
    case 'Storage Snapshot':
      return /EBS:SnapshotUsage$/.test(usage) ? 'ebs:snapshot:storage' : undefined;
    case 'NAT Gateway':
      if (/NatGateway-Hours$/.test(usage)) return 'nat:hour';
      if (/NatGateway-Bytes$/.test(usage)) return 'nat:gb';
      return undefined;
    default:
      return undefined;
  }
}
