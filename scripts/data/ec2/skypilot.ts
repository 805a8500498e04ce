/**
 * SkyPilot's AWS catalog as published (vms.csv): one row per instance type and availability zone with the
 * region's on-demand price and the AZ's spot price at generation time.
 */
import { InputError } from '../../../src/errors.js';
import { instanceTypeField, numberField, optionalDecimal, readCsv } from './table.js';

export interface SkyPilotOffer {
  readonly instanceType: string;
  readonly region: string;
  readonly vcpu: number | null;
  readonly memoryGiB: number | null;
  readonly acceleratorCount: number;
  /** On-demand Linux USD/h; absent when the row has none (Mac, some GPU types). */
  readonly onDemand: string | undefined;
  /** AZ id → spot USD/h (undefined: the row has no spot price). */
  readonly zones: ReadonlyMap<string, string | undefined>;
}

export interface SkyPilotCatalog {
  readonly offers: readonly SkyPilotOffer[];
  readonly rows: number;
  /** Rows repeating a (type, AZ) pair already seen; merged, keeping the one with a spot price. */
  readonly duplicateRows: number;
}

const COLUMNS = ['InstanceType', 'AcceleratorCount', 'vCPUs', 'MemoryGiB', 'Price', 'SpotPrice', 'Region', 'AvailabilityZone'] as const;

export function readSkyPilotVms(text: string, file: string): SkyPilotCatalog {
  const rows = readCsv(text, file, COLUMNS);
  const byKey = new Map<string, { offer: SkyPilotOffer; zones: Map<string, string | undefined>; odRow: number }>();
  let duplicateRows = 0;
  for (const r of rows) {
    const instanceType = instanceTypeField(r.get('InstanceType'), file, r.row, 'InstanceType');
    const region = r.get('Region');
    const zone = r.get('AvailabilityZone');
    if (!region) throw new InputError({ file, row: r.row, field: 'Region' }, 'is empty');
    if (!zone) throw new InputError({ file, row: r.row, field: 'AvailabilityZone' }, 'is empty');
    const onDemand = optionalDecimal(r.get('Price'), file, r.row, 'Price');
    const spot = optionalDecimal(r.get('SpotPrice'), file, r.row, 'SpotPrice');
    const key = `${region}\u0000${instanceType}`;
    let entry = byKey.get(key);
    if (!entry) {
      const num = (c: string): number | null => (r.get(c) === '' ? null : numberField(r.get(c), file, r.row, c));
      const zones = new Map<string, string | undefined>();
      entry = {
        offer: { instanceType, region, vcpu: num('vCPUs'), memoryGiB: num('MemoryGiB'), acceleratorCount: num('AcceleratorCount') ?? 0, onDemand, zones },
        zones,
        odRow: r.row,
      };
      byKey.set(key, entry);
    } else if (onDemand !== undefined) {
      const known = entry.offer.onDemand;
      if (known === undefined) entry.offer = { ...entry.offer, onDemand };
      else if (known !== onDemand) {
        throw new InputError({ file, row: r.row, field: 'Price' }, `${instanceType} in ${region}: on-demand ${onDemand} differs from ${known} on row ${entry.odRow} (expected one price per region)`);
      }
    }
    if (entry.zones.has(zone)) {
      duplicateRows++;
      if (entry.zones.get(zone) === undefined) entry.zones.set(zone, spot);
    } else entry.zones.set(zone, spot);
  }
  const offers = [...byKey.values()].map((e) => ({ ...e.offer, zones: e.zones }));
  return { offers, rows: rows.length, duplicateRows };
}
