/**
 * Two 2023 extracts of the AWS Price List: libcloud's per-type attributes (current-generation flag,
 * processor) and LeanerCloud's us-east-1 on-demand / 1-year standard all-upfront effective hourly table.
 */
import { instanceTypeField, numberField, optionalDecimal, readCsv } from './table.js';

export interface PriceListAttributes {
  readonly instanceType: string;
  readonly currentGeneration: boolean;
  readonly physicalProcessor: string;
  readonly vcpu: number | null;
  readonly memoryGiB: number | null;
}

export function readLibcloudAttributes(text: string, file: string): PriceListAttributes[] {
  return readCsv(text, file, ['instance_type', 'vcpu', 'memory', 'physicalProcessor', 'currentGeneration']).map((r) => {
    const mem = /^([\d.,]+) GiB$/.exec(r.get('memory'));
    return {
      instanceType: instanceTypeField(r.get('instance_type'), file, r.row, 'instance_type'),
      currentGeneration: r.get('currentGeneration') === 'Yes',
      physicalProcessor: r.get('physicalProcessor'),
      vcpu: r.get('vcpu') === '' ? null : numberField(r.get('vcpu'), file, r.row, 'vcpu'),
      memoryGiB: mem ? numberField(mem[1]!.replace(/,/g, ''), file, r.row, 'memory') : null,
    };
  });
}

export interface LeanerCloudPrice {
  readonly instanceType: string;
  readonly row: number;
  readonly onDemand: string | undefined;
  /** 1-year standard all-upfront effective hourly; undefined when empty or 0 (not offered). */
  readonly reserved1yrStandardAllUpfront: string | undefined;
}

export function readLeanerCloudUsEast1(text: string, file: string): LeanerCloudPrice[] {
  const OD = 'linux_ondemand_us_east_1';
  const RI = 'linux_ri_std_1yr_all_upfront_effective_hourly_us_east_1';
  return readCsv(text, file, ['instance_type', OD, RI]).map((r) => {
    const ri = optionalDecimal(r.get(RI), file, r.row, RI);
    const od = optionalDecimal(r.get(OD), file, r.row, OD);
    return {
      instanceType: instanceTypeField(r.get('instance_type'), file, r.row, 'instance_type'),
      row: r.row,
      onDemand: od === '0' ? undefined : od,
      reserved1yrStandardAllUpfront: ri === '0' ? undefined : ri,
    };
  });
}
