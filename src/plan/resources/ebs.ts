/** EBS volume cost components, shared by aws_ebs_volume, instance block devices and launch templates. */
import { EBS_VOLUME_TYPES, ebsIo2IopsTier, ebsIops, ebsIoRequests, ebsStorage, ebsThroughput, type EbsVolumeType } from '../../catalog/service-keys.js';
import { dec, type Decimal } from '../../money/index.js';
import { UNKNOWN, isKnown, type Maybe } from '../attrs.js';
import { service, unknownPrice, type ComponentSpec, type Quantity } from '../components.js';

export interface VolumeSpec {
  readonly label: string;
  /** Volume type as written; undefined/unknown → `defaultType`, said in the note. */
  readonly type: Maybe<string>;
  readonly sizeGb: Maybe<number>;
  readonly iops?: Maybe<number>;
  readonly throughputMiBps?: Maybe<number>;
  /** Type assumed when the plan leaves it to AWS (AMI or provider default). */
  readonly defaultType: EbsVolumeType;
  /** Size assumed when the plan leaves it to AWS (AMI default), if any. */
  readonly defaultSizeGb?: number;
}

const GP3_BASE_IOPS = 3000;
const GP3_BASE_THROUGHPUT = 125;
const IO2_TIER1_MAX = 32000;
const IO2_TIER2_MAX = 64000;

function qty(n: number | undefined, count: Decimal): Quantity {
  return n === undefined ? UNKNOWN : dec(n).times(count);
}

export function volumeComponents(region: string, v: VolumeSpec, count: Decimal): ComponentSpec[] {
  const notes: string[] = [];
  let type: string;
  if (isKnown(v.type)) type = v.type;
  else {
    type = v.defaultType;
    notes.push(`volume type ${v.type === UNKNOWN ? 'computed at apply' : 'not set'}: ${v.defaultType} assumed`);
  }
  if (!(EBS_VOLUME_TYPES as readonly string[]).includes(type)) {
    return [{ name: `${v.label} (${type})`, unit: 'GB-months', monthlyQuantity: UNKNOWN, price: unknownPrice(`unknown EBS volume type "${type}"`) }];
  }
  const t = type as EbsVolumeType;
  let size: number | undefined;
  if (isKnown(v.sizeGb)) size = v.sizeGb;
  else if (v.defaultSizeGb !== undefined) {
    size = v.defaultSizeGb;
    notes.push(`size ${v.sizeGb === UNKNOWN ? 'computed at apply' : 'not set'}: ${v.defaultSizeGb} GB assumed`);
  }
  const note = notes.length > 0 ? notes.join('; ') : undefined;
  const out: ComponentSpec[] = [
    {
      name: `${v.label} (${t}${size !== undefined ? `, ${size} GB` : ''})`,
      unit: 'GB-months',
      monthlyQuantity: qty(size, count),
      price: service(region, ebsStorage(t)),
      ...(note ? { note } : {}),
    },
  ];
  const iops = isKnown(v.iops) ? v.iops : undefined;
  if (t === 'io1' || t === 'io2') {
    if (iops === undefined) {
      out.push({ name: `${v.label} provisioned IOPS (${t})`, unit: 'IOPS-months', monthlyQuantity: UNKNOWN, price: service(region, ebsIops(t)) });
    } else if (t === 'io1') {
      out.push({ name: `${v.label} provisioned IOPS (io1, ${iops})`, unit: 'IOPS-months', monthlyQuantity: dec(iops).times(count), price: service(region, ebsIops('io1')) });
    } else {
      const tier1 = Math.min(iops, IO2_TIER1_MAX);
      const tier2 = Math.max(0, Math.min(iops, IO2_TIER2_MAX) - IO2_TIER1_MAX);
      const tier3 = Math.max(0, iops - IO2_TIER2_MAX);
      out.push({ name: `${v.label} provisioned IOPS (io2, first ${tier1})`, unit: 'IOPS-months', monthlyQuantity: dec(tier1).times(count), price: service(region, ebsIops('io2')) });
      if (tier2 > 0) out.push({ name: `${v.label} provisioned IOPS (io2, 32,001–64,000)`, unit: 'IOPS-months', monthlyQuantity: dec(tier2).times(count), price: service(region, ebsIo2IopsTier(2)) });
      if (tier3 > 0) out.push({ name: `${v.label} provisioned IOPS (io2, above 64,000)`, unit: 'IOPS-months', monthlyQuantity: dec(tier3).times(count), price: service(region, ebsIo2IopsTier(3)) });
    }
  }
  if (t === 'gp3') {
    if (iops !== undefined && iops > GP3_BASE_IOPS) {
      out.push({ name: `${v.label} IOPS above 3,000 (gp3)`, unit: 'IOPS-months', monthlyQuantity: dec(iops - GP3_BASE_IOPS).times(count), price: service(region, ebsIops('gp3')) });
    }
    const tp = isKnown(v.throughputMiBps) ? v.throughputMiBps : undefined;
    if (tp !== undefined && tp > GP3_BASE_THROUGHPUT) {
      out.push({ name: `${v.label} throughput above 125 MiB/s (gp3)`, unit: 'MiBps-months', monthlyQuantity: dec(tp - GP3_BASE_THROUGHPUT).times(count), price: service(region, ebsThroughput()) });
    }
  }
  if (t === 'standard') {
    out.push({ name: `${v.label} I/O requests (standard)`, unit: 'million requests', usageKey: 'monthly_standard_io_requests_millions', usageMultiplier: count, price: service(region, ebsIoRequests()) });
  }
  return out;
}
