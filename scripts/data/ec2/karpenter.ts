/**
 * Karpenter's generated instance-type catalog (CSV) and its us-east-1 on-demand price table (JSON).
 * The catalog gives the facts nuage needs for sizing, notably the sustained clock (GHz → vCPU).
 */
import { InputError } from '../../../src/errors.js';
import type { Arch } from '../../../src/catalog/types.js';
import { booleanField, instanceTypeField, jsonDecimal, numberField, parseJson, readCsv } from './table.js';

export interface KarpenterType {
  readonly instanceType: string;
  readonly family: string;
  readonly category: string;
  readonly generation: number;
  readonly size: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly arch: Arch;
  readonly cpuManufacturer: string;
  /** null when Karpenter prints 0 (AWS publishes no sustained clock for the oldest types). */
  readonly sustainedClockGhz: number | null;
  readonly networkBandwidthMbps: number | null;
  readonly bareMetal: boolean;
  readonly burstable: boolean;
  readonly gpuCount: number;
}

const COLUMNS = [
  'instance_type', 'family', 'category', 'generation', 'size', 'vcpu', 'memory_mib', 'arch', 'cpu_manufacturer',
  'sustained_clock_mhz', 'network_bandwidth_mbps', 'bare_metal', 'burstable', 'gpu_count',
] as const;

export function readKarpenterCatalog(text: string, file: string): KarpenterType[] {
  return readCsv(text, file, COLUMNS).map((r) => {
    const num = (c: string): number => numberField(r.get(c), file, r.row, c);
    // Kubernetes names x86_64 "amd64".
    const raw = r.get('arch');
    const arch: Arch | undefined = raw === 'amd64' || raw === 'x86_64' ? 'x86_64' : raw === 'arm64' ? 'arm64' : undefined;
    if (!arch) throw new InputError({ file, row: r.row, field: 'arch' }, `expected amd64, x86_64 or arm64, found "${raw}"`);
    const clockMhz = num('sustained_clock_mhz');
    const network = r.get('network_bandwidth_mbps');
    return {
      instanceType: instanceTypeField(r.get('instance_type'), file, r.row, 'instance_type'),
      family: r.get('family'),
      category: r.get('category'),
      generation: num('generation'),
      size: r.get('size'),
      vcpu: num('vcpu'),
      memoryGiB: num('memory_mib') / 1024,
      arch,
      cpuManufacturer: r.get('cpu_manufacturer') || 'unknown',
      sustainedClockGhz: clockMhz > 0 ? clockMhz / 1000 : null,
      networkBandwidthMbps: network === '' || network === '0' ? null : numberField(network, file, r.row, 'network_bandwidth_mbps'),
      bareMetal: booleanField(r.get('bare_metal'), file, r.row, 'bare_metal'),
      burstable: booleanField(r.get('burstable'), file, r.row, 'burstable'),
      gpuCount: r.get('gpu_count') === '' ? 0 : num('gpu_count'),
    };
  });
}

export interface RegionalPriceTable {
  /** Date of the facts (the generator's commit date), YYYY-MM-DD. */
  readonly asOf: string;
  /** region → instance type → USD/h (exact decimal string). */
  readonly prices: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** `{ "prices": { "<region>": { "<type>": 0.204, … } }, "source": { "commit_date": "YYYY-MM-DD", … } }` */
export function readKarpenterPrices(text: string, file: string): RegionalPriceTable {
  const doc = parseJson(text, file) as { prices?: Record<string, Record<string, unknown>>; source?: { commit_date?: unknown } };
  const asOf = doc.source?.commit_date;
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new InputError({ file, field: 'source.commit_date' }, `expected YYYY-MM-DD, found ${JSON.stringify(asOf)}`);
  if (!doc.prices || typeof doc.prices !== 'object') throw new InputError({ file, field: 'prices' }, 'expected an object of regions');
  const prices = new Map<string, Map<string, string>>();
  for (const [region, table] of Object.entries(doc.prices)) {
    const byType = new Map<string, string>();
    for (const [type, usd] of Object.entries(table ?? {})) {
      instanceTypeField(type, file, 0, `prices.${region}`);
      byType.set(type, jsonDecimal(usd, file, `prices.${region}.${type}`));
    }
    prices.set(region, byType);
  }
  return { asOf, prices };
}

/** `{ "bandwidth_mbps": { "<type>": 2500, … } }` */
export function readNetworkBandwidth(text: string, file: string): ReadonlyMap<string, number> {
  const doc = parseJson(text, file) as { bandwidth_mbps?: Record<string, unknown> };
  const out = new Map<string, number>();
  for (const [type, v] of Object.entries(doc.bandwidth_mbps ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError({ file, field: `bandwidth_mbps.${type}` }, `expected a number, found ${JSON.stringify(v)}`);
    out.set(type, v);
  }
  return out;
}
