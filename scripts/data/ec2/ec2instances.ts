/**
 * ec2instances.info data of 2018-08-16: Linux on-demand and the 12 reserved-instance effective hourly
 * rates per type and region (prices_linux_all_regions.csv), and instance specs (specs.csv).
 */
import { RESERVED_ORDER } from '../../../src/catalog/snapshot-format.js';
import { booleanField, instanceTypeField, numberField, optionalDecimal, readCsv } from './table.js';

const TERM = { '1yr': 'yrTerm1', '3yr': 'yrTerm3' } as const;
const CLASS = { standard: 'Standard', convertible: 'Convertible' } as const;
const PAY = { 'no-upfront': 'noUpfront', 'partial-upfront': 'partialUpfront', 'all-upfront': 'allUpfront' } as const;

/** Column of each RESERVED_ORDER offer, e.g. "reserved_yrTerm1Standard.noUpfront". */
export const RESERVED_COLUMNS: readonly string[] = RESERVED_ORDER.map(
  (o) => `reserved_${TERM[o.term]}${CLASS[o.offeringClass]}.${PAY[o.paymentOption]}`,
);

export interface Ec2InstancesPrice {
  readonly instanceType: string;
  readonly region: string;
  readonly row: number;
  readonly onDemand: string | undefined;
  /** Effective hourly USD per RESERVED_ORDER index; undefined where the offer did not exist. */
  readonly reserved: readonly (string | undefined)[];
}

export function readEc2InstancesPrices(text: string, file: string): Ec2InstancesPrice[] {
  return readCsv(text, file, ['instance_type', 'region', 'ondemand_usd_hour', ...RESERVED_COLUMNS]).map((r) => ({
    instanceType: instanceTypeField(r.get('instance_type'), file, r.row, 'instance_type'),
    region: r.get('region'),
    row: r.row,
    onDemand: optionalDecimal(r.get('ondemand_usd_hour'), file, r.row, 'ondemand_usd_hour'),
    reserved: RESERVED_COLUMNS.map((c) => optionalDecimal(r.get(c), file, r.row, c)),
  }));
}

export interface Ec2InstancesSpec {
  readonly instanceType: string;
  readonly family: string;
  readonly currentGeneration: boolean;
  /** null where the file prints "N/A" (i3.metal). */
  readonly vcpu: number | null;
  readonly memoryGiB: number | null;
  /** "x86_64" when listed (also for "i386;x86_64"), else the first listed. */
  readonly arch: string;
  readonly physicalProcessor: string;
  readonly gpuCount: number;
}

export function readEc2InstancesSpecs(text: string, file: string): Ec2InstancesSpec[] {
  return readCsv(text, file, ['instance_type', 'series', 'current_generation', 'vcpu', 'memory_gib', 'arch', 'physical_processor', 'GPU']).map((r) => {
    const arches = r.get('arch').split(';');
    return {
      instanceType: instanceTypeField(r.get('instance_type'), file, r.row, 'instance_type'),
      family: r.get('series'),
      currentGeneration: booleanField(r.get('current_generation'), file, r.row, 'current_generation'),
      vcpu: r.get('vcpu') === 'N/A' ? null : numberField(r.get('vcpu'), file, r.row, 'vcpu'),
      memoryGiB: r.get('memory_gib') === 'N/A' ? null : numberField(r.get('memory_gib'), file, r.row, 'memory_gib'),
      arch: arches.includes('x86_64') ? 'x86_64' : (arches[0] ?? ''),
      physicalProcessor: r.get('physical_processor'),
      gpuCount: r.get('GPU') === '' ? 0 : numberField(r.get('GPU'), file, r.row, 'GPU'),
    };
  });
}
